"""Body cells printed under one spanning header cell are one logical cell (pipeline/spans.py)."""
from pipeline.models import Cell, RawTable
from pipeline.spans import join_spanned_columns


def _table(header: list[list[str | None]], body: list[list[str | None]]) -> RawTable:
    def row(texts):
        return [Cell(t, 1) for t in texts]
    return RawTable(0, [1], None, None, [row(r) for r in header], [row(r) for r in body], "lattice")


def _texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in r] for r in table.body]


def test_code_and_name_under_one_indicator_heading():
    table = _table([["No", "Indikator Kinerja Kegiatan", None, "Target"]],
                   [["1", "1.1.1", "Luas lahan", "3.200"], [None, "1.1.2", "Jumlah laporan", "6"]])
    joined = join_spanned_columns(table)
    assert _texts(joined) == [["1", "1.1.1 Luas lahan", "3.200"], [None, "1.1.2 Jumlah laporan", "6"]]
    assert [c.text for c in joined.header[0]] == ["No", "Indikator Kinerja Kegiatan", "Target"]


def test_currency_marker_in_own_cell_under_amount_heading():
    table = _table([["Program", "Pagu", None]], [["Program A", "Rp", "1.250.000.000"], ["Program B", "Rp.", "7.500"]])
    assert _texts(join_spanned_columns(table)) == [["Program A", "Rp 1.250.000.000"], ["Program B", "Rp. 7.500"]]


def test_header_that_lost_a_cell_keeps_two_quantities_apart():
    # "Tahun 2023" over Realisasi and a column whose own heading was not printed: two amounts side by side
    table = _table([["Unit", "Tahun 2023", None]], [["Dinas", "158.180.092.197", "149.605.542.214"]])
    assert join_spanned_columns(table) is table


def test_name_beside_a_value_under_one_heading_is_left_apart():
    table = _table([["Sub kegiatan", None, "Target"]], [["Optimalisasi upaya", "8", "12"]])
    assert join_spanned_columns(table) is table


def test_body_rulings_out_of_line_with_header_rulings():
    # header cells start one sliver column right of the body cells; empty slivers start no heading
    table = _table([["No", "", "Indikator", None, "", "Target", None]],
                   [["1.", None, "1.1.1", "Luas lahan", "3.200", None, None],
                    [None, None, "1,1.2", "Jumlah laporan", "6", None, None]])
    joined = join_spanned_columns(table)
    assert [c.text for c in joined.header[0]] == ["No", "Indikator", "Target"]
    assert _texts(joined) == [["1.", "1.1.1 Luas lahan", "3.200"], [None, "1,1.2 Jumlah laporan", "6"]]


def test_values_in_a_headless_sliver_move_into_the_headed_column_beside_it():
    from pipeline.spans import join_headless_slivers

    header = [[Cell(t, 1) for t in ("Indikator", "", "Realisasi 2015", "Realisasi 2016")]]
    body = [[Cell(t, 1) for t in row] for row in (("Nilai produksi", "166,29", "", "168,49"),
                                                  ("Jumlah unit", "", "202.940", "203.440"))]
    table = join_headless_slivers(RawTable(0, [1], None, None, header, body, "lattice"))
    assert [[c.text for c in r] for r in table.body] == [["Nilai produksi", "", "166,29", "168,49"],
                                                         ["Jumlah unit", "", "202.940", "203.440"]]


# Header: Indikator | PJ | SAT | 2025 | 2026 | 2027 over grid columns 0 | 1-2 | 3-4 | 5-6 | 7-8 | 9;
# the body's rulings sit one column left of the header's: each cell starts in the last sliver of a
# heading and reaches over its border (covered cell right of it), except the single-column 2027.
_SHIFTED_HEADER = [["Indikator", "Penanggung Jawab", None, "SAT", None, "2025", None, "2026", None, "2027"]]


def _shifted_row(name: str, unit: str, values: tuple[str, str, str]) -> list[str | None]:
    return [name, "", unit, None, values[0], None, values[1], None, None, values[2]]


def test_body_grid_one_column_left_of_the_header_grid_puts_each_value_under_its_year():
    body = [_shifted_row(n, u, v) for n, u, v in (("Indeks PBJ", "Indeks", ("52", "54", "56")),
                                                  ("Nilai SPI", "Nilai", ("83", "83,5", "84")),
                                                  ("Indeks Merit", "Indeks", ("281", "282", "283")))]
    joined = join_spanned_columns(_table(_SHIFTED_HEADER, body))
    headings = [c.text for c in joined.header[0]]
    assert headings == ["Indikator", "Penanggung Jawab", "SAT", "2025", "2026", "2027"]
    first = dict(zip(headings, (c.text for c in joined.body[0])))
    assert (first["SAT"], first["2025"], first["2026"], first["2027"]) == ("Indeks", "52", "54", "56")


def test_one_name_reaching_into_the_next_heading_is_no_shifted_grid():
    # only "Lokasi" is missed by the body's rulings (names printed over its first column): the
    # names stay under "Program/Kegiatan", as the rows that start there say
    header = [["No", "Program/Kegiatan", None, "Lokasi", "Target"]]
    body = [["1", None, "Koordinasi program", None, "400.000"], ["2", None, "Peningkatan mutu", None, "675.000"],
            ["3", None, "Pembinaan teknis", None, "120.000"]]
    joined = join_spanned_columns(_table(header, body))
    assert [c.text for c in joined.header[0]] == ["No", "Program/Kegiatan", "Lokasi", "Target"]
    assert [c.text for c in joined.body[0]][:3] == ["1", "Koordinasi program", None]


def test_next_line_of_a_tall_name_beside_an_empty_number_cell_stays_under_the_name_heading():
    # the second line of "Persentase kerja / sama/kesepakatan …" is a grid row of its own: an empty cell of
    # the level's number column ruled anew left of it, cells covered by the tall neighbours right of it
    header = [["", "Program/Indikator", None, None, "", "Penanggung Jawab", None, None, "2025", "2026"]]
    body = [[None, "", "1.", "Persentase kerja", "", "Direktur", None, None, "100", "100"],
            [None, "", None, "sama/kesepakatan luar negeri", None, None, None, None, None, None],
            [None, "", "2.", "Persentase tindak lanjut", "", "Direktur", None, None, "90", "95"]]
    joined = join_spanned_columns(_table(header, body))
    assert [c.text for c in joined.header[0]][:3] == ["", "Program/Indikator", "Penanggung Jawab"]
    assert [c.text for c in joined.body[1]][1:3] == ["sama/kesepakatan luar negeri", None]


def _plan_table_under_a_running_head_frame() -> RawTable:
    """A Renstra plan table whose top the running head's frame crosses: the ruled reader's header is
    one empty grid row, and the body opens with two more, then five heading lines, then the data."""
    empty: list[str | None] = [""] * 7
    return _table([[None] * 7], [
        empty, empty,
        ["Tujuan", "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan", "Capaian awal",
         "Target Kinerja dan Kerangka Pendanaan", None, None, None],
        [None, "Kegiatan (output)", "periode 2020", "2021", None, "2022", None],
        [None, None, None, "Tgt", "Rp", "Tgt", "Rp"],
        ["Meningkatnya kontribusi", "Laju pertumbuhan PDRB ( % )", "1,55", "1,55", "", "1,57", ""],
        ["", "Jumlah produksi (Ton)", "15.540", "15.800", "633.268.782", "15.850", "696.565.660"]])


def test_heading_lines_under_an_empty_header_cut_by_a_running_head_frame():
    from pipeline.spans import absorb_header_rows

    table = absorb_header_rows(_plan_table_under_a_running_head_frame())
    assert [c.text for c in table.header[-1]] == [None, None, None, "Tgt", "Rp", "Tgt", "Rp"]
    assert [r[1].text for r in table.body] == ["Laju pertumbuhan PDRB ( % )", "Jumlah produksi (Ton)"]


def test_heading_lines_under_an_empty_header_give_each_year_its_target_and_rupiah():
    from pipeline.classify import classify

    table = join_spanned_columns(_plan_table_under_a_running_head_frame())
    roles = [(c.role, c.year) for c in classify(table, 2021).columns]
    assert roles[3:] == [("target", 2021), ("pagu", 2021), ("target", 2022), ("pagu", 2022)]


def test_a_lone_name_under_an_empty_header_is_no_heading_row():
    from pipeline.spans import heading_row_under_empty_header

    table = _table([[None, None, None]], [["", "", ""], ["Meningkatnya kualitas layanan", "", ""],
                                          ["Indeks kepuasan", "82,5", "85"]])
    assert heading_row_under_empty_header(table) is table
