"""Ruled rows cut into one grid row per printed line, joined again (pipeline/cell_lines.py).

Each table is built here as the ruled reader gives it: text None for a cell covered by a cell that
spans into it, "" for an empty cell. Columns: No | Indikator | Satuan | 2025 | 2026 | 2027.
"""
from normalizers.numbers import parse_number
from pipeline.cell_lines import join_cell_lines
from pipeline.models import Cell, RawTable

HEADER = ["No", "Indikator", "Satuan", "2025", "2026", "2027"]


def _table(body: list[list[str | None]], method: str = "lattice") -> RawTable:
    return RawTable(0, [1], None, None, [[Cell(t, 1) for t in HEADER]],
                    [[Cell(t, 1) for t in row] for row in body], method)


def _texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in r] for r in table.body]


def _plain_rows() -> list[list[str | None]]:
    return [["1.", "Waktu tanggap", "Jam", "39", "38", "37"],
            ["3.", "Indeks kepuasan", "Indeks", "80", "81", "82"]]


def test_two_quantity_cell_cut_into_one_grid_row_per_line_is_one_row():
    """A narrow year cell "122 hari (51%)" printed over four grid rows (a cell that fits on one line spans
    them all): one row, the pieces set as printed, read as two quantities."""
    rows = _plain_rows()
    rows[1:1] = [["2.", "Hari patroli", "%", "122", "124", "127 hari (53%)"],
                 [None, None, None, "hari", "hari", None],
                 [None, None, None, "(51", "(52", None],
                 [None, None, None, "%)", "%)", None]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert len(joined) == 3
    assert joined[1][3:] == ["122\nhari\n(51%)", "124\nhari\n(52%)", "127 hari (53%)"]
    assert parse_number(joined[1][3]).value is None  # Readings settled 5: two quantities


def test_last_decimal_digit_and_name_a_grid_row_lower_belong_to_the_row_above():
    """"86,0" over "1" with the name's last words beside it: 86,01, one indicator."""
    rows = _plain_rows()
    rows[1:1] = [["2.", "Persentase penyelesaian", "%", "86,0", "86,02", "86,0"],
                 [None, "penataan organisasi", None, "1", None, "3"]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert joined[1] == ["2.", "Persentase penyelesaian\npenataan organisasi", "%", "86,01", "86,02", "86,03"]


def test_area_cut_inside_its_groups_of_thousands_is_joined_again():
    """"1.15" / "2.000" / "km2" / "(18" / "%)" under a cell spanning the rows: 1.152.000 km2 (18%)."""
    rows = _plain_rows()
    rows[1:1] = [["2.", "Cakupan area", "%", "896.000 km2 (14%)", "960.000 km2 (15%)", "1.15"],
                 [None, None, None, None, None, "2.000"],
                 [None, None, None, None, None, "km2"],
                 [None, None, None, None, None, "(18"],
                 [None, None, None, None, None, "%)"]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert joined[1][5] == "1.152.000\nkm2\n(18%)"
    assert parse_number(joined[1][5]).value is None


def test_values_printed_a_grid_line_above_their_name_go_with_the_name():
    """Tall value cells centred beside a short name: their first line is a grid row above the name's (no name
    of its own), the rest starts on the name's row with digits no number starts with ("34.56" / "0.000")."""
    rows = _plain_rows()
    rows[1:1] = [["", "", "", "33.2", "33.9", "34.56"],
                 ["2.", "Cakupan area kapal", "%", "", "", "0.000 km² (54%)"],
                 [None, None, None, "80.0", "20.0", None],
                 [None, None, None, "00", "00", None],
                 [None, None, None, "km²", "km²", None],
                 [None, None, None, "(52", "(53", None],
                 [None, None, None, "%)", "%)", None]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert len(joined) == 3
    assert joined[1][:3] == ["2.", "Cakupan area kapal", "%"]
    assert joined[1][3:] == ["33.280.000\nkm²\n(52%)", "33.920.000\nkm²\n(53%)", "34.560.000 km² (54%)"]


def test_row_of_figures_at_the_top_of_a_page_above_its_name_is_that_rows():
    """The first row under a page's header prints figures and no name; the row below prints the name and no
    figure: one row."""
    rows = [["", "", "", "10 titik (27%)", "11 titik (30%)", "12 titik (33%)"],
            ["5.", "Target area laut", "%", "", "", ""],
            ["6.", "Perbantuan keselamatan", "%", "100", "100", "100"]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert joined[0] == ["5.", "Target area laut", "%", "10 titik (27%)", "11 titik (30%)", "12 titik (33%)"]
    assert len(joined) == 2


def test_figures_under_a_name_without_figures_stay_that_names():
    """A named row without figures, a row of figures without a name, then the next named row: the figures are
    the rest of the row above them, not the next row's."""
    rows = [["1.", "Kegiatan alpha", "%", "", "", ""],
            ["", "", "", "70", "75", "80"],
            ["2.", "Kegiatan beta", "%", "", "", ""],
            ["", "", "", "60", "65", "70"]]
    table = _table(rows)
    assert join_cell_lines(table) is table


def test_whole_values_under_a_spanning_cell_are_a_row_of_their_own():
    """A unit or target cell spanning two indicators: the second indicator's whole numbers are its own row."""
    rows = [["1.", "Indikator alpha", "%", "100", "100", "100"],
            [None, "Indikator beta", None, "90", "95", None]]
    table = _table(rows)
    assert join_cell_lines(table) is table


def test_a_grade_under_a_grade_and_a_total_row_are_rows_of_their_own():
    rows = [["1.", "Nilai perencanaan", "Nilai", "B", "B", None],
            [None, "Nilai pelaporan", "Nilai", "B", "A", None],
            ["2.", "Capaian", "%", "97,2", "98,1", "99,0"],
            ["Rata-rata", None, None, "99,68", None, None]]
    table = _table(rows)
    assert join_cell_lines(table) is table


def test_tables_read_from_white_space_are_left_as_they_are():
    rows = _plain_rows()
    rows[1:1] = [["2.", "Persentase", "%", "86,0", "86,02", "86,0"], ["", "", "", "1", "", "3"]]
    table = _table(rows, method="whitespace")
    assert join_cell_lines(table) is table


def test_an_area_with_its_power_in_figures_and_a_share_is_two_quantities():
    """"1.152.000 km2 (18%)": an area (km2, km 2: the power printed as a figure) and a percentage, two
    quantities of different units (Readings settled 5); an area alone stays a number."""
    assert parse_number("1.152.000 km2 (18%)").value is None
    assert parse_number("1.024.000 km 2 (16%)").value is None
    assert parse_number("25 km2").value == 25
    assert parse_number("12 m3/detik").value == 12


def test_a_name_cell_holding_its_number_only_takes_the_name_a_grid_row_lower():
    """"3." beside the figures, the name's lines in the grid rows below (the figures' cells span them)."""
    rows = _plain_rows()
    rows[1:1] = [["", "3.", "Indeks", "2,9", "2,95", "3"],
                 [None, "Indeks pembangunan", None, None, None, None]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert joined[1] == ["", "3.\nIndeks pembangunan", "Indeks", "2,9", "2,95", "3"]


def test_an_acronym_line_under_a_name_ends_that_name():
    rows = _plain_rows()
    rows[1:1] = [["5", "Persentase kesiapan evaluasi indeks", "%", "100", "100", "100"],
                 [None, "PBJ", None, None, None, None]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert joined[1][1] == "Persentase kesiapan evaluasi indeks\nPBJ"


def test_a_block_heading_under_nameless_figures_starts_a_block():
    """"Misi Keempat: …" printed across the row under a row of figures without a name is a heading of its own."""
    rows = [["2", "Jumlah alat ukur", "Buah", "6.831", "6.900", "7.000"],
            ["", "", "Buah", "3.900", "4.000", "4.100"],
            ["Misi keempat: meningkatkan kinerja", None, None, None, None, None]]
    table = _table(rows)
    assert join_cell_lines(table) is table


def test_a_number_cut_inside_a_group_within_one_value_cell_is_joined_again():
    """"192.2" / "00" / "km2" / "(3%)" as lines of one ruled cell: 192.200 km2 (3%), two quantities."""
    rows = _plain_rows()
    rows[1:1] = [["2.", "Cakupan pemantauan", "%", "179.200 km2 (2,8%)", "185.600 km2 (2,9%)", "192.2\n00\nkm2\n(3%)"]]
    joined = _texts(join_cell_lines(_table(rows)))
    assert joined[1][5] == "192.200\nkm2\n(3%)"
    assert parse_number(joined[1][5]).value is None
