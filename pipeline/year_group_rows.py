"""Years printed as rows across the table: a row that holds a year and nothing else ("Tahun 2022") heads the
rows under it, down to the next such row, as a heading over the columns would ("Tahun 2022 › Target").

A report comparing two years in one table prints them one under the other: "No | Indikator | Target |
Realisasi | Capaian", then a full-width row "Tahun 2022", the indicators with 2022's figures, a row "Tahun
2023", the same indicators with 2023's. The columns name no year, so without the rows every figure would
take the caption's or the fiscal year. The first such row is often read as the last row of the header (it
lies right under it, one cell wide): it is moved back to the body.

In:  a table (`year_row_out_of_header`), the rows of its body (`group_years`).
Out: the table with a header's last row that is a lone year moved to the top of its body; for each body row,
     the year of the group it stands in (None before the first group row, or in a table without them).
"""
from __future__ import annotations

from dataclasses import replace

from extractors.grid import text_of
from pipeline.lexicon import YEAR_CELL
from pipeline.models import Cell, RawTable

# A table names its rows' years this way when at least this many rows are lone years: one such row may be a
# subtotal's label or a stray line, two or more divide the table.
MIN_GROUP_ROWS = 2


def lone_year(row: list[Cell]) -> int | None:
    """The year a row prints when its only text is a year ("Tahun 2022", "2023"; one cell spanning the row may be
    read into each cell it covers), else None."""
    texts = {" ".join(text_of(c).split()) for c in row if text_of(c).strip()}
    if len(texts) != 1:
        return None
    m = YEAR_CELL.fullmatch(texts.pop())
    return int(m.group(1)) if m else None


def year_row_out_of_header(table: RawTable) -> RawTable:
    """The table, its header's last row moved to the top of the body when it is a lone year and the body holds
    another lone-year row (the first group row read as a heading)."""
    if len(table.header) < 2 or lone_year(table.header[-1]) is None:
        return table
    if not any(lone_year(row) is not None for row in table.body):
        return table
    return replace(table, header=table.header[:-1], body=[table.header[-1], *table.body])


def group_years(rows: list[list[Cell]]) -> list[int | None]:
    """For each row, the year of the nearest lone-year row above it (the row itself when it is one), when the
    rows hold MIN_GROUP_ROWS such rows or more; else None for every row."""
    years = [lone_year(row) for row in rows]
    if sum(y is not None for y in years) < MIN_GROUP_ROWS:
        return [None] * len(rows)
    out: list[int | None] = []
    current: int | None = None
    for year in years:
        current = year if year is not None else current
        out.append(current)
    return out
