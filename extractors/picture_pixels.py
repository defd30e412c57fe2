"""A text page's picture tables as OCR reads them: each picture coarser than the page's rendering re-enlarged from
its own pixels by a cubic filter, then the page read with the picture settings (`OcrSettings.dark_cells`).

In:  a PDF path, a 0-based page index, the OCR settings, and the page's picture regions (`PictureRegion`: box in
     PDF points, the picture's own pixels per point).
Out: the page's `OcrResult`, as `ocr.ocr_pdf_page` gives it, its pictures enlarged as above.

pdfium enlarges an image to the page's 300 dpi with a filter that leaves a 96-dpi screenshot's letters ragged and
joins a picture fitted down to 62-70 dpi into blocks: Tesseract read "Ta" for "%", "gaga" for "88,64", "T1,IH"
for "71,18". The picture's own pixels are recovered by averaging the rendering back to its grid (`INTER_AREA`:
each source pixel is a block of the rendering), and enlarged again by a cubic filter, whose strokes are smooth:
the same tables read in full, their figures in form.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.ocr import OcrResult, OcrSettings, ocr_image, page_for_ocr


@dataclass(frozen=True)
class PicturePixelSettings:
    # A picture enlarged more than this many times by the rendering is re-enlarged: a picture coarser than 86 dpi,
    # as a spreadsheet range fitted down to a page's width (62-70 dpi), whose figures pdfium's enlargement joined
    # into blocks; the same bound as a coarse scan's smoothing (`OcrSettings.smooth_enlarged_above`). A 96-dpi
    # screenshot (3.1x) read its figures better re-enlarged ("86" where "46" was read) but lost light grid rules,
    # its columns merged: it keeps pdfium's rendering.
    min_enlargement: float = 3.5


SETTINGS = PicturePixelSettings()


def own_density(region) -> float:
    """The picture's own pixels per point, whichever way it is turned on the page: its long side's pixels over
    its box's long side (`px_per_pt` is its width's pixels over the box's width, which a picture turned a
    quarter shows along its height)."""
    box_long = max(region.box[2] - region.box[0], region.box[3] - region.box[1])
    return max(region.px_size) / box_long if min(region.px_size) > 0 and box_long > 0 else region.px_per_pt


def _enlargement(region, dpi: float) -> float:
    return dpi / 72 / max(own_density(region), 1e-6)


def is_reenlarged(region, dpi: float, settings: PicturePixelSettings = SETTINGS) -> bool:
    """The picture is coarse enough to be re-enlarged from its own pixels before OCR (`min_enlargement`)."""
    return _enlargement(region, dpi) > settings.min_enlargement


def reenlarge_pictures(grey: np.ndarray, regions: list, dpi: float,
                       settings: PicturePixelSettings = SETTINGS) -> np.ndarray:
    """The page `grey` (rendered at `dpi`) with each region enlarged more than `min_enlargement` times averaged
    back to the picture's own pixel grid and enlarged again by a cubic filter; any other pixel as it was."""
    scale = dpi / 72
    out = grey
    for region in regions:
        if not is_reenlarged(region, dpi, settings):
            continue
        x0, top, x1, bottom = (int(round(v * scale)) for v in region.box)
        x0, top = max(0, x0), max(0, top)
        x1, bottom = min(grey.shape[1], x1), min(grey.shape[0], bottom)
        width, height = x1 - x0, bottom - top
        density = own_density(region)
        own_w = max(1, round((region.box[2] - region.box[0]) * density))
        own_h = max(1, round((region.box[3] - region.box[1]) * density))
        if width < 2 or height < 2:
            continue
        own = cv2.resize(grey[top:bottom, x0:x1], (own_w, own_h), interpolation=cv2.INTER_AREA)
        if out is grey:
            out = grey.copy()
        out[top:bottom, x0:x1] = cv2.resize(own, (width, height), interpolation=cv2.INTER_CUBIC)
    return out


def ocr_picture_page(path: str, index: int, settings: OcrSettings, regions: list, password: str = "",
                     pixel_settings: PicturePixelSettings = SETTINGS) -> OcrResult:
    """In: a PDF, a 0-based page index, its picture regions. Out: the page read by OCR, its pictures as above."""
    grey, width, height = page_for_ocr(path, index, settings, password)
    grey = reenlarge_pictures(grey, regions, settings.dpi, pixel_settings)
    return ocr_image(grey, width, height, index + 1, settings)
