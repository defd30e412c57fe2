"""Ruled tables: every cell has drawn borders (Word exports).

In:  a `PageText` with its pdfplumber page.
Out: `RawTable`s (method "lattice") with merged cells kept as None (pdfplumber leaves the cells a
     spanning cell covers empty), header rows split from the body, bbox in PDF points.
"""
from __future__ import annotations

from extractors.grid import split_header
from extractors.page_source import PageText
from pipeline.models import Cell, RawTable

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
            "join_tolerance": 3, "intersection_tolerance": 3, "text_x_tolerance": 2}


def read_ruled_tables(page: PageText) -> list[RawTable]:
    if page.plumber is None:
        return []
    out = []
    for found in page.plumber.find_tables(SETTINGS):
        rows = found.extract(x_tolerance=2, y_tolerance=3)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        width = max(len(r) for r in rows)
        grid = [[Cell(t, page.number)
                 for t in list(r) + [""] * (width - len(r))] for r in rows]
        if sum(1 for r in grid for c in r if c.text) < 3:
            continue
        header, body = split_header(grid)
        out.append(RawTable(index=0, pages=[page.number], label=None, caption=None, header=header, body=body,
                            method="lattice", bbox=[round(v, 1) for v in found.bbox]))
    return out
