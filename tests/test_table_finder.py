"""`table_finder.find_tables` returns the tables pdfplumber's own finder returns (the same cells in the same
order), on a generated Word-like ruled report, with the settings the lattice reader uses (also with a line
given explicitly, as a frame closed at a page break is), and its steps answer as pdfplumber's do."""
from __future__ import annotations

import pdfplumber
from pdfplumber import table as plumber_table
from pdfplumber.utils import snap_objects as plumber_snap_objects

from extractors.fast_objects import feed
from extractors.lattice import SETTINGS
from extractors.table_finder import edges_to_intersections, find_tables, intersections_to_cells, snap_objects


def _cells(tables) -> list:
    return [t.cells for t in tables]


def test_find_tables_finds_what_pdfplumber_finds(ruled_pdf):
    compared = 0
    with pdfplumber.open(ruled_pdf) as pdf:
        for page in pdf.pages:
            feed(page)
            assert _cells(find_tables(page, SETTINGS)) == _cells(page.find_tables(SETTINGS))
            closing = {"object_type": "line", "x0": 60.0, "x1": 400.0, "top": 300.0, "bottom": 300.0,
                       "width": 340.0, "height": 0.0}
            explicit = {**SETTINGS, "explicit_horizontal_lines": [closing]}
            assert _cells(find_tables(page, explicit)) == _cells(page.find_tables(explicit))
            compared += len(page.find_tables(SETTINGS))
    assert compared > 0


def _grid_edges() -> list[dict]:
    """A grid of three columns with a merged cell, edges drawn as a Word export draws them (some twice, one
    short), each with the extra keys a rectangle's edge carries."""
    extra = {"doctop": 0.0, "y0": 0.0, "y1": 0.0, "object_type": "rect_edge", "stroke": True}
    edges = []
    for x in (10.0, 50.0, 90.0, 130.0, 10.4):
        edges.append({**extra, "x0": x, "x1": x, "top": 10.0, "bottom": 70.0, "width": 0.0, "height": 60.0,
                      "orientation": "v"})
    for top in (10.0, 30.0, 50.0, 70.0, 29.8):
        x1 = 90.0 if top == 50.0 else 130.0
        edges.append({**extra, "x0": 10.0, "x1": x1, "top": top, "bottom": top, "width": x1 - 10.0, "height": 0.0,
                      "orientation": "h"})
    return edges


def test_steps_answer_as_pdfplumbers():
    edges = _grid_edges()
    for attr in ("x0", "top"):
        mine, theirs = snap_objects(edges, attr, 3), plumber_snap_objects(edges, attr, 3)
        assert mine == theirs and [list(e) for e in mine] == [list(e) for e in theirs]
    merged = plumber_table.merge_edges(edges, 3, 3, 3, 3)
    intersections = edges_to_intersections(merged, 3, 3)
    assert intersections == plumber_table.edges_to_intersections(merged, 3, 3)
    cells = intersections_to_cells(intersections)
    assert cells and cells == plumber_table.intersections_to_cells(intersections)


def test_a_rule_whose_ends_the_page_rotation_left_a_hair_apart_is_horizontal():
    """On a page turned with /Rotate 270 a horizontal rule's top and bottom differ by 1e-13: pdfplumber calls it
    vertical (top != bottom), and the ruled table lost its rows."""
    from extractors.table_finder import _oriented
    edge = {"orientation": "v", "x0": 81.0, "x1": 761.0, "top": 262.00000000000003, "bottom": 262.0, "width": 680.0,
            "height": -3e-14}
    fixed = _oriented(edge)
    assert fixed["orientation"] == "h" and fixed["bottom"] == fixed["top"]
    upright = {"orientation": "v", "x0": 81.0, "x1": 81.0, "top": 181.0, "bottom": 262.0, "width": 0.0, "height": 81.0}
    assert _oriented(upright) == upright
