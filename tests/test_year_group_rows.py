"""Years printed as rows across a table ("Tahun 2022" over its indicators, "Tahun 2023" over the same ones):
each row takes the year of the group it stands in (pipeline/year_group_rows.py). Synthetic tables."""
from __future__ import annotations

from pipeline.extract import build_report
from pipeline.models import Cell, RawTable, SourceFile, TextLine
from pipeline.year_group_rows import group_years, lone_year

SOURCE = SourceFile(path="synthetic.pdf", name="synthetic.pdf", sha256="0" * 64, size=0, kind="pdf")
LINES = [TextLine(1, "LAPORAN KINERJA TAHUN 2023"), TextLine(1, "DINAS CONTOH KOTA CONTOH")]
HEADER = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
INDICATORS = [["1", "Persentase arsip contoh yang tertata", "65", "64,98", "99,97"],
              ["2", "Persentase ternak contoh yang divaksinasi", "80", "79,56", "99,45"]]
LATER = [["1", "Persentase arsip contoh yang tertata", "65", "68,40", "105,23"],
         ["2", "Persentase ternak contoh yang divaksinasi", "80", "83,75", "104,69"]]


def _cells(rows: list[list[str | None]]) -> list[list[Cell]]:
    return [[Cell(t, 1) for t in row] for row in rows]


def _years(header: list[list[str | None]], body: list[list[str | None]]) -> list[tuple]:
    table = RawTable(0, [1], "Tabel 3.4", "Capaian Kinerja Tahun 2022 dan 2023", _cells(header), _cells(body), "lattice")
    report = build_report(SOURCE, [table], LINES, None, 1)
    return sorted((r.indicator[:20], r.year, r.realization) for r in report.performance)


EXPECTED = [("Persentase arsip con", 2022, 64.98), ("Persentase arsip con", 2023, 68.4),
            ("Persentase ternak co", 2022, 79.56), ("Persentase ternak co", 2023, 83.75)]


def test_year_rows_across_the_table_give_their_rows_years():
    body = [["Tahun 2022", None, None, None, None], *INDICATORS, ["Tahun 2023", None, None, None, None], *LATER]
    assert _years([HEADER], body) == EXPECTED


def test_first_year_row_read_as_the_headers_last_row_goes_back_to_the_body():
    header = [HEADER, ["Tahun 2022", None, None, None, None]]
    assert _years(header, [*INDICATORS, ["Tahun 2023", None, None, None, None], *LATER]) == EXPECTED


def test_one_lone_year_row_divides_nothing():
    rows = _cells([["Tahun 2022", None, None], ["1", "Indikator", "5"]])
    assert lone_year(rows[0]) == 2022 and group_years(rows) == [None, None]
    assert lone_year(_cells([["2022", "2022", "2022"]])[0]) == 2022  # one cell spanning the row, read into each
    assert lone_year(_cells([["1", "2022"]])[0]) is None
