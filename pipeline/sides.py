"""Two lists printed side by side in one table.

A short list is often set in two halves beside each other to save a page: "No | Uraian | Satuan |
Target || No | Uraian | Satuan | Target", the populations on the left, the productions on the
right. Read as one table, each row would hold two indicators; read as two, each half is an
ordinary table.

In:  a `RawTable` and its `TableLayout` (column roles).
Out: None when the columns do not repeat, else the two halves as `RawTable`s (same index, label
     and caption: they are one printed table), each to be classified on its own.
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.classify import TableLayout
from pipeline.models import RawTable

NAME_ROLES = {"indicator", "program", "sasaran"}
VALUE_ROLES = {"target", "realization", "achievement", "pagu", "budget_realization"}


def side_by_side_halves(table: RawTable, layout: TableLayout) -> list[RawTable] | None:
    """The halves when the second half of the columns repeats the roles of the first, and each
    half names its rows and holds values."""
    roles = [c.role for c in layout.columns]
    n = len(roles)
    if n < 4 or n % 2:
        return None
    half = n // 2
    left, right = roles[:half], roles[half:]
    if left != right or not NAME_ROLES & set(left) or not VALUE_ROLES & set(left):
        return None
    return [_columns(table, 0, half), _columns(table, half, n)]


def _columns(table: RawTable, start: int, end: int) -> RawTable:
    return replace(table, header=[row[start:end] for row in table.header], body=[row[start:end] for row in table.body])
