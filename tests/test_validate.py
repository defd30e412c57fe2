"""Planted inconsistencies in generated reports are each found; a consistent report gives none."""
from __future__ import annotations

import json
import sqlite3

import pytest

from pipeline.checks.budget import nested_subtotals
from pipeline.cli import main
from pipeline.samples import (
    default_spec,
    plant_decimal_point,
    plant_narrative_realisasi,
    plant_other_target_in_comparison,
    plant_wrong_budget_pct,
    plant_wrong_capaian,
    plant_wrong_program_pagu,
    plant_wrong_total,
    render_pdf,
)
from pipeline.validate import (
    BudgetRow,
    PerfRow,
    achievement_findings,
    average_findings,
    budget_ratio_findings,
    cross_table_findings,
    efficiency_findings,
    narrative_claims,
    narrative_findings,
    program_capaian_findings,
    stated_caps,
    sum_findings,
)


def findings_for(spec, tmp_path, style="ruled"):
    render_pdf(spec, tmp_path / "in" / f"report.{style}.pdf", style)
    db = str(tmp_path / "out.sqlite")
    assert main(["extract", str(tmp_path / "in"), "--db", db, "--out", str(tmp_path / "o"), "--quiet"]) == 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT rule, table_label, subject, reported, expected, detail, page FROM findings").fetchall()


@pytest.mark.parametrize("style", ["ruled", "borderless"])
def test_consistent_report_has_no_findings(tmp_path, style):
    assert findings_for(default_spec(), tmp_path, style) == []


def test_wrong_capaian_is_found_in_both_tables(tmp_path):
    found = findings_for(plant_wrong_capaian(default_spec(), 1, "95,00"), tmp_path)
    hits = [f for f in found if f[0] == "achievement_ratio"]
    assert {f[1] for f in hits} == {"Tabel 3.1", "Tabel 3.2"}
    assert all(f[3] == 95.0 and f[4] == pytest.approx(90.0) for f in hits)
    assert all("8,1 / 9 × 100" in f[5] and f[6] >= 1 for f in hits)


def test_program_pagu_typo_breaks_children_sum_and_ratio(tmp_path):
    # the printed program pagu is 50 million too high (the total was added up from the printed
    # programs, so it still checks); its % was computed from the true pagu
    found = findings_for(plant_wrong_program_pagu(default_spec(), 0, 50_000_000), tmp_path)
    assert sorted(f[0] for f in found) == ["budget_ratio", "children_sum"]
    child = next(f for f in found if f[0] == "children_sum")
    assert child[3] - child[4] == 50_000_000


def test_wrong_total_is_found(tmp_path):
    found = findings_for(plant_wrong_total(default_spec(), 1_000), tmp_path)
    assert [f[0] for f in found] == ["total_sum"]
    assert found[0][3] - found[0][4] == 1_000


def test_wrong_budget_percentage(tmp_path):
    found = findings_for(plant_wrong_budget_pct(default_spec(), 1, 0, "12,34"), tmp_path)
    assert [f[0] for f in found] == ["budget_ratio"]
    assert found[0][3] == pytest.approx(12.34)


def perf(indicator, target, real, ach, ach_text):
    return PerfRow("f.pdf", 0, "Tabel 1", 1, 0, indicator, 2023, "sasaran", target, str(target), real, str(real),
                   ach, ach_text)


def test_rounding_of_the_printed_value_is_tolerated():
    assert achievement_findings([perf("Persentase X", 9, 8.05, 89.44, "89,44")]) == []
    assert achievement_findings([perf("Persentase X", 8, 5.88, 73.49, "73,49")]) == []  # 73,50: one unit
    assert len(achievement_findings([perf("Persentase X", 9, 8.05, 89.49, "89,49")])) == 1


def test_lower_is_better_uses_the_inverse_formula():
    # inflation: target 4, realisation 2,52 -> (2*4-2,52)/4 = 137
    assert achievement_findings([perf("Laju inflasi", 4, 2.52, 137.0, "137,00")]) == []
    found = achievement_findings([perf("Laju inflasi", 4, 2.52, 100.0, "100,00")])
    assert found and found[0].expected == pytest.approx(137.0) and "lower is better" in found[0].detail


def test_a_target_printed_as_a_ceiling_is_lower_is_better():
    """"< 40 %": the target is a ceiling, whatever the name says; 35 reached is 112,5 % by (2T - R) / T."""
    row = PerfRow("f.pdf", 0, "Tabel 1", 1, 0, "Persentase lahan contoh terdampak", 2023, "sasaran", 40, "< 40 %",
                  35, "35", 112.5, "112,50")
    assert achievement_findings([row]) == []  # 40 / 35 × 100 = 114,3; (2 × 40 − 35) / 40 × 100 = 112,5
    found = achievement_findings([perf("Persentase lahan contoh terdampak", 40, 35, 112.5, "112,50")])
    assert found and "higher is better" in found[0].detail


def test_the_share_of_cases_settled_is_higher_is_better():
    """Cases are lower-is-better, the share of them settled (diselesaikan, ditangani) is not; cases not settled
    and the time taken to settle them stay lower-is-better; a target printed as a floor is higher-is-better."""
    from pipeline.checks.common import lower_is_better
    name = "Persentase kasus sengketa contoh yang diselesaikan"
    assert achievement_findings([perf(name, 80, 84, 105.0, "105,00")]) == []
    found = achievement_findings([perf("Jumlah kasus sengketa contoh", 80, 84, 105.0, "105,00")])
    assert found and "lower is better" in found[0].detail
    assert lower_is_better("Jumlah temuan contoh yang tidak ditindaklanjuti")
    assert lower_is_better("Rata-rata waktu penyelesaian pengaduan yang ditindaklanjuti")
    assert not lower_is_better("Persentase kasus contoh", "> 80 %")


def test_losses_and_the_time_a_service_takes_are_lower_is_better():
    """Water lost from a network and the days a permit takes improve as they fall: a capaian printed by the inverse
    formula ((2 x target - realisasi) / target) is no error."""
    assert achievement_findings([perf("Tingkat kehilangan air contoh pada jaringan perpipaan", 30, 26.24, 112.53,
                                      "112,53")]) == []
    assert achievement_findings([perf("Rata-rata lama penyelesaian izin contoh", 5, 4.2, 116.0, "116,00")]) == []
    assert achievement_findings([perf("Persentase izin contoh yang selesai tepat waktu", 5, 4.2, 116.0, "116,00")])
    assert achievement_findings([perf("Angka putus sekolah jenjang contoh", 1.2, 0.9, 125.0, "125,00")]) == []
    assert achievement_findings([perf("Jumlah kecelakaan lalu lintas di jalan contoh", 40, 30, 125.0, "125,00")]) == []
    assert achievement_findings([perf("Persentase pelanggaran contoh yang ditindaklanjuti", 80, 60, 75.0, "75,00")]) == []


def test_a_fall_named_as_the_aim_leaves_the_direction_to_the_values():
    """"Penurunan emisi contoh": the size of the fall (more is better) or what is left (less is better); a capaian
    printed by either formula is no error, one given by neither is."""
    name = "Tingkat penurunan emisi contoh"
    assert achievement_findings([perf(name, 15, 15.95, 106.33, "106,33")]) == []  # 15,95 / 15: the fall's size
    assert achievement_findings([perf(name, 15, 15.95, 93.67, "93,67")]) == []  # (2 × 15 − 15,95) / 15: what is left
    found = achievement_findings([perf(name, 15, 15.95, 80.0, "80,00")])
    assert found and "neither the inverse formulas nor realisasi / target" in found[0].detail


def test_a_prevalence_is_judged_by_either_formula_realisasi_over_target_first():
    """Prevalensi (of a disease, of malnutrition): better low, and reports print its capaian as target / realisasi as
    often as realisasi / target; a capaian neither gives is reported against realisasi / target."""
    name = "Prevalensi penyakit contoh"
    assert achievement_findings([perf(name, 33.06, 40.74, 81.15, "81,15")]) == []  # 33,06 / 40,74
    assert achievement_findings([perf(name, 33.06, 32.59, 98.58, "98,58")]) == []  # 32,59 / 33,06
    found = achievement_findings([perf(name, 33.06, 32.59, 117.5, "117,50")])
    assert found and found[0].expected == pytest.approx(98.58, abs=0.01)


def test_a_capaian_measured_against_the_plans_end_target_printed_beside_is_no_error():
    """"Target 2031 | Realisasi 2031 | % Capaian | Target akhir Renstra 2033": the capaian is the realisasi over the
    plan's end target whatever its heading says; one that neither target gives is still reported."""
    def row(year, target, real, ach):
        return PerfRow("f.pdf", 0, "Tabel 1", 1, 0, "Indeks contoh", year, "sasaran", target,
                       None if target is None else str(target), real, None if real is None else str(real),
                       ach, None if ach is None else f"{ach:.2f}".replace(".", ","))
    end = row(2033, 90.88, None, None)
    assert achievement_findings([row(2031, 89.68, 89.11, 98.05), end]) == []  # 89,11 / 90,88
    assert len(achievement_findings([row(2031, 89.68, 89.11, 90.0), end])) == 1
    assert len(achievement_findings([row(2031, 89.68, 89.11, 98.05), row(2029, 90.88, None, None)])) == 1  # earlier


def test_the_share_of_complaints_settled_named_by_a_noun_is_higher_is_better():
    """"Persentase penyelesaian pengaduan", "penanganan kasus", "tindak lanjut temuan": cases dealt with; the time
    taken to deal with them ("lama penanganan") still falls as it improves."""
    from pipeline.checks.common import lower_is_better
    assert achievement_findings([perf("Persentase penyelesaian pengaduan contoh", 95, 95.12, 100.13, "100,13")]) == []
    assert not lower_is_better("Persentase penanganan kasus contoh")
    assert not lower_is_better("Persentase tindak lanjut temuan contoh")
    assert lower_is_better("Rata-rata lama penanganan pengaduan contoh")


def test_a_target_printed_as_a_share_of_a_base_against_a_count_is_not_judged():
    """"1% dr jumlah pddk" against 464.971 people handled: the population it is a share of is not printed."""
    row = PerfRow("f.pdf", 0, "Tabel 1", 1, 0, "Jumlah warga contoh yang ditangani", 2031, "sasaran", 1,
                  "1% dr jumlah pddk", 464971.75, "464.971,75", 100.0, "100")
    assert achievement_findings([row]) == []
    assert achievement_findings([perf("Persentase warga contoh yang ditangani", 1, 0.8, 100.0, "100")])


def test_capped_capaian_is_accepted():
    assert achievement_findings([perf("Persentase Y", 50, 80, 110.0, "110,00")]) == []


def budget(pagu, real, pct, pct_text, ach=None, eff=None, eff_text=None):
    return BudgetRow("f.pdf", 0, "Tabel 2", 1, 0, "Program X", None, "program", 2023, pagu, str(pagu), real, str(real),
                     pct, pct_text, ach, eff, eff_text, None, False)


def test_integer_percent_realisation_tolerated():
    assert budget_ratio_findings([budget(28718900, 26327400, 92, "92%")]) == []


def test_efficiency_formulas():
    assert efficiency_findings([budget(100, 90, 90.0, "90,00", ach=100.0, eff=10.0, eff_text="10,00")]) == []
    assert efficiency_findings([budget(100, 90, 90.0, "90,00", ach=100.0, eff=11.11, eff_text="11,11")]) == []
    found = efficiency_findings([budget(100, 90, 90.0, "90,00", ach=100.0, eff=0.0, eff_text="0")])
    assert found and found[0].expected == pytest.approx(10.0)
    # a table that follows (capaian / % realisasi − 1) × 100: its odd row is judged by that formula
    rows = [budget(100, 80, 80.0, "80,00", ach=100.0, eff=25.0, eff_text="25,00"),
            budget(100, 50, 50.0, "50,00", ach=100.0, eff=1.0, eff_text="1,00"),
            budget(100, 0, 0.0, "0,00", ach=100.0, eff=7.0, eff_text="7,00")]
    found = efficiency_findings(rows)
    assert [round(f.expected, 2) for f in found] == [100.0, 100.0]
    assert "(capaian / % realisasi − 1) × 100" in found[0].detail


# ---------------------------------------------------------------- averages, narrative, captions
def row_at(table_index, row_index, indicator, target, real, ach, level="sasaran", label="Tabel 3.6", caption=None,
           year=2023, paths=None):
    return PerfRow("f.pdf", table_index, label, 1, row_index, indicator, year, level, target,
                   None if target is None else str(target), real, None if real is None else str(real), ach,
                   None if ach is None else f"{ach:.2f}".replace(".", ","), None, paths, caption)


def test_average_over_table_parts_with_the_stated_cap():
    # a table split by a re-printed header: part one holds two rows, part two the rest and RATA-RATA
    rows = [row_at(1, 0, "Persentase A", 50, 80, 160.0), row_at(1, 1, "Persentase B", 10, 10, 100.0),
            row_at(2, 0, "Persentase C", 10, 10, 100.0)]
    capped = (110 + 100 + 100) / 3
    total = row_at(2, 1, "RATA-RATA", None, None, round(capped, 2), level="total")
    contexts = {("f.pdf", 2): "Capaian indikator kinerja di atas 110% telah dijustifikasi menjadi 110%."}
    assert average_findings([*rows, total], stated_caps(contexts)) == []
    wrong = row_at(2, 1, "RATA-RATA", None, None, 104.5, level="total")
    found = average_findings([*rows, wrong], stated_caps(contexts))
    assert len(found) == 1 and found[0].expected == pytest.approx(capped, abs=1e-3)


def test_average_below_nested_sasaran_and_indicator_capaian_is_not_judged():
    """A sasaran printed with its own capaian and no indicator, its indicators' capaian below it: the
    average under them may be over the sasaran or over the indicators, so it is not judged."""
    from pipeline.rows import UNNAMED_INDICATOR

    rows = [row_at(1, 0, f"{UNNAMED_INDICATOR} Meningkatnya produksi", None, None, 60.0),
            row_at(1, 1, "- Jumlah produksi A", 100, 50, 50.0), row_at(1, 2, "- Jumlah produksi B", 100, 70, 70.0),
            row_at(1, 3, "Persentase C", 10, 12, 120.0)]
    assert average_findings([*rows, row_at(1, 4, "Rata-rata", None, None, 90.0, level="total")]) == []
    flat = rows[1:]
    assert len(average_findings([*flat, row_at(1, 4, "Rata-rata", None, None, 90.0, level="total")])) == 1


def test_average_of_a_column_that_is_not_capaian_is_not_checked():
    rows = [row_at(1, 0, "Persentase A", 50, None, 7.75, paths='{"achievement": "Realisasi 2024"}'),
            row_at(1, 1, "Persentase B", 10, None, 50.0, paths='{"achievement": "Realisasi 2024"}')]
    assert average_findings([*rows, row_at(1, 2, "RATA-RATA", None, None, 101.8, level="total")]) == []


def test_narrative_claims_take_the_year_of_their_clause():
    claims = narrative_claims("Jika dibandingkan dengan tahun sebelumnya (tahun 2021) dengan target 4% dan "
                              "realisasi 5,88% (capaian kinerja 101,54%), maka untuk tahun 2022 realisasi 6,42")
    assert [(c.field, c.year, c.value) for c in claims] == [
        ("target", 2021, 4.0), ("realisasi", 2021, 5.88), ("capaian kinerja", 2021, 101.54), ("realisasi", 2022, 6.42)]
    assert narrative_claims("Target Akhir Renstra 2018 belum tercapai") == []
    # a heading run into the next sentence: "Capaian" is the heading's word, the figure is the target's
    assert [c.field for c in narrative_claims("Capaian per Indikator Indikator persentase sumur contoh pada tahun 2023 "
                                              "ditargetkan sebesar 93,42 % dan terealisasi sebesar 90,10 %")] == ["realisasi"]


def test_narrative_naming_one_indicator_of_a_table():
    rows = [row_at(5, 0, "Jumlah pedagang yang memenuhi asas perlindungan konsumen", None, None, 60.0, year=2022),
            row_at(5, 1, "Persentase kepatuhan pedagang terhadap perlindungan konsumen", None, None, 93.75, year=2022)]
    text = ("Kegiatan ini diukur dengan indikator jumlah pedagang yang memenuhi asas perlindungan konsumen dengan "
            "target sejumlah 60 pedagang dan terealisasi sejumlah 45 pedagang, sehingga capaiannya sebesar 75,00%.")
    found = narrative_findings(rows, [], {("f.pdf", 5): text})
    assert [(f.reported, f.expected) for f in found] == [(75.0, 60.0)]


def test_text_below_a_one_indicator_table_that_goes_on_to_the_next_indicator_is_not_about_the_table():
    """An analysis chapter: each indicator's small table, then a paragraph introducing the next indicator's
    figures before its table. The paragraph is about the next indicator, not the table above it."""
    first = row_at(3, 0, "Persentase sumur contoh yang terpelihara", 82.88, 76.87, 92.75, label="Tabel 3.3")
    second = row_at(4, 0, "Persentase jembatan contoh dalam kondisi baik", 81.77, 75.29, 92.08, label="Tabel 3.4")
    text = ("Faktor pendukung antara lain koordinasi yang baik. Indikator persentase jembatan contoh dalam kondisi "
            "baik pada tahun 2023 ditargetkan sebesar 81,77 % dan terealisasi sebesar 75,29 %, sehingga capaian kinerja "
            "sebesar 92,08%. Realisasi tahun 2022 sebesar 74,47 %.")
    assert narrative_findings([first, second], [], {("f.pdf", 3): text}) == []
    part = row_at(5, 0, "Sumur contoh terpelihara", 10, 9, 90.0, label="Tabel 3.5")  # a part of the first one's name
    also = "Sumur contoh terpelihara tahun ini naik. Indikator ini terealisasi sebesar 70,00 %."
    assert [(f.reported, f.expected) for f in narrative_findings([first, part], [], {("f.pdf", 3): also})] == \
        [(70.0, 76.87)]
    own = "Indikator ini terealisasi sebesar 70,00 % dengan capaian kinerja sebesar 92,75%."
    assert [(f.reported, f.expected) for f in narrative_findings([first, second], [], {("f.pdf", 3): own})] == \
        [(70.0, 76.87)]


def test_program_capaian_in_budget_table_vs_its_indicator():
    subject = "Persentase Ketersediaan Kelompok Bahan Pokok"
    indicator = row_at(7, 0, "Laju Inflasi", 4, 1.48, 100.0, level="program", label="Tabel 3.20",
                       caption=f"Indikator Capaian Program Pendukung Indikator Kinerja Utama {subject}", year=2022)
    program = BudgetRow("f.pdf", 8, "Tabel 3.22", 2, 0, "Program Stabilisasi Harga", None, "program", 2022, 155588000.0,
                        "155.588.000", 155000000.0, "155.000.000", 99.62, "99,62", 163.0, 63.39, "63,39", None, False,
                        f"Alokasi dan Realisasi Anggaran untuk Indikator Kinerja Sasaran {subject}")
    found = program_capaian_findings([indicator], [program])
    assert [(f.reported, f.expected) for f in found] == [(100.0, 163.0)]


def test_tables_listing_the_same_programs_print_the_same_total():
    def b(table, row, name, pagu, total=False):
        return BudgetRow("f.pdf", table, None, 1, row, name, None, "total" if total else "program", 2022, pagu,
                         str(pagu), None, None, None, None, None, None, None, None, total)
    rows = [b(1, 0, "Program Penunjang Urusan Pemerintah Daerah", 100), b(1, 1, "Program Ekspor", 50),
            b(1, 2, "JUMLAH", 150, True),
            b(2, 0, "Program Penunjang Urusan Pemerintahan Daerah", 120), b(2, 1, "Program Ekspor", 50),
            b(2, 2, "JUMLAH", 170, True)]
    found = cross_table_findings([], rows)
    assert sorted((f.reported, f.expected) for f in found) == [(120, 100), (170, 150)]


def test_two_rows_of_one_table_whose_names_look_alike_are_matched_with_neither():
    """"Kegiatan sarana kantor contoh" and "Kegiatan sarana kantor contoh (DAK)" in both tables: the likeness of the
    names joins them, so no row of one table stands for one row of the other."""
    def b(table, row, name, pagu):
        return BudgetRow("f.pdf", table, None, 1, row, name, None, "kegiatan", 2031, pagu, str(pagu), None, None, None,
                         None, None, None, None, None, False)
    name = "Kegiatan Peningkatan Sarana dan Prasarana Kantor UPTD Balai Contoh Tanaman Sukamaju"
    plan = [b(1, 0, name, 1283), b(1, 1, f"{name} (DAK)", 2025), b(1, 2, "Kegiatan layanan contoh", 500)]
    spent = [b(2, 0, f"{name} (DAK)", 2025), b(2, 1, name, 1283), b(2, 2, "Kegiatan layanan contoh", 500)]
    assert cross_table_findings([], plan + spent) == []


def test_ceiling_before_the_change_pairs_with_the_table_it_agrees_with():
    def b(table, row, name, pagu, initial=None, total=False):
        return BudgetRow("f.pdf", table, None, 1, row, name, None, "total" if total else "program", 2022, pagu,
                         str(pagu), None, None, None, None, None, None, None, None, total, None, initial,
                         None if initial is None else str(initial))
    pk_awal = [b(1, 0, "Program A", 100), b(1, 1, "Program B", 50), b(1, 2, "Program C", 70), b(1, 3, "JUMLAH", 220, total=True)]
    # PK Perubahan: before the change A is printed 90 (it was 100 in the signed PK); after it, all changed
    perubahan = [b(2, 0, "Program A", 130, 90), b(2, 1, "Program B", 65, 50), b(2, 2, "Program C", 80, 70),
                 b(2, 3, "JUMLAH", 275, 210, total=True)]
    found = cross_table_findings([], pk_awal + perubahan)
    assert sorted((f.reported, f.expected) for f in found) == [(90, 100), (210, 220)]


def test_target_printed_differently_in_two_tables(tmp_path):
    found = findings_for(plant_other_target_in_comparison(default_spec(), 3, "95"), tmp_path)
    cross = [f for f in found if f[0] == "cross_table"]
    assert len(cross) == 1 and {cross[0][3], cross[0][4]} == {95.0, 100.0}
    assert "Tabel 3.1" in cross[0][1] and "Tabel 3.2" in cross[0][1]


def test_decimal_point_is_a_format_anomaly(tmp_path):
    found = findings_for(plant_decimal_point(default_spec(), 2), tmp_path)  # "6.42" for 6,42
    anomalies = [f for f in found if f[0] == "format_anomaly"]
    assert anomalies and all(f[4] == pytest.approx(6.42) for f in anomalies)
    assert [f for f in found if f[0] != "format_anomaly"] == []


def test_text_below_a_table_contradicting_it(tmp_path):
    found = findings_for(plant_narrative_realisasi(default_spec(), 1, "8,50%"), tmp_path)
    assert [(f[0], f[3], f[4]) for f in found] == [("cross_table", 8.5, pytest.approx(8.1))]


def test_total_over_the_parts_of_a_split_table():
    def b(table, row, name, pagu, total=False):
        return BudgetRow("f.pdf", table, "Tabel 1.7", 1, row, name, None, "total" if total else "program", 2023, pagu,
                         str(pagu), None, None, None, None, None, None, None, None, total)
    rows = [b(1, 0, "Program A", 100), b(1, 1, "Program B", 50), b(2, 0, "Program C", 70), b(2, 1, "Total", 220, True)]
    assert sum_findings(rows) == []
    rows[-1] = b(2, 1, "Total", 230, True)
    assert [(f.reported, f.expected) for f in sum_findings(rows)] == [(230, 220)]


def test_a_program_whose_kegiatan_go_on_overleaf_in_a_part_not_joined_is_not_judged_on_one_page():
    """A program's last kegiatan end its table at the page's foot; the next table opens on the next page with more of
    them (its header printed again, read as a table of its own): the sum of one page's kegiatan says nothing."""
    def b(table, row, page, name, level, pagu, parent=None):
        return BudgetRow("f.pdf", table, None, page, row, name, None, level, 2031, pagu, str(pagu), None, None, None,
                         None, None, None, None, parent, False)
    rows = [b(1, 0, 7, "Program contoh", "program", 300), b(1, 1, 7, "Kegiatan contoh satu", "kegiatan", 100, 0),
            b(2, 0, 8, "Kegiatan contoh dua", "kegiatan", 200)]
    assert [f for f in sum_findings(rows) if f.rule == "children_sum"] == []
    alone = rows[:2]  # no part follows overleaf: the program is judged
    assert [f.rule for f in sum_findings(alone)] == ["children_sum"]


def test_an_account_and_its_sub_account_read_at_one_level_count_once_in_the_total():
    """"1.1 Pendapatan Asli Daerah | 1.1.2 Retribusi Daerah | JUMLAH": the sub-account is inside the account (its
    outline code says so), the JUMLAH is the account's amount."""
    def b(row, code, name, pagu, total=False):
        return BudgetRow("f.pdf", 1, "Tabel 2", 1, row, name, code, "total" if total else "program", 2031, pagu,
                         str(pagu), None, None, None, None, None, None, None, None, total)
    rows = [b(0, "1\n1.1", "PENDAPATAN CONTOH", 30), b(1, "1.1.2", "Retribusi contoh", 30), b(2, None, "JUMLAH", 30, True)]
    assert sum_findings(rows) == []
    rows[-1] = b(2, None, "JUMLAH", 35, True)
    assert [(f.reported, f.expected) for f in sum_findings(rows)] == [(35, 30)]


def test_a_plan_target_and_an_agreement_target_may_differ():
    def p(table, name, year, target):
        return PerfRow("f.pdf", table, f"Tabel {table}", 1, 0, name, year, "sasaran", target, str(target),
                       None, None, None, None)
    renstra = [p(1, n, y, t) for n, t0 in (("Persentase A", 10), ("Persentase B", 20)) for y, t in
               ((2023, t0), (2024, t0 + 1), (2025, t0 + 2))]
    pk = [p(2, "Persentase A", 2024, 15), p(2, "Persentase B", 2024, 21)]  # the PK raised A's target
    assert cross_table_findings(renstra + pk, []) == []
    other_pk = [p(3, "Persentase A", 2024, 16), p(3, "Persentase B", 2024, 21)]
    found = cross_table_findings(renstra + pk + other_pk, [])
    assert [(f.reported, f.expected) for f in found] == [(16, 15)]


def test_targets_of_the_rpjmd_the_renstra_and_the_agreement_are_three_quantities():
    """A year's target as the RPJMD sets it, as the Renstra sets it (its heading or caption says which) and as the PK
    sets it (no plan named) differ without contradicting; two tables of one plan that disagree still do."""
    def p(table, name, year, target, caption, path="Target"):
        return PerfRow("f.pdf", table, f"Tabel {table}", 1, 0, name, year, "sasaran", target, str(target),
                       None, None, None, None, column_paths=json.dumps({"target": path}), caption=caption)
    rpjmd = [p(1, "Indeks contoh A", 2031, 66.67, "Capaian terhadap target RPJMD"),
             p(1, "Indeks contoh B", 2031, 50, "Capaian terhadap target RPJMD")]
    renstra = [p(2, "Indeks contoh A", 2031, 89.68, "Realisasi", "Target Renstra 2031"),
               p(2, "Indeks contoh B", 2031, 50, "Realisasi", "Target Renstra 2031")]
    pk = [p(3, "Indeks contoh A", 2031, 70, "Capaian kinerja"), p(3, "Indeks contoh B", 2031, 50, "Capaian kinerja")]
    assert cross_table_findings(rpjmd + renstra + pk, []) == []
    other_renstra = [p(4, "Indeks contoh A", 2031, 88, "Target Renstra"), p(4, "Indeks contoh B", 2031, 50, "Target Renstra")]
    found = cross_table_findings(renstra + other_renstra, [])
    assert [(f.reported, f.expected) for f in found] == [(88, 89.68)]


def _coded(row: int, code: str | None, level: str, pagu: float, parent: int | None) -> BudgetRow:
    return BudgetRow("f.pdf", 3, "Tabel 5", 1, row, f"Uraian {row}", code, level, 2031, pagu, str(pagu), None, None,
                     None, None, None, None, None, parent, False)


def test_children_coded_inside_other_children_are_counted_once():
    """State budget codes nest ("7101" holds "7101.ABC"): rows given one level and one parent still sum
    only the outer codes."""
    rows = [_coded(0, "01.AB", "program", 600.0, None),
            _coded(1, "7101", "kegiatan", 400.0, 0), _coded(2, "7101.ABC", "kegiatan", 150.0, 0),
            _coded(3, "7101.ABD", "kegiatan", 250.0, 0), _coded(4, "7102", "kegiatan", 200.0, 0),
            _coded(5, "7102.ABC", "kegiatan", 200.0, 0)]
    assert [f for f in sum_findings(rows) if f.rule == "children_sum"] == []
    rows[0] = _coded(0, "01.AB", "program", 650.0, None)
    found = [f for f in sum_findings(rows) if f.rule == "children_sum"]
    assert [(f.reported, f.expected) for f in found] == [(650.0, 600.0)]


def test_uncoded_subtotals_among_the_children_are_counted_once():
    rows = [_coded(0, None, "program", 90.0, None), _coded(1, None, "kegiatan", 60.0, 0),
            _coded(2, None, "kegiatan", 25.0, 0), _coded(3, None, "kegiatan", 35.0, 0),
            _coded(4, None, "kegiatan", 30.0, 0)]
    assert [f for f in sum_findings(rows) if f.rule == "children_sum"] == []
    assert nested_subtotals([60.0, 25.0, 35.0, 30.0]) == [0]
    assert nested_subtotals([5.0, 5.0, 5.0]) == []
