"""Renstra funding matrices as agencies print them (synthetic tables): the review of the past period's
funding ("Anggaran | Realisasi Anggaran | Rasio" over "Tahun Ke- 1 … N"), its column numbering broken
over two lines, and a total row printed without its label."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records


def _table(header: list[list[str | None]], body: list[list[str | None]], context_before: str = "") -> RawTable:
    def row(texts):
        return [Cell(t, 3) for t in texts]
    return RawTable(0, [3], None, None, [row(r) for r in header], [row(r) for r in body], "lattice",
                    context_before=context_before)


def _budget(table: RawTable, report_year: int = 2030) -> list[tuple]:
    return [(r.level, r.name, r.year, r.pagu, r.realization, r.realization_pct)
            for r in budget_records(table, classify(table, report_year), "x.pdf")]


# "Anggaran pada Tahun Ke-" over the ordinals 1 2 3, which the header repair took in as the header's
# last row; the period is named in the line above the table, which has no "Tabel" label.
ORDINAL_HEADER = [["No", "Uraian", "Anggaran pada Tahun Ke-", None, None, "Realisasi Anggaran pada Tahun Ke-", None, None,
                   "Rasio antara Realisasi dan Anggaran Tahun Ke-", None, None],
                  [None, None, "1", "2", "3", "1", "2", "3", "1", "2", "3"]]
PERIOD_LINE = "Anggaran dan Realisasi Pendanaan Unit Contoh\nPeriode 2031 - 2033"


def test_plan_years_counted_from_the_first_with_the_ordinals_read_into_the_header():
    body = [["1", "Belanja Pegawai", "0", "400,000,000.00", "500,000,000.00", "0", "300,000,000.00",
             "450,000,000.00", "0", "75.00", "90.00"]]
    got = _budget(_table(ORDINAL_HEADER, body, PERIOD_LINE))
    assert [(year, pagu, real, pct) for _, _, year, pagu, real, pct in got] == [
        (2031, 0.0, 0.0, 0.0), (2032, 400000000.0, 300000000.0, 75.0), (2033, 500000000.0, 450000000.0, 90.0)]


def test_a_column_numbering_broken_over_two_lines_under_ordinals_in_the_header_is_no_row():
    # the tens digits of "10" and "11" alone on the upper line repeat the header's ordinal "1"
    body = [["", "", "", "", "", "", "", "", "", "1", "1"],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1"],
            ["1", "Belanja Pegawai", "0", "400,000,000.00", "500,000,000.00", "0", "300,000,000.00",
             "450,000,000.00", "0", "75.00", "90.00"]]
    names = {name for _, name, *_ in _budget(_table(ORDINAL_HEADER, body, PERIOD_LINE))}
    assert names == {"Belanja Pegawai"}


def test_an_unlabelled_last_row_that_adds_up_the_rows_above_is_the_total():
    body = [["1", "Belanja Pegawai", "0", "400,000,000.00", "500,000,000.00", "0", "300,000,000.00",
             "450,000,000.00", "0", "75.00", "90.00"],
            ["2", "Belanja Barang", "0", "100,000,000.00", "200,000,000.00", "0", "50,000,000.00",
             "150,000,000.00", "0", "50.00", "75.00"],
            ["", "", "0", "500,000,000.00", "700,000,000.00", "0", "350,000,000.00",
             "600,000,000.00", "0", "70.00", "85.71"]]
    totals = [(level, name, year, pagu, pct) for level, name, year, pagu, _, pct in _budget(_table(ORDINAL_HEADER, body, PERIOD_LINE))
              if level == "total"]
    assert totals == [("total", "", 2031, 0.0, 0.0), ("total", "", 2032, 500000000.0, 70.0),
                      ("total", "", 2033, 700000000.0, 85.71)]


def test_an_unlabelled_last_row_that_does_not_add_up_is_no_row():
    # a line of amounts under the rows, no label, that is not their sum: nothing says what it is
    body = [["1", "Belanja Pegawai", "0", "400,000,000.00", "500,000,000.00", "0", "300,000,000.00",
             "450,000,000.00", "0", "75.00", "90.00"],
            ["2", "Belanja Barang", "0", "100,000,000.00", "200,000,000.00", "0", "50,000,000.00",
             "150,000,000.00", "0", "50.00", "75.00"],
            ["", "", "0", "123,000,000.00", "700,000,000.00", "0", "350,000,000.00",
             "600,000,000.00", "0", "70.00", "85.71"]]
    # the two named rows are kinds of expenditure (belanja pegawai, belanja barang); no total is made up
    assert {level for level, *_ in _budget(_table(ORDINAL_HEADER, body, PERIOD_LINE))} == {"jenis_belanja"}


# The review of the past period's funding with its title printed inside its own frame, its years printed,
# the amounts wrapped over lines of narrow cells that the reader cut into grid rows, a ratio of a year with
# no amounts, and an average over the years beside them.
def _framed_title_table(body: list[list[str | None]] | None = None) -> RawTable:
    wide = [None] * 9
    header: list[list[str | None]] = [["Tabel R-B 7", *wide], ["Anggaran dan Realisasi Pendanaan Unit Contoh", *wide],
              ["Uraian", "Anggaran pada Tahun", None, "Realisasi Anggaran Tahun Ke", None,
               "Rasio antara Realisasi dan Anggaran Tahun Ke", None, None, "Rata - rata Pertumbuhan", None],
              ["Tabel R-B 7", "2031", "2032", "2031", "2032", "2031", "2032", "2033", "Anggaran", "Realisasi"]]
    body = [["Pendapatan", "3.000.000.000", "3.000.000.000", "2.750.", "3100", "", "", "", "2.875.000.000", "30%"],
            ["Daerah", "", "", "000.", "000", "91,7%", "103,3%", "95%", "", ""],
            [None, "", "", ".000", "000", "", "", "", "", ""],
            ["Belanja Langsung", "4.100.\n250.\n000", "4.000.000.000", "3.000.000.000", "3.200.000.000", "73%", "80%",
             "", "3.100.000.000", "75%"]] if body is None else body
    return _table(header, body)


def _budget_of_framed(table: RawTable) -> list[tuple]:
    from pipeline.cut_rows import join_cut_rows
    from pipeline.title_rows import title_rows_out_of_header

    return _budget(join_cut_rows(title_rows_out_of_header(table)))


def test_a_title_printed_inside_the_tables_frame_is_its_caption_not_a_heading():
    from pipeline.title_rows import title_rows_out_of_header

    table = title_rows_out_of_header(_framed_title_table())
    assert table.label == "Tabel R-B 7" and table.caption == "Anggaran dan Realisasi Pendanaan Unit Contoh"
    assert [c.text for c in table.header[0]][:2] == ["Uraian", "Anggaran pada Tahun"]
    assert table.header[1][0].text == ""  # the copy of the label in a heading cell is no heading
    assert [(c.role, c.year) for c in classify(table, 2030).columns][:3] == [("program", None), ("pagu", 2031),
                                                                            ("pagu", 2032)]


def test_amounts_wrapped_in_narrow_cells_over_grid_rows_are_one_row():
    rows = {(name, year): (pagu, real, pct) for _, name, year, pagu, real, pct in _budget_of_framed(_framed_title_table())}
    assert rows[("Pendapatan Daerah", 2031)] == (3000000000.0, 2750000000.0, 91.7)
    assert rows[("Pendapatan Daerah", 2032)] == (3000000000.0, 3100000000.0, 103.3)


def test_a_thousands_group_wrapped_onto_the_next_line_without_its_separator_goes_on_the_number():
    rows = {(name, year): pagu for _, name, year, pagu, _, _ in _budget_of_framed(_framed_title_table())}
    assert rows[("Belanja Langsung", 2031)] == 4100250000.0


def test_a_year_printing_only_its_ratio_is_still_a_row_of_that_year():
    rows = {(name, year): (pagu, real, pct) for _, name, year, pagu, real, pct in _budget_of_framed(_framed_title_table())}
    assert rows[("Pendapatan Daerah", 2033)] == (None, None, 95.0)  # "Rasio": a share in percent, not an amount


def test_an_average_over_the_years_is_no_years_amount():
    table = _framed_title_table()
    from pipeline.title_rows import title_rows_out_of_header

    roles = [c.role for c in classify(title_rows_out_of_header(table), 2030).columns]
    assert roles[-2:] == ["other", "other"]
    assert all(year in (2031, 2032, 2033) for _, _, year, *_ in _budget_of_framed(table))


def test_small_figures_cut_over_grid_rows_are_left_to_the_performance_readers():
    # an area "179." over "200": fewer digits than an amount in Rupiah, the rows stay as the reader cut them
    from pipeline.cut_rows import join_cut_rows

    table = _table([["Indikator", "2031", "2032"]], [["Cakupan", "179.", "185."], [None, "200", "600"]])
    assert len(join_cut_rows(table).body) == 2


def test_a_wingdings_bullet_read_as_the_letter_v_is_no_part_of_the_name():
    body = [["v Pendapatan Asli", "3.000.000.000", "3.000.000.000", "2.750.000.000", "3.100.000.000", "91,7%",
             "103,3%", "", "", ""]]
    names = {name for _, name, *_ in _budget_of_framed(_framed_title_table(body))}
    assert names == {"Pendapatan Asli"}


def test_an_average_over_the_programs_with_no_years_beside_it_stays_their_share_spent():
    # "Rata-rata Realisasi Anggaran (%)" of an evaluation table: an average over each program's kegiatan
    table = _table([["No", "Nama Program", "Rata-rata Realisasi Anggaran (%)"]],
                   [["1", "Program Alpha", "77%"], ["2", "Program Beta", "81%"]])
    assert [c.role for c in classify(table, 2030).columns][-1] == "budget_pct"


def test_a_second_complete_amount_on_the_next_line_is_not_joined_to_the_first():
    from normalizers.numbers import parse_number

    assert parse_number("4.100\n250.\n000").value == 4100250000.0
    assert parse_number("1.000\n500.000").value != 1000500000.0


def test_a_header_row_numbering_the_columns_in_brackets_out_of_order_names_no_column():
    # a first rendering of a program table, numbered as another copy of it: "(1) (2) (5) (13) (17) (18)"
    header = [["Sasaran", "Program dan Kegiatan", "Indikator Kinerja", "Tahun I (2031)", None],
              [None, None, None, "target", "Rp"],
              ["(2)", "(5)", "(6)", "(17)", "(18)"]]
    table = _table(header, [["Sasaran A", "Program Alpha", "Jumlah dokumen", "3 dok", "100,000,000"]])
    assert [c.role for c in classify(table, 2031).columns] == ["sasaran", "program", "indicator", "target", "pagu"]


def _row(table: int, row: int, name: str, level: str, pagu: float, parent: int | None = None):
    from pipeline.checks.common import BudgetRow

    return BudgetRow("f.pdf", table, None, 1, row, name, None, level, 2031, pagu, str(pagu), None, None, None, None,
                     None, None, None, parent, False)


def test_a_program_whose_kegiatan_run_to_the_end_of_a_clipped_copy_is_checked_in_its_full_copy():
    from pipeline.checks.budget import sum_findings

    clipped = [_row(1, 0, "Program Alpha", "program", 300.0), _row(1, 1, "Kegiatan Satu", "kegiatan", 100.0, 0)]
    full = [_row(2, 0, "Program Alpha", "program", 300.0), _row(2, 1, "Kegiatan Satu", "kegiatan", 100.0, 0),
            _row(2, 2, "Kegiatan Dua", "kegiatan", 150.0, 0), _row(2, 3, "Program Beta", "program", 50.0)]
    found = sum_findings(clipped + full)
    assert [(f.table_index, f.reported, f.expected) for f in found] == [(2, 300.0, 250.0)]


def test_a_program_whose_kegiatan_run_to_the_end_of_its_only_table_is_still_checked():
    from pipeline.checks.budget import sum_findings

    rows = [_row(1, 0, "Program Alpha", "program", 300.0), _row(1, 1, "Kegiatan Satu", "kegiatan", 100.0, 0)]
    assert [(f.reported, f.expected) for f in sum_findings(rows)] == [(300.0, 100.0)]


# A Renstra program table: target and Rupiah per year, then the plan's end ("Target Akhir Renstra").
def _plan_end_table(end_heading: str, years: tuple[int, ...]) -> RawTable:
    header: list[list[str | None]] = [["Program", "Indikator", *[str(y) for y in years for _ in (0, 1)], end_heading, None],
              [None, None, *["target", "Rp"] * len(years), "target", "Rp"]]
    for k in range(len(years)):
        header[0][3 + 2 * k] = None
    body: list[list[str | None]] = [["Program Alpha", "Jumlah dokumen", *[v for k in range(len(years)) for v in (str(k + 1), f"{k + 1}00.000.000")],
             str(len(years)), f"{sum(range(1, len(years) + 1))}00.000.000"]]
    return _table(header, body)


def test_the_plans_end_amount_beside_the_years_amounts_is_their_total_no_years():
    got = _budget(_plan_end_table("Target Akhir Renstra", (2032, 2033, 2034)), report_year=2031)
    assert sorted((year, pagu) for _, _, year, pagu, _, _ in got) == [
        (2032, 100000000.0), (2033, 200000000.0), (2034, 300000000.0)]


def test_the_plans_end_printed_with_a_year_of_its_own_is_that_years_amount():
    got = _budget(_plan_end_table("Kondisi Kinerja pada Akhir Periode Renstra 2035", (2032, 2033, 2034)), report_year=2031)
    assert (2035, 600000000.0) in [(year, pagu) for _, _, year, pagu, _, _ in got]


def test_the_next_pages_part_whose_first_row_was_read_as_its_header_goes_on_the_numbered_list():
    # a ruled list of kegiatan and their anggaran over a page break: on the next page the reader took the
    # first row ("6. …") for a header; a page footer stands between the parts
    from pipeline.parts import join_numbered_rest

    def cells(rows, page):
        return [[Cell(t, page) for t in r] for r in rows]
    above = RawTable(0, [4], None, None, cells([["NO.", "KEGIATAN", "ANGGARAN (Rp)"]], 4),
                     cells([["4.", "Kegiatan Empat", "40.000.000"], ["5.", "Kegiatan Lima", "50.000.000"]], 4),
                     "lattice", [100.0, 500.0, 560.0, 830.0], context_after="Laporan Kinerja Tahun 2030 12")
    below = RawTable(1, [5], None, None, cells([["6.", "Kegiatan Enam", "60.000.000"]], 5),
                     cells([["7.", "Kegiatan Tujuh", "70.000.000"]], 5), "lattice", [100.5, 85.0, 560.2, 300.0])
    (joined,) = join_numbered_rest([above, below])
    assert [r[0].text for r in joined.body] == ["4.", "5.", "6.", "7."] and joined.pages == [4, 5]
    unnumbered = RawTable(1, [5], None, None, cells([["1.", "Kegiatan Satu", "60.000.000"]], 5), [], "lattice",
                          [100.5, 85.0, 560.2, 300.0])
    assert len(join_numbered_rest([above, unnumbered])) == 2  # a list numbered from 1 again is another table
