"""Cells filled dark and printed in light letters (a spreadsheet's table style: a header row white on dark blue,
black or green), turned into black print on white paper with their edges drawn as the borders they are, so the
local threshold and Tesseract read them as the rest of the table.

In:  a grey image (0-255) of a page holding a picture table, rendered at `dpi`.
Out: the same image with each dark fill whose marks are lighter than it (`light_marks`) mapped so that the fill
     becomes paper and its letters ink, and the fill's outline drawn as a rule; any other pixel unchanged.

Where a fill lies is told by the page's background: the median of a window wider than a letter's stroke
(`window_pt`), which keeps a fill's straight edges where they are and takes the letters it holds away (they
cover less than half of any window). A coarse search for near-black areas (`ocr.invert_dark_fills`) misses a
fill's edge by a few pixels and leaves a dark strip along it that, beside the outline it draws, is thicker than
a rule: the header row's top border was lost, and the header with it. A fill is turned only when its marks are
lighter than it (white letters); a fill printed in dark letters (a light shade, a mid-grey header in black) is
read as it is.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class DarkCellSettings:
    # The background is measured on a copy this many times smaller (the median of a large window is the costly
    # step; half size still places a fill's edge within a pixel of the page at 300 dpi).
    scale_step: int = 2
    # The median's window: wider than a bold letter's stroke and a white rule between header cells (a 96-dpi
    # spreadsheet's 11-pt bold letter has strokes of about 1.5 pt), narrower than a header row (about 15 pt).
    window_pt: float = 8.0
    # A background darker than this is a fill that white letters may be printed on: white on a mid-green
    # (grey 143) still reads; the light shades of zebra rows and status cells (200-240) hold dark letters.
    dark_level: int = 170
    # A fill at least this high and wide (a bullet square or a thick letter's core is smaller).
    min_fill_pt: float = 8.0
    # A mark differs from its fill by at least this much (JPEG ringing and antialiasing by less).
    mark_contrast: int = 60
    # Its marks are lighter than the fill when light pixels outnumber dark ones this many times.
    light_over_dark: float = 2.0
    # A fill covering this share of its bounding box is a box (a cell, a header band) and is turned whole,
    # corners included (the median rounds them off).
    box_share: float = 0.85
    # The outline drawn round a turned fill, in pixels: a thin rule, as a spreadsheet's grid is.
    outline_px: int = 3
    # A background between `dark_level` and this is a light shade (a header band in pale yellow, zebra rows,
    # status cells): printed in dark letters, read as it is, but its box's edges are borders, outlined. A spreadsheet
    # draws its grid in a grey as light as the shade (#D9D9D9 on #FFD966): the header row's own borders vanish.
    shade_level: int = 236


SETTINGS = DarkCellSettings()


def _background(grey: np.ndarray, dpi: float, settings: DarkCellSettings) -> np.ndarray:
    """The page's background: the windowed median (`window_pt`) on a copy `scale_step` times smaller."""
    step = settings.scale_step
    small = cv2.resize(grey, None, fx=1 / step, fy=1 / step, interpolation=cv2.INTER_AREA)
    return cv2.medianBlur(small, max(3, round(settings.window_pt * dpi / 72 / step)) | 1)


def _full_size(mask: np.ndarray, grey: np.ndarray) -> np.ndarray:
    return cv2.resize(mask.astype(np.uint8), (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_NEAREST)


def _fill_mask(grey: np.ndarray, dpi: float, settings: DarkCellSettings,
               background: np.ndarray | None = None) -> np.ndarray:
    """Where the page's background (`background`, else measured) is darker than `dark_level`, at full size."""
    if background is None:
        background = _background(grey, dpi, settings)
    return _full_size(background < settings.dark_level, grey)


def _large_fills(mask: np.ndarray, dpi: float,
                 settings: DarkCellSettings) -> tuple[np.ndarray, list[tuple[int, int, int, int, int, int]]]:
    """The connected areas of `mask` at least `min_fill_pt` high and wide: the label image and each area's
    (label, x, y, width, height, pixel count)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    min_px = settings.min_fill_pt * dpi / 72
    boxes = [(k, *(int(v) for v in stats[k])) for k in range(1, n)]
    return labels, [(k, x, y, w, h, area) for k, x, y, w, h, area in boxes if min(w, h) >= min_px]


def light_marks(grey: np.ndarray, fill: np.ndarray, level: float, settings: DarkCellSettings = SETTINGS) -> bool:
    """The marks printed on a fill of grey `level` (`fill`: its pixels) are lighter than it: white letters."""
    values = grey[fill > 0].astype(np.int16)
    light = int((values > level + settings.mark_contrast).sum())
    dark = int((values < level - settings.mark_contrast).sum())
    return light > settings.light_over_dark * max(dark, 1) and light > 0


def dark_and_light_cells(grey: np.ndarray, dpi: float, settings: DarkCellSettings = SETTINGS) -> np.ndarray:
    """`outline_light_fills(invert_dark_cells(grey))`, the page's background measured once when no fill was turned
    (the turned page is then the page itself): the costly median runs once on most picture pages, not twice."""
    background = _background(grey, dpi, settings)
    turned = invert_dark_cells(grey, dpi, settings, background)
    return outline_light_fills(turned, dpi, settings, background if turned is grey else None)


def invert_dark_cells(grey: np.ndarray, dpi: float, settings: DarkCellSettings = SETTINGS,
                      background: np.ndarray | None = None) -> np.ndarray:
    """The page with its dark fills of light letters turned to dark letters on paper, outlined (module doc);
    `background`: the page's, when measured already. The page itself when no fill is turned."""
    mask = _fill_mask(grey, dpi, settings, background)
    if not mask.any():
        return grey
    labels, fills = _large_fills(mask, dpi, settings)
    out = grey
    for k, x, y, w, h, area in fills:
        box = area >= settings.box_share * w * h
        region = np.s_[y:y + h, x:x + w]
        fill = np.ones((h, w), np.uint8) if box else (labels[region] == k).astype(np.uint8)
        level = float(np.median(grey[region][fill > 0]))
        if not light_marks(grey[region], fill, level, settings):
            continue
        if out is grey:
            out = grey.copy()
        turned = 255.0 - (grey[region].astype(np.float32) - level) * 255.0 / max(255.0 - level, 1.0)
        turned = np.clip(turned, 0, 255).astype(np.uint8)
        out[region] = np.where(fill > 0, turned, out[region])
        if box:
            cv2.rectangle(out, (x, y), (x + w - 1, y + h - 1), 0, settings.outline_px)
        else:
            contours, _ = cv2.findContours(fill, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE, offset=(x, y))
            cv2.drawContours(out, contours, -1, 0, settings.outline_px)
    return out


def outline_light_fills(grey: np.ndarray, dpi: float, settings: DarkCellSettings = SETTINGS,
                        background: np.ndarray | None = None) -> np.ndarray:
    """The page with each box of shade (a background darker than `shade_level`, at least `min_fill_pt` high and
    wide, covering `box_share` of its bounding box) outlined as the border it is. Run after `invert_dark_cells`,
    whose turned fills are paper: the boxes left are those printed in dark letters. `background`: this page's,
    when measured already."""
    if background is None:
        background = _background(grey, dpi, settings)
    mask = _full_size(background < settings.shade_level, grey)  # a dark fill's letters pull the median down too
    if not mask.any():
        return grey
    out = grey
    for _, x, y, w, h, area in _large_fills(mask, dpi, settings)[1]:
        if area < settings.box_share * w * h:
            continue
        if out is grey:
            out = grey.copy()
        cv2.rectangle(out, (x, y), (x + w - 1, y + h - 1), 0, settings.outline_px)
    return out
