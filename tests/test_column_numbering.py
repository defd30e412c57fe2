"""The row that numbers a ruled table's columns ("1 | 2 | 3 …") is no body row (extractors/grid.py)."""
from extractors.grid import is_column_numbering, text_of
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


def test_a_heading_s_last_words_spilled_over_its_number_leave_the_row_a_numbering():
    """A wrapped heading's last line ("gung Alfa" of "Penang-gung Alfa") printed under its rule, in the cell
    of the numbering row: the cell's last line is still the column's number."""
    assert is_column_numbering(_row("1", "2", "Kerja\n3", "Dasar\n4", "5", "6", "gung Alfa\n7"))
    assert not is_column_numbering(_row("1", "Kegiatan\n2", "Hari 30", "350.000"))


def test_a_numbering_row_with_spilled_headings_gives_no_budget_row():
    from pipeline.classify import classify
    from pipeline.models import RawTable
    from pipeline.rows import budget_records

    header = [["No", "Program / Kegiatan", "Indikator", "2024", None, "2025", None],
              [None, None, None, "Target", "Rupiah", "Target", "Rupiah"]]
    body = [["1", "2", "Kinerja\n3", "4", "5", "6", "7"],
            ["1", "Program Alfa Beta", "Persentase izin terbit", "90%", "120.000.000", "90%", "132.000.000"]]
    table = RawTable(0, [9], None, None, [[Cell(t, 9) for t in r] for r in header],
                     [[Cell(t, 9) for t in r] for r in body], "lattice")
    names = [(r.name, r.year, r.pagu) for r in budget_records(table, classify(table, 2024), "x.pdf")]
    assert names == [("Program Alfa Beta", 2024, 120000000.0), ("Program Alfa Beta", 2025, 132000000.0)]


def test_the_next_row_s_name_spilled_over_the_numbering_row_goes_back_to_it():
    """A continuation page whose rules sit out of line: the numbering row's name cell also holds the first
    lines of the next row's name ("2" over "Program Alfa" / "Beta Gama"), whose own name cell is empty."""
    from pipeline.classify import classify
    from pipeline.models import RawTable
    from pipeline.rows import budget_records

    header = [["No.", "PROGRAM", "PAGU (Rp)", "Serapan (Rp)", "(%)"]]
    body = [["7", "Program Delta Epsilon", "312.000.000", "301.500.000", "96,63"],
            ["1", "2\nProgram Alfa\nBeta Gama", "3", "4", "5"],
            ["8", None, "471.000.000", "452.100.000", "95,99"]]
    table = RawTable(0, [44, 45], "Tabel 9", None, [[Cell(t, 44) for t in r] for r in header],
                     [[Cell(t, 45) for t in r] for r in body], "lattice")
    assert is_column_numbering(table.body[1])
    names = [(r.name, r.pagu) for r in budget_records(table, classify(table, 2016), "x.pdf")]
    assert names == [("Program Delta Epsilon", 312000000.0), ("Program Alfa Beta Gama", 471000000.0)]


def test_a_numbering_row_dropped_where_a_page_s_part_begins_gives_its_spilled_words_back():
    """The reader drops the numbering row that opens a page's part of a table; the next row's name spilled
    over it goes back to that row first."""
    from extractors.grid import without_column_numbering

    body = [_row("1", "2\nProgram Alfa\nBeta", "3", "4"), [Cell("8", 45), Cell(None, 45), Cell("450.000", 45),
                                                          Cell("435.000", 45)]]
    assert [text_of(c) for c in without_column_numbering(body)[0]] == ["8", "Program Alfa\nBeta", "450.000", "435.000"]
