"""What a picture on a text page shows, from its pixels, before any OCR: a table may lie in it, or it is
a diagram of boxes joined by connectors (an organisation chart), a bar chart, a pie chart, or large
lettering (a title page's word, a banner, a logo).

In:  the grey pixels (0-255) of one picture region rendered at a known resolution (`render_dpi`).
Out: a `PictureKind`. Only `PictureKind.MAY_HOLD_TABLE` pictures are worth Tesseract's time: a diagram
     of separate boxes or a bar chart holds no table of values (its OCR gives no rows of figures, or a
     bar chart's labels read as figures too small to trust), and OCR of a whole page costs about a second.

The tests are for structures, not scores:
  * boxes and connectors: the picture's lines close at least `min_lone_boxes` boxes that stand apart,
    each surrounded by the picture's open background (a connector runs between them), and no two boxes
    share a side. A table's cells share their sides with their neighbours (a grid), so a picture with
    a grid anywhere (a chart with its data table below it) is never a diagram.
  * a bar chart: at least `min_bars` solid bars of one thickness stand on one baseline (their bottoms
    level, or their left ends for horizontal bars) with different lengths, the longest `min_bar_pt`
    long. Filled table cells (a coloured heading row, a column of status colours) are the same length
    as each other; the bars of a chart are not. A chart with a grid (its data table) stays a table.
  * a pie chart: one filled disc (its slices touch, so they are one area of ink) covering at least
    `min_pie_share` of the picture, convex and filling its box as an ellipse does (pi/4 flat, more
    with a 3-D rim); a table's filled heading row fills its box whole.
  * large lettering: the picture's marks (letters) are `min_lettering_pt` tall or more on the median;
    a table's text is body text, a tenth of that.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import cv2
import numpy as np


class PictureKind(Enum):
    MAY_HOLD_TABLE = "may hold a table"
    BOX_DIAGRAM = "boxes and connectors"
    BAR_CHART = "bar chart"
    PIE_CHART = "pie chart"
    LETTERING = "large lettering"


@dataclass(frozen=True)
class KindSettings:
    # Rendered at 100 dpi: a 1-pt rule is a pixel or two, text strokes of body text 1-2 px, so a 5-px
    # opening keeps only filled areas (bars, fills) and a 25-px (18-pt) run is a rule, never a letter.
    render_dpi: int = 100
    # Ink: a pixel darker than the paper test's light level (picture_tables.PictureSettings.light_level);
    # light grey rules and coloured fills count, antialiased paper does not.
    ink_level: int = 200
    solid_px: int = 5
    rule_px: int = 25
    # A box is a closed space of at least this many pixels (a 6 x 10 pt box at 100 dpi is ~115 px; a
    # letter's closed loop, an "o" of 10-pt text, is under 40).
    min_box_px: int = 60
    # Two boxes share a side when they lie within this many pixels across the line between them (a
    # 1-3 px rule and the antialiasing either side of it).
    side_px: int = 5
    # Measured on the real reports' organisation charts: 13-18 lone boxes, none beside another; their
    # framed captions and legends are one or two boxes.
    min_lone_boxes: int = 3
    # A bar fills its bounding box (a 3-D bar's shading and rounded corners leave >= 0.8) and stands at
    # least `bar_aspect` times as long as it is thick (a bold letter's blob is about square).
    bar_fill: float = 0.8
    bar_aspect: float = 2.0
    # Bars of one series are one thickness: within this share of their median (or 2 px).
    bar_thickness_share: float = 0.2
    # Bottoms within this many pixels are one baseline (antialiasing, a 3-D base).
    baseline_px: int = 3
    # At least this many bars, lengths differing by at least `bar_length_ratio` (measured: the real
    # reports' bar charts show 7-27 bars; filled cells of a table are all one length) and the longest
    # `min_bar_pt` long (a chart's plot is several centimetres tall; a letter, a bullet are not).
    min_bars: int = 3
    bar_length_ratio: float = 1.5
    min_bar_pt: float = 20.0
    # Measured: the real reports' pie charts cover a quarter of their picture, convex (solidity 0.99),
    # filling 0.80-0.81 of their box; a table's filled heading and stripes 0.09 of its picture, solidity
    # 0.92, 0.87 of its box; a logo or a map is not convex (0.55-0.81).
    min_pie_share: float = 0.15
    min_pie_solidity: float = 0.95
    pie_fill: tuple[float, float] = (0.7, 0.88)
    # Measured: a title word's letters 129 px (93 pt) tall, a banner's 36 px; the text of table pictures
    # 2-9 px on the median (body text at their scale). A mark is at least `min_mark_px` pixels (not a speck).
    min_lettering_pt: float = 24.0
    min_mark_px: int = 6


SETTINGS = KindSettings()


@dataclass(frozen=True)
class Blob:
    x: int
    y: int
    w: int
    h: int
    area: int


def _components(mask: np.ndarray, connectivity: int = 8) -> tuple[np.ndarray, list[Blob]]:
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=connectivity)
    return labels, [Blob(*(int(v) for v in row[:5])) for row in stats]


def _masks(grey: np.ndarray, settings: KindSettings) -> tuple[np.ndarray, np.ndarray]:
    """(solid, rules): filled areas, and horizontal and vertical runs of ink a rule long."""
    ink = (grey < settings.ink_level).astype(np.uint8)
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((settings.solid_px, settings.solid_px), np.uint8))
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, settings.rule_px), np.uint8))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((settings.rule_px, 1), np.uint8))
    return solid, np.bitwise_and(np.bitwise_or(across, down), 1 - solid)


@dataclass(frozen=True)
class Boxes:
    """The closed spaces of a picture: those standing apart in the open background, those beside another,
    and whether some lie side by side (`across`) and some one above another (`stacked`): a grid of cells."""
    lone: int
    beside: int
    across: bool = False
    stacked: bool = False

    @property
    def grid(self) -> bool:
        return self.across and self.stacked


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def boxes(walls: np.ndarray, settings: KindSettings = SETTINGS) -> Boxes:
    """The spaces the picture's `walls` (rules, fills) close, told apart by what lies across their sides."""
    free = (1 - walls).astype(np.uint8)
    labels, blobs = _components(free, connectivity=4)
    edge = np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])
    outside = set(edge.tolist())
    closed = [k for k in range(1, len(blobs)) if k not in outside and blobs[k].area >= settings.min_box_px]
    named = np.zeros_like(labels)  # 0: a rule, a letter or a speck; -1: the open background; k: box k
    for k in outside:
        named[labels == k] = -1
    for k in closed:
        named[labels == k] = k
    lone = beside = 0
    across = stacked = False
    reach = 2 * settings.side_px + 1
    for k in closed:
        b = blobs[k]
        y0, x0 = max(0, b.y - settings.side_px), max(0, b.x - settings.side_px)
        y1, x1 = b.y + b.h + settings.side_px, b.x + b.w + settings.side_px
        around = cv2.dilate((labels[y0:y1, x0:x1] == k).astype(np.uint8), np.ones((reach, reach), np.uint8))
        seen = set(np.unique(named[y0:y1, x0:x1][around.astype(bool)]).tolist()) - {0, k}
        if seen - {-1}:
            beside += 1
            for j in seen - {-1}:
                other = blobs[j]
                across |= _overlap(b.y, b.y + b.h, other.y, other.y + other.h)
                stacked |= _overlap(b.x, b.x + b.w, other.x, other.x + other.w)
        elif seen == {-1}:
            lone += 1
    return Boxes(lone, beside, across, stacked)


def _bars_on_one_baseline(bars: list[tuple[int, int, int]], settings: KindSettings) -> int:
    """The most bars of one thickness standing on one baseline with different lengths (0 when none).
    `bars`: (baseline, length, thickness) in px."""
    best = 0
    bars = sorted(bars)
    start = 0
    for end in range(1, len(bars) + 1):
        if end < len(bars) and bars[end][0] - bars[start][0] <= settings.baseline_px:
            continue
        group = bars[start:end]
        start = end
        if len(group) < settings.min_bars:
            continue
        thick = sorted(t for _, _, t in group)[len(group) // 2]
        same = [length for _, length, t in group if abs(t - thick) <= max(2, settings.bar_thickness_share * thick)]
        if len(same) >= settings.min_bars and max(same) >= settings.bar_length_ratio * min(same) and \
                max(same) >= settings.min_bar_pt * settings.render_dpi / 72:
            best = max(best, len(same))
    return best


def bar_count(solid: np.ndarray, settings: KindSettings = SETTINGS) -> int:
    """The bars of the picture's largest bar chart: upright bars on a common bottom, or lying bars from a
    common left end."""
    _, blobs = _components(solid)
    filled = [b for b in blobs[1:] if b.area >= settings.bar_fill * b.w * b.h]
    upright = [(b.y + b.h, b.h, b.w) for b in filled if b.h >= settings.bar_aspect * b.w]
    lying = [(b.x, b.w, b.h) for b in filled if b.w >= settings.bar_aspect * b.h]
    return max(_bars_on_one_baseline(upright, settings), _bars_on_one_baseline(lying, settings))


def is_pie(solid: np.ndarray, settings: KindSettings = SETTINGS) -> bool:
    """Whether one filled disc covers `min_pie_share` of the picture (see the module's docstring)."""
    labels, blobs = _components(solid)
    for k, b in enumerate(blobs[1:], start=1):
        if b.area < settings.min_pie_share * solid.size:
            continue
        contours, _ = cv2.findContours((labels == k).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        outline = max(contours, key=cv2.contourArea)
        area, hull = cv2.contourArea(outline), cv2.contourArea(cv2.convexHull(outline))
        low, high = settings.pie_fill
        if hull and area / hull >= settings.min_pie_solidity and low <= area / (b.w * b.h) <= high:
            return True
    return False


def is_lettering(grey: np.ndarray, settings: KindSettings = SETTINGS) -> bool:
    """Whether the picture's marks are large lettering: their median height `min_lettering_pt` or more."""
    _, blobs = _components((grey < settings.ink_level).astype(np.uint8))
    heights = sorted(b.h for b in blobs[1:] if b.area >= settings.min_mark_px)
    return bool(heights) and heights[len(heights) // 2] >= settings.min_lettering_pt * settings.render_dpi / 72


def picture_kind(grey: np.ndarray, settings: KindSettings = SETTINGS) -> PictureKind:
    """What the picture (`grey`, rendered at `settings.render_dpi`) shows."""
    solid, rules = _masks(grey, settings)
    closed = boxes(np.bitwise_or(solid, rules), settings)
    if closed.lone >= settings.min_lone_boxes and not closed.beside:
        return PictureKind.BOX_DIAGRAM
    # A chart's bars and its gridlines close strips one above another; a data table's rules close cells
    # side by side too.
    if boxes(rules, settings).grid:
        return PictureKind.MAY_HOLD_TABLE
    if bar_count(solid, settings) >= settings.min_bars:
        return PictureKind.BAR_CHART
    if is_pie(solid, settings):
        return PictureKind.PIE_CHART
    if is_lettering(grey, settings):
        return PictureKind.LETTERING
    return PictureKind.MAY_HOLD_TABLE
