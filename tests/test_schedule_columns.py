"""A Renstra's frameworks headed like targets (synthetic tables): a "Target Penyelesaian" column of years and
"TARGET › 2021 … 2023" columns of ticks are schedules, no performance table; a target column with a
quantity among them keeps its role."""
from __future__ import annotations

from pipeline.classify import classify
from pipeline.models import Cell, RawTable


def _table(header: list[list[str | None]], body: list[list[str]]) -> RawTable:
    return RawTable(0, [3], None, None, [[Cell(t, 3) for t in r] for r in header],
                    [[Cell(t, 3) for t in r] for r in body], "lattice")


def test_completion_years_under_a_target_heading_are_a_schedule():
    table = _table([["No", "Regulasi yang Diperlukan", "Unit Penanggung Jawab", "Target Penyelesaian"]],
                   [["1.", "Peraturan Kepala tentang Tata Naskah Alpha", "Bagian Hukum", "2022"],
                    ["2.", "Peraturan Kepala tentang Pedoman Beta", "Bagian Organisasi", "2021"],
                    ["3.", "Keputusan tentang Standar Gamma", "Bagian Umum", "2021-2022"]])
    layout = classify(table, 2020)
    assert "performance" not in layout.kinds
    assert any("schedule" in e for e in layout.evidence)


def test_ticks_under_target_years_are_a_schedule():
    table = _table([["Program dan Kegiatan", "Sasaran", "TARGET", None, None], [None, None, "2021", "2022", "2023"]],
                   [["Penataan Kelembagaan Alpha", "Perubahan nomenklatur Bagian Beta", "", "v", ""],
                    ["Penataan Kelembagaan Alpha", "Penambahan Subbagian Gamma", "", "", "√"],
                    ["Penataan Kelembagaan Alpha", "Penggabungan Subbagian Delta", "v", "", ""]])
    assert "performance" not in classify(table, 2020).kinds


def test_a_target_column_with_quantities_keeps_its_role():
    table = _table([["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi"]],
                   [["1", "Jumlah dokumen Alpha", "dok", "2022", "2022"],
                    ["2", "Persentase layanan Beta", "%", "85", "80"]])
    assert [c.role for c in classify(table, 2020).columns][3:] == ["target", "realization"]
