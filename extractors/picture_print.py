"""How tall a picture's print is in the picture's own pixels, told from its pixels before any OCR: a picture
whose print is all smaller than OCR reads reliably is not worth a page of Tesseract, whose tables would only
be named as unread (`picture_tables.PictureSettings.min_small_digit_px`: under it, not even figures in form are read).

In:  the grey pixels (0-255) of one picture region rendered at `scale` pixels per PDF point, and the picture's
     own pixels per point (`PictureRegion.px_per_pt`: how finely it was made, whatever it is rendered at).
Out: `tall_print_px`: the height, in the picture's own pixels, of its tall marks (capitals, figures,
     ascenders: the `tall_share` quantile of its letter-sized marks), or None when it shows too few marks to
     judge; `too_small_to_read`: whether even those, with the allowance Tesseract's word boxes add around a
     figure's glyphs, fall under the height OCR needs.

A mark is a connected area of ink of a letter's size: at least `min_mark_px` tall (not a speck), at most
`max_mark_pt` tall (rules, frames and drawings are larger: a grid's rules join into one mark the height of
the table) and at most `max_mark_aspect` times as wide as tall (small letters run together into a word's
width at low resolution, and keep its height; a rule does not). The tall marks stand for the figures: a
table's figures are as tall as its capitals, and its body text as tall as its figures or smaller.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class PrintSettings:
    # Ink: darker than this (0-255). Lower than the paper test's 200: a small letter's antialiased edge is light
    # grey, and counting it makes every mark a pixel taller; a stroke's core is dark.
    ink_level: int = 160
    # The picture is measured at its own resolution, but at most this (a 600-dpi scan's print is large in its
    # own pixels anyway, so a coarser rendering decides it as surely, at a quarter of the pixels).
    max_render_dpi: int = 300
    # Marks under this many rendered pixels tall are specks, dots, commas; over `max_mark_pt` points they are
    # rules, frames, drawings or large lettering (`picture_kind.KindSettings.min_lettering_pt`).
    min_mark_px: int = 3
    max_mark_pt: float = 24.0
    max_mark_aspect: float = 4.0
    # Fewer letter-sized marks than this (a photograph's specks, a logo) tell nothing of its print: OCR as before.
    min_marks: int = 40
    # The tall tenth of the marks: capitals, figures and ascenders, above the lower-case body of the text.
    tall_share: float = 0.9
    # Tesseract's box of a figure ("2.774.931,0") spans its glyphs and a comma's tail below them: measured on
    # screenshot tables, the OCR figure heights (10-12.5 px) over the pictures' tall marks (9-10 px) are 1.1-1.3.
    # The larger ratio is taken, so a picture is left unread only when its figures are surely too small.
    box_allowance: float = 1.3


SETTINGS = PrintSettings()


def render_scale(px_per_pt: float, settings: PrintSettings = SETTINGS) -> float:
    """The pixels per point to render a picture at to measure its print: its own, at most `max_render_dpi`."""
    return min(px_per_pt, settings.max_render_dpi / 72)


def tall_print_px(grey: np.ndarray, scale: float, px_per_pt: float, settings: PrintSettings = SETTINGS) -> float | None:
    """The height of the picture's tall marks in its own pixels (`grey` rendered at `scale` px per point), or
    None when it holds fewer than `min_marks` letter-sized marks."""
    ink = (grey < settings.ink_level).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    widths, heights = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    letters = heights[(heights >= settings.min_mark_px) & (heights <= settings.max_mark_pt * scale)
                      & (widths <= settings.max_mark_aspect * heights)]
    if len(letters) < settings.min_marks:
        return None
    return float(np.quantile(letters, settings.tall_share)) * px_per_pt / scale


def too_small_to_read(tall_px: float | None, min_digit_px: float, settings: PrintSettings = SETTINGS) -> bool:
    """Whether print whose tall marks are `tall_px` high (in the picture's own pixels) gives figures under
    `min_digit_px` even with Tesseract's box allowance; never for a picture whose print could not be measured."""
    return tall_px is not None and tall_px * settings.box_allowance < min_digit_px
