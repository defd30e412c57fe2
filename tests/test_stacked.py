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


def test_output_measures_listed_one_per_line_beside_one_value_line_each():
    # a Renja / RKT row: "Output :" labels, measures with their unit in brackets, "Outcome :" prose
    name = ("Output :\nPadi (ton)\nJagung (ton)\nTingkat Kehilangan Hasil\n(%)\nOutcome :\n"
            "\uf0b7Tercapainya Produksi Tanaman\nPangan dan Hortikultura")
    table = _table([["Program :\nPeningkatan Produksi", name, "12.317.066\n1.190.793\n10,90", None]])
    assert [r[1:3] for r in _texts(split_stacked_rows(table))] == [
        ["Padi (ton)", "12.317.066"], ["Jagung (ton)", "1.190.793"], ["Tingkat Kehilangan Hasil (%)", "10,90"]]


def test_output_measures_with_a_value_line_too_many_leave_the_row_whole():
    table = _table([["Program A", "Output :\nPadi (ton)\nJagung (ton)", "98\n12.317.066\n1.190.793", None]])
    assert split_stacked_rows(table) is table


def test_list_heading_printed_in_the_cell_of_its_first_item_is_a_row_of_its_own():
    table = _table([["Meningkatnya\nproduksi", "Jumlah\nproduksi\ntanaman\npangan dan\nhortikultura\nPadi (ton)",
                     "11.610.016", None],
                    [None, "Jagung (ton)", "1.080.085", None], [None, "Kacang\nTanah (ton)", "78.107", None]])
    assert _texts(split_stacked_rows(table))[:2] == [
        ["Meningkatnya\nproduksi", "Jumlah produksi tanaman pangan dan hortikultura", "", None],
        [None, "Padi (ton)", "11.610.016", None]]


def test_a_name_wrapped_before_its_unit_stays_one_name():
    # "… sesuai" / "SOP (%)" above measures of other units: one wrapped name, no heading
    table = _table([["Sasaran A", "Prosentase penanganan pelayanan publik , sesuai\nSOP (%)", "70", None],
                    [None, "Jumlah laporan (lap)", "12", None], [None, "Jumlah dokumen (dok)", "4", None]])
    assert split_stacked_rows(table) is table
