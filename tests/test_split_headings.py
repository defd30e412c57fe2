"""Narrow comparison tables: a year heading cut by a line break ("202\\n3"), and a one-row table the reader
took for all header (its row of values under the headings)."""
from __future__ import annotations

from extractors.grid import text_of
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.spans import join_spanned_columns


def _cells(rows):
    return [[Cell(t, 1) for t in row] for row in rows]


def test_year_heading_cut_by_a_line_break_keeps_its_year():
    header = _cells([("Indikator Kinerja", "Satuan", "Realisasi", None, "Tahun 2024", None),
                     (None, None, "2022", "202\n3", "TARGE\nT", "Realisasi")])
    body = _cells([("Nilai Kematangan", "Nilai", "36", "38", "39", "38")])
    layout = classify(RawTable(0, [1], None, None, header, body, "lattice"), 2024)
    assert [(c.role, c.year) for c in layout.columns[2:4]] == [("realization", 2022), ("realization", 2023)]


def test_one_row_table_read_as_all_header_gets_its_row_back():
    header = _cells([("Tujuan", "Indikator Kinerja", "Satuan", "Target Pada Renstra PD", "Realisasi Tahun 2024",
                      "Persentase Capaian"),
                     ("Meningkatnya kualitas kelembagaan", "Nilai Kematangan Perangkat Daerah", "Nilai", "-", "38", "-")])
    table = join_spanned_columns(RawTable(0, [1], None, None, header, [], "lattice"))
    assert len(table.header) == 1
    assert [text_of(c) for c in table.body[0]][3:] == ["-", "38", "-"]


def test_table_of_headings_and_years_only_stays_all_header():
    header = _cells([("Indikator", "Realisasi", None), ("", "2022", "Tahun 2023")])
    table = join_spanned_columns(RawTable(0, [1], None, None, header, [], "lattice"))
    assert len(table.header) == 2 and not table.body
