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
                   [["1", "Penilaian dokumen", "15", "249.451.600"], [None, "lingkungan hidup", None, None]])
    rows = filled_rows(table, classify(table, 2016))
    assert [c.text for c in rows[0]][1:] == ["Penilaian dokumen lingkungan hidup", "15", "249.451.600"]


def test_trw_headings_are_quarters_not_targets():
    table = _table(["Indikator", "Target Trw I", "Target Trw II", "Target Tahunan"], [["Indikator A", "1", "2", "3"]])
    roles = [c.role for c in classify(table, 2016).columns]
    assert roles == ["indicator", "quarter", "quarter", "target"]
