"""Several rows printed as lines of one ruled row (pipeline/stacked.py)."""
from pipeline.models import Cell, RawTable
from pipeline.stacked import split_stacked_rows


def _table(body: list[list[str | None]]) -> RawTable:
    header = [[Cell(t, 1) for t in ("Sasaran", "Indikator", "Realisasi 2016", "Capaian")]]
    return RawTable(0, [1], None, None, header, [[Cell(t, 1) for t in r] for r in body], "lattice")


def _texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in r] for r in table.body]


def test_list_of_indicators_with_one_value_line_each():
    table = _table([["Meningkatnya\nproduksi", "- Produksi padi\n- Produksi jagung\n(ton)", "12.540.550 *)\n1.630.238",
                     "110,26\n169,83"]])
    assert _texts(split_stacked_rows(table)) == [
        ["Meningkatnya\nproduksi", "- Produksi padi", "12.540.550 *)", "110,26"],
        [None, "- Produksi jagung (ton)", "1.630.238", "169,83"]]


def test_group_figure_printed_above_the_items_lines_is_dropped():
    table = _table([["Sasaran A", "- Item satu\n- Item dua", "10\n20", "98,98\n100\n97,96"]])
    assert [r[3] for r in _texts(split_stacked_rows(table))] == ["100", "97,96"]


def test_lines_that_do_not_match_the_items_leave_the_row_whole():
    table = _table([["Sasaran A", "- Item satu\n- Item dua\n- Item tiga", "10\n20", "98\n99"]])
    assert split_stacked_rows(table) is table


def test_one_indicator_wrapped_over_lines_is_no_list():
    table = _table([["Sasaran A", "Jumlah produksi\npadi", "12.540.550", "110,26"]])
    assert split_stacked_rows(table) is table
