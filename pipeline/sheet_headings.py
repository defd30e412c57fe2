"""Spreadsheet headings: a sheet printed with its column letters and row numbers around the table.

A spreadsheet printed with "row and column headings" on adds a row of column letters above the table and a
column of row numbers left of it:

        | A  | B                 | C       | D      | …
    3   | No | Indikator Kinerja | Satuan  | Target | …
    4   | (1)| (2)               | (3)     | (4)    | …
    5   | 1  | Persentase …      | %       | 59,23  | …

The reader takes the letters for the header and the table's own header rows for body rows, and the row
numbers for a column of values. Both are the application's, not the table's: they are left out, and the
table's header is its rows above its column-numbering row ("(1) | (2) | …"), or above its first row that
prints values.

In:  a `RawTable` as extracted.
Out: the table without the letters and the row numbers, its header found again; other tables unchanged.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import is_pure_number, text_of
from pipeline.models import Cell, RawTable

# A spreadsheet's column letter: "A" … "Z", "AA" … "ZZ".
COLUMN_LETTER = re.compile(r"^[A-Z]{1,2}$")
# A row number of the sheet, and a column-numbering cell of the table's own ("(1)", "1").
ROW_NUMBER = re.compile(r"^\d{1,4}$")
NUMBERING_CELL = re.compile(r"^\(?\d{1,2}\)?$")
# The letters cover at least this many columns (two letters over a table are a coincidence).
MIN_LETTERS = 3
# The table's header is found within this many rows under the letters.
MAX_HEADER_ROWS = 6


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - ord("A") + 1)
    return index


def _letters_row(row: list[Cell]) -> bool:
    """An empty corner, then column letters in the sheet's order (print titles repeat the first ones: A B G H)."""
    if not row or text_of(row[0]):
        return False
    letters = [text_of(c) for c in row[1:]]
    if len(letters) < MIN_LETTERS or not all(COLUMN_LETTER.match(t) for t in letters):
        return False
    indices = [_column_index(t) for t in letters]
    return all(a < b for a, b in zip(indices, indices[1:]))


def _row_numbers(rows: list[list[Cell]]) -> bool:
    """The first cells of the rows under the letters: the sheet's row numbers, rising (a cell spanned from above
    prints none)."""
    numbers = [int(text_of(r[0])) for r in rows if r and text_of(r[0]) and ROW_NUMBER.match(text_of(r[0]))]
    printed = [r for r in rows if r and text_of(r[0])]
    return len(numbers) == len(printed) >= 2 and all(a < b for a, b in zip(numbers, numbers[1:]))


def numbering_row(row: list[Cell]) -> bool:
    """A row numbering the columns, "(1) | (2) | …" or a right-hand part's "(7) | (8)": two cells or more, each a
    number of one or two figures (not `extractors.grid.is_column_numbering`, which wants the count to start at 1
    or 2 and three cells: a sheet's right-hand part goes on counting)."""
    texts = [text_of(c) for c in row if text_of(c)]
    return len(texts) >= 2 and all(NUMBERING_CELL.match(t) for t in texts)


def _header_depth(rows: list[list[Cell]]) -> int:
    """How many of the rows are the table's header: those above its column-numbering row, else above the first row
    with a number in at least half of its filled cells (0 when the first row already prints values)."""
    for k, row in enumerate(rows[:MAX_HEADER_ROWS]):
        if numbering_row(row):
            return k  # the numbering row stays in the body, as the readers leave it
    for k, row in enumerate(rows[:MAX_HEADER_ROWS]):
        texts = [text_of(c) for c in row if text_of(c)]
        if texts and sum(is_pure_number(t) for t in texts) * 2 >= len(texts):
            return k
    return 0


def without_sheet_headings(table: RawTable) -> RawTable:
    """The table without a spreadsheet's column letters and row numbers (see the module); the same table when it
    prints none."""
    rows = table.header + table.body
    if not rows or not _letters_row(rows[0]) or not _row_numbers(rows[1:]):
        return table
    inner = [row[1:] for row in rows[1:]]
    depth = _header_depth(inner)
    return replace(table, header=inner[:depth], body=inner[depth:])
