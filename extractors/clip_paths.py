"""Drawings cut to the clipping path they are painted under (pdfminer and pdfplumber ignore clipping).

In:  the content stream's operators, as pdfminer's interpreter runs them (`ClippingInterpreter`, a
     `FastInterpreter`), and the drawings the device makes of each painted path (`ClipRecorder`, mixed
     into the device: it marks each new line, rectangle and curve with the clip it was painted under).
Out: `clipped(obj)`: a pdfminer line or rectangle cut to its clip (its box and points), None when none
     of it shows (a curve: None when it lies wholly outside, else unchanged); drawings painted under no
     clip, or under a clip that is no set of upright rectangles, are kept as drawn.

Why: LibreOffice and Excel print a sheet's print area by drawing rules longer than the table and
clipping them to the area (`re W n`). Read unclipped, the column rules run up through the caption and
the table's frame is found there. A clip is kept in device space (the points of its path through the
matrix in force at `W`), saved and restored with the graphics state (`q` / `Q`), intersected with the
clip in force, and handed on to a form XObject's content.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pdfminer.layout import LTCurve, LTLine, LTRect
from pdfminer.utils import apply_matrix_pt

from extractors.fast_content import FastInterpreter

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space (pdfminer's: y up)


@dataclass(frozen=True)
class ClipSettings:
    # A rule drawn on the clip's edge is stroked half inside it and shows: a drawing is cut only where it
    # reaches further than this (points) past the clip, and kept if it lies within it.
    edge_slack: float = 1.0
    # A clip path's sides are upright when their ends differ by less than this (points) across them.
    upright: float = 0.01


SETTINGS = ClipSettings()


def _rectangles_box(path: list[tuple], ctm: tuple, settings: ClipSettings = SETTINGS) -> Box | None:
    """The box of a path made of upright rectangles only (in device space); None for any other path
    (a rounded or slanted clip is not cut to: its box would cut what shows)."""
    points: list[tuple[float, float]] = []
    subpath: list[tuple[float, float]] = []
    for segment in [*path, ("m",)]:
        if segment[0] in ("m", "h") and subpath:
            if not _upright_rectangle(subpath, settings):
                return None
            points += subpath
            subpath = []
        if segment[0] in ("m", "l") and len(segment) == 3:
            subpath.append(apply_matrix_pt(ctm, (float(segment[1]), float(segment[2]))))
        elif segment[0] not in ("m", "h"):
            return None  # a curve
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _upright_rectangle(points: list[tuple[float, float]], settings: ClipSettings) -> bool:
    """Four corners (a fifth back at the first), each side along an axis."""
    if len(points) == 5 and abs(points[4][0] - points[0][0]) + abs(points[4][1] - points[0][1]) <= settings.upright:
        points = points[:4]
    if len(points) != 4:
        return False
    ring = [*points, points[0]]
    return all(abs(a[0] - b[0]) <= settings.upright or abs(a[1] - b[1]) <= settings.upright
               for a, b in zip(ring, ring[1:]))


def _intersection(a: Box | None, b: Box) -> Box:
    if a is None:
        return b
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


class ClipRecorder:
    """Mixed into a pdfminer device: `clip` is the clip in force (set by the interpreter); each line,
    rectangle and curve `paint_path` adds is marked with it (`obj.clip`). `page_box`: the page's box
    in device space."""

    clip: Box | None = None
    page_box: Box | None = None

    def begin_page(self, page, ctm) -> None:  # type: ignore[no-untyped-def]
        super().begin_page(page, ctm)  # type: ignore[misc]
        self.page_box = tuple(self.cur_item.bbox)  # type: ignore[attr-defined]

    def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:  # type: ignore[no-untyped-def]
        objs: list[Any] = self.cur_item._objs  # type: ignore[attr-defined]
        before = len(objs)
        super().paint_path(gstate, stroke, fill, evenodd, path)  # type: ignore[misc]
        if self.clip is not None:
            for obj in objs[before:]:
                obj.clip = self.clip


PAINTING = ("do_S", "do_s", "do_f", "do_F", "do_f_a", "do_B", "do_B_a", "do_b", "do_b_a", "do_n")


class ClippingInterpreter(FastInterpreter):
    """`FastInterpreter` keeping the clip in force on its device (a `ClipRecorder`): `W` / `W*` mark the
    current path, which becomes (intersected with the clip in force) the clip once the path is ended;
    `q` / `Q` save and restore it; a form XObject starts under its caller's clip."""

    inherited: Box | None = None

    def dup(self) -> ClippingInterpreter:
        interp = self.__class__(self.rsrcmgr, self.device)
        interp.inherited = getattr(self.device, "clip", None)
        return interp

    def init_state(self, ctm) -> None:  # type: ignore[no-untyped-def]
        super().init_state(ctm)
        self.clips: list[Box | None] = []
        self.pending: list[tuple] | None = None
        self.device.clip = self.inherited  # type: ignore[attr-defined]

    def do_q(self) -> None:
        super().do_q()
        self.clips.append(self.device.clip)  # type: ignore[attr-defined]

    def do_Q(self) -> None:
        super().do_Q()
        if self.clips:
            self.device.clip = self.clips.pop()  # type: ignore[attr-defined]

    def do_W(self) -> None:
        self.pending = list(self.curpath)

    def do_W_a(self) -> None:
        self.pending = list(self.curpath)

    def do_Do(self, xobjid_arg) -> None:  # type: ignore[no-untyped-def]
        clip = self.device.clip  # type: ignore[attr-defined]
        super().do_Do(xobjid_arg)
        self.device.clip = clip  # type: ignore[attr-defined]

    def _clip_pending(self) -> None:
        if self.pending is None:
            return
        box = _rectangles_box(self.pending, self.ctm)
        self.pending = None
        if box is not None and not _covers(box, getattr(self.device, "page_box", None)):
            self.device.clip = _intersection(self.device.clip, box)  # type: ignore[attr-defined]


def _covers(box: Box, page: Box | None, settings: ClipSettings = SETTINGS) -> bool:
    """A clip reaching every edge of the page (within `edge_slack`) cuts nothing the paper does not: it
    is not cut to, so a template's art drawn past the paper stays as drawn (`lattice.runs_off_page`)."""
    if page is None:
        return False
    slack = settings.edge_slack
    return box[0] <= page[0] + slack and box[1] <= page[1] + slack and box[2] >= page[2] - slack \
        and box[3] >= page[3] - slack


def _painting(name: str):  # type: ignore[no-untyped-def]
    """The interpreter's painting operator `name`, then the clip marked by `W` taking effect."""
    base = getattr(FastInterpreter, name)

    def run(self: ClippingInterpreter) -> None:
        base(self)
        if self.pending is not None:
            self._clip_pending()
    run.__name__ = name
    return run


for _name in PAINTING:
    setattr(ClippingInterpreter, _name, _painting(_name))


def clipped(obj: Any, settings: ClipSettings = SETTINGS) -> Any:
    """In: a pdfminer drawing (marked with `clip` when painted under one). Out: the drawing cut to its
    clip: a line or rectangle's box and points; None when it lies wholly outside (beyond `edge_slack`)."""
    clip: Box | None = getattr(obj, "clip", None)
    if clip is None or not isinstance(obj, LTCurve):
        return obj
    slack = settings.edge_slack
    x0, y0, x1, y1 = clip[0] - slack, clip[1] - slack, clip[2] + slack, clip[3] + slack
    if obj.x1 < x0 or obj.x0 > x1 or obj.y1 < y0 or obj.y0 > y1:
        return None
    if not isinstance(obj, (LTLine, LTRect)) or (x0 <= obj.x0 and obj.x1 <= x1 and y0 <= obj.y0 and obj.y1 <= y1):
        return obj
    obj.pts = [(min(max(x, x0), x1), min(max(y, y0), y1)) for x, y in obj.pts]
    obj.set_bbox((max(obj.x0, x0), max(obj.y0, y0), min(obj.x1, x1), min(obj.y1, y1)))
    return obj
