"""A budget table over several pages, each page's part on a grid of its own (pipeline/regrid.py)."""
from pipeline.models import Cell, RawTable
from pipeline.regrid import join_other_grid_parts

FRAME = [85.0, 74.0, 589.0, 750.0]


def _part(page: int, header: list[list[str]], body: list[list[str]]) -> RawTable:
    return RawTable(page, [page], None, None, [[Cell(t, page) for t in r] for r in header],
                    [[Cell(t, page) for t in r] for r in body], "lattice", FRAME)


def test_parts_on_their_own_grids_and_one_on_the_first_grid_join_into_one_table():
    """Page 2 has a column more (kegiatan names set one column right of the program names); page 3
    is on the grid of page 1 again: it joins once page 2 has joined."""
    first = _part(1, [["No", "Program / Kegiatan", "Alokasi", "Realisasi", "%"]],
                  [["", "PROGRAM A", "", "", ""], ["", "Kegiatan A1", "1.000.000", "900.000", "90,00%"]])
    second = _part(2, [], [["", "PROGRAM B", "", "", "", ""], ["", "", "Kegiatan B1", "2.000.000", "1.500.000", "75,00%"]])
    third = _part(3, [], [["", "Kegiatan B2", "4.000.000", "3.000.000", "75,00%"]])
    out = join_other_grid_parts([first, second, third])
    assert len(out) == 1 and out[0].pages == [1, 2, 3]
    assert [[c.text for c in r] for r in out[0].body[2:]] == [
        ["", "PROGRAM B", "", "", ""], ["", "Kegiatan B1", "2.000.000", "1.500.000", "75,00%"],
        ["", "Kegiatan B2", "4.000.000", "3.000.000", "75,00%"]]


def test_a_part_on_the_same_grid_right_after_a_one_page_table_is_left_to_the_extractor():
    first = _part(1, [["No", "Program / Kegiatan", "Alokasi", "Realisasi", "%"]],
                  [["", "Kegiatan A1", "1.000.000", "900.000", "90,00%"]])
    second = _part(2, [], [["", "Kegiatan A2", "4.000.000", "3.000.000", "75,00%"]])
    assert len(join_other_grid_parts([first, second])) == 2
