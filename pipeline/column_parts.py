"""Column parts: a table too wide for its page, its right-hand columns printed on the next page.

A spreadsheet printed over several pages puts the columns that do not fit on the next page, the rows in
the same order, often without repeating the name columns (the sheet's "print titles" left unset):

    page 7:  No | Indikator Kinerja | Satuan | Tahun 2021 › Target | Realisasi | Capaian
             1  | Persentase …      | %      | 59,23               | 55,24     | 93,26
             …
    page 8:  Tahun 2022 › Target | Realisasi | Capaian | Tahun 2023 › …
             57,21               | 59,67     | 104,30  | …

Read apart, the second part is a table of numbers no row of which is named. It is the first part's rows
going on to the right: joined, each row is named and the years line up.

In:  the tables of one report, in reading order (after the parts of `pipeline.parts` are joined).
Out: the same list with each such right-hand part joined to the table before it, row by row.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import is_pure_number, text_of
from pipeline.models import Cell, RawTable
from pipeline.sheet_headings import numbering_row

# A cell that prints no value: a dash, an empty cell, a spreadsheet's error value.
NO_VALUE = re.compile(r"^(?:[-–—]|#\w+[/!?]\w*!?)?$")
# A right-hand part has at least this many rows: two tables of one row each that happen to follow each other
# are no evidence of one table.
MIN_ROWS = 2


def _rows(table: RawTable) -> list[list[Cell]]:
    """The body without a column-numbering row."""
    return [row for row in table.body if not numbering_row(row)]


def _values_only(table: RawTable) -> bool:
    """Every cell of the body (numbering rows aside) a number or no value: no row is named."""
    texts = [text_of(c) for row in _rows(table) for c in row]
    return any(texts) and all(NO_VALUE.match(t) or is_pure_number(t) for t in texts)


def _named(table: RawTable) -> bool:
    """Some body cell of the table is words: the rows are named."""
    return any(text_of(c) and not is_pure_number(text_of(c)) and not NO_VALUE.match(text_of(c))
               for row in _rows(table) for c in row)


def is_right_hand_part(left: RawTable, right: RawTable) -> bool:
    """`right` is `left`'s columns going on: on the page after left's last, with no caption or label of its own
    (or left's), a header as deep, only values in its body, and as many rows as `left` (numbering rows aside)."""
    return (right.page == left.pages[-1] + 1 and (not right.label or right.label == left.label)
            and (not right.caption or right.caption == left.caption)
            and len(right.header) == len(left.header) > 0
            and len(_rows(right)) == len(_rows(left)) >= MIN_ROWS
            and _values_only(right) and _named(left))


def _joined(left: RawTable, right: RawTable) -> RawTable:
    header = [a + b for a, b in zip(left.header, right.header)]
    body = [a + b for a, b in zip(_rows(left), _rows(right))]
    return replace(left, pages=[*left.pages, *[p for p in right.pages if p not in left.pages]], header=header,
                   body=body)


def join_right_hand_parts(tables: list[RawTable]) -> list[RawTable]:
    """Each right-hand part (see `is_right_hand_part`) joined to the table before it; several in a row (a sheet
    three pages wide) each to the table joined so far."""
    out: list[RawTable] = []
    for table in tables:
        if out and is_right_hand_part(out[-1], table):
            out[-1] = _joined(out[-1], table)
        else:
            out.append(table)
    return out
