"""A continuation part on the next page with no heading of its own (its header read from a wrapped line
of the row above, or empty): tujuan / sasaran / indicator columns left to right, values on the right."""
from __future__ import annotations

from pipeline.classify import classify
from pipeline.models import Cell, RawTable


def _cells(rows):
    return [[Cell(t, 1) for t in row] for row in rows]


def test_indicator_of_a_headless_part_is_the_text_column_beside_its_values():
    header = _cells([("", "sumber daya air", "untuk irigasi dan pertanian", "", "", "")])
    body = _cells([
        ("", "Meningkatnya ketersediaan lampu jalan", "Persentase ketersediaan lampu jalan", "90%", "90 %", "100 %"),
        ("Meningkatnya tata kelola", "Meningkatnya kompetensi ASN", "Persentase pejabat kompeten", "80 %", "80 %", "100 %"),
        ("", "Meningkatnya kepuasan masyarakat", "Rata-rata skor IKM", "78 %", "78 %", "100 %"),
        ("Meningkatnya kelestarian", "Meningkatnya ketersediaan dokumen", "Persentase kesesuaian lahan", "96,12 %",
         "96,12 %", "100 %")])
    layout = classify(RawTable(0, [4], None, None, header, body, "lattice"), 2021)
    assert [c.role for c in layout.columns[2:]] == ["indicator", "target", "realization", "achievement"]
    assert layout.columns[0].role != "indicator"
    assert "performance" in layout.kinds
