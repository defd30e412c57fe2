"""The row that numbers a ruled table's columns ("1 | 2 | 3 …") is no body row (extractors/grid.py)."""
from extractors.grid import is_column_numbering
from pipeline.models import Cell


def _row(*texts: str) -> list[Cell]:
    return [Cell(t, 1) for t in texts]


def test_a_cell_numbering_two_columns_is_part_of_the_numbering_row():
    """'3 4' in one cell: the rule between columns 3 and 4 is not drawn in the numbering row."""
    assert is_column_numbering(_row("1", "2", "3 4", "", "5", "6"))
    assert is_column_numbering(_row("1", "2", "3", "4", "5"))


def test_a_row_of_amounts_or_a_name_is_no_numbering():
    assert not is_column_numbering(_row("1", "Kegiatan A", "3 4", "5"))
    assert not is_column_numbering(_row("", "12 500", "13 000", "14 000"))
