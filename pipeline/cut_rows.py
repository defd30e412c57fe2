"""One ruled row cut by the reader into several grid rows, where its amounts wrap inside narrow cells.

A funding matrix printed with narrow year columns wraps each amount over two or three lines of its cell
("1.784." / "595." / ".399", "2.185" / "007." / "431"). Where some rulings of the grid run between those
lines, the ruled reader gives one grid row per line: the row's name, its amounts and its percentages are
spread over them:

    Pendapatan        | 2.000.000.000 | 1.784. |            Pendapatan Daerah/Perangkat Daerah |
    Daerah/Perangkat  |               | 595.   | 89,2%  ->     2.000.000.000 | 1784595399 | 89,2%
    Daerah            |               | .399   |

The pieces say it: a piece ending with a separator ("1.784.") or a piece starting with one (".399") or
with a zero ("007.": no amount starts so) is the middle of a number, so the grid row above and the one
below are lines of one printed row. The lines below the first start no new item (no row number, bullet
or program name of their own).

In:  a ruled table.
Out: the table with each run of such lines joined into one row: names joined with spaces, the pieces of
     each amount joined into the amount (the dots of a cut Rupiah amount dropped: they group thousands,
     and a cut leaves them doubled or missing), other cells joined with spaces. Other tables unchanged.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import text_of
from pipeline.lexicon import ITEM_MARK, PROGRAM_NAME
from pipeline.models import Cell, RawTable

# The piece of an amount that a line break cut: before the break it ends with a group of three digits and
# its separator ("1.784.", "595."; a row number "12." has fewer digits), after the break it starts with a
# separator and a group (".399") or with a group led by a zero ("007.").
ENDS_CUT = re.compile(r"\d{3}[.,]$")
STARTS_CUT = re.compile(r"^(?:[.,]\d{3}|0\d{2})")
# A piece of an amount: digits and separators only.
PIECE = re.compile(r"^[\d.,]+$")


# A Rupiah amount has seven digits at least (a million): smaller figures cut over lines (an area, a count)
# are left to the readers of performance tables.
MIN_AMOUNT_DIGITS = 7


def _cut_between(run: list[list[Cell]], lower: list[Cell]) -> bool:
    """Some column's amount runs on from the last grid row of the run into the lower one: the pieces cut
    there, and the column's pieces over the run and that row make an amount."""
    for j, (a, b) in enumerate(zip(run[-1], lower)):
        top, bottom = text_of(a).strip(), text_of(b).strip()
        if PIECE.match(top) and PIECE.match(bottom) and (ENDS_CUT.search(top) or STARTS_CUT.match(bottom)):
            pieces = "".join(text_of(r[j]) for r in [*run, lower] if j < len(r))
            if sum(ch.isdigit() for ch in pieces) >= MIN_AMOUNT_DIGITS:
                return True
    return False


def _starts_item(first_line: list[Cell], row: list[Cell]) -> bool:
    """The line names an item of its own: a row number, bullet or program name in the column where the
    row's first line starts (its name or number column)."""
    start = next((j for j, c in enumerate(first_line) if text_of(c).strip()), 0)
    own = text_of(row[start]).strip() if start < len(row) else ""
    return bool(ITEM_MARK.match(own) or PROGRAM_NAME.match(own))


def _joined_cell(cells: list[Cell]) -> Cell:
    """The texts of one column over the lines of one row, as one cell."""
    texts = [text_of(c).strip() for c in cells if text_of(c).strip()]
    first = next((c for c in cells if text_of(c).strip()), cells[0])
    if not texts:
        return first
    if len(texts) > 1 and all(PIECE.match(t) for t in texts):
        amount = "".join(texts)
        if "," not in amount:
            amount = amount.replace(".", "")  # thousands dots, doubled or missing where the line was cut
        return replace(first, text=amount)
    return replace(first, text=" ".join(texts))


def join_cut_rows(table: RawTable) -> RawTable:
    """See the module docstring."""
    if not table.method.startswith("lattice") or len(table.body) < 2:
        return table
    runs: list[list[list[Cell]]] = []
    for row in table.body:
        if runs and _cut_between(runs[-1], row) and not _starts_item(runs[-1][0], row):
            runs[-1].append(row)
        else:
            runs.append([row])
    if len(runs) == len(table.body):
        return table
    body = [run[0] if len(run) == 1 else [_joined_cell(list(col)) for col in zip(*run)] for run in runs]
    return replace(table, body=body)
