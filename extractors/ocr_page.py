"""Which pages need OCR, and an OCR reading as a `PageText` the table readers understand.

In:  a PDF path (for `pages_needing_ocr`); an `OcrResult` (for `OcrPage`).
Out: the 1-based numbers of the pages whose text layer cannot be read (decided per page,
     from pypdfium2's text and its image, text and path objects); an `OcrPage` with words (each with its OCR
     confidence), text lines, horizontal and vertical rule segments in PDF points.

A page is OCRed when its text layer cannot be read (`layer_trust`): a scan (an image covers most of it)
whose layer holds no usable words (none, or glyphs that are not words: OCR junk) or is an invisible OCR
layer; a page whose layer reads as no language (a broken font map); a page whose text is drawn as glyph
outlines. An ordinary born-digital page never is: its text reads as words.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractors.layer_trust import Layer, layer_verdict
from extractors.ocr import OcrResult
from extractors.page_source import Line, PageText, Segment, Word


@dataclass(frozen=True)
class PagePlanSettings:
    min_image_share: float = 0.5  # a scan's image covers the page; a logo or a photo in a report does not
    min_text_chars: int = 20  # fewer characters than this on a scanned page are a page number or a stamp
    min_word_share: float = 0.5  # a text layer where fewer of its characters sit in real words is garbage
    size_step: float = 0.5  # OCR word heights are rounded to this (points), so one line has one size
    heading_factor: float = 1.3  # a line this much taller than the page's usual line is a heading
    # a line this much shorter than the page's usual line is small print (a table's 8 pt under 10,5 pt prose:
    # 0,76), and keeps its own size, so a caption in the prose's size stands apart from the table under it
    small_print_factor: float = 0.85


PLAN = PagePlanSettings()
WORD_RE = re.compile(r"^[(\"'“]?([A-Za-z][a-z]+|[A-Z]{2,}|[A-Za-z]|[\d.,%/:-]+)[)\"'”.,;:!?]*$")
VOWEL_RE = re.compile(r"[aeiouAEIOU]")


def is_garbage_text(text: str, settings: PagePlanSettings = PLAN) -> bool:
    """True when the text is not words: fewer than `min_word_share` of its characters are in
    tokens that look like words (letters with a vowel, capitals, numbers)."""
    tokens = text.split()
    total = sum(len(t) for t in tokens)
    if total < settings.min_text_chars:
        return True
    good = sum(len(t) for t in tokens if WORD_RE.match(t) and (VOWEL_RE.search(t) or not t[0].isalpha()
                                                               or len(t) <= 3))
    return good < settings.min_word_share * total


# How deep image objects are looked for inside form XObjects (pypdfium2's `max_depth`): on the page and in
# forms drawn on it, where a scan or a pasted picture lies.
IMAGE_DEPTH = 2


def image_objects(page, max_depth: int = IMAGE_DEPTH, form=None, level: int = 0) -> Iterator[Any]:
    """In: an open pypdfium2 page. Out: its image objects, those inside form XObjects down to `max_depth`
    levels too: what `page.get_objects(filter=[FPDF_PAGEOBJ_IMAGE], max_depth=max_depth)` yields, in its
    order, with the same errors. Only the images and forms are made Python objects (pypdfium2 makes one of
    every path and text object of the page before filtering them: most of a text page's planning time)."""
    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError, PdfObject

    if form is None:
        count, get, parent = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page
    else:
        count, get, parent = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, form
    n_objects = count(parent)
    if n_objects < 0:
        raise PdfiumError("Failed to get number of pageobjects.")
    for i in range(n_objects):
        raw = get(parent, i)
        if not raw:
            raise PdfiumError("Failed to get pageobject.")
        kind = pdfium_c.FPDFPageObj_GetType(raw)
        if kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
            raise PdfiumError("Failed to determine pageobject type")
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            yield PdfObject(raw, page=page, pdf=page.pdf, container=form, level=level)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
            inner = PdfObject(raw, page=page, pdf=page.pdf, container=form, level=level)
            yield from image_objects(page, max_depth, inner, level + 1)


def bounds_on_page(obj) -> tuple[float, float, float, float]:
    """In: a pypdfium2 page object, perhaps inside form XObjects. Out: its box on the page (left, bottom, right,
    top in PDF points). pdfium gives an object's bounds in the space of the form holding it: an image a form draws
    at unit size and the form scales on placement (as some exporters and scanners wrap a page's picture) would
    measure a point square. Each form's matrix, innermost first, takes the box's corners to the page."""
    left, bottom, right, top = obj.get_bounds()
    corners = [(left, bottom), (left, top), (right, bottom), (right, top)]
    form = obj.container
    while form is not None:
        matrix = form.get_matrix()
        corners = [matrix.on_point(x, y) for x, y in corners]
        form = form.container
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _image_share(page) -> float:
    """The largest share of the page one image object covers."""
    width, height = page.get_size()
    best = 0.0
    for obj in image_objects(page):
        left, bottom, right, top = bounds_on_page(obj)
        best = max(best, (right - left) * (top - bottom) / max(width * height, 1.0))
    return best


def each_page(path: str, pages: set[int] | None = None, password: str = "") -> Iterator[tuple[int, Any]]:
    """(1-based number, pypdfium2 page) for the PDF's pages (only `pages` when given); each page is
    closed once the caller moves on, the document at the end."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path, password=password or None)
    try:
        for index in range(len(pdf)):
            if pages is not None and index + 1 not in pages:
                continue
            page = pdf[index]
            try:
                yield index + 1, page
            finally:
                page.close()
    finally:
        pdf.close()


def pages_needing_ocr(path: str, pages: set[int] | None = None, password: str = "",
                      settings: PagePlanSettings = PLAN) -> list[int]:
    """In: a PDF path. Out: the 1-based numbers of its pages to OCR (scanned pages whose text
    layer is missing or garbage)."""
    return [number for number, page in each_page(path, pages, password) if needs_ocr(page, settings)]


def needs_ocr(page, settings: PagePlanSettings = PLAN) -> bool:
    """In: an open pypdfium2 page. Out: True when its text layer cannot be read (`layer_trust.layer_verdict`):
    a scan whose layer is missing, garbage or an invisible OCR layer; a text layer that reads as no language;
    text drawn as glyph outlines."""
    return page_layer(page, settings) is not Layer.TRUSTED


def page_layer(page, settings: PagePlanSettings = PLAN) -> Layer:
    """The verdict on an open page's text layer (`layer_trust.Layer`)."""
    return layer_verdict(page, _image_share(page), lambda text: is_garbage_text(text, settings))


def _sizes(result: OcrResult, settings: PagePlanSettings) -> list[float]:
    """A font size per word: its line's height (the median of its words' heights: one box OCR drew over two
    lines, "N" over "o" read "oz", does not make the line a heading), and the page's usual line height for
    every line neither clearly taller nor clearly shorter (OCR boxes jitter; the table readers compare sizes
    to tell headings and captions from a table's print)."""
    sizes = [w.bottom - w.top for w in result.words]
    line_heights = [statistics.median(sizes[i] for i in line) for line in result.lines if line]
    usual = statistics.median(line_heights) if line_heights else 10.0
    out = [usual] * len(result.words)
    for line in result.lines:
        if not line:
            continue
        height = statistics.median(sizes[i] for i in line)
        own = height > usual * settings.heading_factor or height < usual * settings.small_print_factor
        for i in line:
            out[i] = height if own else usual
    step = settings.size_step
    return [round(s / step) * step for s in out]


class OcrPage(PageText):
    """A page read by OCR: the same interface as a text-layer page, plus `vertical_segments`
    (top, bottom, x) and each word's `confidence` (`confidences`, parallel to `words`)."""

    ocr = True

    def __init__(self, result: OcrResult, settings: PagePlanSettings = PLAN):
        self.number = result.number
        self.width, self.height = result.width, result.height
        self.result = result
        sizes = _sizes(result, settings)
        self.words = [Word(w.text, w.x0, w.x1, w.top, w.bottom, sizes[i], False)
                      for i, w in enumerate(result.words)]
        self.confidences = [w.confidence for w in result.words]
        self.lines = []
        for line in result.lines:
            ws = sorted((result.words[i] for i in line), key=lambda w: w.x0)
            if ws:
                self.lines.append(Line(" ".join(w.text for w in ws), min(w.x0 for w in ws), max(w.x1 for w in ws),
                                       min(w.top for w in ws), max(w.bottom for w in ws), sizes[line[0]]))
        self.lines.sort(key=lambda line: (round(line.top), line.x0))
        self.horizontal_segments = [Segment(x0, x1, y) for x0, x1, y in result.horizontal]
        self.vertical_segments = list(result.vertical)
        self.plumber = None

    def confidence_in(self, bbox) -> float | None:
        """The lowest confidence of the words whose centre lies in bbox (x0, top, x1, bottom)."""
        found = [c for w, c in zip(self.words, self.confidences)
                 if bbox[0] <= (w.x0 + w.x1) / 2 <= bbox[2] and bbox[1] <= (w.top + w.bottom) / 2 <= bbox[3]]
        return min(found) if found else None


def mark_ocr_cells(tables, page: OcrPage) -> None:
    """Give every cell of the tables read from an OCR page that has no OCR confidence yet (the
    borderless readers know words, not confidences) the lowest confidence of the page's words,
    inside the table, that make up its text."""
    for table in tables:
        bbox = table.bbox or (0, 0, page.width, page.height)
        inside = [(w.text, c) for w, c in zip(page.words, page.confidences)
                  if bbox[0] - 1 <= (w.x0 + w.x1) / 2 <= bbox[2] + 1 and bbox[1] - 1 <= (w.top + w.bottom) / 2 <= bbox[3] + 1]
        by_text: dict[str, float] = {}
        for text, c in inside:
            by_text[text] = min(c, by_text.get(text, 100.0))
        for row in table.header + table.body:
            for cell in row:
                if cell.text and cell.ocr_confidence is None:
                    found = [by_text[t] for t in cell.text.split() if t in by_text]
                    cell.ocr_confidence = min(found) if found else 0.0
