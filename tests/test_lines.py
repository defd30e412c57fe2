"""Lines of one logical row joined in tables read line by line (pipeline/lines.py)."""
from pipeline.lines import join_broken_numbers, join_grade_lines, join_wrapped_lines
from pipeline.models import Cell, RawTable


def _table(body: list[list[str]], method: str = "whitespace") -> RawTable:
    header = [[Cell(t, 1) for t in ("Indikator", "2014", "2015")]]
    return RawTable(0, [1], None, None, header, [[Cell(t, 1) for t in r] for r in body], method)


def _texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in r] for r in table.body]


def test_name_wrapped_over_lines_above_and_below_its_values():
    table = _table([["1.2.2 Jumlah unit usaha yang", "", ""], ["mendapat sertifikat", "48", "54"], ["(%)", "", ""],
                    ["1.3.1 Jumlah pelaku usaha", "5", "5"]])
    assert _texts(join_wrapped_lines(table)) == [["1.2.2 Jumlah unit usaha yang mendapat sertifikat (%)", "48", "54"],
                                                 ["1.3.1 Jumlah pelaku usaha", "5", "5"]]


def test_a_name_ending_with_a_colon_heads_its_list_items():
    table = _table([["1.1.1 Jumlah produksi yang", "", ""], ["dihasilkan (ton) :", "", ""], ["- Daging", "715.901", "741.709"],
                    ["- Telur", "204.344", "210.664"]])
    assert _texts(join_wrapped_lines(table)) == [["1.1.1 Jumlah produksi yang dihasilkan (ton) :", "", ""],
                                                 ["- Daging", "715.901", "741.709"], ["- Telur", "204.344", "210.664"]]


def test_amount_column_beside_one_name_column():
    table = RawTable(0, [1], None, None, [[Cell("Program", 1), Cell("Anggaran", 1)]],
                     [[Cell(t, 1) for t in r] for r in [["Program Penataan Alpha dan", "Rp 42.000.125.000"],
                                                          ["Beta Gamma Delta", ""],
                                                          ["Program Epsilon", "Rp 1.250.000.000"]]], "whitespace")
    assert _texts(join_wrapped_lines(table))[0] == ["Program Penataan Alpha dan Beta Gamma Delta",
                                                    "Rp 42.000.125.000"]


def test_ruled_tables_are_left_as_they_are():
    table = _table([["Jumlah unit", "", ""], ["mendapat", "48", "54"]], method="lattice")
    assert join_wrapped_lines(table) is table


def test_a_bullet_set_lower_than_its_item_goes_back_in_front_of_it():
    table = _table([["- Kayu jati", "120", "130"], ["Kayu pinus", "80", "90"], ["-", "", ""],
                    ["- Rotan", "10", "12"]])
    assert [r[0].text for r in join_wrapped_lines(table).body] == ["- Kayu jati", "- Kayu pinus", "- Rotan"]


def test_a_grade_printed_on_a_line_under_its_score_joins_the_row_above():
    """A ruled grid can split "80,10" / "(A)" into two rows: the grade line names nothing and is no row."""
    table = _table([["1. Nilai akuntabilitas", "70,06", "80,10"], ["", "(BB)", "(A)"],
                    ["2. Jumlah dokumen", "3", "4"]], method="lattice")
    assert _texts(join_grade_lines(table)) == [["1. Nilai akuntabilitas", "70,06 (BB)", "80,10 (A)"],
                                               ["2. Jumlah dokumen", "3", "4"]]


def test_a_number_a_narrow_cell_broke_inside_a_group_of_thousands_is_joined_again():
    """"12.31" over "7.066" in two grid rows is 12.317.066; a row printing figures of its own, or a new
    item, keeps its number even when the two would make one grouped number."""
    table = _table([["Beras", "12.31", "4"], ["", "7.066", ""], ["sawah baru (Ha)", "25.00", ""], ["irigasi", "0", ""],
                    ["Umur kawin", "20.32", "19,6"], ["Keluarga pra sejahtera", "1.263.116", "2.481.251"],
                    ["a. Nilai", "51.82", ""], ["b. Jumlah", "3", ""]], method="lattice")
    assert _texts(join_broken_numbers(table)) == [
        ["Beras", "12.317.066", "4"], ["", "", ""], ["sawah baru (Ha)", "25.000", ""], ["irigasi", "", ""],
        ["Umur kawin", "20.32", "19,6"], ["Keluarga pra sejahtera", "1.263.116", "2.481.251"],
        ["a. Nilai", "51.82", ""], ["b. Jumlah", "3", ""]]
