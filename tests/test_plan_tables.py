"""Multi-year plan tables (Renstra / RPJMD / Renja program tables): the header read into year groups,
the plan's starting point, indicator columns at several levels, and continuation parts whose first
data row was read into the header. Each test builds its own table after how agencies print them."""
from __future__ import annotations

from pipeline.classify import classify, role_of
from pipeline.models import Cell, RawTable
from pipeline.rows import filled_rows, performance_records
from pipeline.spans import join_spanned_columns


def _table(header: list[list[str | None]], body: list[list[str | None]], caption: str | None = None) -> RawTable:
    def row(texts):
        return [Cell(t, 1) for t in texts]
    return RawTable(0, [1], "Tabel 6.2", caption, [row(r) for r in header], [row(r) for r in body], "lattice")


def _roles(layout) -> list[tuple[str, int | None]]:
    return [(c.role, c.year) for c in layout.columns]


def test_indicator_heading_followed_by_a_role_word_names_the_indicators():
    # "Indikator Capaian Program (Outcome) / Indikator Keluaran Kegiatan (Output)": names, not capaian values
    assert role_of("Indikator Capaian Program (Outcome) / Indikator Keluaran Kegiatan (Output)") == "indicator"
    assert role_of("Indikator Kinerja › Capaian") == "achievement"  # a capaian under the indicator heading


def test_capaian_of_the_plans_starting_year_is_its_realisation():
    # "Data Capaian pada Tahun 2018 | Tahun III (2021) › target | Rp": what was reached in 2018, not a % of a target
    table = _table([["Program dan Kegiatan", "Indikator Capaian Program", "Data Capaian pada Tahun 2018",
                     "Tahun III (2021)", None, "Tahun IV (2022)", None],
                    [None, None, None, "target", "Rp", "target", "Rp"]],
                   [["Program A", "Jumlah ASN yang dilatih", "4215", "4,431 Org", "16.000.048.512", "4643 Org",
                     "30.577.909.673"],
                    ["", "Jumlah dokumen", "2", "3", "", "3", ""]])
    layout = classify(join_spanned_columns(table), 2021)
    assert _roles(layout)[2] == ("realization", 2018)
    assert any("starting point" in e for e in layout.evidence)
    records = performance_records(table, layout, "x.pdf")
    baseline = [r for r in records if r.year == 2018]
    assert [(r.indicator, r.realization, r.achievement_pct) for r in baseline] == [
        ("Jumlah ASN yang dilatih", 4215, None), ("Jumlah dokumen", 2, None)]


def test_kondisi_awal_with_its_year_under_a_target_heading_is_a_realisation():
    # "Kondisi Kinerja pada awal periode › Tahun 2018 | Target Capaian Setiap Tahun › Tahun 2019 … 2023"
    table = _table([["NO", "Indikator", "Kondisi Kinerja pada awal periode RPJMD", "Target Capaian Setiap Tahun", None, None],
                    [None, None, "Tahun 2018", "Tahun 2019", "Tahun 2020", "Tahun 2021"]],
                   [["1", "Indeks kepuasan ASN", "68", "70", "72", "75"],
                    ["2", "Persentase ASN berkinerja baik", "90%", "92%", "93%", "94%"]])
    layout = classify(join_spanned_columns(table), 2021)
    assert _roles(layout)[2:] == [("realization", 2018), ("target", 2019), ("target", 2020), ("target", 2021)]


def test_kondisi_awal_without_a_year_of_its_own_stays_unread():
    # the year came from a banner, not from the heading: no year printed for the baseline, no row
    table = _table([["Indikator", "Kondisi Awal", "Target 2021", "Target 2022"]],
                   [["Indeks A", "61,5", "62", "63"], ["Indeks B", "70", "71", "72"]])
    layout = classify(join_spanned_columns(table), 2021)
    assert _roles(layout)[1][0] == "other"


def test_the_unnamed_column_of_a_years_target_and_rupiah_pair_is_the_target():
    # "2021 › TAFGET | Rp": the target's sub-heading misspelt or lost, the pair still one target and its Rupiah
    table = _table([["Indikator", "Target Kinerja dan Kerangka Pendanaan", None, None, None],
                    [None, "2021", None, "2022", None],
                    [None, None, "Rp", None, "Rp"]],
                   [["Jumlah kelompok", "2 kelompok", "120.000.000", "3 kelompok", "130.000.000"],
                    ["Jumlah produksi (Ton)", "15.800", "", "15.850", ""]])
    layout = classify(join_spanned_columns(table), 2021)
    assert _roles(layout)[1:] == [("target", 2021), ("pagu", 2021), ("target", 2022), ("pagu", 2022)]
    records = performance_records(table, layout, "x.pdf")
    assert {(r.indicator, r.year, r.target) for r in records} >= {("Jumlah produksi (Ton)", 2022, 15850)}


def test_first_data_row_of_a_continuation_part_read_into_the_header_goes_back_to_the_body():
    # a part on the next page under its table's header: the reader took its first row for a third header
    # row, keeping the sub-headings ("Rp") its empty cells did not cover
    table = _table([["Indikator", "Target dan Pendanaan", None, None, None, None, None],
                    [None, "2021", None, "2022", None, "2023", None],
                    ["Jumlah kelompok pembudidaya", "2 kelompok", "Rp", "3 kelompok", "Rp", "3 kelompok", "Rp"]],
                   [["Jumlah nelayan dibina", "30 orang", "", "31 orang", "", "32 orang", ""]])
    joined = join_spanned_columns(table)
    assert [c.text for c in joined.header[-1]] == ["", "", "Rp", "", "Rp", "", "Rp"]
    assert [c.text for c in joined.body[0]] == ["Jumlah kelompok pembudidaya", "2 kelompok", "", "3 kelompok", "",
                                                "3 kelompok", ""]
    assert len(joined.body) == 2


def test_indicator_columns_of_several_levels_share_the_value_columns():
    # "Tujuan › Indikator | Sasaran › Indikator | Program | Indikator | 2021 | 2022": each row names its own
    # indicator in the column of its level; the values are the same columns for every level
    table = _table([["Tujuan", None, "Sasaran", None, "Program", "Indikator Program", "Target", None],
                    ["Uraian", "Indikator", "Uraian", "Indikator", None, None, "2021", "2022"]],
                   [["Meningkatnya PDRB", "Laju pertumbuhan PDRB", "", "", "", "", "1,55 %", "1,57 %"],
                    ["", "", "Berkembangnya perikanan", "Persentase peningkatan produksi", "", "", "0,50 %", "0,55 %"],
                    ["", "", "", "", "Program pengelolaan", "Jumlah produksi (Ton)", "15.800", "15.850"]])
    table = join_spanned_columns(table)
    layout = classify(table, 2021)
    records = performance_records(table, layout, "x.pdf", filled_rows(table, layout))
    named = {(r.indicator, r.year, r.target) for r in records}
    assert ("Laju pertumbuhan PDRB", 2021, 1.55) in named
    assert ("Persentase peningkatan produksi", 2022, 0.55) in named
    assert ("Jumlah produksi (Ton)", 2021, 15800) in named
    assert len(records) == 6


def test_capaian_of_the_starting_point_with_no_year_printed_gives_no_row():
    # the year of "Capaian pada Awal Tahun Perencanaan" lost (a continuation part): no capaian of any year
    table = _table([["Indikator", "Capaian pada Awal Tahun Perencanaan", "Target 2021", "Target 2022"]],
                   [["Jumlah kelompok", "2", "2", "3"], ["Jumlah nelayan", "30", "30", "31"]])
    layout = classify(join_spanned_columns(table), 2021)
    assert _roles(layout)[1] == ("other", None)
    assert {r.year for r in performance_records(table, layout, "x.pdf")} == {2021, 2022}


def test_year_blocks_beside_a_heading_covering_two_rows_keep_their_columns():
    # "CAPAIAN PADA AWAL TAHUN PERENCANAAN" over two header rows (its lower cell covered), then per year
    # "2021 › TARGET | Rp": the years stay over their own pair, not one column to the left
    from extractors.grid import column_paths

    header = [[Cell(t, 1) for t in row] for row in [
        ["Indikator", "Capaian pada Awal Tahun Perencanaan", "Target Kinerja dan Pendanaan", None, None, None],
        [None, None, "2021", None, "2022", None],
        [None, "2020", "TARGET", "Rp", "TARGET", "Rp"]]]
    assert column_paths(header)[1:] == ["Capaian pada Awal Tahun Perencanaan › 2020",
                                        "Target Kinerja dan Pendanaan › 2021 › TARGET",
                                        "Target Kinerja dan Pendanaan › 2021 › Rp",
                                        "Target Kinerja dan Pendanaan › 2022 › TARGET",
                                        "Target Kinerja dan Pendanaan › 2022 › Rp"]


def test_relative_years_of_the_captions_period_with_standards_beside_them():
    # "Target NSPK | Target IKK | Target Renstra Tahun Ke- › 1 … 3 | Realisasi capaian Tahun Ke- › 1 … 3 |
    # Rasio capaian Tahun Ke- › 1 … 3", the counts 1 2 3 printed as a row under the group headings, and
    # "Periode 2014 - 2016" in the caption: the years of the period; the standards' targets have no year
    table = _table([["Indikator", "Target NSPK", "Target IKK", "Target Renstra Tahun Ke-", None, None,
                     "Realisasi capaian Tahun Ke-", None, None, "Rasio capaian Tahun Ke-", None, None]],
                   [["", "", "", "1", "2", "3", "1", "2", "3", "1", "2", "3"],
                    ["Persentase aparatur kompeten", "0", "50", "40%", "50%", "60%", "20%", "50%", "66%",
                     "50", "100", "110"]],
                   caption="Pencapaian Kinerja Pelayanan Periode 2014 - 2016")
    table = join_spanned_columns(table)
    layout = classify(table, 2021)
    assert _roles(layout)[1:3] == [("other", None), ("other", None)]
    assert _roles(layout)[3:] == [("target", 2014), ("target", 2015), ("target", 2016),
                                  ("realization", 2014), ("realization", 2015), ("realization", 2016),
                                  ("achievement", 2014), ("achievement", 2015), ("achievement", 2016)]
    records = performance_records(table, layout, "x.pdf", filled_rows(table, layout))
    assert [(r.year, r.target, r.realization, r.achievement_pct) for r in records] == [
        (2014, 40, 20, 50), (2015, 50, 50, 100), (2016, 60, 66, 110)]


def test_realisasi_capaian_is_the_quantity_reached():
    assert role_of("Realisasi Capaian Kinerja Pada Tahun Ke- › 2016") == "realization"
    assert role_of("Rasio capaian Tahun Ke- › 3") == "achievement"


def test_targets_of_three_years_are_never_read_as_target_realisasi_capaian():
    # "Target Kinerja › 2021 | 2022 | 2023" where 2023 = 2022 / 2021 × 100 on the rows by chance (100 % rows,
    # growth of exactly that ratio): the words name one role over three years, the arithmetic is no evidence
    table = _table([["Indikator", "Target Kinerja", None, None], [None, "2021", "2022", "2023"]],
                   [["Persentase keluarga terlayani KB", "100", "100", "100"],
                    ["Persentase dokumen tepat waktu", "50", "50", "100"],
                    ["Indeks pelayanan", "80", "60", "75"]])
    layout = classify(join_spanned_columns(table), 2021)
    assert _roles(layout)[1:] == [("target", 2021), ("target", 2022), ("target", 2023)]
    assert not layout.evidence


def test_uniform_hundreds_do_not_overturn_one_named_role():
    # three columns the words call targets, every row 100 | 100 | 100: 100 = 100 / 100 × 100 says nothing
    table = _table([["Indikator", "Target", "Target", "Target"]],
                   [["Persentase A", "100", "100", "100"], ["Persentase B", "100", "100", "100"],
                    ["Persentase C", "100", "100", "100"]])
    layout = classify(join_spanned_columns(table), 2021)
    assert [role for role, _ in _roles(layout)[1:]] == ["target", "target", "target"]


def test_indicator_row_label_and_list_number_before_the_name_are_no_part_of_it():
    # a plan's hierarchy table prints "IP" (indikator program) beside its indicators, sometimes letter
    # by letter ("I / P"), then the list number: "I P (1) Nilai AKIP" names "Nilai AKIP"
    table = _table([["Indikator", "SAT", "Target", None], [None, None, "2025", "2026"]],
                   [["I\nP (1) Nilai AKIP", "Nilai", "63", "64"], ["IK (2) Indeks Merit", "Indeks", "281", "282"],
                    ["IKU Daerah (angka)", "Indeks", "70", "71"], ["(3) Indeks PBJ", "Indeks", "52", "54"]])
    layout = classify(join_spanned_columns(table), 2025)
    names = sorted({r.indicator for r in performance_records(table, layout, "x.pdf")})
    assert names == ["(3) Indeks PBJ", "IKU Daerah (angka)", "Indeks Merit", "Nilai AKIP"]
