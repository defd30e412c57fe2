"""A merged name cell cut by a page break: its part on the next page prints empty.

A table whose sasaran (or program) cell spans the rows of its indicators is cut by the page: the rows
on the next page that still belong to it print the cell empty, with no text of its own, where the rows
under one merged cell elsewhere in the table read as covered:

    p12  1 | Meningkatnya Alpha | Jumlah rekomendasi …  | 1.500.000     1 | Meningkatnya Alpha | Jumlah rekomendasi … | 1.500.000
    ---- page break ------------------------------------------   ->    ^ | ^                  | Persentase OPD …     | 424.000
    p13    |                    | Persentase OPD …      | 424.000

The rows at the cut (the first row of each page's part, and the last row before the break: a ruled
reader closing the frame at the page's foot splits the merged cell there too) are read as under the
merged cell above them in every column that
  - is empty in that row (printed nothing; a covered cell is already read as covered),
  - holds text in the last row above the break (itself or the merged cell covering it), a name and no
    number (a target, an amount or a row number is never carried to a row that does not print it),
  - holds merged cells elsewhere in the table (the column groups rows: a blank there is the cut, not
    a blank of a list that prints every name),
  - lies left of every cell the row prints (the groups are the columns before a row's own name: a
    sasaran before its indicators; an empty cell right of a row's text is no part of a group above),
while the row prints a name of its own right after them and a figure right of it (a row, not the rest of
a row broken by the page nor a line of text going on), and no row away from the breaks prints
the column blank under a name (a table that leaves its group cells blank, a program's own row over
its indicators' rows, says nothing by a blank at the cut).

In:  a RawTable after the parts over pages are joined (each cell knows its page).
Out: the same table, those cells covered (text None) so the rows below read the name above. Other
     tables, and tables on one page, unchanged.
"""
from __future__ import annotations

from dataclasses import replace

from extractors.grid import is_pure_number, text_of
from pipeline.models import Cell, RawTable


def _page_of(row: list[Cell]) -> int | None:
    return next((c.page for c in row if c.text), None)


def _text_above(body: list[list[Cell]], i: int, j: int) -> str:
    """The text column j shows in row i: its own, or that of the merged cell covering it."""
    for k in range(i, -1, -1):
        if j < len(body[k]) and body[k][j].text is not None:
            return text_of(body[k][j])
    return ""


def _merged_columns(table: RawTable) -> set[int]:
    return {j for row in table.body for j, c in enumerate(row) if c.text is None}


def _blank_under_a_name(body: list[list[Cell]], i: int, j: int) -> bool:
    """Row i prints nothing in column j under a name above it, and text of its own right of it."""
    row = body[i]
    own = [k for k, c in enumerate(row) if text_of(c)]
    return (bool(own) and j < own[0] and j < len(row) and row[j].text == "" and i > 0 and len(body[i - 1]) == len(row)
            and bool(_text_above(body, i - 1, j)) and not is_pure_number(_text_above(body, i - 1, j)))


def _blanks_elsewhere(body: list[list[Cell]], j: int, at_cut: set[int]) -> bool:
    """Whether rows away from the page breaks print column j blank under a name: the table leaves its
    group cells blank (a program's row over its indicators' rows), and a blank at the cut says nothing."""
    return any(_blank_under_a_name(body, i, j) for i in range(1, len(body)) if i not in at_cut)


def _a_row_of_its_own(row: list[Cell]) -> int | None:
    """The column of the row's own name when the row prints a name and a figure right of it (an indicator
    with its target, a program with its amount); None for a line of text only (the rest of a row broken
    by the page, a Keterangan going on)."""
    own = [k for k, c in enumerate(row) if text_of(c)]
    if not own or not any(is_pure_number(text_of(row[k])) for k in own[1:]):
        return None
    return own[0]


def _carried(body: list[list[Cell]], i: int, merged: set[int], at_cut: set[int]) -> list[int]:
    """The columns whose empty cell in row i (a row at a page break) continues the merged cell above:
    the group columns right before the row's own name."""
    name_at = _a_row_of_its_own(body[i])
    carried = [j for j in sorted(merged) if name_at is not None and j < name_at and _blank_under_a_name(body, i, j)
               and not _blanks_elsewhere(body, j, at_cut)]
    return carried if carried and carried[-1] == (name_at or 0) - 1 else []


def carry_merged_cells_over_pages(table: RawTable) -> RawTable:
    """The table with each merged name cell cut by a page break covering its rows on the next page."""
    if len(table.pages) < 2 or not table.body:
        return table
    merged = _merged_columns(table)
    if not merged:
        return table
    body = [list(r) for r in table.body]
    pages = [_page_of(r) for r in body]
    at_cut = {i for i in range(1, len(body)) if pages[i] not in (None, pages[i - 1])}  # first rows on a page
    at_cut |= {i - 1 for i in at_cut}  # and the last rows before the break
    carried = {(i, j) for i in sorted(at_cut) if i > 0 for j in _carried(table.body, i, merged, at_cut)}
    for i, j in carried:
        body[i][j] = replace(body[i][j], text=None)
    return replace(table, body=body) if carried else table
