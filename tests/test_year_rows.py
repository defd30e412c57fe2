"""Year-as-row tables: one row per year, one column per quantity (pipeline/year_rows.py)."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import transposed_records
from pipeline.year_rows import caption_subject, column_reading


def _table(caption: str, header: list[list[str | None]], body: list[list[str]]) -> RawTable:
    def row(texts):
        return [Cell(t, 5) for t in texts]
    return RawTable(3, [5], "Tabel 2.11", caption, [row(r) for r in header], [row(r) for r in body], "lattice")


def _records(table: RawTable):
    layout = classify(table, 2021)
    assert layout.kinds == {"transposed"}
    return {(r.indicator, r.year): (r.target, r.realization, r.achievement_pct) for r in transposed_records(table, layout, "x.pdf")}


def test_history_of_one_indicator_with_years_down_the_rows_and_quantities_across():
    table = _table("Tabel 2.11 Produksi Perikanan Tangkap Laut Tahun 2016-2020",
                   [["Tahun", "Target (kg)", "Realisasi", None, "Persentase", None],
                    [None, None, "Kuantitas (kg)", "Kenaikan (kg)", "Realisasi thd Target", "Kenaikan"]],
                   [["2016", "14.900.000", "14.908.760", "87.650", "100,06", "0,58"],
                    ["2017", "15.050.000", "15.057.400", "148.640", "100,05", "0,99"],
                    ["Rata rata", "", "15.228.492", "143.838", "", "0,95"]])
    records = _records(table)
    assert records[("Produksi Perikanan Tangkap Laut - Kuantitas (kg)", 2016)] == (14900000, 14908760, 100.06)
    assert records[("Produksi Perikanan Tangkap Laut - Kenaikan (kg)", 2017)] == (None, 148640, None)
    assert records[("Produksi Perikanan Tangkap Laut - Persentase Kenaikan", 2016)] == (None, 0.58, None)
    assert len(records) == 6  # the average row is no year


def test_year_rows_under_a_group_heading_per_product():
    table = _table("Nilai Tambah Produksi Olahan Hasil Perikanan Tahun 2016 - 2020",
                   [["Tahun", "Krupuk Udang", None, None, "Bandeng Asap", None, None],
                    [None, "Target (Rp/Kg)", "Realisasi (Rp/Kg)", "Persentase", "Target (Rp/Kg)", "Realisasi (Rp/Kg)",
                     "Persentase"]],
                   [["2016", "53.000", "55.000", "103,70", "120.000", "123.000", "102,50"],
                    ["2017", "56.000", "58.000", "103,57", "123.000", "125.000", "101,62"]])
    records = _records(table)
    assert records[("Nilai Tambah Produksi Olahan Hasil Perikanan - Bandeng Asap", 2017)] == (123000, 125000, 101.62)
    assert records[("Nilai Tambah Produksi Olahan Hasil Perikanan - Krupuk Udang", 2016)] == (53000, 55000, 103.7)


def test_year_rows_of_a_single_quantity_take_the_caption_subject_as_name():
    table = _table("Target dan Realisasi Angka Konsumsi Ikan Tahun 2016 - 2020",
                   [["Tahun", "Target", "Realisasi", "Persentase"]],
                   [["2016", "28,47", "28,95", "101,69"], ["2017", "29,15", "30,51", "104,67"]])
    assert _records(table)[("Angka Konsumsi Ikan", 2016)] == (28.47, 28.95, 101.69)


def test_target_and_realisation_of_each_quantity_under_role_groups():
    assert column_reading("Target › Nilai (Rp)") == ("target", "Nilai (Rp)", "Rp")
    assert column_reading("Realisasi › Persentase Kenaikan") == ("realization", "Persentase Kenaikan", None)
    assert column_reading("Persentase › Realisasi thd Target") == ("achievement", "", None)
    assert caption_subject("Tabel 2.10 Target dan Realisasi Peningkatan Pendapatan Nelayan Tahun 2016 - 2020",
                           "Tabel 2.10") == "Pendapatan Nelayan"


def test_years_as_columns_are_no_year_rows():
    table = _table("Capaian Kinerja", [["Indikator", "Target 2016", "Realisasi 2016"]],
                   [["Angka konsumsi ikan", "28,47", "28,95"], ["Produksi", "14.900", "14.908"]])
    assert "transposed" not in classify(table, 2021).kinds
