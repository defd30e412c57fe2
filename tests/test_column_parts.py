"""Column parts (pipeline/column_parts.py): a wide spreadsheet printed over two pages, its right-hand columns on
the next page without the name columns, joined to the rows they go on. Synthetic tables, invented indicators."""
from pipeline.classify import classify
from pipeline.column_parts import join_right_hand_parts
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records


def _table(page: int, header: list[list[str | None]], body: list[list[str]], caption: str | None = None) -> RawTable:
    return RawTable(page, [page], None, caption, [[Cell(t, page) for t in r] for r in header],
                    [[Cell(t, page) for t in r] for r in body], "lattice")


LEFT = _table(7, [["No", "Indikator Kinerja", "Satuan", "Tahun 2028", None], [None, None, None, "Target", "Realisasi"]],
              [["1", "Persentase sumur contoh terpelihara", "%", "59,23", "55,24"],
               ["2", "Jumlah dusun contoh tertib", "dusun", "421", "439"]])
RIGHT = _table(8, [["Tahun 2029", None], ["Target", "Realisasi"]],
               [["(6)", "(7)"], ["57,21", "59,67"], ["440", "-"]])


def test_the_right_hand_columns_on_the_next_page_go_on_with_the_rows_before_them():
    [joined] = join_right_hand_parts([LEFT, RIGHT])
    assert joined.pages == [7, 8] and joined.n_cols == 7
    records = performance_records(joined, classify(joined, 2029), "x.pdf")
    got = sorted((r.indicator, r.year, r.target, r.realization) for r in records)
    assert ("Persentase sumur contoh terpelihara", 2029, 57.21, 59.67) in got
    assert ("Jumlah dusun contoh tertib", 2028, 421.0, 439.0) in got


def test_a_table_of_other_rows_or_with_names_of_its_own_is_no_right_hand_part():
    other_count = _table(8, RIGHT.header and [[c.text for c in r] for r in RIGHT.header], [["57,21", "59,67"]])
    named = _table(8, [["Indikator", "Target"], [None, None]], [["Persentase lain", "5"], ["Jumlah lain", "6"]])
    assert len(join_right_hand_parts([LEFT, other_count])) == 2
    assert len(join_right_hand_parts([LEFT, named])) == 2
