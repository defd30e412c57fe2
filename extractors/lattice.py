"""Ruled tables: every cell has drawn borders (Word exports).

In:  a `PageText` with its pdfplumber page.
Out: `RawTable`s (method "lattice") with merged cells kept as None (pdfplumber leaves the cells a
     spanning cell covers empty), header rows split from the body, bbox in PDF points.
"""
from __future__ import annotations

from itertools import pairwise

from extractors.grid import split_header
from extractors.page_source import PageText, Word
from pipeline.models import Cell, RawTable

COLUMN_GAP_EM = 1.0  # words further apart than one font size on a line of one cell stand in different columns
MAX_COLUMNS_IN_CELL = 2  # "Rp | 1.000.000" set apart by a tab is one cell; three phrases on a line are columns
MAX_SHARE_IN_COLUMNED_CELLS = 0.3  # when more of a table's words sit in cells holding columns, the
#                                    rules are shading stripes or a frame, not cell borders

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
            "join_tolerance": 3, "intersection_tolerance": 3, "text_x_tolerance": 2}


def _inside(char: dict, bbox) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _style(chars: list[dict], bbox) -> tuple[bool | None, float | None]:
    """(bold, indent) of a cell's text: bold when most of its characters are set in a bold font;
    indent is the distance from the cell's left border to its leftmost character, in points."""
    if not chars:
        return None, None
    bold = sum(1 for c in chars if "bold" in c.get("fontname", "").lower()) * 2 > len(chars)
    return bold, round(min(c["x0"] for c in chars) - bbox[0], 1)


def _phrase_count(words: list[Word]) -> int:
    """In: the words of one cell. Out: the most phrases (runs of words closer than a column gap)
    on any of its lines."""
    best, lines = 0, {}
    for w in words:
        key = next((k for k in lines if abs(k - w.top) <= 2), w.top)
        lines.setdefault(key, []).append(w)
    for line in lines.values():
        line.sort(key=lambda w: w.x0)
        gaps = sum(1 for a, b in pairwise(line) if b.x0 - a.x1 > COLUMN_GAP_EM * max(a.size, b.size, 1.0))
        best = max(best, gaps + 1)
    return best


def rules_are_cell_borders(page: PageText, found) -> bool:
    """In: a table pdfplumber found from the page's rules. Out: False when its cells hold whole rows
    of columns set apart by white space (rules that stripe or frame a borderless table)."""
    inside = [w for w in page.words if found.bbox[0] <= (w.x0 + w.x1) / 2 <= found.bbox[2]
              and found.bbox[1] <= (w.top + w.bottom) / 2 <= found.bbox[3]]
    if not inside:
        return True
    columned = 0
    for bbox in found.cells:
        words = [w for w in inside if bbox[0] <= (w.x0 + w.x1) / 2 <= bbox[2] and bbox[1] <= (w.top + w.bottom) / 2 <= bbox[3]]
        if len(words) > MAX_COLUMNS_IN_CELL and _phrase_count(words) > MAX_COLUMNS_IN_CELL:
            columned += len(words)
    return columned <= MAX_SHARE_IN_COLUMNED_CELLS * len(inside)


def read_ruled_tables(page: PageText) -> list[RawTable]:
    if page.plumber is None:
        return []
    out = []
    for found in page.plumber.find_tables(SETTINGS):
        rows = found.extract(x_tolerance=2, y_tolerance=3)
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or not rules_are_cell_borders(page, found):
            continue
        width = max(len(r) for r in rows)
        chars = [c for c in page.plumber.chars if c["text"].strip() and _inside(c, found.bbox)]
        grid = []
        for row_obj, texts in zip(found.rows, rows):
            row_chars = [c for c in chars if _inside(c, row_obj.bbox)]  # each cell then looks at its row only
            cells = []
            for bbox, t in zip(list(row_obj.cells) + [None] * width, list(texts) + [""] * (width - len(texts))):
                bold, indent = _style([c for c in row_chars if _inside(c, bbox)], bbox) if bbox and t else (None, None)
                cells.append(Cell(t, page.number, bold, indent))
            grid.append(cells)
        if sum(1 for r in grid for c in r if c.text) < 3:
            continue
        header, body = split_header(grid)
        out.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header, body=body,
                            method="lattice", bbox=[round(v, 1) for v in found.bbox]))
    return out
