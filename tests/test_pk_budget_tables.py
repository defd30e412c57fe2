"""Perjanjian Kinerja tables that print both each row's indicator target and its program's anggaran."""
from __future__ import annotations

from pipeline.classify import classify
from pipeline.models import Cell, RawTable


def _table(header_rows, body_rows):
    header = [[Cell(t, 1) for t in row] for row in header_rows]
    body = [[Cell(t, 1) for t in row] for row in body_rows]
    return RawTable(0, [1], "Tabel 2.3 Anggaran dalam Perjanjian Kinerja", None, header, body, "lattice")


def test_target_and_rupiah_under_one_anggaran_banner():
    """"Anggaran › TARGET | Rp": the target column holds indices and percents, the Rp column amounts;
    the first is the rows' target, the second the ceiling, and the table is performance and budget."""
    header = [("NO", "URAIAN", "SATUAN", "Anggaran", None, "Ket"), ("", "", "", "TARGET", "Rp", "(5)")]
    body = [("A.", "Tujuan: Meningkatnya Kualitas Kelembagaan", "Nilai", "39", "38.556.459.000", "APBD"),
            (None, "Sasaran: Meningkatnya Implementasi SAKIP", "Nilai", "72,13", None, None),
            (None, "Program Penunjang Urusan Pemerintahan", "Persen", "100", None, None),
            ("B.", "Tujuan: Meningkatkan Kualitas Pelayanan", "Indeks", "80,9", "18.214.479.000", "APBD")]
    layout = classify(_table(header, body), 2024)
    assert [c.role for c in layout.columns[3:5]] == ["target", "pagu"]
    assert {"performance", "budget"} <= layout.kinds
    assert any("pagu -> target" in e for e in layout.evidence)


def test_two_rupiah_columns_under_anggaran_stay_ceilings():
    """Both columns print Rupiah: neither is a target, whatever the words."""
    header = [("Program", "Anggaran", None), ("", "Target", "Rp")]
    body = [("Program A", "1.000.000.000", "900.000.000"), ("Program B", "2.000.000.000", "1.500.000.000")]
    layout = classify(_table(header, body), 2024)
    assert [c.role for c in layout.columns[1:]] == ["pagu", "pagu"]

