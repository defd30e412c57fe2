"""A merged sasaran cell cut by a page break (synthetic tables): its rows on the next page print the
cell empty, and read as under it; a table that leaves its group cells blank everywhere is left alone."""
from pipeline.models import Cell, RawTable
from pipeline.page_cut_cells import carry_merged_cells_over_pages

HEADER = ["No", "Sasaran Strategis", "Indikator Kinerja", "Anggaran", "% Anggaran"]


def _table(rows: list[tuple[int, list[str | None]]]) -> RawTable:
    pages = sorted({p for p, _ in rows})
    return RawTable(0, pages, "Tabel 5", "Anggaran per Sasaran", [[Cell(t, pages[0]) for t in HEADER]],
                    [[Cell(t, p) for t in r] for p, r in rows], "lattice")


def _texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in r] for r in table.body]


def test_the_rows_of_a_merged_cell_at_a_page_break_read_as_under_it():
    table = _table([(7, ["1", "Meningkatnya Mutu Alpha", "Jumlah dokumen Beta", "700.000.000", "35,00"]),
                    (7, ["", "", "Persentase unit Gamma", "300.000.000", "15,00"]),
                    (8, ["Jumlah", None, None, "1.000.000.000", "50,00"]),
                    (8, ["2", "Tersedianya Delta", "Jumlah layanan Epsilon", "600.000.000", "30,00"]),
                    (8, [None, None, "Jumlah inovasi Zeta", "400.000.000", "20,00"])])
    out = _texts(carry_merged_cells_over_pages(table))
    assert out[1] == ["", None, "Persentase unit Gamma", "300.000.000", "15,00"]  # the row number is not carried
    assert out[2:] == _texts(table)[2:]


def test_the_first_row_on_the_next_page_reads_as_under_the_cell_above():
    table = _table([(7, ["1", "Meningkatnya Mutu Alpha", "Jumlah dokumen Beta", "700.000.000", "35,00"]),
                    (7, [None, None, "Jumlah unit Eta", "100.000.000", "5,00"]),
                    (8, ["", "", "Persentase unit Gamma", "300.000.000", "15,00"])])
    assert _texts(carry_merged_cells_over_pages(table))[2][:3] == ["", None, "Persentase unit Gamma"]


def test_a_table_that_leaves_its_group_cells_blank_is_left_alone():
    """A program's own row over its indicators' rows, their program cells blank on every page: a blank at
    the page break says nothing more."""
    table = _table([(7, ["", "Program Alpha", "", "", ""]),
                    (7, ["", "", "Persentase Beta", "100.000.000", "10,00"]),
                    (7, ["", "", "Persentase Gamma", "", ""]),
                    (8, ["", "", "Cakupan Delta", "0,00", ""]),
                    (8, [None, None, "Cakupan Epsilon", "", ""])])
    assert carry_merged_cells_over_pages(table) is table


def test_a_row_whose_own_text_is_left_of_the_blank_carries_nothing():
    """The first half of a sasaran cut by the page ("Meningkatnya" above, the rest below) prints an empty
    indicator cell: a blank right of the row's own text is no member of a group above."""
    table = _table([(7, ["1", "Meningkatnya Mutu Alpha", "Jumlah dokumen Beta", "700.000.000", "35,00"]),
                    (7, [None, "Meningkatnya", "", "", "50,00"]),
                    (8, [None, "Mutu Theta", "Persentase Iota", "300.000.000", "15,00"])])
    assert carry_merged_cells_over_pages(table) is table
