"""The summary row of a measurement table ("Rerata capaian kinerja tahun 2021", "RATA – RATA") is a
total, not an indicator: it stays a row of level total (its average is checked), and indicator_results
does not count it. An indicator whose name starts with "Rata-rata" ("Rata-rata umur tanaman karet") stays one."""
from __future__ import annotations

from normalizers.levels import level_from_name
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records


def _cells(rows):
    return [[Cell(t, 1) for t in row] for row in rows]


def test_average_rows_printed_with_a_dash_spaces_or_a_year_are_totals():
    for name in ("Rerata capaian kinerja tahun 2021", "Rata–rata", "RATA - RATA", "Rata-rata capaian 2022"):
        assert level_from_name(name) == "total", name
    for name in ("Rata-rata umur tanaman karet", "Rata-rata lama menginap tamu", "Rata-rata capaian produktivitas kebun"):
        assert level_from_name(name) is None, name


def test_the_summary_row_of_a_measurement_table_gives_no_indicator():
    header = _cells([("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)")])
    body = _cells([("1", "Indeks kepuasan anggota dewan", "80,00", "84,00", "105,00"),
                   ("2", "Rata-rata umur tanaman karet", "8,00", "7,60", "95,00"),
                   ("", "Rerata capaian kinerja tahun 2021", "", "", "100,00")])
    table = RawTable(0, [7], "Tabel 3.1", None, header, body, "lattice")
    records = performance_records(table, classify(table, 2023), "x.pdf")
    levels = {r.indicator: r.level for r in records}
    assert levels["Rerata capaian kinerja tahun 2021"] == "total"
    assert levels["Rata-rata umur tanaman karet"] != "total" and levels["Indeks kepuasan anggota dewan"] != "total"
