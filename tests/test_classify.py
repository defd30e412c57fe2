"""Column roles from header paths: the vocabulary LKjIP tables use for targets, realisations and budgets."""
from __future__ import annotations

import pytest

from pipeline.classify import classify, is_role, role_of
from pipeline.models import Cell, RawTable


@pytest.mark.parametrize("path, role", [
    ("Tahun 2022 › Target", "target"),
    ("Realisasi Kinerja", "realization"),
    ("Capaian Kinerja (%)", "achievement"),
    ("Tingkat Capaian", "achievement"),
    ("Pagu Anggaran", "pagu"),
    ("Pagu › Murni", "pagu_initial"),
    ("Anggaran › Sebelum Perubahan", "pagu_initial"),
    ("Anggaran › Setelah Perubahan", "pagu"),
    ("APBD-P", "pagu"),
    ("Realisasi (Rp)", "budget_realization"),
    ("Realisasi Keuangan", "budget_realization"),
    ("Keuangan › %", "budget_pct"),
    ("Serapan (%)", "budget_pct"),
    ("Realisasi Anggaran › %", "budget_pct"),
    ("Efisiensi (%)", "efficiency"),
    ("Anggaran › Capaian", "budget_pct"),
    ("Target Sebelum Perubahan", "target_initial"),
    ("TW II › Capaian", "quarter"),
    ("Indikator Kinerja Utama", "indicator"),
    ("Indikator Tujuan/Sasaran › Formula Perhitungan", "other"),
    ("Program/Kegiatan/Sub Kegiatan", "program"),
    ("Satuan", "unit"),
    ("Target Kinerja Pada Tahun Ke- › Awal", "other"),  # the baseline, not a year's target
    ("Kondisi Awal", "other"),
    ("Realisa › Tahunan › 2024", "realization"),  # a word cut at a cell border
    ("Perjanji › Target", "target"),
    # a leaf naming nothing ("(%)", a year) takes the role of the heading nearest it, not of the wide group above
    ("Indikator Kinerja › Capaian › (%)", "achievement"),
    ("Capaian Kinerja › Target › 2016", "target"),
    ("Capaian › Indikator Kinerja (3)", "indicator"),  # a leaf that names its role keeps it
])
def test_role_of(path, role):
    assert role_of(path) == role


def test_planned_capaian_heading_is_a_target():
    from pipeline.classify import role_of
    assert role_of("Target Capaian Kinerja") == "target"
    assert role_of("Rencana Capaian") == "target"
    assert role_of("Capaian Kinerja") == "achievement"
    # the PermenPAN-RB forms' "Rencana Tingkat Capaian (Target)", and "Rencana" alone beside "Realisasi"
    assert role_of("Rencana Tingkat Capaian (Target)") == "target"
    assert role_of("Fisik › Rencana") == "target"
    assert role_of("Keuangan › Rencana") == "pagu"  # the money planned: a ceiling


def test_national_benchmark_beside_the_agencys_figure_has_no_role():
    from pipeline.classify import role_of
    assert role_of("Target dan Standar Nasional") == "other"
    assert role_of("Angka Provinsi") == "other"
    assert role_of("Rata-rata Nasional") == "other"
    assert role_of("Realisasi 2016 Thdp Capaian kinerja Nasional") == "achievement"  # the ratio to it


def test_baseline_with_its_year_is_that_years_realisasi():
    from pipeline.classify import role_of
    assert role_of("Kondisi Awal (2013)") == "realization"
    assert role_of("Kondisi Awal") == "other"  # no year: the plan's starting point, no year's figure


def test_realisasi_in_percent_of_indicators_measured_in_tonnes_is_their_capaian():
    header = [[Cell(t, 1) for t in ("Indikator", "Satuan", "Realisasi (%)", "")],
              [Cell(t, 1) for t in ("", "", "2021", "2022")]]
    body = [[Cell(t, 1) for t in row] for row in (("Produksi kayu", "Ton", "95,50", "101,20"),
                                                  ("Jumlah bibit", "Batang", "88,00", "92,10"),
                                                  ("Luas hutan", "Ha", "100,00", "100,00"))]
    layout = classify(RawTable(0, [1], None, None, header, body, "lattice"), 2022)
    assert [(c.role, c.year) for c in layout.columns[2:]] == [("achievement", 2021), ("achievement", 2022)]
    assert any("capaian" in e for e in layout.evidence)


def test_realisasi_in_percent_of_percent_indicators_stays_realisasi():
    header = [[Cell(t, 1) for t in ("Indikator", "Satuan", "Realisasi (%)")]]
    body = [[Cell(t, 1) for t in row] for row in (("Persentase desa", "%", "95,50"), ("Persentase jalan", "%", "88,00"))]
    layout = classify(RawTable(0, [1], None, None, header, body, "lattice"), 2022)
    assert layout.columns[2].role == "realization"


def _layout(header_rows, body_rows, renstra_end=None):
    header = [[Cell(t, 1) for t in row] for row in header_rows]
    body = [[Cell(t, 1) for t in row] for row in body_rows]
    return classify(RawTable(0, [1], None, None, header, body, "lattice"), 2022, renstra_end)


def test_percent_realisasi_beside_a_realisasi_is_its_capaian():
    layout = _layout([["Indikator", "Tahun 2022", "", ""], ["", "Target", "Realisasi", "% Realisasi"]],
                     [["Jumlah bibit", "50", "45", "90,00"], ["Luas hutan", "20", "21", "105,00"]])
    assert [(c.role, c.year) for c in layout.columns[1:]] == [("target", 2022), ("realization", 2022),
                                                               ("achievement", 2022)]


def test_capaian_against_the_plans_end_target_belongs_to_the_plans_last_year():
    layout = _layout([["Indikator", "Realisasi 2022", "Target Akhir Periode",
                       "% Capaian 2022 terhadap Target Akhir Periode"]],
                     [["Jumlah bibit", "45", "60", "75,00"], ["Luas hutan", "21", "30", "70,00"]], renstra_end=2024)
    assert [(c.role, c.year) for c in layout.columns[1:]] == [("realization", 2022), ("target", 2024),
                                                               ("achievement", 2024)]


def test_capaian_of_a_realisasi_against_a_later_target_takes_the_targets_year():
    layout = _layout([["Indikator", "2022", "2024", "Capaian"], ["", "Realisasi", "Target", "(%)"]],
                     [["Jumlah bibit", "45", "60", "75,00"], ["Luas hutan", "21", "30", "70,00"],
                      ["Jumlah desa", "8", "10", "80,00"]])
    assert [(c.role, c.year) for c in layout.columns[1:]] == [("realization", 2022), ("target", 2024),
                                                               ("achievement", 2024)]


def test_a_revenue_target_in_rupiah_is_a_revenue_budget():
    table = RawTable(0, [1], "Tabel 8", "Pencapaian Pendapatan Asli Daerah Tahun 2021",
                     [[Cell(t, 1) for t in ("Uraian", "Target", "Realisasi", "% Realisasi")]],
                     [[Cell(t, 1) for t in r] for r in (("UPTD Balai Benih", "400.000.000", "500.000.000", "125,00"),
                                                        ("UPTD Balai Pakan", "40.000.000", "10.000.000", "25,00"))],
                     "lattice")
    layout = classify(table, 2021)
    assert [c.role for c in layout.columns[1:]] == ["pagu", "budget_realization", "budget_pct"]
    assert "budget" in layout.kinds and "performance" not in layout.kinds


def test_a_target_in_rupiah_without_revenue_words_stays_a_target():
    layout = _layout([["Indikator", "Target", "Realisasi", "Capaian"]],
                     [["Nilai investasi", "400.000.000", "500.000.000", "125,00"],
                      ["Nilai ekspor", "40.000.000", "10.000.000", "25,00"]])
    assert [c.role for c in layout.columns[1:]] == ["target", "realization", "achievement"]


def test_an_empty_twin_of_a_column_under_the_same_heading_gives_up_its_role():
    layout = _layout([["Indikator", "Target 2022", "Realisasi", "Realisasi", "Capaian"]],
                     [["Jumlah bibit", "50", "45", "", "90,00"], ["Luas hutan", "20", "21", "", "105,00"]])
    assert [c.role for c in layout.columns[1:]] == ["target", "realization", "other", "achievement"]


def test_a_bare_year_column_beside_an_empty_value_column_of_that_year_takes_its_role():
    # "Realisasi" centred over "2015 | (sliver) | 2016": the 2015 values sit under the bare year
    header = [[Cell(t, 1) for t in ("No", "Indikator", None, "Realisasi", None, "Target 2016", "% Capaian")],
              [Cell(t, 1) for t in (None, None, "2015", None, "2016", None, "Kinerja")],
              [Cell(t, 1) for t in (None, None, None, None, None, None, "2016")]]
    body = [[Cell(t, 1) for t in row] for row in (("1", "Indeks udara", "41", "", "44", "40", "110,00"),
                                                  ("2", "Jumlah taman", "2", "", "9", "6", "150,00"))]
    layout = classify(RawTable(0, [1], None, None, header, body, "lattice"), 2016)
    assert [(c.role, c.year) for c in layout.columns[2:5]] == [("realization", 2015), ("other", 2015),
                                                                ("realization", 2016)]


def _grouped(group: str, leaves: list[str], rows: list[list[str]]) -> RawTable:
    header = [[Cell(t, 1) for t in ["Indikator Kinerja", group] + [None] * (len(leaves) - 1)],
              [Cell(t, 1) for t in [None] + leaves]]
    return RawTable(0, [1], None, None, header, [[Cell(t, 1) for t in row] for row in rows], "lattice")


QUARTERLY_ROWS = [["Indikator A", "100%", "100%", "100%", "100%"], ["Indikator B", "25%", "50%", "75%", "100%"],
                  ["Indikator C", "100%", "100%", "100%", "100%"]]


def test_quarter_columns_under_a_capaian_group_heading_are_quarters():
    # "% Capaian Kinerja" over Triw I … Triw IV: each quarter's capaian, not a target, realisasi and capaian of the year
    from pipeline.rows import performance_records
    table = _grouped("% Capaian Kinerja", ["Triw I", "Triw II", "Triw III", "Triw IV"], QUARTERLY_ROWS)
    layout = classify(table, 2016)
    assert [c.role for c in layout.columns][1:] == ["quarter"] * 4
    assert performance_records(table, layout, "x.pdf") == []


def test_a_value_through_the_last_quarter_is_the_years():
    """"Realisasi s.d. Triwulan IV" (up to the end of the fourth quarter) is the year's realisasi; up to the third
    quarter it is a quarter's running total, no value of the year (Readings settled 7)."""
    from pipeline.classify import role_of
    assert role_of("Realisasi s.d. Triwulan IV") == "realization"
    assert role_of("Realisasi Kinerja s/d TW 4") == "realization"
    assert role_of("Realisasi s.d. TW III") == "quarter"


def test_the_annual_column_beside_quarters_holds_what_its_heading_names():
    """"Realisasi › TW I … TW IV | Tahunan": the year's realisasi; "Tahunan" alone beside quarterly targets: the year's
    target."""
    from extractors.grid import PATH_SEP
    from pipeline.classify import role_of
    assert role_of(f"Realisasi{PATH_SEP}Tahunan") == "realization"
    assert role_of("Tahunan") == "target"


def test_quarter_headings_misread_by_ocr_under_one_group_heading_are_quarters():
    table = _grouped("% Capaian Kinerja", ["Tiwi", "Triw ll", "Tas Ii", "Triv IV"], QUARTERLY_ROWS)
    assert [c.role for c in classify(table, 2016).columns][1:] == ["quarter"] * 4


def test_a_total_beside_quarter_columns_keeps_its_role():
    rows = [["Indikator A", "1", "2", "3", "6"], ["Indikator B", "2", "2", "2", "6"]]
    table = _grouped("Realisasi", ["TW I", "TW II", "TW III", "Jumlah"], rows)
    assert [c.role for c in classify(table, 2016).columns][1:] == ["quarter"] * 3 + ["realization"]
    table = _grouped("Capaian", ["Tiwi", "Kinerja", "Anggaran", "Target"], rows)  # one misread-looking heading is no group
    assert "quarter" not in [c.role for c in classify(table, 2016).columns]


def test_every_role_a_caption_names_for_its_year_columns_is_a_column_role():
    """The caption vocabulary (lexicon.CAPTION_ROLE_WORDS) gives bare year columns their role: each role it
    names is one of classify.Role, which `year_runs` checks before taking it."""
    from pipeline.lexicon import CAPTION_ROLE_WORDS, caption_roles

    assert all(is_role(role) for _, role in CAPTION_ROLE_WORDS)
    assert caption_roles("Realisasi Produksi Tahun 2031-2034") == ["realization"]
    assert not is_role("realisasi")  # an Indonesian word, not a role


def test_a_target_whose_broken_heading_put_its_year_over_the_capaian_only_takes_that_year():
    """A plan-end heading ("Prakiraan Ujung Periode Tahun 2029") broken over the cells, its year over the Capaian
    beside the Target: the Target is that year's, the one the Capaian is measured against."""
    layout = _layout([["Indikator", "Realisasi", "Prakira", "an Ujung"],
                      ["", "s.d 2026", "", "ode 2029)"],
                      ["", "", "Target", "Capaian"]],
                     [["Jumlah bibit", "45", "60", "75,00"], ["Luas hutan", "21", "30", "70,00"]])
    assert [(c.role, c.year) for c in layout.columns[2:]] == [("target", 2029), ("achievement", 2029)]


def test_percent_under_an_earlier_years_group_is_that_years_capaian():
    """'2022 › Target | Realisasi | %', '2023 › Target | Realisasi | %': the '%' of 2022 is its capaian, not a
    column of the run of 2023 (orphan year columns are headed by a year alone)."""
    layout = _layout([["No", "Indikator", "2022", "", "", "2023", "", ""],
                      ["", "", "Target", "Realisasi", "%", "Target", "Realisasi", "%"]],
                     [["1", "Jumlah koperasi aktif", "250", "221,76", "88,70", "262,50", "231", "88,00"],
                      ["2", "Persentase desa mandiri", "8", "8,64", "108,00", "8,40", "9", "107,14"]])
    assert [(c.role, c.year) for c in layout.columns[2:]] == [
        ("target", 2022), ("realization", 2022), ("achievement", 2022),
        ("target", 2023), ("realization", 2023), ("achievement", 2023)]


def test_realisasi_to_this_year_beside_the_plan_end_keeps_its_printed_year():
    """'Target Akhir Renstra (2026) | Realisasi s.d. 2023 | Capaian thd Target Akhir': the second block repeats
    the first's roles, but its realisasi prints its own year: no block takes the plan end's year whole."""
    layout = _layout([["No", "Indikator", "Target 2023", "Realisasi 2023", "Capaian 2023 (%)",
                       "Target Akhir Renstra (2026)", "Realisasi s.d. 2023", "Capaian thd Target Akhir Renstra (%)"]],
                     [["1", "Persentase usaha bersertifikat", "35", "31,50", "90,00", "38,50", "31,50", "81,82"],
                      ["2", "Indeks layanan digital", "50", "54,55", "109,10", "55", "54,55", "99,18"]], renstra_end=2026)
    assert [(c.role, c.year) for c in layout.columns[5:7]] == [("target", 2026), ("realization", 2023)]


def test_money_word_heading_a_column_of_names_names_the_rows():
    """A realisation table heads its first column with the spending it lists ('BELANJA PEGAWAI'): its cells are
    names, so it names the rows; the amounts beside it keep their roles."""
    layout = _layout([["NO", "BELANJA PEGAWAI", "ANGGARAN 2019", "REALISASI 2019", "PERSENTASE (%)"]],
                     [["1", "Gaji dan Tunjangan", "212.804.201.895,99", "185.103.285.022,00", "86,98"],
                      ["2", "Tambahan Penghasilan", "106.457.425.353,58", "105.911.411.944,02", "99,49"],
                      ["3", "Uang Lembur", "2.508.805.188,00", "2.404.702.000,00", "95,85"]])
    assert [c.role for c in layout.columns] == ["no", "program", "pagu", "budget_realization", "budget_pct"]
    assert "budget" in layout.kinds and any("names" in e for e in layout.evidence)


def test_initial_target_of_a_revised_pk_is_the_target_it_replaced():
    layout = _layout([["No", "Indikator", "Target Awal", "Target Perubahan"]],
                     [["1", "Persentase layanan contoh", "80", "85"], ["2", "Jumlah desa contoh", "10", "12"]])
    assert [c.role for c in layout.columns][2:] == ["target_initial", "target"]


def test_over_or_under_beside_a_realisation_is_no_ceiling():
    assert role_of("Anggaran Setelah Perubahan 2024 › Lebih / (Kurang)") == "other"


def test_kinerja_and_money_pairs_of_the_renja_evaluation_form():
    """'Target Kinerja dan Anggaran … › K | Rp': K is the indicator's (target, realisasi, capaian by its heading),
    Rp its money (pagu, realisasi anggaran, % of it)."""
    assert role_of("Target Kinerja dan Anggaran Renja Tahun Berjalan (2024) › K") == "target"
    assert role_of("Target Kinerja dan Anggaran Renja Tahun Berjalan (2024) › Rp") == "pagu"
    assert role_of("Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi (2024) › K") == "realization"
    assert role_of("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun 2024 (%) › K") == "achievement"


def test_an_items_price_and_a_notes_reference_are_no_ceilings():
    assert role_of("Harga (Rp)") == "other" and role_of("Jumlah (Rp)") == "pagu"
    assert role_of("Ref") == "no"


def test_a_role_word_whose_year_was_lost_before_a_run_of_years_is_the_year_before():
    """'Realisasi | Realisasi 2022 | Realisasi 2023': the first heading's year was cut from its cell (or lost by OCR);
    a heading naming a standard ('Target IKK') is no year of the run."""
    layout = _layout([["No", "Indikator", "Realisasi", "Realisasi 2022", "Realisasi 2023", "Target 2023", "Capaian 2023 (%)"]],
                     [["1", "Persentase layanan contoh", "70", "75", "80", "80", "100,00"],
                      ["2", "Jumlah desa contoh", "10", "11", "12", "15", "80,00"]])
    assert [(c.role, c.year) for c in layout.columns[2:5]] == [("realization", 2021), ("realization", 2022),
                                                               ("realization", 2023)]
    standard = _layout([["No", "Indikator", "Target IKK", "Target 2014", "Target 2015"]],
                       [["1", "Persentase layanan contoh", "90", "70", "75"], ["2", "Jumlah desa contoh", "20", "10", "11"]])
    assert standard.columns[2].year is None


def test_a_misread_year_inside_a_run_of_years_is_the_year_between():
    """'Target › 2022 | 2 1023 | 2024': OCR misread the year of one column of a plan's run; it is the year between
    its neighbours', of their role. Digits with letters name something else and are left alone."""
    header = [["No", "Indikator", "Target", None, None, None], ["", "", "2021", "2022", "2 1023", "2024"]]
    layout = _layout(header, [["1", "Persentase layanan contoh", "70", "75", "80", "85"],
                              ["2", "Jumlah desa contoh", "10", "11", "12", "13"]])
    assert [(c.role, c.year) for c in layout.columns[2:6]] == [("target", 2021), ("target", 2022), ("target", 2023),
                                                               ("target", 2024)]
    assert any("no year read" in e for e in layout.evidence)
    coded = _layout([header[0], ["", "", "2021", "2022", "IKK 2 1023", "2024"]],
                    [["1", "Persentase layanan contoh", "70", "75", "80", "85"]])
    assert coded.columns[4].year is None


def test_a_yearless_realisasi_between_the_target_and_capaian_of_a_year_is_of_that_year():
    """'Target 2022 | Realisasi ?? | Capaian 2022 | Target Akhir Renstra 2026 | Capaian s.d. …': OCR misread the
    realisasi's year; it is 2022, not the plan's last year its capaian against the end target would give it (the
    year's own capaian is printed with slips, the one against the end target is not)."""
    header = [["No", "Indikator", "Satuan", "Realisasi 2020", "Realisasi 2021", "Target 2022", "Realisasi pap",
               "Capaian 2022 (%)", "Target Akhir Renstra 2026", "Capaian s.d. 2022 terhadap Target Akhir Renstra (%)"]]
    body = [["1", "Persentase layanan contoh", "%", "60", "65", "80", "72", "90,00", "90", "80,00"],
            ["2", "Jumlah desa contoh", "desa", "7", "8", "10", "9", "92,50", "12", "75,00"],
            ["3", "Indeks pasar contoh", "indeks", "3", "3,5", "4", "3,6", "88,00", "4,5", "80,00"]]
    layout = _layout(header, body, renstra_end=2026)
    assert (layout.columns[6].role, layout.columns[6].year) == ("realization", 2022)
