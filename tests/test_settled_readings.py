"""Readings settled in the analyst contract, on small synthetic cells and tables: grades and levels (4),
several quantities in one cell (5), values printed for a year after the fiscal year (6: kept, flagged)."""
from __future__ import annotations

import pytest

from normalizers.numbers import FormatNote, Kind, in_row_context, parse_number
from pipeline.checks.common import PerfRow
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records
from pipeline.validate import validate_rows


def _table(header: list[str], body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [1], "Tabel 1", None, [[Cell(t, 1) for t in header]],
                    [[Cell(t, 1) for t in r] for r in body], "lattice")


@pytest.mark.parametrize("printed, value, grade", [
    ("Level 3 (3,2)", 3.2, "Level 3"), ("Nilai A (83,5)", 83.5, "Nilai A"), ("Kategori II (70)", 70, "Kategori II"),
    ("Level 3", 3, None), ("A (83)", 83, "A"), ("75 (BB)", 75, "BB"),
    # a maturity or capability level printed with its name (SPIP, APIP): the level
    ("Level 3 (Terdefinisi)", 3, None), ("Level 2 - Berkembang", 2, None), ("Level 4 Terkelola", 4, None)])
def test_level_or_grade_with_its_score_reads_the_score(printed, value, grade):
    parsed = parse_number(printed)
    assert parsed.value == pytest.approx(value) and parsed.grade == grade


@pytest.mark.parametrize("printed", ["Predikat BB", "Kategori III", "BB", "WTP"])
def test_grade_alone_is_no_value_with_its_text_kept(printed):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.kind, parsed.printed) == (None, Kind.GRADE, printed)


@pytest.mark.parametrize("printed", [
    "20 orang (1 angkatan)", "12 Angkatan/240 Orang", "8 Kelompok / Pelaku (4 kecamatan)",
    "20 pelaku (10\nKab/Kota)", "2,481,251\n(9,53%)", "122 hari (51%)", "33.280.000 km² (52%)",
    "3 kelompok (15 orang anggota tiap kelompok )"])
def test_two_quantities_of_different_units_in_one_cell_give_no_value(printed):
    parsed = parse_number(printed)
    assert (parsed.value, parsed.printed, parsed.format_note) == (None, printed, FormatNote.SEVERAL_QUANTITIES)


@pytest.mark.parametrize("printed, value", [
    ("87/100.000 KH", 87), ("5,8/100 KH", 5.8), ("25 unit", 25), ("82,5 % (Baik)", 82.5), ("100 (2015)", 100),
    ("6 bulan/12 bulan", 6)])
def test_one_quantity_with_its_unit_words_or_rate_keeps_its_number(printed, value):
    assert parse_number(printed).value == pytest.approx(value)


def test_row_whose_only_value_is_two_quantities_is_still_a_row():
    table = _table(["No", "Indikator", "Satuan", "Target 2016"],
                   [["1", "Jumlah kelompok yang menerapkan sistem jaminan mutu", "Kelompok", "8 Kelompok / Pelaku (4 kecamatan)"],
                    ["2", "Jumlah petugas yang dilatih", "Orang", "200"]])
    records = performance_records(table, classify(table, 2016), "x.pdf")
    assert [(r.indicator[:6], r.target, r.target_text) for r in records] == [
        ("Jumlah", None, "8 Kelompok / Pelaku (4 kecamatan)"), ("Jumlah", 200, "200")]


def test_realisation_for_a_year_after_the_fiscal_year_is_kept_and_flagged():
    target, real, ach = in_row_context(parse_number("10"), parse_number("1"), parse_number("10"),
                                       year=2026, report_year=2024)
    assert (real.value, real.format_note) == (1, FormatNote.FUTURE_REALISATION)
    assert (ach.value, ach.format_note) == (10, FormatNote.FUTURE_CAPAIAN)
    assert target.value == 10 and target.format_note is None
    _, real, _ = in_row_context(parse_number("10"), parse_number("8"), None, year=2024, report_year=2024)
    assert real.value == 8 and real.format_note is None


def test_a_finding_resting_on_a_future_year_value_says_so_and_is_no_error():
    notes = f"realization: {FormatNote.FUTURE_REALISATION.value}; achievement: {FormatNote.FUTURE_CAPAIAN.value}"
    future = PerfRow("f.pdf", 0, "Tabel 1", 1, 0, "Jumlah dokumen", 2026, "sasaran", 10, "10", 1, "1", 50, "50",
                     format_notes=notes)
    present = PerfRow("f.pdf", 0, "Tabel 1", 1, 1, "Jumlah laporan", 2024, "sasaran", 10, "10", 8, "8", 50, "50")
    findings = {f.subject: f for f in validate_rows([future, present], [])}
    flagged, plain = findings["Jumlah dokumen (2026)"], findings["Jumlah laporan (2024)"]
    assert "after the fiscal year" in flagged.detail and flagged.severity == "warning"
    assert "after the fiscal year" not in plain.detail and plain.severity == "error"


def _record(row, year, target, real, ach, capaian_heading="Capaian Kinerja (%)", indicator="Jumlah wirausaha baru"):
    from pipeline.models import PerformanceRecord, Provenance
    paths = {"target": f"Tahun {year} › Target"} if target is not None else {}
    if real is not None:
        paths["realization"] = f"Tahun {year} › Realisasi"
    if ach is not None:
        paths["achievement"] = capaian_heading if year > 2016 else f"Tahun {year} › Capaian"
    return PerformanceRecord(Provenance("f.pdf", 1, 0, "Tabel 3.4", row), "sasaran", None, indicator, None, year,
                             target, None if target is None else str(target), real, None if real is None else str(real),
                             ach, None if ach is None else str(ach), column_paths=paths)


def test_capaian_against_the_plan_end_target_is_the_capaian_of_no_year():
    from pipeline.plan_end import set_aside_plan_end_capaian
    # realisasi 2016 9.133 and 2.345 against the 2018 targets 15.000 and 4.000: 60,8 and 58,62
    records = [_record(0, 2016, None, 9133, None), _record(0, 2018, 15000, None, 60.8),
               _record(1, 2016, None, 2345, None), _record(1, 2018, 4000, None, 58.62)]
    set_aside_plan_end_capaian(records, 2016)
    assert [(r.year, r.target, r.achievement_pct, r.achievement_text) for r in records if r.year == 2018] == [
        (2018, 15000, None, "60.8"), (2018, 4000, None, "58.62")]
    assert "plan-end" in records[1].format_notes[-1]


def test_capaian_of_a_later_year_that_is_no_ratio_to_the_plan_end_stays():
    from pipeline.plan_end import set_aside_plan_end_capaian
    records = [_record(0, 2016, None, 9133, None), _record(0, 2018, 15000, None, 97.0)]
    set_aside_plan_end_capaian(records, 2016)
    assert records[1].achievement_pct == 97.0


def test_capaian_headed_against_the_end_target_without_an_earlier_realisasi_is_set_aside():
    from pipeline.plan_end import set_aside_plan_end_capaian
    records = [_record(0, 2018, 65, None, 86.5, "Capaian Tahun 2016 terhadap Target Akhir Renstra (%)")]
    set_aside_plan_end_capaian(records, 2016)
    assert records[0].achievement_pct is None and records[0].achievement_text == "86.5"


def test_a_measure_with_its_scale_word_and_the_same_under_a_satuan_column_agree():
    from pipeline.checks.common import differ_printed
    assert not differ_printed(185.8e12, "185.80 Triliun Rupiah", 185.8, "185,80")
    assert differ_printed(185.8e12, "185.80 Triliun Rupiah", 175.89, "175,89")
    assert not differ_printed(2.5e9, "Rp 2,5 Miliar", 2.5e9, "Rp 2,5 Milyar")


@pytest.mark.parametrize("printed, value", [("7 0 %", 70), ("9 9 . 24", 99.24), ("1 0 0 , 0 0", 100),
                                            ("4 7 6 .950.840", 476950840), ("15 80", 15)])
def test_letter_spaced_digits_of_a_bold_or_justified_row_are_one_number(printed, value):
    assert parse_number(printed).value == pytest.approx(value)


def test_row_cut_by_a_page_line_gives_the_rest_of_its_name_and_values():
    # "e. Kegiatan Administrasi | • Terlaksananya … | 100% | | " over "Umum Perangkat Daerah. | | | 100% | 100 %"
    table = _table(["Kegiatan", "Indikator", "Target", "Realisasi", "%"],
                   [["d. Kegiatan Administrasi Kepegawaian", "• Terlaksananya pengadaan seragam", "335 buah", "335 buah",
                     "100 %"],
                    ["e. Kegiatan Administrasi", "• Terlaksananya penyediaan prasarana", "100%", None, None],
                    ["Umum Perangkat Daerah.", None, None, "100%", "100 %"]])
    records = performance_records(table, classify(table, 2021), "x.pdf")
    assert [(r.target, r.realization, r.achievement_pct) for r in records] == [(335, 335, 100), (100, 100, 100)]


@pytest.mark.parametrize("printed, value", [("79,4\n1", 79.41), ("99,1\n5", 99.15), ("12,5\n%", 12.5)])
def test_number_wrapped_inside_its_decimals_in_a_narrow_cell_is_one_number(printed, value):
    assert parse_number(printed).value == pytest.approx(value)


def test_a_count_of_people_in_a_column_read_in_the_english_convention_is_thousands():
    from normalizers.numbers import Evidence, parse_column
    english_table = Evidence(english=10, indonesian=0)
    people, tonnes = parse_column(["365.250 Orang", "10.600 ton"], table=english_table)
    assert people.value == 365250 and tonnes.value == pytest.approx(10.6)


def test_a_total_row_below_a_program_row_with_amounts_stays_a_row_of_its_own():
    # the corpus's "Program … | 181.050.903.519 | … " over "RATA-RATA EFISIENSI | | 99,10%": not the rest of it
    table = _table(["Program", "Indikator", "Target", "Realisasi", "Pagu", "Efisiensi"],
                   [["Program Penunjang Urusan", "Persentase layanan", "100", "100", "181.050.903.519", None],
                    ["RATA-RATA EFISIENSI", None, None, None, None, "99,10%"]])
    from pipeline.rows import filled_rows
    rows = filled_rows(table, classify(table, 2024))
    assert rows[1][0].text == "RATA-RATA EFISIENSI"


def test_indicator_measured_in_two_quantities_on_two_lines_gives_two_rows():
    # "Jumlah UTTP dan BDKT | Buah | 6,831,222 | 4,341,614" over " | Buah | 3,900 | 928"
    table = _table(["No", "Indikator Kinerja", "Satuan", "Target 2016", "Realisasi 2016"],
                   [["2", "Jumlah UTTP dan BDKT", "Buah", "6.831.222", "4.341.614"],
                    ["", "", "Buah", "3.900", "928"],
                    ["3", "Peningkatan cakupan pengawasan", "%", "1,5", "10,90"]])
    records = performance_records(table, classify(table, 2016), "x.pdf")
    assert [(r.indicator, r.target, r.realization) for r in records] == [
        ("Jumlah UTTP dan BDKT", 6831222, 4341614), ("Jumlah UTTP dan BDKT", 3900, 928),
        ("Peningkatan cakupan pengawasan", 1.5, 10.9)]


def test_second_line_in_another_unit_is_no_second_measure():
    table = _table(["No", "Indikator Kinerja", "Satuan", "Target 2016"],
                   [["2", "Jumlah UTTP dan BDKT", "Buah", "6.831.222"], ["", "", "%", "3,9"]])
    records = performance_records(table, classify(table, 2016), "x.pdf")
    assert [r.indicator for r in records] == ["Jumlah UTTP dan BDKT"]


def test_quantity_named_by_its_acronym_is_a_number_cell():
    from extractors.grid import _cell_type
    assert _cell_type("BDKT :\n1.528 buah") == "number"


def test_row_whose_values_are_all_words_is_still_a_row():
    table = _table(["No", "Indikator", "Target 2016", "Realisasi 2016"],
                   [["1", "Terkendalinya harga di Kabupaten Contoh", "Inflasi Kabupaten Contoh < Inflasi Nasional", None],
                    ["2", "Y on Y", "TW III: 11,56", None], ["3", "Jumlah pasar", "Target", None]])
    records = performance_records(table, classify(table, 2016), "x.pdf")
    assert [(r.indicator, r.target, r.target_text) for r in records] == [
        ("Terkendalinya harga di Kabupaten Contoh", None, "Inflasi Kabupaten Contoh < Inflasi Nasional")]
