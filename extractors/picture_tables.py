"""Tables printed as pictures inside pages that have a text layer (a screenshot of a spreadsheet, a
scanned Perjanjian Kinerja pasted into a Word report): where they are, and which of their OCR tables
to keep.

In:  a PDF path (for `picture_regions`); a page's OCR tables and its picture regions (for `keep_picture_tables`).
Out: per page, the regions (x0, top, x1, bottom in PDF points) of images that could hold a table:
     large, with no text-layer characters over them (the text is in the pixels), and paper-coloured
     (mostly light, as a printed page is; a photo or a cover picture is not). The OCR tables kept are
     those that lie in such a region and print figures in at least two rows.

A page whose text layer is missing or garbage is a scan and read by OCR as a whole (`ocr_page`);
this is for the pages whose words are real but whose table is a picture. Diagrams pass the region
test too (an organisation chart is paper-coloured): those whose pixels show separate boxes joined by
connectors, or a bar chart, are left out before OCR (`picture_kind`, `tables_may_lie_in`); the others'
OCR gives no rows of figures and is dropped. A picture whose print is too small for its figures to be read
is named as unread without OCR (`picture_print`, `plan_pictures`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from extractors.figure_forms import figures_among_words, figures_of, unsure_figures
from pipeline.models import RawTable

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, top-based


@dataclass(frozen=True)
class PictureRegion:
    """An image that may hold a table: where it lies, and its own pixels per PDF point (how finely
    the picture was made, whatever resolution the page is rendered at for OCR)."""
    box: Box
    px_per_pt: float
    px_size: tuple[int, int] = (0, 0)  # the image's own width and height in pixels


@dataclass(frozen=True)
class PictureSettings:
    # A table of three rows across the text width covers about a tenth of an A4 page; logos and stamps
    # are smaller (photos, larger or not, fail the paper test below).
    min_share: float = 0.08
    # Text-layer characters over the image: a caption or page number laid on it is fewer than this;
    # an image under a real text layer (a scanned page with its own OCR layer) has many more.
    max_text_chars: int = 20
    # Render resolution for the paper test: enough to tell a light page from a photograph.
    render_dpi: int = 36
    # A pixel lighter than this (0-255) is paper; a printed page is mostly paper, >= `min_light_share`
    # of the region (measured: tables and diagrams 0.63-0.98, covers and photographs 0.02-0.49).
    light_level: int = 200
    min_light_share: float = 0.6
    # The same image (by its pixel size) on at least this share of the pages (and on 3 pages or more) is
    # the page's decoration (a letterhead, a background drawing), not a table.
    decoration_share: float = 0.5
    # An OCR table is kept when at least this many of its rows print a figure (a cell that is a number)
    # beside their first cell, and its figures take at least `min_distinct_figures` values: an
    # organisation chart's repeated icons read as "4" are not a table of values.
    min_figure_rows: int = 2
    min_distinct_figures: int = 2
    # Figures printed smaller than this many of the picture's own pixels are not read: Tesseract needs
    # an x-height of about 10 px to read reliably (a digit is ~1.4 x-heights), and rendering the page
    # finer adds no detail to the picture. Measured: screenshots of 5.5-pt figures at 150 dpi (11 px)
    # gave "42. 180.0" for 42.180,0 and "629,040,0" for 629.040,0; a scanned page at 200 dpi (21 px)
    # read clean.
    min_digit_px: float = 14.0
    # Figures between this many pixels and `min_digit_px` are read when the table's figures prove the reading:
    # at most `max_unsure_figures` of them out of form, of the minority convention (`figure_forms`) or read with
    # a confidence under `sure_confidence`. Measured:
    # tables pasted from spreadsheets at screen resolution (figures 11-13 px) read whole but for a space after a
    # comma (one figure in 20-25); screenshots of 5.5-pt figures at 150 dpi (10-12.5 px) broke the form of 4-40 %
    # of their figures, a few of their small tables none or one. Under 10 px even well-formed figures are misread
    # ("S1" for 81).
    min_small_digit_px: float = 10.0
    # A picture coarse enough to be re-enlarged from its own pixels before OCR (`picture_pixels`: coarser than 86
    # dpi, a spreadsheet range fitted down to the page) is read down to figures this tall, when in form as above:
    # its letters were drawn large and shrunk, so they keep their shapes, and re-enlarged they read whole.
    # Measured: ranges fitted to 62-70 dpi (figures 8.7-9.8 px) read every figure right re-enlarged; pdfium's
    # rendering read "Ta" for "%" and "T1,IH" for "71,18". (A screenshot of 7.5-pt print at 96 dpi, figures 8-9 px,
    # is no coarse picture: its hinted glyphs misread in form, "9" for "91", and it stays unread.)
    min_coarse_digit_px: float = 7.0
    # and only with every figure sure: a generated range at 66 dpi read "8,00" for "80,00" in form, at confidence 58.
    max_coarse_unsure_figures: int = 0
    max_unsure_figures: int = 1
    max_unsure_share: float = 0.02
    # A figure Tesseract read with less confidence than this (0-100) is unsure: its clean reads of small print
    # score 85-97, its misreads of thin or blurred figures 26-79.
    sure_confidence: float = 80.0
    # Images drawn edge to edge are pieces of one picture when no more than this many points lie between them
    # (strips and tiles meet exactly; the pictures a report places one after another stand a line apart).
    piece_gap_pt: float = 1.0


SETTINGS = PictureSettings()
FIGURE = re.compile(r"\d")
NUMBER_CELL = re.compile(r"^[(<>≤≥±+−-]?\s*\d[\d.,\s]*%?\)?$")  # "1.250", "96,33%", "(12)", "< 11"


def _images(page, settings: PictureSettings) -> list[PictureRegion]:
    """Large images of the page, as top-based boxes with their resolution: each image object where it lies on the
    page (`ocr_page.bounds_on_page`), those drawn as pieces of one picture joined first (`_joined_pieces`)."""
    from extractors.ocr_page import bounds_on_page, image_objects

    width, height = page.get_size()
    pieces = []
    for obj in image_objects(page):
        left, bottom, right, top = bounds_on_page(obj)
        if right - left < 1.0 or top - bottom < 1.0:
            continue
        px_wide, px_high = obj.get_px_size()
        box = (max(0.0, left), max(0.0, height - top), min(width, right), min(height, height - bottom))
        pieces.append(PictureRegion(box, px_wide / max(right - left, 1.0), (px_wide, px_high)))
    return [r for r in _joined_pieces(pieces, settings)
            if (r.box[2] - r.box[0]) * (r.box[3] - r.box[1]) >= settings.min_share * width * height]


def _abut(a: Box, b: Box, settings: PictureSettings) -> bool:
    """Two boxes side by side or one above the other, edge to edge (within `piece_gap_pt`), sharing that edge."""
    gap = settings.piece_gap_pt
    same_rows = abs(a[1] - b[1]) <= gap and abs(a[3] - b[3]) <= gap
    same_columns = abs(a[0] - b[0]) <= gap and abs(a[2] - b[2]) <= gap
    side_by_side = min(abs(a[2] - b[0]), abs(b[2] - a[0])) <= gap
    stacked = min(abs(a[3] - b[1]), abs(b[3] - a[1])) <= gap
    return same_rows and side_by_side or same_columns and stacked


def _joined_pieces(pieces: list[PictureRegion], settings: PictureSettings) -> list[PictureRegion]:
    """Images drawn edge to edge as the strips or tiles of one picture (PDF printers and exporters cut a large
    picture so, each piece a few per cent of the page) as one region: its box the pieces' box, its resolution the
    pieces' finest, its pixel size the box at that resolution. Pieces join when they abut (`_abut`), one joined
    box at a time, so a 2 x 3 grid of tiles becomes rows, then one picture."""
    regions = list(pieces)
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(regions):
            j = next((j for j in range(i + 1, len(regions)) if _abut(a.box, regions[j].box, settings)), None)
            if j is None:
                continue
            b = regions.pop(j)
            box = (min(a.box[0], b.box[0]), min(a.box[1], b.box[1]), max(a.box[2], b.box[2]), max(a.box[3], b.box[3]))
            px_per_pt = max(a.px_per_pt, b.px_per_pt)
            regions[i] = PictureRegion(box, px_per_pt, (round((box[2] - box[0]) * px_per_pt),
                                                        round((box[3] - box[1]) * px_per_pt)))
            joined = True
            break
    return regions


def _text_chars_over(textpage, box: Box, page_height: float) -> int:
    x0, top, x1, bottom = box
    return len(textpage.get_text_bounded(left=x0, bottom=page_height - bottom, right=x1, top=page_height - top).strip())


def _grey(page, settings: PictureSettings):
    """The page rendered in grey at `render_dpi` (once per page, for all its images)."""
    grey = page.render(scale=settings.render_dpi / 72, grayscale=True).to_numpy()
    return grey[..., 0] if grey.ndim == 3 else grey


def _light_share(grey, box: Box, settings: PictureSettings) -> float:
    scale = settings.render_dpi / 72
    x0, top, x1, bottom = box
    crop = grey[int(top * scale):int(bottom * scale), int(x0 * scale):int(x1 * scale)]
    return float((crop > settings.light_level).mean()) if crop.size else 0.0


def picture_regions(path: str, pages: set[int] | None = None, password: str = "",
                    settings: PictureSettings = SETTINGS) -> dict[int, list[PictureRegion]]:
    """1-based page -> the regions of its images that may be picture tables (pages without one left out)."""
    from extractors.ocr_page import each_page

    out: dict[int, list[PictureRegion]] = {}
    n_pages = 0
    for number, page in each_page(path, pages, password):
        n_pages += 1
        found = page_picture_regions(page, settings)
        if found:
            out[number] = found
    return tables_may_lie_in(path, without_decoration(out, n_pages, settings), password)


def page_picture_regions(page, settings: PictureSettings = SETTINGS) -> list[PictureRegion]:
    """In: an open pypdfium2 page. Out: the regions of its images that may be picture tables (large, bare of
    text-layer characters, paper-coloured), before the decoration repeated over the pages is taken out."""
    images = _images(page, settings)
    if not images:
        return []
    textpage = page.get_textpage()
    height = page.get_size()[1]
    bare = [r for r in images if _text_chars_over(textpage, r.box, height) < settings.max_text_chars]
    textpage.close()
    grey = _grey(page, settings) if bare else None
    return [r for r in bare if _light_share(grey, r.box, settings) >= settings.min_light_share]


def _place(region: PictureRegion) -> tuple[int, ...]:
    """The same image, by its pixel size (a template draws its decoration a few points apart and
    clipped differently from page to page; two different tables are rarely the same pixel size)."""
    return region.px_size


def without_decoration(found: dict[int, list[PictureRegion]], n_pages: int,
                       settings: PictureSettings = SETTINGS) -> dict[int, list[PictureRegion]]:
    """The regions less the images repeated on `decoration_share` of the pages (3 or more)."""
    pages_at: dict[tuple[int, ...], int] = {}
    for regions in found.values():
        for place in {_place(r) for r in regions}:
            pages_at[place] = pages_at.get(place, 0) + 1
    repeated = {p for p, n in pages_at.items() if n >= max(3, settings.decoration_share * n_pages)}
    kept = {page: [r for r in regions if _place(r) not in repeated] for page, regions in found.items()}
    return {page: regions for page, regions in kept.items() if regions}


def _grey_at(page, dpi: float):
    grey = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    return grey[..., 0] if grey.ndim == 3 else grey


@dataclass
class PicturePlan:
    """The text pages' pictures worth OCR (`regions`: page -> regions), and (page, height of the tall print in the
    picture's own pixels) of each picture left unread because its print is too small to read (`small_print`)."""
    regions: dict[int, list[PictureRegion]]
    small_print: list[tuple[int, float]] = field(default_factory=list)


def _may_hold_tables(path: str, found: dict[int, list[PictureRegion]],
                     password: str = "") -> Iterator[tuple[int, Any, list[PictureRegion]]]:
    """(page number, open pypdfium2 page, its regions) for each page, less the pictures whose pixels show a
    diagram of boxes and connectors, a chart or large lettering (`picture_kind`): no table of values lies in
    them."""
    from extractors.ocr_page import each_page
    from extractors.picture_kind import SETTINGS as KIND
    from extractors.picture_kind import PictureKind, picture_kind

    scale = KIND.render_dpi / 72
    for number, page in each_page(path, set(found), password):
        grey = _grey_at(page, KIND.render_dpi)
        yield number, page, [r for r in found[number]
                             if picture_kind(_crop(grey, r.box, scale)) is PictureKind.MAY_HOLD_TABLE]


def tables_may_lie_in(path: str, found: dict[int, list[PictureRegion]],
                      password: str = "") -> dict[int, list[PictureRegion]]:
    """The regions less the pictures whose pixels show a diagram of boxes and connectors or a chart
    (`picture_kind`), and the pages left with one."""
    return {number: regions for number, _, regions in _may_hold_tables(path, found, password) if regions}


def plan_pictures(path: str, found: dict[int, list[PictureRegion]], password: str = "",
                  settings: PictureSettings = SETTINGS) -> PicturePlan:
    """The regions worth OCR: those that may hold a table (`tables_may_lie_in`) less those whose print is too
    small to read (`picture_print`: OCR would only name their tables as unread, so they are named without
    it). A page left with no region is not OCRed."""
    from extractors.picture_print import render_scale, tall_print_px, too_small_to_read

    plan = PicturePlan({})
    for number, page, regions in _may_hold_tables(path, found, password):
        fine: dict[float, np.ndarray] = {}  # the page at each picture's own resolution, rendered once
        readable = []
        for region in regions:
            at = render_scale(region.px_per_pt)
            if at not in fine:
                fine[at] = _grey_at(page, at * 72)
            tall = tall_print_px(_crop(fine[at], region.box, at), at, region.px_per_pt)
            if too_small_to_read(tall, _small_print_floor(region, settings)):
                plan.small_print.append((number, tall or 0.0))
            else:
                readable.append(region)
        if readable:
            plan.regions[number] = readable
    return plan


def _small_print_floor(region: PictureRegion, settings: PictureSettings) -> float:
    """The least height of figures read when in form: `min_coarse_digit_px` for a picture re-enlarged before OCR
    (`picture_pixels.is_reenlarged`), else `min_small_digit_px`."""
    from extractors.ocr import SETTINGS as OCR
    from extractors.picture_pixels import is_reenlarged

    return settings.min_coarse_digit_px if is_reenlarged(region, OCR.dpi) else settings.min_small_digit_px


def _crop(grey: np.ndarray, box: Box, scale: float) -> np.ndarray:
    """The pixels of `box` (PDF points) of a page rendered at `scale` pixels per point."""
    return grey[int(box[1] * scale):int(box[3] * scale), int(box[0] * scale):int(box[2] * scale)]


def _turned_box(box: Box, turn: int, width: float, height: float) -> Box:
    """A box of a page `width` x `height` points where it lies once the page is turned a quarter by cv2's `turn`
    (`ocr.page_turn` turns a page no other way)."""
    import cv2

    x0, top, x1, bottom = box
    if turn == cv2.ROTATE_90_CLOCKWISE:  # (x, y) -> (height - y, x)
        return height - bottom, x0, height - top, x1
    if turn == cv2.ROTATE_90_COUNTERCLOCKWISE:  # (x, y) -> (y, width - x)
        return top, width - x1, bottom, width - x0
    return box


def regions_as_read(regions: list[PictureRegion], result) -> list[PictureRegion]:
    """The picture regions of a page where they lie on its OCR reading (`result`, an `OcrResult`): a page read
    turned (`OcrResult.turn`: a landscape picture turned a quarter on a portrait text page) has its words and
    tables on the page so turned, whose width is the page's height. Out: the regions turned the same way."""
    turn = getattr(result, "turn", None)
    if turn is None:
        return regions
    # the reading's size is the turned page's: the page's own is its height and width swapped
    return [replace(r, box=_turned_box(r.box, turn, result.height, result.width)) for r in regions]


def _region_of(table: RawTable, regions: list[PictureRegion]) -> PictureRegion | None:
    if table.bbox is None:
        return None
    cx, cy = (table.bbox[0] + table.bbox[2]) / 2, (table.bbox[1] + table.bbox[3]) / 2
    return next((r for r in regions if r.box[0] <= cx <= r.box[2] and r.box[1] <= cy <= r.box[3]), None)


def _figure_cells(row) -> list:
    """A row's cells that are numbers, beside its first cell."""
    return [c for c in row[1:] if c is not None and c.text and NUMBER_CELL.match(c.text.strip())]


def _number_cells(row) -> list[str]:
    """The texts of a row's cells that are numbers, beside its first cell (`_figure_cells`)."""
    return [c.text.strip() for c in _figure_cells(row)]


def _is_value_table(table: RawTable, settings: PictureSettings) -> bool:
    rows = [_number_cells(row) for row in table.header + table.body]
    figures = {number for cells in rows for text in cells for number in text.split()}
    return sum(1 for cells in rows if cells) >= settings.min_figure_rows and len(figures) >= settings.min_distinct_figures


def _read_whole(table: RawTable, settings: PictureSettings, coarse: bool = False) -> bool:
    """At most `max_unsure_figures` (or `max_unsure_share` of them, in a large table) of the table's figures out
    of form or of its minority convention (`figure_forms.unsure_figures`), or read with a confidence under
    `sure_confidence`; at most `max_coarse_unsure_figures` in a picture re-enlarged before OCR (`coarse`), with each
    text cell holding an amount beside its words (`figure_forms.figures_among_words`: a column not parted) unsure
    too."""
    cells = [c for row in table.header + table.body for c in _figure_cells(row)]
    unsure = unsure_figures(figures_of([c.text.strip() for c in cells]))
    unsure += sum(1 for c in cells if c.ocr_confidence is not None and c.ocr_confidence < settings.sure_confidence)
    if coarse:
        texts = [c.text for row in table.header + table.body for c in row if c is not None and c.text]
        return unsure + figures_among_words(texts) <= settings.max_coarse_unsure_figures
    return unsure <= max(settings.max_unsure_figures, settings.max_unsure_share * len(cells))


def digit_height_px(table: RawTable, words, region: PictureRegion) -> float:
    """The median height of the words with a figure inside the table, in the picture's own pixels
    (`words`: the OCR page's words, each with x0, x1, top, bottom in PDF points)."""
    x0, top, x1, bottom = table.bbox or region.box
    heights = sorted(w.bottom - w.top for w in words
                     if FIGURE.search(w.text) and x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom)
    return heights[len(heights) // 2] * region.px_per_pt if heights else 0.0


@dataclass
class PictureReading:
    """What OCR made of a page's pictures: the tables kept, and (page, digit height in px) of each
    table left unread because its figures are too small."""
    tables: list[RawTable]
    unread: list[tuple[int, float]]
    narrative: list[tuple[float, float, str]] = field(default_factory=list)  # (top, bottom, text) outside the tables


def keep_picture_tables(ocr_tables: list[RawTable], words, regions: list[PictureRegion], page: int,
                        settings: PictureSettings = SETTINGS) -> PictureReading:
    """The OCR tables that lie in a picture region, print figures in `min_figure_rows` rows or more,
    and print them large enough in the picture to be read (`min_digit_px`); those too small are
    listed in `unread` (the report says so rather than storing misread figures). Figures a little smaller
    (`min_small_digit_px`) are read when their forms prove the reading (`_read_whole`); in a picture re-enlarged
    before OCR down to `min_coarse_digit_px`, every figure sure."""
    reading = PictureReading([], [], [])
    for table in ocr_tables:
        region = _region_of(table, regions)
        if region is None or not _is_value_table(table, settings):
            continue
        height = digit_height_px(table, words, region)
        floor = _small_print_floor(region, settings)
        if height < settings.min_digit_px and not (height >= floor and _read_whole(
                table, settings, coarse=height < settings.min_small_digit_px)):
            reading.unread.append((page, height))
        else:
            reading.tables.append(table)
    return reading


def unread_summary(unread: list[tuple[int, float]], settings: PictureSettings = SETTINGS) -> str | None:
    """One sentence for the run's output on the picture tables left unread, or None."""
    return _unread_sentence("table(s) printed as pictures", "their figures are", unread,
                            f"at least {settings.min_digit_px:.0f} px, or {settings.min_small_digit_px:.0f} px with "
                            "their figures in form")


def small_print_summary(small_print: list[tuple[int, float]], settings: PictureSettings = SETTINGS) -> str | None:
    """One sentence for the run's output on the pictures not OCRed because their print is too small, or None."""
    return _unread_sentence("picture(s)", "their tallest print is", small_print,
                            f"at least {settings.min_small_digit_px:.0f} px", "for figures ")


def _unread_sentence(what: str, measured: str, entries: list[tuple[int, float]], needed: str,
                     small_for: str = "") -> str | None:
    """'N <what> on page(s) … not read: <measured> a-b px tall in the picture, too small <small_for>to read
    reliably (<needed>)', or None for no entries ((page, height in px) each)."""
    if not entries:
        return None
    pages = sorted({page for page, _ in entries})
    where = f"page {pages[0]}" if len(pages) == 1 else f"{len(pages)} pages ({pages[0]}-{pages[-1]})"
    low, high = min(h for _, h in entries), max(h for _, h in entries)
    return (f"{len(entries)} {what} on {where} not read: {measured} {low:.0f}-{high:.0f} px tall in the picture, "
            f"too small {small_for}to read reliably ({needed})")
