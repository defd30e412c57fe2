"""Two lists printed side by side in one table (pipeline/sides.py)."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records
from pipeline.sides import side_by_side_halves


def _table(header: list[str], body: list[list[str]]) -> RawTable:
    return RawTable(0, [1], "Tabel 4", None, [[Cell(t, 1) for t in header]], [[Cell(t, 1) for t in r] for r in body],
                    "lattice")


def test_a_table_whose_columns_repeat_is_two_lists():
    table = _table(["No", "Uraian", "Satuan", "Target 2021", "No", "Uraian", "Satuan", "Target 2021"],
                   [["1", "Bibit jati", "Batang", "1.200", "1", "Getah pinus", "Ton", "45"],
                    ["2", "Bibit mahoni", "Batang", "800", "", "", "", ""]])
    halves = side_by_side_halves(table, classify(table, 2021))
    assert halves is not None and [h.n_cols for h in halves] == [4, 4]
    names = [r.indicator for h in halves for r in performance_records(h, classify(h, 2021), "x.pdf")]
    assert names == ["Bibit jati", "Bibit mahoni", "Getah pinus"]


def test_a_table_of_two_years_is_not_two_lists():
    table = _table(["Indikator", "Target 2020", "Realisasi 2020", "Target 2021"], [["Bibit jati", "1", "2", "3"]])
    assert side_by_side_halves(table, classify(table, 2021)) is None
