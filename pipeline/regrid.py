"""A table's next-page part read on a grid of its own.

The ruled reader builds each page's grid from the rulings it finds there. A table that goes on over
a page break under no header of its own (a budget list's last programs and its total) may come out
with a few grid columns more or fewer than the part before it, although its frame is the same width:
the parts cannot be joined column by column. Their cells are in the same order all the same: the
names, then the amounts and percentages left to right.

In:  the tables of one report, in reading order.
Out: the same list with each such part put on the grid of the part before it (each row's names in
     the column where that part prints its names, its numbers in the columns where that part prints
     its numbers, in turn) and joined to it as more body rows; a headless part on the grid of the
     first again (pages of the table alternate between two grids) is then joined as it is.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from extractors.grid import is_pure_number, names_columns, text_of
from pipeline.models import Cell, RawTable

# The frames of two parts of one table line up: left and right edges within this many points.
FRAME_TOLERANCE = 3.0


def _numbers_at(row: list[Cell]) -> list[int]:
    return [j for j, c in enumerate(row) if is_pure_number(text_of(c).rstrip("-").rstrip(",."))]


def _grid_slots(table: RawTable) -> tuple[int, list[int]] | None:
    """Where the table prints its names (the commonest column of a row's first text) and, for the
    rows with the most numbers, the column of each number in turn."""
    rows = [r for r in table.body if _numbers_at(r)]
    if not rows:
        return None
    width = max(len(_numbers_at(r)) for r in rows)
    full = [_numbers_at(r) for r in rows if len(_numbers_at(r)) == width]
    slots = [Counter(cols[k] for cols in full).most_common(1)[0][0] for k in range(width)]
    texts = Counter(next(j for j, c in enumerate(r) if text_of(c) and j not in _numbers_at(r))
                    for r in table.body if any(text_of(c) and j not in _numbers_at(r) for j, c in enumerate(r)))
    if not texts:
        return None
    return texts.most_common(1)[0][0], slots


def _on_grid(row: list[Cell], n_cols: int, name_at: int, slots: list[int]) -> list[Cell] | None:
    page = row[0].page if row else 0
    numbers = _numbers_at(row)
    if len(numbers) > len(slots):
        return None
    out = [Cell("", page) for _ in range(n_cols)]
    names = " ".join(text_of(c) for j, c in enumerate(row) if text_of(c) and j not in numbers)
    out[name_at] = Cell(names, page)
    for slot, j in zip(slots, numbers):
        out[slot] = replace(row[j])
    return out


def _continues_in_the_frame(before: RawTable, part: RawTable) -> bool:
    """`part` is the next page's part of `before`: a ruled part under no header of its own (no
    label, caption or text between them), its frame as wide as the frame of `before`."""
    return (part.method == before.method == "lattice" and not part.label and not part.caption
            and part.page == before.pages[-1] + 1 and bool(before.header)
            and not names_columns(part.header) and before.bbox is not None and part.bbox is not None
            and abs(before.bbox[0] - part.bbox[0]) <= FRAME_TOLERANCE
            and abs(before.bbox[2] - part.bbox[2]) <= FRAME_TOLERANCE
            and not before.context_after.strip() and not part.context_before.strip())


def _continues_on_another_grid(before: RawTable, part: RawTable) -> bool:
    return part.n_cols != before.n_cols and _continues_in_the_frame(before, part)


def _continues_on_the_same_grid(before: RawTable, part: RawTable) -> bool:
    """A part on the grid of `before` that the extractor could not join to it, another part (on a
    grid of its own) standing between them until that one was joined here."""
    return part.n_cols == before.n_cols and not part.header and _continues_in_the_frame(before, part)


def join_other_grid_parts(tables: list[RawTable]) -> list[RawTable]:
    out: list[RawTable] = []
    for table in tables:
        before = out[-1] if out else None
        if before is not None and len(before.pages) > 1 and _continues_on_the_same_grid(before, table):
            out[-1] = replace(before, body=before.body + table.body, pages=sorted(set(before.pages) | set(table.pages)),
                              context_after=table.context_after)
            continue
        if before is not None and _continues_on_another_grid(before, table):
            slots = _grid_slots(before)
            rows = [_on_grid(r, before.n_cols, *slots) for r in table.header + table.body] if slots else [None]
            if all(r is not None for r in rows):
                out[-1] = replace(before, body=before.body + [r for r in rows if r is not None],
                                  pages=sorted(set(before.pages) | set(table.pages)),
                                  context_after=table.context_after)
                continue
        out.append(table)
    return out
