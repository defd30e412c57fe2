"""pdfplumber's table finder for ruled tables ("lines" strategies), its slow steps done faster.

In:  a pdfplumber page and table settings (as `Page.find_tables` takes them).
Out: `find_tables(page, settings)`: the very `Table`s `page.find_tables(settings)` returns (the same
     cells, in the same order); settings with another strategy go to pdfplumber itself.

Why: on a page with a ruled table pdfplumber's finder cost about as much as everything else the lattice
reader does. Three of its steps repeat work, and are done here once:
  - snapping edges copies every edge dict through a tuple of its items (`move_object`): here a dict copy
    with the moved keys set (the same keys, in the same order, the same values);
  - each vertical edge sorts all the horizontal edges again (`edges_to_intersections`): here they are
    sorted once;
  - each test whether two intersections share an edge rebuilds both sets of edge boxes, and each point
    scans every later point for those below and right of it (`intersections_to_cells`): here each
    point's boxes are built once and its neighbours come from its column and its row.
`tests/test_table_finder.py` compares both finders.
"""
from __future__ import annotations

import itertools
from operator import itemgetter
from typing import Any

from pdfplumber.table import Table, TableSettings, cells_to_tables, join_edge_group
from pdfplumber.utils import cluster_objects, filter_edges, move_object, obj_to_bbox, obj_to_edges

Obj = dict[str, Any]
Point = tuple[float, float]
Box = tuple[float, float, float, float]
SNAP_AXIS = {"x0": "h", "x1": "h", "top": "v", "bottom": "v"}  # pdfplumber's snap_objects


def _moved(obj: Obj, axis: str, value: float) -> Obj:
    """pdfplumber's `move_object`: a new dict, its keys in the same order, the moved ones changed."""
    if type(obj) is not dict:
        return move_object(obj, axis, value)
    new = obj.copy()
    if axis == "h":
        new["x0"] = obj["x0"] + value
        new["x1"] = obj["x1"] + value
        return new
    new["top"] = obj["top"] + value
    new["bottom"] = obj["bottom"] + value
    if "doctop" in obj:
        new["doctop"] = obj["doctop"] + value
    if "y0" in obj:
        new["y0"] = obj["y0"] - value
        new["y1"] = obj["y1"] - value
    return new


def snap_objects(objs: list[Obj], attr: str, tolerance: float) -> list[Obj]:
    """pdfplumber's `utils.snap_objects` (each cluster moved to its mean), with `_moved`."""
    axis = SNAP_AXIS[attr]
    clusters = cluster_objects(list(objs), itemgetter(attr), tolerance)
    avgs = [sum(map(itemgetter(attr), cluster)) / len(cluster) for cluster in clusters]
    return [_moved(obj, axis, avg - obj[attr]) for cluster, avg in zip(clusters, avgs) for obj in cluster]


def merge_edges(edges: list[Obj], snap_x: float, snap_y: float, join_x: float, join_y: float) -> list[Obj]:
    """pdfplumber's `table.merge_edges` (snap, then join along each line), with `snap_objects`."""
    def get_group(edge: Obj) -> tuple[str, float]:
        return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])

    if snap_x > 0 or snap_y > 0:
        by_orientation: dict[str, list[Obj]] = {"v": [], "h": []}
        for e in edges:
            by_orientation[e["orientation"]].append(e)
        edges = snap_objects(by_orientation["v"], "x0", snap_x) + snap_objects(by_orientation["h"], "top", snap_y)
    groups = itertools.groupby(sorted(edges, key=get_group), key=get_group)
    return [e for k, items in groups for e in join_edge_group(items, k[0], join_x if k[0] == "h" else join_y)]


def edges_to_intersections(edges: list[Obj], x_tolerance: float = 1, y_tolerance: float = 1) -> dict[Point, dict[str, list[Obj]]]:
    """pdfplumber's `table.edges_to_intersections`, the horizontal edges sorted once."""
    intersections: dict[Point, dict[str, list[Obj]]] = {}
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    for v in v_edges:
        for h in h_edges:
            if (v["top"] <= (h["top"] + y_tolerance)) and (v["bottom"] >= (h["top"] - y_tolerance)) \
                    and (v["x0"] >= (h["x0"] - x_tolerance)) and (v["x0"] <= (h["x1"] + x_tolerance)):
                vertex = (v["x0"], h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def intersections_to_cells(intersections: dict[Point, dict[str, list[Obj]]]) -> list[Box]:
    """pdfplumber's `table.intersections_to_cells`: for each intersection in sorted order, the smallest cell
    it is the top left corner of (the first point below it, then the first point right of it, whose
    edges connect to it and to a point at the fourth corner). Each point's edge boxes are built once; the
    points below one are the later points of its column, those right of it the later points of its row
    (in sorted order, as pdfplumber scans them)."""
    v_boxes = {p: set(map(obj_to_bbox, found["v"])) for p, found in intersections.items()}
    h_boxes = {p: set(map(obj_to_bbox, found["h"])) for p, found in intersections.items()}

    def edge_connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not v_boxes[p1].isdisjoint(v_boxes[p2]):
            return True
        return p1[1] == p2[1] and not h_boxes[p1].isdisjoint(h_boxes[p2])

    points = sorted(intersections.keys())
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    in_column = {p: k for col in column.values() for k, p in enumerate(col)}
    in_row = {p: k for line in row.values() for k, p in enumerate(line)}

    cells: list[Box] = []
    for pt in points[:-1]:
        below = column[pt[0]][in_column[pt] + 1:]
        right = row[pt[1]][in_row[pt] + 1:]
        cell = _smallest_cell(pt, below, right, intersections, edge_connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(pt: Point, below: list[Point], right: list[Point], intersections: dict, edge_connects) -> Box | None:
    """pdfplumber's `find_smallest_cell` for one point, given its points below and right."""
    for below_pt in below:
        if not edge_connects(pt, below_pt):
            continue
        for right_pt in right:
            if not edge_connects(pt, right_pt):
                continue
            bottom_right = (right_pt[0], below_pt[1])
            if bottom_right in intersections and edge_connects(bottom_right, right_pt) \
                    and edge_connects(bottom_right, below_pt):
                return (pt[0], pt[1], bottom_right[0], bottom_right[1])
    return None


def _explicit_horizontal(settings: TableSettings, page) -> list[Obj]:
    """pdfplumber's explicit horizontal lines (`TableFinder.get_edges`): an object's horizontal edges, or a
    line across the page at a height."""
    out: list[Obj] = []
    for desc in settings.explicit_horizontal_lines or []:
        if isinstance(desc, dict):
            out += [e for e in obj_to_edges(desc) if e["orientation"] == "h"]
        else:
            out.append({"x0": page.bbox[0], "x1": page.bbox[2], "width": page.bbox[2] - page.bbox[0],
                        "top": desc, "bottom": desc, "orientation": "h"})
    return out


# A line's two ends differ by less than this (points) across it when it is straight: pdfplumber calls a line
# horizontal only when its top and bottom are exactly equal, and on a page turned with /Rotate 270 the rotation
# leaves them 1e-13 apart, so every horizontal rule of the page read as vertical and its table lost its rows.
STRAIGHT_EPSILON = 1e-6


def _oriented(edge: Obj) -> Obj:
    """The edge with the orientation its box gives: flat and wide is horizontal, narrow and tall vertical."""
    width, height = edge["x1"] - edge["x0"], edge["bottom"] - edge["top"]
    if edge["orientation"] == "v" and abs(height) < STRAIGHT_EPSILON and width > STRAIGHT_EPSILON:
        return {**edge, "orientation": "h", "bottom": edge["top"], "height": 0}
    if edge["orientation"] == "h" and abs(width) < STRAIGHT_EPSILON and height > STRAIGHT_EPSILON:
        return {**edge, "orientation": "v", "x1": edge["x0"], "width": 0}
    return edge


def find_tables(page, settings: dict[str, Any]) -> list[Table]:
    """pdfplumber's `page.find_tables(settings)` (`TableFinder`), step by step, for the "lines" strategies
    without explicit vertical lines; other settings go to pdfplumber."""
    tset = TableSettings.resolve(settings)
    if tset.vertical_strategy != "lines" or tset.horizontal_strategy != "lines" or tset.explicit_vertical_lines:
        return page.find_tables(tset)
    page_edges = [_oriented(e) for e in page.edges]
    v = filter_edges(page_edges, "v", min_length=tset.edge_min_length_prefilter)
    h = filter_edges(page_edges, "h", min_length=tset.edge_min_length_prefilter) + _explicit_horizontal(tset, page)
    edges = merge_edges(list(v) + list(h), tset.snap_x_tolerance, tset.snap_y_tolerance, tset.join_x_tolerance,
                        tset.join_y_tolerance)
    edges = filter_edges(edges, min_length=tset.edge_min_length)
    intersections = edges_to_intersections(edges, tset.intersection_x_tolerance, tset.intersection_y_tolerance)
    return [Table(page, group) for group in cells_to_tables(intersections_to_cells(intersections))]
