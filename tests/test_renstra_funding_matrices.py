"""Renstra funding matrices as agencies print them (synthetic tables): the review of the past period's
funding ("Anggaran | Realisasi Anggaran | Rasio" over "Tahun Ke- 1 … N"), its column numbering broken
over two lines, and a total row printed without its label."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records


def _table(header: list[list[str | None]], body: list[list[str | None]], context_before: str | None = None) -> RawTable:
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
    assert {level for level, *_ in _budget(_table(ORDINAL_HEADER, body, PERIOD_LINE))} == {"other"}
