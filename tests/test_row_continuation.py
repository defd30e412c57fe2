"""Rows the ruled reader split at the lines of a cell, and covered cells (pipeline/rows.py filled_rows)."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import filled_rows, performance_records


def _table(header: list[str], body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [1], "Tabel 1", None, [[Cell(t, 1) for t in header]],
                    [[Cell(t, 1) for t in r] for r in body], "lattice")


def test_indicator_name_printed_over_several_grid_rows_is_one_name():
    table = _table(["No", "Sasaran", "Indikator Kegiatan", "Target"],
                   [["1", "Sasaran A", "Jumlah dokumen", "15"], [None, None, "lingkungan yang dinilai", None],
                    [None, None, "oleh komisi penilai", None], ["2", None, "Jumlah aparatur", "50"]])
    records = performance_records(table, classify(table, 2016), "x.pdf")
    assert [r.indicator for r in records] == ["Jumlah dokumen lingkungan yang dinilai oleh komisi penilai",
                                              "Jumlah aparatur"]


def test_a_value_covered_from_above_is_not_filled_from_the_name_left_of_it():
    table = _table(["No", "Kegiatan", "Target", "Anggaran"],
                   [["1", "Pemeriksaan berkas", "15", "249.451.600"], [None, "usaha kecil", None, None]])
    rows = filled_rows(table, classify(table, 2016))
    assert [c.text for c in rows[0]][1:] == ["Pemeriksaan berkas usaha kecil", "15", "249.451.600"]


def test_trw_headings_are_quarters_not_targets():
    table = _table(["Indikator", "Target Trw I", "Target Trw II", "Target Tahunan"], [["Indikator A", "1", "2", "3"]])
    roles = [c.role for c in classify(table, 2016).columns]
    assert roles == ["indicator", "quarter", "quarter", "target"]


def test_amounts_printed_a_grid_line_below_the_name_and_percentages():
    table = _table(["No", "Program / Kegiatan", "Alokasi Anggaran", "Realisasi Anggaran", "% Keuangan"],
                   [[None, "Peningkatan perilaku hidup", None, None, "88,78%"],
                    [None, None, "3.102.512.000,-", "2.754.412.685,-", None],
                    [None, "(PHBS)", None, None, None]])
    rows = filled_rows(table, classify(table, 2016))
    assert [c.text for c in rows[0]][1:] == ["Peningkatan perilaku hidup (PHBS)", "3.102.512.000,-", "2.754.412.685,-",
                                             "88,78%"]


def test_last_word_of_a_name_on_a_grid_line_of_its_own_in_the_same_type():
    header = [[Cell(t, 1) for t in ("No", "Kegiatan", "Anggaran")]]
    body = [[Cell("1", 1, False), Cell("Pembinaan kelompok tani bidang", 1, False), Cell("752.680.000", 1)],
            [Cell(None, 1), Cell("Hortikultura", 1, False), Cell(None, 1)],
            [Cell(None, 1), Cell("PROGRAM UPAYA KESEHATAN", 1, True), Cell(None, 1)]]
    table = RawTable(0, [1], None, None, header, body, "lattice")
    rows = filled_rows(table, classify(table, 2016))
    assert rows[0][1].text == "Pembinaan kelompok tani bidang Hortikultura"
    assert rows[2][1].text == "PROGRAM UPAYA KESEHATAN"


def test_parts_of_an_outline_group_with_values_are_named_after_the_group():
    # a roman-numbered row printing its own total, its parts numbered from 1: the part names repeat
    # under another group, so each is qualified by its group
    table = _table(["No", "Jenis", "Target 2021", "Target 2022"],
                   [["I", "Kayu", "120", "130"], ["1", "Jati", "70", "75"], ["2", "Pinus", "50", "55"],
                    ["II", "Getah", "40", "42"], ["1", "Pinus", "40", "42"]])
    names = [r.indicator for r in performance_records(table, classify(table, 2020), "x.pdf") if r.year == 2021]
    assert names == ["Kayu", "Kayu - Jati", "Kayu - Pinus", "Getah", "Getah - Pinus"]


def test_a_roman_numbered_heading_without_values_does_not_rename_its_rows():
    table = _table(["No", "Indikator", "Target 2021"],
                   [["I", "Sasaran pertama", None], ["1", "Jumlah bibit", "70"], ["2", "Luas lahan", "50"]])
    names = [r.indicator for r in performance_records(table, classify(table, 2020), "x.pdf")]
    assert names == ["Jumlah bibit", "Luas lahan"]


def test_items_with_a_symbol_font_bullet_are_items_of_the_list_above():
    # Word's Symbol bullet comes out of the text layer as U+F0B7
    table = _table(["No", "Indikator", "Target 2021"],
                   [["1", "Jumlah produksi kayu :", None], [None, "\uf0b7 Jati", "70"], [None, "\uf0b7 Pinus", "50"]])
    names = [r.indicator for r in performance_records(table, classify(table, 2020), "x.pdf")]
    assert names == ["Jumlah produksi kayu : Jati", "Jumlah produksi kayu : Pinus"]


def test_a_measure_printed_with_its_scale_word_is_in_base_units():
    # Readings settled 5: "120,40 Triliun Rupiah" in a cell -> the number in base units (a bare "120,40"
    # under a Satuan "Triliun Rupiah" elsewhere stays as printed: no multiplier in its cell)
    table = _table(["Indikator", "Target 2021", "Target 2022"],
                   [["Nilai produksi industri", "120,40 Triliun Rupiah", "130,25 Triliun Rupiah"]])
    assert [r.target for r in performance_records(table, classify(table, 2020), "x.pdf")] == [120.4e12, 130.25e12]


def test_percent_beside_realisasi_is_capaian_even_with_a_group_average_column():
    table = _table(["No", "Indikator", "Target", "Realisasi", "%", "Rata-rata Capaian"],
                   [["1", "Jumlah bibit", "60", "54", "90", None], [None, "Luas hutan \n-", "4", "3,20", "80,00", None]])
    records = performance_records(table, classify(table, 2020), "x.pdf")
    assert [(r.indicator, r.achievement_pct) for r in records] == [("Jumlah bibit", 90.0), ("- Luas hutan", 80.0)]


def test_a_numbered_sasaran_and_indicator_without_values_start_a_new_group():
    """A sasaran and its first indicator, each with a row code, printed as a heading without values
    after the last part of the group above: a group of their own, not the rest of that part's name."""
    table = _table(["Sasaran", "Indikator Kinerja", "Target 2015", "Target 2016"],
                   [["1.1 Meningkatnya produksi pangan lokal", "1.1.1 Jumlah produksi (ton) :", "", ""], [None, "- Beras", "120", "130"],
                    [None, "- Jagung", "80", "90"], ["1.2 Meningkatnya mutu produk ternak", "1.2.1 Persentase produk yang memenuhi mutu (%) :", "", ""],
                    [None, "- Beras", "60", "65"]])
    records = performance_records(table, classify(table, 2016), "x.pdf")
    assert [r.indicator for r in records if r.year == 2016] == [
        "1.1.1 Jumlah produksi (ton) : - Beras", "1.1.1 Jumlah produksi (ton) : - Jagung", "1.2.1 Persentase produk yang memenuhi mutu (%) : - Beras"]
