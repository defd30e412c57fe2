"""Spreadsheet headings (pipeline/sheet_headings.py): a sheet printed with its column letters and row numbers; the
letters and numbers are left out and the table's own header found again. Synthetic tables, invented names."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records
from pipeline.sheet_headings import without_sheet_headings


def _table(header: list[list[str | None]], body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [1], None, None, [[Cell(t, 1) for t in r] for r in header],
                    [[Cell(t, 1) for t in r] for r in body], "lattice")


SHEET = _table([["", "A", "B", "C", "D"]],
               [["3", "Kode", "Program / Kegiatan", "Anggaran", "Realisasi"],
                ["4", "(1)", "(2)", "(3)", "(4)"],
                ["5", "2.11.01", "PROGRAM CONTOH SUMUR", "6.511.890.000", "4.922.799.200"],
                ["6", "2.11.01.2.01", "Pemeliharaan sumur contoh", "2.154.060.000", "607.881.500"]])


def test_column_letters_and_row_numbers_are_left_out_and_the_header_found_again():
    table = without_sheet_headings(SHEET)
    assert [[c.text for c in r] for r in table.header] == [["Kode", "Program / Kegiatan", "Anggaran", "Realisasi"]]
    assert [c.text for c in table.body[1]] == ["2.11.01", "PROGRAM CONTOH SUMUR", "6.511.890.000", "4.922.799.200"]
    rows = budget_records(table, classify(table, 2030), "x.pdf")
    assert {(r.name, r.pagu, r.realization) for r in rows} >= {("PROGRAM CONTOH SUMUR", 6511890000.0, 4922799200.0)}


def test_a_table_whose_first_row_happens_to_print_letters_stays_as_printed():
    grades = _table([["", "A", "B", "C"]], [["Nilai", "90", "80", "70"], ["Jumlah", "3", "5", "1"]])
    assert without_sheet_headings(grades) is grades
