"""Tables of the sasaran strategis and the capaian each reached, with no indicator column."""
from __future__ import annotations

from pipeline.classify import classify
from pipeline.models import Cell, RawTable


def _table(header_rows, body_rows):
    header = [[Cell(t, 1) for t in row] for row in header_rows]
    body = [[Cell(t, 1) for t in row] for row in body_rows]
    return RawTable(0, [1], "Tabel 15 Hasil Identifikasi Pengukuran Kinerja", None, header, body, "lattice")


def test_capaian_of_each_sasaran_is_a_performance_table():
    """"Sasaran Strategis | Capaian (%) | Kriteria Penilaian": no indicator column, the sasaran are the
    measures and the capaian theirs."""
    header = [("NO", "SASARAN STRATEGIS", "CAPAIAN (%)", "KRITERIA PENILAIAN")]
    body = [("1.", "Meningkatnya Produksi Tanaman Pangan", "99,02", "B"),
            ("2.", "Tersedianya Sarana Prasarana Pertanian", "-", "K"),
            ("3.", "Meningkatnya Kompetensi Sumberdaya Manusia", "345,00", "SB")]
    layout = classify(_table(header, body), 2016)
    assert layout.columns[2].role == "achievement"
    assert "performance" in layout.kinds
