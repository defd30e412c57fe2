"""Stacked rows: several table rows printed as lines of one ruled row.

Word tables often rule the columns but not the rows of a group: one ruled row then holds a list of
indicators ("- Jumlah produksi padi" / "- Jumlah produksi jagung" …) and, in each value column, one
line per indicator ("12.540.550 *)" / "1.630.238 *)"). A value column may print the group's own
figure (its average capaian) on the first line, above the items' lines.

In:  a `RawTable` (after `pipeline.spans`).
Out: the same table with each such row split into one row per item: the list and the value lines
     are dealt out line by line; cells that hold one text (the sasaran) stay on the first row and are
     covered (None) on the others. A row is split only when every multi-line value column has as
     many number lines as the list has items (or one more, the group's figure, which is dropped).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import is_pure_number, text_of
from pipeline.lexicon import BULLETS
from pipeline.models import Cell, RawTable

# An item of a printed list starts a line with a bullet: "-", "–", "•", "➢", "a.", "1)".
ITEM_START = re.compile(rf"^\s*(?:[{BULLETS}]|[a-z][.)]|\d{{1,2}}[.)])\s+", re.IGNORECASE)
# The fewest items that make a list (one item is an ordinary row).
MIN_ITEMS = 2


def list_items(text: str) -> list[str]:
    """The items of a bulleted list in one cell (lines without a bullet continue the item above)."""
    items: list[str] = []
    for line in text.split("\n"):
        if ITEM_START.match(line) or not items:
            items.append(line.strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}"
    return items if len(items) >= MIN_ITEMS and all(ITEM_START.match(i) for i in items) else []


def value_lines(text: str) -> list[str] | None:
    """The lines of a value cell when every line is a number ("12.540.550 *)", "98,98", "-")."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_ITEMS or not all(is_pure_number(_without_marks(line)) or line in ("-", "–") for line in lines):
        return None
    return lines


def _without_marks(line: str) -> str:
    return re.sub(r"\s*\*+\)?$", "", line)  # a footnote mark after the number ("*)", "**)")


def _split_row(row: list[Cell]) -> list[list[Cell]] | None:
    lists = {j: list_items(text_of(c)) for j, c in enumerate(row)}
    lists = {j: items for j, items in lists.items() if items}
    if len(lists) != 1:
        return None
    (list_col, items), = lists.items()
    n = len(items)
    columns: dict[int, list[str]] = {list_col: items}
    for j, cell in enumerate(row):
        if j == list_col or "\n" not in text_of(cell):
            continue
        lines = value_lines(text_of(cell))
        if lines is None:
            continue  # a text spread over lines (the sasaran): stays whole on the first row
        if len(lines) == n + 1:
            lines = lines[1:]  # the group's own figure above its items' lines
        if len(lines) != n:
            return None
        columns[j] = lines
    if len(columns) < 2:
        return None
    rows = []
    for k in range(n):
        rows.append([replace(c, text=columns[j][k]) if j in columns else (c if k == 0 else replace(c, text=None))
                     for j, c in enumerate(row)])
    return rows


def split_stacked_rows(table: RawTable) -> RawTable:
    """Split every row that prints a list of items with one value line per item."""
    body: list[list[Cell]] = []
    changed = False
    for row in table.body:
        split = _split_row(row)
        changed |= split is not None
        body.extend(split or [row])
    return replace(table, body=body) if changed else table
