"""Show-through: the print of a sheet's other side seen through thin paper on a scan, told from its lightness.

In:  a scanned page's grey image, the ink a local threshold found on it, and that ink's 8-connected components
     (labels and stats as `extractors.ocr.components` gives them).
Out: `show_through_labels`: a boolean per component label, True for a component of show-through, which the
     page's binarization then leaves as paper (`extractors.ocr.binarize`).

Reports are printed on both sides of 70-80 g paper; the scanner's lamp shows the verso's text, mirrored, as
pale grey glyphs. The local threshold keeps anything darker than its surroundings by a few grey levels, so those
glyphs become ink: OCR reads them as words inside the cells ("AHATKI" between a name and its figures). On a
page printed dark, a glyph of the page has a dark core; a glyph seen through the paper has none: its darkest
pixel is lighter than the middle between the page's paper and its ink. Such pale glyphs are a page's
show-through only when they are many (a clean scan has a few pale specks, which stay as they are), and a long
thin component (a light rule of a table) is never one. A page whose print is pale itself (faded toner, a coarse
scan smoothed) is left as it is.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class ShowThroughSettings:
    # A component is pale when its darkest pixel is lighter than this share of the way from the page's ink to
    # its paper. The verso seen through paper keeps 15-25 % of its contrast; a faded print keeps its cores at
    # about half the paper's lightness or darker (measured: toner at 150 on 235 paper: cores 148-170, the cut 192).
    pale_share: float = 0.5
    ink_percentile: float = 2.0  # the page's ink: this percentile of the grey under its ink (its darkest strokes)
    # Only a page printed dark (its ink this dark or darker) tells a pale glyph from its own print: where the
    # print is pale itself (faded toner: ink at ~150; a coarse 65-72 dpi scan smoothed for OCR: 63-116, whose
    # thin strokes and commas blur pale), a pale component may be a piece of it. Measured: set L's two-sided
    # page 0-2; the real 65-72 dpi scans' pages with over 100 pale pieces 82-116.
    dark_ink_below: float = 50.0
    # The page shows through when at least this share of its components are pale, and this many: measured on
    # set L's two-sided page 23-67 % (291-1974 pale glyphs); clean, faded, colour and real scans 0-2 % (0-16 specks).
    page_pale_share: float = 0.10
    page_pale_count: int = 100
    # A component this long (points) is a rule or a line of a table, kept whatever its lightness (light grey
    # gridlines of a spreadsheet print); glyphs are shorter (`OcrSettings.rule_min_length_pt` is the same).
    rule_length_pt: float = 25.0


SHOW_THROUGH = ShowThroughSettings()


def show_through_labels(grey: np.ndarray, ink: np.ndarray, labels: np.ndarray, stats: np.ndarray,
                        min_area_px: float, px_per_pt: float,
                        settings: ShowThroughSettings = SHOW_THROUGH) -> np.ndarray:
    """True for each component label (0, the background, never) that is the verso's show-through; all False
    on a page without it. `min_area_px`: components smaller than this are specks, counted neither way."""
    count = stats.shape[0]
    none = np.zeros(count, bool)
    inked = ink > 0
    if count <= 1 or not inked.any():
        return none
    darkest = np.full(count, 255, np.int32)
    np.minimum.at(darkest, labels[inked], grey[inked].astype(np.int32))
    paper = float(np.median(grey))
    ink_level = float(np.percentile(grey[inked], settings.ink_percentile))
    if ink_level >= settings.dark_ink_below:
        return none
    cut = paper - settings.pale_share * (paper - ink_level)
    counted = stats[:, cv2.CC_STAT_AREA] >= min_area_px
    counted[0] = False
    long = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]) >= settings.rule_length_pt * px_per_pt
    pale = counted & (darkest > cut) & ~long
    n_pale, n_counted = int(pale.sum()), int(counted.sum())
    if n_pale < settings.page_pale_count or n_pale < settings.page_pale_share * n_counted:
        return none
    return pale
