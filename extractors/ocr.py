"""OCR of one page image: cleanup, deskew, ruled lines, words with boxes and confidences.

In:  a PDF path and a 0-based page index (the page is rendered with pypdfium2), or a grey image.
Out: an `OcrResult`: the page size in PDF points and, in those points (top-left origin), the words
     Tesseract read (Indonesian model) with their confidence (0-100), the text lines, and the
     horizontal and vertical rule segments found in the image with OpenCV morphology.

Numbers are read twice: whole-page recognition reads "72,25" as "72.25" and "96,33%" as "96.3396",
so every word that starts with a digit is cut out of the image and read again on its own as one
line with a digit / comma / point / percent whitelist and the English model (the Indonesian one
reads "%" as "96"); the second reading wins when it is a number.

Tesseract runs single-threaded (OMP_THREAD_LIMIT=1, set before it is loaded): pages are read in
parallel worker processes instead (`extractors.ocr_pool`).
"""
from __future__ import annotations

import os
import re
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2  # after OMP_THREAD_LIMIT, which Tesseract reads when it is loaded
import numpy as np

from extractors.dark_cells import dark_and_light_cells
from extractors.figure_columns import figures_in_figure_columns
from extractors.jpeg_quality import jpeg_quality
from extractors.ocr_lattice import cell_boxes
from extractors.show_through import show_through_labels

# OpenCV single-threaded too: its threads only add CPU (a tenth of a page's, measured) where pages are
# read in parallel processes already.
cv2.setNumThreads(1)

TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata")


@dataclass(frozen=True)
class OcrSettings:
    dpi: int = 300  # Tesseract's models are trained on ~300 dpi text; lower loses commas in numbers
    language: str = "ind"  # Debian's tesseract-ocr-ind: Indonesian words and diacritics
    sideways_ratio: float = 1.3  # a page whose column profile is this much sharper than its rows' is turned
    # Scanners skew a fed page by a degree or two; a sheet laid on the glass by hand or a photocopy of a crooked
    # original lies up to 4-5 degrees (measured: set L's page turned 3.5 degrees, searched to 3, lost the rows its
    # residual half degree ran together); more is a rotated page.
    max_skew_degrees: float = 5.0
    skew_step_degrees: float = 0.1  # finer than this does not move a 2500-px line by one pixel row
    speck_area_pt2: float = 0.8  # ink blobs smaller than this are scanner noise; a point of an 8 pt font is ~0.9 pt²
    rule_min_length_pt: float = 25.0  # a drawn rule is at least this long; letters' strokes are shorter
    rule_piece_pt: float = 12.0  # a piece of a broken rule: longer than a letter's stem is tall or its bar wide
    rule_gap_pt: float = 12.0  # the gaps of a dashed rule, or of a light one the scan broke, bridged between such pieces
    rule_edge_px: int = 2  # a scanned rule's blurred edge, beside what the opening kept, is skipped
    rule_clearance_px: int = 3  # then the band beside a rule that a cell's text leaves blank
    # A run with ink along more than this share of the band beside it is letters, not a rule. Across (a flat run):
    # bold figures with thousands points ("2.222.850.000") make a run as long as a short rule of their "2"s' feet,
    # with ink along 0.41-0.45 of any band above it; beside a drawn rule the band holds 0.01-0.13 (its blurred
    # edge). At 0.5 such a run was taken for a rule and erased with the figures' lower half ("2 222 REN NN").
    # Upright: a column rule of a tightly packed table has its cells' text close beside it along much of its
    # length (a scanned plan table lost three column rules a page at 0.25), and no figure makes an upright run.
    flat_rule_text_share: float = 0.25
    rule_text_share: float = 0.5
    rule_max_thickness_pt: float = 3.0  # rules are thin; a thicker dark band is a filled box or an image
    # A bar-like glyph ("|", "1", "l") this close to a vertical rule (from its box's edge to the rule's middle) is
    # what is left of the rule: a rule's half width and its blurred edge. A figure right-aligned in its cell
    # keeps the cell's padding, about 2-3 pt in Word tables: a lone "1" there is a value (the reach was the
    # rule's whole thickness, 3 pt, which dropped the right-aligned "1" of every target cell of a scanned page).
    rule_remnant_reach_pt: float = 1.0
    min_word_confidence: float = 10.0  # words Tesseract is this unsure of are specks read as letters
    min_glyph_confidence: float = 45.0  # a lone character needs more: a column of specks reads as "1" at ~30
    threshold_block_px: int = 41  # the local threshold's window: wider than a letter's stroke, narrower than a shaded cell
    threshold_offset: int = 15  # grey levels a pixel must be darker than its surroundings to be ink (paper noise is less)
    # Ink no word covers, read again as a lone figure (`read_lone_figures`): blobs of a glyph's height (this share
    # of the page's median word height: a digit is as tall as a word's capitals, a speck or a comma is less, two
    # lines run together more), no wider than three glyphs the scan's blur joined ("84" one blob 1.4 wide), this close
    # together to make one figure ("1" and "2" of "12" stand 0.1-0.2 apart), clear of the words of its line by
    # this much (a word's cut-off letter lies beside it); both readings this sure; at most this many per page
    # (a photo or a logo breaks into many blobs).
    lone_glyph_height: tuple[float, float] = (0.6, 1.3)
    lone_glyph_width: float = 2.5
    lone_glyph_gap: float = 0.4
    lone_glyph_clearance: float = 1.0
    lone_figure_sure: float = 80.0
    lone_glyph_max: int = 60
    cell_reread_below: float = 60.0  # a table cell with a word read less surely than this is read again alone
    cell_inset_px: int = 4  # the cell's borders (and their blur) are left out of its crop
    cell_min_ink_px: int = 40  # an empty-looking cell with more ink than this (a dot or a dash is less) is read again
    number_language: str = "eng"  # numbers are re-read with the English model: it reads "%", "ind" reads "96"
    percent_confidence: float = 80.0  # a lone "%" (a unit cell) replaces the first reading only when this sure
    number_whitelist: str = "0123456789.,%-()"
    number_pad_px: int = 6  # white space kept around a number cut out for its second reading
    number_scales: tuple[float, ...] = (1.0, 1.5)  # an unsure second reading is tried again this much larger
    number_sure: float = 80.0  # a second reading this sure is not tried larger
    # nor, last, on the crop thresholded as a whole (Otsu): a scan's blotted stroke that makes "1" a "4" on
    # the grey crop falls away when the crop's own ink / paper split is used (which may thin a comma's tail
    # into a point or drop it: that reading replaces another only when it prints the same separators)
    number_global_threshold: bool = True
    min_number_confidence: float = 10.0  # a reading below this (Tesseract's 0: no confidence at all) is none
    jobs: int = 2  # OCR worker processes of a report read outside a run (a run shares its --jobs slots: ocr_pool)
    fill_scan_step: int = 4  # dark fills are looked for on a copy this many times smaller (75 dpi)
    fill_grey: int = 80  # a fill is darker than this (a shaded header cell is light grey, 180-230)
    fill_stroke_pt: float = 4.0  # it survives an opening this wide: strokes and rules (<= 3 pt) do not
    fill_letter_pt: float = 12.0  # the white letters it holds are closed over up to this size
    fill_min_pt: float = 10.0  # a box at least this high and wide (a bullet square is smaller)
    fill_box_share: float = 0.85  # a box: the fill covers this share of its bounding rectangle
    fill_dark_share: float = 0.6  # of which at least this share is dark (white letters take less)
    fill_outline_px: int = 3  # the box's outline drawn as a rule
    bullet_size: float = 0.6  # a bullet is at most this share of the next word's height (a letter is more)
    bullet_lift: float = 0.15  # and its foot stays this share of that height above the word's baseline
    bullet_gap: float = 2.0  # and the word starts within this many bullet sizes of it
    tesseract_dpi: int = 96  # the resolution Tesseract is told (PIL's BMP default, which the thresholds were tuned with)
    # A scan of low resolution (a 65-dpi JPEG) rendered at `dpi` is enlarged several times: each of its pixels
    # becomes a block, and the JPEG's ringing lies along the strokes, which the threshold turns into ragged
    # letters ("Persentesa" for "Persentase", "66,00" for "68,00"). Enlarged more than this (a scan coarser
    # than 86 dpi), the page is smoothed first. Measured: a 65-dpi and a 72-dpi report read their names and
    # numbers right only smoothed; a 100-dpi report (3x) gained as many cells as it lost (commas kept, digits
    # doubled), so it and finer scans keep their pixels as rendered.
    smooth_enlarged_above: float = 3.5
    # The smoothing's width (Gaussian sigma, in rendered pixels) per unit of enlargement: a third, so that a
    # 65-dpi scan (4.6x) gets sigma 1.5 (a 80-dpi one 1.25), about a third of a source pixel: blocks blend into
    # strokes while a comma's tail stays (measured on a 65-dpi report: sigma 1.5 reads its table's
    # "68,00 / 99,91 / 144,98" right, 2.5 blurs the commas away).
    smooth_per_enlargement: float = 1 / 3
    # A scan stored as a hard-compressed JPEG (an "e-mail" / upload preset: quality below this, `jpeg_quality`)
    # has its 8x8 blocks' edges and ringing along every stroke, which an enlargement past `lossy_enlarged_above`
    # (a 100-dpi scan: 3x) turns into ragged letters and digits too: it is smoothed as a coarser scan is.
    # Measured: set L's 100-dpi page at quality 40 read 3 of its 16 rows as rendered, all 16 smoothed; the scans
    # of the corpus and of set E are JPEGs of quality 58-90 (at 150-200 dpi: not enlarged that far anyway), the
    # 100-dpi real report is CCITT (no quality: as rendered).
    lossy_quality_below: int = 50
    lossy_enlarged_above: float = 2.5
    # A page is a scan when an image covers at least this share of it; its resolution is that image's.
    scan_image_share: float = 0.5
    read_inverted_lines: bool = False  # Tesseract's own second, inverted reading of unsure lines (2x slower)
    # A page read this unsurely (median word confidence) may be upside down: Tesseract is asked its orientation.
    # Measured: an upside-down scan reads at 47, upright scans (synthetic, the corpus', real ones) at 94-97.
    upside_down_below: float = 70.0
    # A text page's picture table (not a scan): its dark fills of light letters are found by the page's own
    # background and turned exactly (`dark_cells`) instead of by `invert_dark_fills`' coarse search, whose box
    # misses a fill's edge by a few pixels (a spreadsheet's white-on-blue header row lost its top border and was
    # left out of its table). Off for scanned pages (their dark boxes keep `invert_dark_fills`).
    dark_cells: bool = False


SETTINGS = OcrSettings()
SPECK_GLYPHS = {".", ",", "'", "`", "‘", "’", ":", ";", '"', "“", "”", "_"}
SHORT_TOKEN = 3  # a lone "%" is read as "Y", "Yo", "90", "db": tokens this short (without a vowel) are re-read


def looks_numeric(text: str) -> bool:
    """A word worth a second reading as a number: it starts with a digit (after a bracket or a
    quote: "72.25", "96.3396", "7Yo", "“1.310"), or it is a short token (two characters, or three
    without a vowel) that may be a misread "%" (only a "%" may replace it)."""
    if re.match(r"^[(\-–“\"']?\d", text) or re.fullmatch(r"\(\w{1,2}\)", text):
        return True  # "(Yo)", "(96)": a heading's "(%)"
    return len(text) <= 2 or (len(text) <= SHORT_TOKEN and not re.search(r"[aeiouAEIOU]", text))


@dataclass
class OcrWord:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float  # 0-100, Tesseract's own


@dataclass
class OcrResult:
    """One page read by OCR; coordinates in PDF points of the page, top-left origin."""
    number: int  # 1-based page number
    width: float
    height: float
    words: list[OcrWord] = field(default_factory=list)
    lines: list[list[int]] = field(default_factory=list)  # indexes into words, one list per text line
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)  # (top, bottom, x)
    skew_degrees: float = 0.0
    # The cv2 rotation that turned a sideways page upright before it was read (`page_turn`), None when read as it
    # lies: the words' coordinates are on the page so turned.
    turn: int | None = None
    seconds: float = 0.0


def tessdata_dir() -> str | None:
    """Where the system's traineddata files are (Debian's tesseract-ocr-ind puts ind.traineddata there)."""
    return next((d for d in TESSDATA_DIRS if os.path.exists(os.path.join(d, "ind.traineddata"))), None)


def address_space_left() -> float | None:
    """Bytes this process may still map under its RLIMIT_AS (the report worker's --max-memory),
    None when unlimited."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    try:
        with open("/proc/self/statm") as f:
            used = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return None
    return soft - used


def check_fits(page, dpi: int) -> None:
    """Raise MemoryError (as Python's allocator would) before pdfium decodes a page whose images
    and bitmap cannot fit under the memory limit: pdfium and Tesseract abort the process instead."""
    import pypdfium2.raw as pdfium_c

    need = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        meta = obj.get_metadata()
        need += meta.width * meta.height * max(meta.bits_per_pixel, 8) / 8
    width, height = page.get_size()
    need += 3 * width * height * (dpi / 72) ** 2  # the bitmap and two working copies
    left = address_space_left()
    if left is not None and need > left:
        raise MemoryError(f"a scanned page needs {need / 2**20:.0f} MiB to render, over the memory limit")


@contextmanager
def _pdf_page(path: str, index: int, password: str = ""):
    """One page of a PDF opened with pypdfium2 (0-based index), closed with its document afterwards."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path, password=password or None)
    try:
        page = pdf[index]
        try:
            yield page
        finally:
            page.close()
    finally:
        pdf.close()


def _render(page, dpi: int) -> tuple[np.ndarray, float, float]:
    """An open page as a grey image at `dpi`, with the page's width and height in points."""
    width, height = page.get_size()
    check_fits(page, dpi)
    image = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.shape[2] >= 3 else image[:, :, 0]
    return np.ascontiguousarray(image), float(width), float(height)


def render_page(path: str, index: int, dpi: int, password: str = "") -> tuple[np.ndarray, float, float]:
    """In: a PDF and a 0-based page index. Out: (grey image, page width, page height in points)."""
    with _pdf_page(path, index, password) as page:
        return _render(page, dpi)


def page_for_ocr(path: str, index: int, settings: OcrSettings = SETTINGS,
                 password: str = "") -> tuple[np.ndarray, float, float]:
    """The page as OCR reads it: rendered at `settings.dpi`, smoothed first when its scan is coarse
    (`smooth_enlarged_pixels`); the PDF is opened once for both. Out: as `render_page`."""
    with _pdf_page(path, index, password) as page:
        grey, width, height = _render(page, settings.dpi)
        scan = _scan_image(page, settings)
        quality = _jpeg_quality_of(scan[0]) if scan else None
    if scan:
        grey = smooth_enlarged_pixels(grey, settings.dpi / scan[1], settings, quality)
    return grey, width, height


def invert_dark_fills(grey: np.ndarray, settings: OcrSettings = SETTINGS) -> np.ndarray:
    """A grey page whose dark filled boxes (a header band printed white on black) are turned black
    on white, each box's outline drawn as the rule it is. The local threshold would keep only the
    edges of white letters, and Tesseract's own second, inverted reading of every unsure line is off
    (`read_inverted_lines`). Found on a quarter-size copy: near-black areas that survive an opening
    wider than a letter's stroke or a rule, closed over the letters they hold; a box touching the
    image's edge is a scanner's shadow and stays as it is."""
    step = settings.fill_scan_step
    small = cv2.resize(grey, None, fx=1 / step, fy=1 / step, interpolation=cv2.INTER_AREA)
    dark = (small < settings.fill_grey).astype(np.uint8)
    px_per_pt = settings.dpi / 72 / step
    opened = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((max(3, round(settings.fill_stroke_pt * px_per_pt)),) * 2, np.uint8))
    if not opened.any():
        return grey
    closed = cv2.morphologyEx(opened, cv2.MORPH_CLOSE, np.ones((max(3, round(settings.fill_letter_pt * px_per_pt)),) * 2, np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=4)
    height, width = small.shape
    out = grey
    for k in range(1, n):
        x, y, w, h, area = stats[k]
        if min(w, h) < settings.fill_min_pt * px_per_pt or x <= 1 or y <= 1 or x + w >= width - 1 or y + h >= height - 1:
            continue
        if area < settings.fill_box_share * w * h or dark[y:y + h, x:x + w].mean() < settings.fill_dark_share:
            continue  # not a box, or a photo or a logo (greys, not a fill)
        if out is grey:
            out = grey.copy()
        x0, y0, x1, y1 = x * step, y * step, min(grey.shape[1], (x + w) * step), min(grey.shape[0], (y + h) * step)
        out[y0:y1, x0:x1] = 255 - out[y0:y1, x0:x1]
        cv2.rectangle(out, (x0, y0), (x1 - 1, y1 - 1), 0, settings.fill_outline_px)
    return out


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """8-connected components of a mask: (count with the background, labels, stats) as
    cv2.connectedComponentsWithStats gives them. By Grana's block-based algorithm (the same labels in a
    third of the default's time on a 300-dpi page, one thread), over the mask's inked rectangle only
    (rules and bridges ink a fraction of the page), started on an even row and column so that its
    2x2 blocks, and so the labels' order, are those of the whole page."""
    x, y, w, h = cv2.boundingRect(mask)
    if not w:  # no ink: the background alone
        return 1, np.zeros(mask.shape, np.int32), np.array([[0, 0, mask.shape[1], mask.shape[0], mask.size]], np.int32)
    x0, y0 = x - x % 2, y - y % 2
    n, inside, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(
        mask[y0:y + h, x0:x + w], 8, cv2.CV_32S, cv2.CCL_GRANA)
    labels = np.zeros(mask.shape, np.int32)
    labels[y0:y + h, x0:x + w] = inside
    stats[1:, cv2.CC_STAT_LEFT] += x0
    stats[1:, cv2.CC_STAT_TOP] += y0
    stats[0] = (0, 0, mask.shape[1], mask.shape[0], mask.size - int(stats[1:, cv2.CC_STAT_AREA].sum()))
    return n, labels, stats


def binarize(grey: np.ndarray, settings: OcrSettings = SETTINGS) -> np.ndarray:
    """Ink as 255 on 0: a local (adaptive) threshold, which keeps bold letters apart and leaves
    shaded header cells as paper, with specks below `speck_area_px` removed, and the verso's print
    seen through the paper (`show_through_labels`)."""
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV,
                                settings.threshold_block_px, settings.threshold_offset)
    _, labels, stats = components(ink)
    speck_px = settings.speck_area_pt2 * (settings.dpi / 72) ** 2
    keep = (stats[:, cv2.CC_STAT_AREA] >= speck_px).astype(np.uint8) * 255
    keep[show_through_labels(grey, ink, labels, stats, speck_px, settings.dpi / 72)] = 0  # the verso seen through
    keep[0] = 0
    return keep[labels]


def text_image(ink: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """Black text on white for Tesseract: the ink without the ruled lines."""
    text = ink.copy()
    text[cv2.dilate(rules, np.ones((5, 5), np.uint8)) > 0] = 0
    return cv2.bitwise_not(text)


def _profile_sharpness(ink: np.ndarray) -> tuple[float, float]:
    """Variance of the row sums and of the column sums: text lines make rows sharp."""
    return float(np.var(ink.sum(axis=1, dtype=np.float64))), float(np.var(ink.sum(axis=0, dtype=np.float64)))


# Tesseract's orientation detection tells an upright page from an upside-down one more surely than one
# sideways direction from the other: on the scans' sideways pages it read the page as it lies "90" as
# often where it needed a clockwise turn as "270". So a sideways page is turned clockwise and asked once:
# the turn that makes it upright, by what it finds then (0: the clockwise turn; 180: the other way;
# 90 or 270: it was upright all along, a tall table's columns made its profile sideways).
UPRIGHTING_TURNS = {0: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_90_COUNTERCLOCKWISE}
UPSIDE_DOWN_DEGREES = 180  # what the orientation detection says of a page lying upside down


def page_turn(grey: np.ndarray, settings: OcrSettings = SETTINGS) -> int | None:
    """In: a grey page. Out: the cv2 rotation that makes a sideways page (a landscape table printed
    on a portrait page) upright, else None. Sideways when its columns' ink profile is sharper than its
    rows'; which way is Tesseract's orientation detection (osd), run once on the page at half size
    turned clockwise (`UPRIGHTING_TURNS`)."""
    scale = 1000 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    rows, cols = _profile_sharpness(ink)
    if cols <= settings.sideways_ratio * rows:
        return None
    half = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    found = _orientation(cv2.rotate(half, cv2.ROTATE_90_CLOCKWISE), settings)
    return UPRIGHTING_TURNS.get(found[0]) if found else None


def set_image(api, image: np.ndarray, settings: OcrSettings = SETTINGS) -> bytes:
    """Hand a grey image to Tesseract as raw bytes (a PIL image goes through a BMP encoding in
    Python, a tenth of a page's time) at the resolution it was rendered at. Out: the buffer, which
    Tesseract does not copy: the caller keeps it alive until the page is read."""
    data = np.ascontiguousarray(image, dtype=np.uint8).tobytes()
    api.SetImageBytes(data, image.shape[1], image.shape[0], 1, image.shape[1])
    api.SetSourceResolution(settings.tesseract_dpi)
    return data


def _orientation(image: np.ndarray, settings: OcrSettings) -> tuple[int, float] | None:
    """Tesseract's orientation detection: (degrees, confidence), None when it finds no text."""
    import tesserocr

    key = ("osd", os.getpid())
    if key not in _APIS:
        _APIS[key] = tesserocr.PyTessBaseAPI(path=tessdata_dir() or "", lang="osd", psm=tesserocr.PSM.OSD_ONLY)
    api = _APIS[key]
    _data = set_image(api, image, settings)
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:
        return None
    return (found["orient_deg"], found["orient_conf"]) if found else None


def skew_angle(grey: np.ndarray, settings: OcrSettings = SETTINGS) -> float:
    """In: a grey page. Out: the angle (degrees) that makes its text lines horizontal: the one whose
    row profile of a downscaled ink image is sharpest (largest variance of row sums)."""
    scale = 1000 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    _, small = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = small.shape
    best, best_score = 0.0, -1.0
    steps = int(settings.max_skew_degrees / settings.skew_step_degrees)
    for k in range(-steps, steps + 1):
        angle = k * settings.skew_step_degrees
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        rows = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST).sum(axis=1, dtype=np.float64)
        score = float(np.var(rows))
        if score > best_score:
            best, best_score = angle, score
    return best


def rotate(image: np.ndarray, angle: float, background: int) -> np.ndarray:
    if abs(angle) < 1e-6:
        return image
    h, w = image.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=background)


def _in_text(ink: np.ndarray, rest: np.ndarray, box, vertical: bool, settings: OcrSettings) -> bool:
    """A run of ink that is the foot (or head) line of a row of bold serif letters, not a rule: the
    thin band just beside it is mostly ink (letters); beside a rule there is paper (a cell's text
    keeps its distance from the borders). `rest` is the ink without the vertical rules."""
    x, y, w, h = box
    edge, band = settings.rule_edge_px, settings.rule_edge_px + settings.rule_clearance_px
    height, width = ink.shape
    if vertical:
        sides = [ink[y:y + h, max(0, x - band):max(0, x - edge)], ink[y:y + h, x + w + edge:min(width, x + w + band)]]
    else:
        sides = [rest[max(0, y - band):max(0, y - edge), x:x + w], rest[y + h + edge:min(height, y + h + band), x:x + w]]
    share = settings.rule_text_share if vertical else settings.flat_rule_text_share
    return any(side.size and (side > 0).any(axis=0 if not vertical else 1).mean() > share for side in sides)


def _kernel(n: int, horizontal: bool) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1) if horizontal else (1, n))


def _solid_runs(ink: np.ndarray, length: int, horizontal: bool) -> np.ndarray:
    """The runs of ink along one direction at least `length` long (breaks of a few pixels closed)."""
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _kernel(5, horizontal))
    return cv2.morphologyEx(closed, cv2.MORPH_OPEN, _kernel(length, horizontal))


def _bridged_runs(ink: np.ndarray, solid: np.ndarray, across: np.ndarray, piece: int, gap: int, length: int,
                  horizontal: bool) -> np.ndarray:
    """`solid` with the gaps up to `gap` between pieces at least `piece` long bridged: a scanned
    rule breaks where the scanner lost its thin ink (a light rule comes out dashed). Only pieces are
    bridged, never letters; and never a gap that ends at a rule across (`across`, the other
    direction's runs): that is the space between two tables, one above (or beside) the other."""
    pieces = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _kernel(piece, horizontal))
    added = cv2.subtract(cv2.morphologyEx(pieces, cv2.MORPH_CLOSE, _kernel(gap, horizontal)), pieces)
    if not added.any():
        return solid
    stops = cv2.dilate(across, np.ones((5, 5), np.uint8))
    n, labels, _ = components(added)
    touching = np.unique(labels[(stops > 0) & (added > 0)])
    keep = np.ones(n, bool)
    keep[0] = False
    keep[touching] = False
    bridges = keep[labels].astype(np.uint8) * 255
    joined = cv2.bitwise_or(cv2.bitwise_or(solid, pieces), bridges)
    return cv2.morphologyEx(joined, cv2.MORPH_OPEN, _kernel(length, horizontal))


# How far (pixels) the end of a short upright piece may stand from a horizontal rule and still meet it: a scanned
# rule's blurred edge.
SIDE_REACH_PX = 3


def _cell_sides(ink: np.ndarray, h_mask: np.ndarray, v_mask: np.ndarray, piece: int, thick: int) -> np.ndarray:
    """The short upright rules that run from one horizontal rule to the next: the sides of the cells of a row
    that no long rule crosses (a header row over a full-width group row: its column rules are one row tall,
    shorter than a rule's minimum length). A letter's stem never reaches from rule to rule; a piece must still
    be longer than a letter's stem is tall (`piece`) and thin."""
    pieces = cv2.subtract(cv2.morphologyEx(ink, cv2.MORPH_OPEN, _kernel(piece, False)), v_mask)
    n, labels, stats = components(pieces)
    out = np.zeros_like(ink)
    height = ink.shape[0]
    for k in range(1, n):
        x, y, w, h, _area = stats[k]
        if w > thick or h < piece:
            continue
        top = h_mask[max(0, y - SIDE_REACH_PX):y + SIDE_REACH_PX + 1, x:x + w]
        bottom = h_mask[max(0, y + h - 1 - SIDE_REACH_PX):min(height, y + h + SIDE_REACH_PX), x:x + w]
        if top.any() and bottom.any():
            out[labels == k] = 255
    return out


def find_rules(ink: np.ndarray, px_per_pt: float, settings: OcrSettings = SETTINGS):
    """In: the ink image. Out: the mask of the rules and their segments in pixels:
    horizontal (x0, x1, y), vertical (top, bottom, x). Long thin runs of ink survive an opening
    with a long flat (or tall thin) kernel; letters do not."""
    length = max(10, int(settings.rule_min_length_pt * px_per_pt))
    thick = max(2, int(settings.rule_max_thickness_pt * px_per_pt))
    piece = max(5, int(settings.rule_piece_pt * px_per_pt))
    gap = max(5, int(settings.rule_gap_pt * px_per_pt))
    h_solid, v_solid = _solid_runs(ink, length, True), _solid_runs(ink, length, False)
    h_mask = _bridged_runs(ink, h_solid, v_solid, piece, gap, length, horizontal=True)
    v_mask = _bridged_runs(ink, v_solid, h_solid, piece, gap, length, horizontal=False)
    sides = _cell_sides(ink, h_mask, v_mask, piece, thick)
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    rules = np.zeros_like(ink)
    rest = cv2.subtract(ink, v_mask)
    for mask, out, flat in ((h_mask, horizontal, True), (v_mask, vertical, False)):
        _, labels, stats = components(mask)
        for k, (x, y, w, h, _area) in enumerate(stats[1:], start=1):
            if not flat and w <= thick and h >= length and _in_text(ink, rest, (x, y, w, h), True, settings):
                continue
            if flat and h <= thick and w >= length and _in_text(ink, rest, (x, y, w, h), False, settings):
                continue
            if flat and h <= thick and w >= length:
                out.append((float(x), float(x + w), y + h / 2))
            elif not flat and w <= thick and h >= length:
                out.append((float(y), float(y + h), x + w / 2))
            else:
                continue
            rules[y:y + h, x:x + w][labels[y:y + h, x:x + w] == k] = 255
    _, labels, stats = components(sides)
    for k, (x, y, w, h, _area) in enumerate(stats[1:], start=1):
        vertical.append((float(y), float(y + h), x + w / 2))
        rules[y:y + h, x:x + w][labels[y:y + h, x:x + w] == k] = 255
    return rules, horizontal, vertical


def _api(settings: OcrSettings, language: str):
    import tesserocr

    api = tesserocr.PyTessBaseAPI(path=tessdata_dir() or "", lang=language, psm=tesserocr.PSM.AUTO)
    # Tesseract reads every line it is unsure of a second time turned white-on-black, in case it is
    # inverted text: that doubles the time of a scanned page and changes no word of a black-on-white
    # one. Inverted (white on dark) cells are turned black on white before reading (`binarize`).
    api.SetVariable("tessedit_do_invert", "0" if not settings.read_inverted_lines else "1")
    return api


_APIS: dict = {}


def api_for(settings: OcrSettings = SETTINGS, language: str | None = None):
    """One Tesseract engine per process and language (loading a model takes ~0.3 s)."""
    key = (language or settings.language, os.getpid())
    if key not in _APIS:
        _APIS[key] = _api(settings, key[0])
    return _APIS[key]


def read_words(image: np.ndarray, settings: OcrSettings = SETTINGS, psm: int | None = None,
               offset: tuple[int, int] = (0, 0)) -> tuple[list[tuple], list[list[int]]]:
    """Whole-page recognition. In: a clean grey image (black text on white). Out: words as
    (text, x0, top, x1, bottom, confidence) in pixels, and text lines as lists of word indexes.
    Words below `min_word_confidence` are dropped unless they may be numbers (read again later)."""
    import tesserocr

    api = api_for(settings)
    api.SetPageSegMode(tesserocr.PSM.AUTO if psm is None else psm)
    api.SetVariable("tessedit_char_whitelist", "")
    _data = set_image(api, image, settings)
    api.Recognize()
    words: list[tuple] = []
    lines: list[list[int]] = []
    it = api.GetIterator()
    if it is None:
        return words, lines
    dx, dy = offset
    level_word, level_line = tesserocr.RIL.WORD, tesserocr.RIL.TEXTLINE
    current: list[int] = []
    while True:
        if it.IsAtBeginningOf(level_line) and current:
            lines.append(current)
            current = []
        try:
            text = (it.GetUTF8Text(level_word) or "").strip()
        except RuntimeError:  # "No text returned": an empty block
            text = ""
        box = it.BoundingBox(level_word)
        conf = it.Confidence(level_word)
        if text in SPECK_GLYPHS:
            text = ""  # a lone point or quote is a speck (a lone dash is kept: it is an empty value)
        if text and box and (conf >= settings.min_word_confidence or looks_numeric(text)):
            current.append(len(words))
            words.append((text, box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy, float(conf)))
        if not it.Next(level_word):
            break
    if current:
        lines.append(current)
    return words, lines


def reread_cells(image: np.ndarray, words: list[tuple], lines: list[list[int]], boxes: list[tuple[int, int, int, int]],
                 settings: OcrSettings = SETTINGS) -> tuple[list[tuple], list[list[int]]]:
    """Cells of ruled tables read again on their own, where the page's reading is unsure of a word
    in them (below `cell_reread_below`) or found nothing in a cell that holds ink: the page layout
    analysis sometimes cuts across cells. The cell's own reading (one block) replaces the page's when
    it is surer on average. In and out: words and lines as `read_words` gives them (pixels)."""
    import tesserocr

    drop: set[int] = set()
    new_words: list[tuple] = []
    new_lines: list[list[int]] = []
    inset = settings.cell_inset_px
    for x0, top, x1, bottom in boxes:
        if x1 - x0 <= 3 * inset or bottom - top <= 3 * inset:
            continue
        inside = [k for k, w in enumerate(words) if x0 <= (w[1] + w[3]) / 2 <= x1 and top <= (w[2] + w[4]) / 2 <= bottom]
        crop = image[top + inset:bottom - inset, x0 + inset:x1 - inset]
        ink = int((crop < 128).sum())
        unsure = any(words[k][5] < settings.cell_reread_below for k in inside)
        if not unsure and (inside or ink < settings.cell_min_ink_px):
            continue
        pad = settings.number_pad_px
        padded = cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
        found, found_lines = read_words(padded, settings, tesserocr.PSM.SINGLE_BLOCK,
                                        (x0 + inset - pad, top + inset - pad))
        before = sum(words[k][5] for k in inside) / len(inside) if inside else 0.0
        after = sum(w[5] for w in found) / len(found) if found else 0.0
        if found and after > before:
            drop.update(inside)
            base = len(words) + len(new_words)
            new_lines += [[base + k for k in line] for line in found_lines]
            new_words += found
    if not drop and not new_words:
        return words, lines
    words = words + new_words
    lines = lines + new_lines
    keep = [k for k in range(len(words)) if k not in drop]
    index = {k: n for n, k in enumerate(keep)}
    return [words[k] for k in keep], [[index[k] for k in line if k in index] for line in lines if any(k in index for k in line)]


def _glyph_clusters(ink: np.ndarray, height: float, settings: OcrSettings) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, top, x1, bottom) of the runs of glyph-sized ink blobs side by side on one line: blobs as tall as
    `lone_glyph_height` of the page's words and no wider than `lone_glyph_width` of that, at most
    `lone_glyph_gap` apart."""
    n, _labels, stats = components(ink)
    blobs = sorted((int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _area in stats[1:n]
                   if settings.lone_glyph_height[0] * height <= h <= settings.lone_glyph_height[1] * height
                   and w <= settings.lone_glyph_width * height)
    clusters: list[list[int]] = []
    for x0, top, x1, bottom in blobs:
        last = clusters[-1] if clusters else None
        if last and x0 - last[2] <= settings.lone_glyph_gap * height \
                and min(bottom, last[3]) - max(top, last[1]) > 0.5 * min(bottom - top, last[3] - last[1]):
            last[:] = [last[0], min(last[1], top), max(last[2], x1), max(last[3], bottom)]
        else:
            clusters.append([x0, top, x1, bottom])
    return [(a, b, c, d) for a, b, c, d in clusters]


def read_lone_figures(image: np.ndarray, plain: np.ndarray, words: list[tuple], lines: list[list[int]],
                      settings: OcrSettings = SETTINGS) -> tuple[list[tuple], list[list[int]]]:
    """Figures standing alone that the page's reading skipped: a row's number in its own column ("2", "3"), a
    short value in a wide column ("84"). Tesseract's layout analysis drops a lone short mark as noise. The ink no
    word covers is gathered into glyph-sized runs (`_glyph_clusters`), each standing clear of the words of its
    line (`lone_glyph_clearance`), and read twice: by the page's model as one word and by the number reading
    (`reread_number`); a run is a figure when both read the same number, surely (`lone_figure_sure`). In and out:
    words and lines as `read_words` gives them (pixels), the figures added as words of their own lines."""
    if not words:
        return words, lines
    import tesserocr

    height = float(np.median([w[4] - w[2] for w in words]))
    ink = (image < 128).astype(np.uint8) * 255
    pad = max(2, round(0.2 * height))
    for _text, x0, top, x1, bottom, _conf in words:
        ink[max(0, top - pad):bottom + pad, max(0, x0 - pad):x1 + pad] = 0
    found: list[tuple] = []
    for x0, top, x1, bottom in _glyph_clusters(ink, height, settings)[:settings.lone_glyph_max]:
        if any(min(bottom, w[4]) > max(top, w[2]) and (w[1] - x1 < settings.lone_glyph_clearance * height
                                                       and x0 - w[3] < settings.lone_glyph_clearance * height)
               for w in words):
            continue  # beside a word of its line: a piece of it, not a figure of its own
        crop = cv2.copyMakeBorder(image[top:bottom, x0:x1], 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
        api = api_for(settings)
        api.SetPageSegMode(tesserocr.PSM.SINGLE_WORD)
        api.SetVariable("tessedit_char_whitelist", "")
        _data = set_image(api, crop, settings)
        first = (api.GetUTF8Text() or "").strip()
        if not re.fullmatch(r"\d+(?:[.,]\d+)*%?", first) or api.MeanTextConf() < settings.lone_figure_sure:
            continue
        second = reread_number(plain, (x0, top, x1, bottom), settings)
        if second is None or second[0] != first or second[1] < settings.lone_figure_sure:
            continue
        found.append((first, x0, top, x1, bottom, float(second[1])))
    if not found:
        return words, lines
    return words + found, lines + [[len(words) + k] for k in range(len(found))]


def reread_number(image: np.ndarray, box: tuple[int, int, int, int], settings: OcrSettings = SETTINGS,
                  graded: bool = False):
    """A number's second reading: its box cut out of the grey page with a white margin, read as
    one line with the digit whitelist by the English model (which knows "%", where the Indonesian
    one reads "96"). A reading less sure than `number_sure` is tried again on the crop enlarged
    (`number_scales`: small print, an 8-pt "100%", is read better larger) and the surest reading
    wins; a reading still unsure is tried once more on the crop thresholded as a whole
    (`number_global_threshold`), which wins when surer and printing the same separators. `graded`: the number carries a grade ("73,44 (BB)"), whose letters
    the whitelist then admits. Out: (text, confidence) or None when no reading is a number."""
    x0, top, x1, bottom = box
    pad = settings.number_pad_px
    h, w = image.shape
    crop = image[max(0, top - pad):min(h, bottom + pad), max(0, x0 - pad):min(w, x1 + pad)]
    if crop.size == 0:
        return None
    best = None
    for scale in settings.number_scales:
        found = _read_number(crop, scale, settings, graded)
        if found and (best is None or found[1] > best[1]):
            best = found
        if best and best[1] >= settings.number_sure:
            return best
    if settings.number_global_threshold:
        _, ink_split = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        found = _read_number(ink_split, 1.0, settings, graded)
        if found and (best is None or found[1] > best[1] and _separators(found[0]) == _separators(best[0])):
            best = found
    return best


def _separators(text: str) -> str:
    """The points and commas of a number, in order ("1.234,5" -> ".,")."""
    return re.sub(r"[^.,]", "", text)


def _read_number(crop: np.ndarray, scale: float, settings: OcrSettings, graded: bool):
    """One whitelist reading of a number's crop at `scale`: (text, confidence) or None."""
    import tesserocr

    if scale != 1:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    pad = settings.number_pad_px
    crop = cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    api = api_for(settings, settings.number_language)
    api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
    api.SetVariable("tessedit_char_whitelist", settings.number_whitelist + (GRADE_LETTERS if graded else ""))
    _data = set_image(api, crop, settings)
    text = (api.GetUTF8Text() or "").strip().replace(" ", "")
    conf = float(api.MeanTextConf())
    if conf < settings.min_number_confidence:
        return None  # Tesseract gives no confidence in what it read
    if graded:
        m = re.fullmatch(r"(\d[\d.,]*)\(?([A-E]{1,2})\)?", text)
        return (f"{m.group(1)} ({m.group(2)})", conf) if m else None
    if text in ("%", "(%)") and conf >= settings.percent_confidence:
        return text, conf
    text = text.rstrip(".,") if re.search(r"\d%[.,]$", text) else text  # a speck after a percent sign
    if not re.search(r"\d", text) or not re.fullmatch(r"[(\-]?\d[\d.,]*%?\)?", text):
        return None
    return text, conf


# A figure with its grade in brackets ("73,44 (BB)": an AKIP score and its letter grade AA … D).
GRADED_RE = re.compile(r"^\d[\d.,]*\s*\(([A-E]{1,2})\)$")
GRADE_LETTERS = "ABCDE"
# A short word the whitelist reads as a whole percentage ("To" for "7%"): letters make no "%".
PERCENT_RE = re.compile(r"\d{1,3}(?:[.,]\d+)?%")


RULE_GLYPHS = "|!lI1[]/()"


def rule_remnants_off(text: str, box: tuple[int, int, int, int], vertical, thickness_px: float) -> str:
    """A word's text without what is left of a ruled line: bars at its ends ("|publik"), and the
    whole word when it is one bar-like glyph standing on a vertical rule."""
    text = text.strip("|")
    x0, top, x1, bottom = box
    mid = (top + bottom) / 2
    if len(text) <= 1 and (not text or text in RULE_GLYPHS) and any(
            x0 - thickness_px <= x <= x1 + thickness_px and a <= mid <= b for a, b, x in vertical):
        return ""
    return text


def second_reading_fits(first: str, second: str, confidence: float = 0.0, settings: OcrSettings = SETTINGS) -> bool:
    """The whitelist reading may replace the first one: a short word ("B", "db") only by a lone
    "%", or by a whole percentage read surely ("To" read again "7%": letters make no "%"), never by
    a bare number; a number with a grade ("73,44 (BB)") only by a reading with the same digits and
    grade; a number with words not at all (the whitelist has no letters); and no separator may get
    lost ("25.544.341.550" read as "25544341.550")."""
    if re.fullmatch(r"\(\w{1,2}\)", first):
        return second == "(%)"
    if not re.match(r"^\W?\d", first):
        return second == "%" or bool(PERCENT_RE.fullmatch(second)) and confidence >= settings.percent_confidence
    graded = re.match(r"^(\d[\d.,]*)\s*\(([A-E]{1,2})\)$", first)
    if graded:
        again = GRADED_RE.match(second)
        return again is not None and again.group(1) == graded.group(2) and re.sub(r"\D", "", second) == re.sub(r"\D", "", first)
    if re.search(r"\([A-Za-z]", first) or sum(ch.isalpha() for ch in first) >= 3:
        return False
    return len(re.findall(r"[.,]", second)) >= len(re.findall(r"[.,]", first.rstrip(".,;:")))


def _fix_number(whole: str, second: str) -> str:
    """Keep the whole-page reading's trailing punctuation and brackets the whitelist read may drop."""
    tail = whole[len(whole.rstrip(".,;:")):]
    return second + tail if tail and not second.endswith(tail) and tail in ";:" else second


BULLET = "•"
NOT_BULLETS = "-–.,0123456789"  # a dash is a list mark already; points and digits are text


def bullet_marks(words: list[tuple], settings: OcrSettings = SETTINGS) -> set[int]:
    """The words that are a list's bullet ("•"), which Tesseract reads as "e", "#", "«" or drops as a
    speck: one glyph right before a word on its line, markedly smaller than that word's letters,
    and floating above its baseline (a letter, even a lone "e", stands on the baseline).
    In: words as `read_words` gives them (pixels). Out: their indexes."""
    out = set()
    for k, (text, x0, top, x1, bottom, _conf) in enumerate(words):
        if len(text) != 1 or text in NOT_BULLETS:
            continue
        height, width = bottom - top, x1 - x0
        for other in words:
            o_text, o_x0, o_top, o_x1, o_bottom, _ = other
            o_height = o_bottom - o_top
            if (len(o_text) < 2 or not o_text[0].isalpha() or not 0 < o_x0 - x1 <= settings.bullet_gap * max(height, width)
                    or not o_top <= (top + bottom) / 2 <= o_bottom):
                continue
            if (height <= settings.bullet_size * o_height and width <= settings.bullet_size * o_height
                    and bottom <= o_bottom - settings.bullet_lift * o_height):
                out.add(k)
            break
    return out


def ocr_image(grey: np.ndarray, width_pt: float, height_pt: float, number: int,
              settings: OcrSettings = SETTINGS) -> OcrResult:
    """In: a page's grey image and its size in points. Out: the page's `OcrResult`."""
    start = time.perf_counter()
    turn = page_turn(grey, settings)
    if turn is not None:  # read upright; its words are placed on the page turned upright, as text-layer pages are
        grey = cv2.rotate(grey, turn)
        width_pt, height_pt = height_pt, width_pt
    result = _read_page(grey, width_pt, height_pt, number, settings)
    if turn is None and upside_down(grey, result, settings):  # read again turned, kept when read more surely
        again = _read_page(cv2.rotate(grey, cv2.ROTATE_180), width_pt, height_pt, number, settings)
        if _median_confidence(again) > _median_confidence(result):
            result = again
    result.seconds = round(time.perf_counter() - start, 3)
    result.turn = turn
    return result


def _median_confidence(result: OcrResult) -> float:
    return statistics.median(w.confidence for w in result.words) if result.words else 0.0


def upside_down(grey: np.ndarray, result: OcrResult, settings: OcrSettings = SETTINGS) -> bool:
    """In: an upright or upside-down page (not sideways: `page_turn`) and its reading. Out: True when it was
    read unsurely (median word confidence below `upside_down_below`) and Tesseract's orientation detection,
    asked then only, finds it upside down. A page scanned upside down reads as junk without being sideways,
    so `page_turn`'s profiles do not tell it; asking every page would cost a detection (0,3-0,7 s) each."""
    if not result.words or _median_confidence(result) >= settings.upside_down_below:
        return False
    half = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    found = _orientation(half, settings)
    return found is not None and found[0] == UPSIDE_DOWN_DEGREES


def _read_page(grey: np.ndarray, width_pt: float, height_pt: float, number: int,
               settings: OcrSettings = SETTINGS) -> OcrResult:
    """A page's reading, the page as it lies (its turn settled)."""
    start = time.perf_counter()
    angle = skew_angle(grey, settings)
    grey = rotate(grey, angle, 255)
    if settings.dark_cells:
        grey = dark_and_light_cells(grey, settings.dpi)
    else:
        grey = invert_dark_fills(grey, settings)
    ink = binarize(grey, settings)
    h_px, w_px = ink.shape
    sx, sy = width_pt / w_px, height_pt / h_px
    rules, horizontal, vertical = find_rules(ink, 1 / sx, settings)
    clean = text_image(ink, rules)
    plain = grey.copy()  # the grey page without its rules, for second readings
    plain[cv2.dilate(rules, np.ones((5, 5), np.uint8)) > 0] = 255
    raw_words, lines = read_words(clean, settings)
    boxes = [(int(a / sx), int(t / sy), int(b / sx), int(u / sy)) for a, t, b, u in cell_boxes(
        [(a * sx, b * sx, y * sy) for a, b, y in horizontal], [(a * sy, b * sy, x * sx) for a, b, x in vertical])]
    raw_words, lines = reread_cells(clean, raw_words, lines, boxes, settings)
    raw_words, lines = read_lone_figures(clean, plain, raw_words, lines, settings)
    words: list[OcrWord] = []
    pixel_boxes: list[tuple[str, tuple[int, int, int, int]]] = []  # the kept words in pixels, for their cells
    bare_numbers: dict[int, tuple[str, float]] = {}  # a short word's number reading it did not let replace it
    kept: dict = {}
    bullets = bullet_marks(raw_words, settings)
    for k, (text, x0, top, x1, bottom, conf) in enumerate(raw_words):
        if k in bullets:  # a list's bullet, whatever glyph Tesseract took it for
            kept[k] = len(words)
            words.append(OcrWord(BULLET, x0 * sx, x1 * sx, top * sy, bottom * sy, round(conf, 1)))
            pixel_boxes.append((BULLET, (x0, top, x1, bottom)))
            continue
        text = rule_remnants_off(text, (x0, top, x1, bottom), vertical, settings.rule_remnant_reach_pt / sx)
        text = re.sub(r"^[“”\"'‘’`]+(?=\d)", "", text)  # a speck before a number read as a quote
        again = None
        rejected = None
        if looks_numeric(text):
            again = reread_number(plain, (x0, top, x1, bottom), settings, graded=bool(GRADED_RE.match(text)))
            if again and not second_reading_fits(text, again[0], again[1], settings):
                rejected = again if text.isalpha() else None
                again = None
            if again:
                second = _fix_number(text, again[0])
                if second == text or GRADED_RE.match(text):  # agreeing readings (a grade's: the same digits): the surer
                    conf = max(conf, again[1])
                else:
                    conf = again[1]
                text = second
        if again is None and conf < (settings.min_glyph_confidence if len(text) == 1 else settings.min_word_confidence):
            continue  # specks read as letters (a number read again as one is kept, with its confidence)
        if text:
            kept[k] = len(words)
            if rejected:
                bare_numbers[len(words)] = rejected
            words.append(OcrWord(text, x0 * sx, x1 * sx, top * sy, bottom * sy, round(conf, 1)))
            pixel_boxes.append((text, (x0, top, x1, bottom)))
    for at, figure in figures_in_figure_columns(pixel_boxes, bare_numbers, boxes).items():
        words[at].text, words[at].confidence = figure, round(bare_numbers[at][1], 1)
    lines = [[kept[k] for k in line if k in kept] for line in lines]
    return OcrResult(number, width_pt, height_pt, words, [line for line in lines if line],
                     [(a * sx, b * sx, y * sy) for a, b, y in horizontal],
                     [(a * sy, b * sy, x * sx) for a, b, x in vertical],
                     skew_degrees=angle, seconds=round(time.perf_counter() - start, 3))


def ocr_pdf_page(path: str, index: int, settings: OcrSettings = SETTINGS, password: str = "") -> OcrResult:
    """In: a PDF and a 0-based page index. Out: that page read by OCR."""
    grey, width, height = page_for_ocr(path, index, settings, password)
    return ocr_image(grey, width, height, index + 1, settings)


def scan_dpi(path: str, index: int, settings: OcrSettings = SETTINGS, password: str = "") -> float | None:
    """The resolution of the scan a page holds (`_scan_dpi`), or None for a page without one."""
    with _pdf_page(path, index, password) as page:
        return _scan_dpi(page, settings)


def _scan_dpi(page, settings: OcrSettings) -> float | None:
    """The pixels per inch of an open page's largest image, when that image covers at least
    `scan_image_share` of the page (rotation aside); None for a page without one."""
    scan = _scan_image(page, settings)
    return scan[1] if scan else None


def _scan_image(page, settings: OcrSettings) -> tuple[Any, float] | None:
    """An open page's largest image and its pixels per inch, when it covers at least `scan_image_share`
    of the page (rotation aside); None for a page without one."""
    from extractors.ocr_page import bounds_on_page, image_objects

    page_width, page_height = page.get_size()
    best: tuple[float, float, Any] | None = None  # (area in pt², dpi, image)
    for image in image_objects(page):
        left, bottom, right, top = bounds_on_page(image)
        pixels = max(image.get_px_size())
        area = (right - left) * (top - bottom)
        if pixels and area >= settings.scan_image_share * page_width * page_height and (best is None or area > best[0]):
            best = (area, pixels / (max(right - left, top - bottom) / 72), image)
    return (best[2], best[1]) if best else None


def _jpeg_quality_of(image) -> int | None:
    """The JPEG quality of a pdfium image object stored as DCTDecode (`jpeg_quality`), else None."""
    try:
        if "DCTDecode" not in image.get_filters():
            return None
        return jpeg_quality(bytes(image.get_data(decode_simple=False)))
    except Exception:  # a damaged stream: treated as no JPEG, the page is read as rendered
        return None


def smooth_enlarged_pixels(grey: np.ndarray, enlargement: float, settings: OcrSettings = SETTINGS,
                           quality: int | None = None) -> np.ndarray:
    """A page rendered more than `smooth_enlarged_above` times its scan's own resolution, or more than
    `lossy_enlarged_above` times when its scan is a JPEG of quality below `lossy_quality_below`, smoothed by
    `smooth_per_enlargement` of the enlargement (see the settings); any other page as it is."""
    lossy = quality is not None and quality < settings.lossy_quality_below
    if enlargement <= (settings.lossy_enlarged_above if lossy else settings.smooth_enlarged_above):
        return grey
    return cv2.GaussianBlur(grey, (0, 0), settings.smooth_per_enlargement * enlargement)


def engine_available() -> bool:
    """Tesseract (through tesserocr) and the Indonesian model are installed."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return tessdata_dir() is not None
