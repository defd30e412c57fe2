"""Rows a table rules as the parts of one indicator, each value cell naming its part before the number:
one name cell ("Jumlah produksi tambak (bandeng, udang)") spans two rows whose cells read "Bandeng 8.750 Kg"
in every year of the first and "Udang 600 kg" in every year of the second.

In:  the table's body as extracted (covered cells None), its rows with covered names filled, the value
     columns and the name column.
Out: the rows with each part's name taken out of its value cells, so that the numbers read; and row index
     -> the part's name, which the indicator's name takes after " - " (one indicator per part).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.grid import text_of
from normalizers.numbers import parse_number
from pipeline.classify import ColumnRole
from pipeline.models import Cell

# One or two words before a number: the name of the part the number measures ("Bandeng 8.750 Kg").
PART_NAME = re.compile(r"^\s*([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)?)\s+(?=\d)")
# A part prints its name in at least this many value cells of its row (every year): one cell alone may
# be a note.
MIN_PART_CELLS = 2
# Parts of one indicator: at least this many rows under its one name cell, each naming another part.
MIN_PARTS = 2


def _part_name(row: list[Cell], value_cols: list[ColumnRole]) -> str | None:
    """The one name every filled value cell of the row prints before its number, when without that
    name the cell reads as a number and with it as none; else None."""
    texts = [text_of(row[c.index]) for c in value_cols if c.index < len(row) and text_of(row[c.index])]
    if len(texts) < MIN_PART_CELLS:
        return None
    names: list[str] = []
    for text in texts:
        m = PART_NAME.match(text)
        if m is None or parse_number(text).value is not None or parse_number(text[m.end():]).value is None:
            return None
        names.append(m.group(1))
    return names[0] if len({n.lower() for n in names}) == 1 else None


def _covered(body: list[list[Cell]], i: int, col: int) -> bool:
    return i < len(body) and col < len(body[i]) and body[i][col].text is None


def named_parts(body: list[list[Cell]], rows: list[list[Cell]], value_cols: list[ColumnRole],
                name_col: ColumnRole) -> tuple[list[list[Cell]], dict[int, str]]:
    """In: the body as extracted, the filled rows (aligned with it), the value columns, the name column.
    Out: (rows, part names): the rows of each run under one name cell whose rows each name a different
    part in their value cells (`_part_name`) with that name taken out of those cells, and row index -> part
    name. Rows and an empty dict when the table has no such run."""
    names = {i: _part_name(row, value_cols) for i, row in enumerate(rows)}
    part_of: dict[int, str] = {}
    i = 0
    while i < len(rows):
        end = i + 1
        while end < len(rows) and names.get(end) and _covered(body, end, name_col.index):
            end += 1
        run = [names[k] for k in range(i, end)]
        if (end - i >= MIN_PARTS and not _covered(body, i, name_col.index) and all(run)
                and len({str(n).lower() for n in run}) == len(run)):
            part_of.update({k: str(names[k]) for k in range(i, end)})
        i = end
    if not part_of:
        return rows, {}
    value_index = {c.index for c in value_cols}
    out = [list(row) for row in rows]
    for k in part_of:
        for j, cell in enumerate(out[k]):
            m = PART_NAME.match(text_of(cell)) if j in value_index else None
            if m is not None:
                out[k][j] = replace(cell, text=text_of(cell)[m.end():])
    return out, part_of
