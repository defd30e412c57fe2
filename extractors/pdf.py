"""Read a PDF with a text layer into tables and narrative, page by page.

In:  a PDF path.
Out: a `PdfDocument`: `RawTable`s (joined across pages, with caption, page and printed text of
     every cell) and the narrative `TextLine`s outside the tables.

Each page goes through `page_source.TextLayerPage` (swappable for an OCR page later); on each page
every table is read by the parser that fits it, chosen per table:
  - ruled tables (cell borders drawn) by `lattice.read_ruled_tables` (pdfplumber line finder);
  - borderless tables (a rule under the header only) by `stream.read_borderless_tables`;
  - borderless tables with no rule at all (white space between columns) by
    `whitespace.read_whitespace_tables`, on what the other two left.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from rapidfuzz import fuzz, process

from extractors.captions import find_caption
from extractors.file_kind import FileKind, judge
from extractors.grid import columns_line_up, join_continuations
from extractors.lattice import read_ruled_tables
from extractors.ocr_lattice import read_ocr_ruled_tables
from extractors.ocr_page import OcrPage, mark_ocr_cells
from extractors.ocr_pool import OcrPlan
from extractors.page_source import Line, PageText, TextLayerPage
from extractors.picture_tables import PictureReading, keep_picture_tables, regions_as_read
from extractors.stream import read_borderless_tables
from extractors.whitespace import PART_METHOD, read_whitespace_tables
from pipeline.lexicon import AMOUNT_NOTE_LINE
from pipeline.models import RawTable, TextLine

PAGE_NUMBER_RE = re.compile(r"^(hal(aman)?\.?\s*)?[-–(]?\s*([ivxlc]+|\d{1,4})\s*[-–)]?$", re.I)
MARGIN_FRACTION = 0.055  # running headers / page numbers live in the top and bottom margins
MARGIN_ZONE = 0.12  # the band at the top and at the bottom of a page where a running head or foot may stand
MARGIN_PAGES_KEPT = 10  # the pages whose margin lines are kept for the metadata (metadata.evidence.LATER_PAGES)
# A running header or footer that carries the printed page number ("Dinas … Provinsi 78"): the number
# at either end of the line, a fixed distance from the PDF page's own number on every page. At the end it
# follows a word or the report's year ("Laporan Kinerja Tahun 2018 32"), not another figure of a number.
RUNNING_PAGE_NUMBER_RE = re.compile(r"^(\d{1,4})\s+(?=\D)|(?:(?<=\D)|(?<=\b(?:19|20)\d\d))\s+(\d{1,4})$")
# A page number counted within each chapter at the end of a running line ("| II - 2", "III-14"): the
# offset to the PDF page changes with each chapter, the rest of the line does not.
CHAPTER_PAGE_NUMBER_RE = re.compile(r"[\s|]*\b[ivxlc]+\s*[-–.]\s*\d{1,4}\s*$")


class PdfReadError(Exception):
    """The file is not a readable PDF (broken, encrypted, empty)."""


def _unreadable(path: str, exc: BaseException) -> PdfReadError:
    """The error for a file pdfminer cannot open, in plain words: what the file really is; pdfminer's
    own words only for a PDF whose damage has no plainer name."""
    try:
        verdict = judge(path)
    except OSError:
        return PdfReadError(f"not a readable PDF ({type(exc).__name__}: {exc})")
    if verdict.kind is FileKind.DAMAGED_PDF:
        return PdfReadError(f"{verdict.message} ({type(exc).__name__}: {exc})")
    return PdfReadError(verdict.message)


class PdfEncryptedError(PdfReadError):
    """The PDF is encrypted and the password given (none by default) does not open it."""


def _is_password_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's password errors in a PdfminerException whose argument is the error."""
    return any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in (exc, *exc.args, exc.__cause__))


def _encrypted(password: str) -> PdfEncryptedError:
    return PdfEncryptedError("encrypted PDF: the password given does not open it" if password else
                             "encrypted PDF: it needs a password (--password)")


@dataclass
class PdfDocument:
    tables: list[RawTable]
    lines: list[TextLine]
    title: str | None
    n_pages: int
    unread_pictures: list[tuple[int, float]] = field(default_factory=list)  # (page, px): picture tables too small to read
    small_print_pictures: list[tuple[int, float]] = field(default_factory=list)  # (page, px): pictures not OCRed, print too small
    # the lines of the first pages' margins that the narrative leaves out (running heads and feet, page numbers):
    # what a report says of itself there ("LKjIP Dinas Contoh Kota Contoh Tahun 2023") is evidence for its metadata
    margin_lines: list[TextLine] = field(default_factory=list)


def margin_keys(text: str, page_number: int) -> set[str]:
    """What a running header / footer line repeats from page to page: its text, and the text with a
    printed page number at either end replaced by that number's distance from the PDF page number
    (the same on every page of the body), so "Dinas X 78" on page 82 and "Dinas X 79" on page 83 are
    one line (and "Laporan Tahun 2022" on every page stays one line by its text)."""
    key = text.strip().lower()
    keys = {key}
    chapter_paged = CHAPTER_PAGE_NUMBER_RE.sub("", key)
    if chapter_paged != key and chapter_paged.strip():
        keys.add(f"{chapter_paged}\x00chapter-page")  # "… Tahun 2016 | II - 2": numbered within each chapter
    m = RUNNING_PAGE_NUMBER_RE.search(key)
    if m is None:
        return keys
    offset = int(m.group(1) or m.group(2)) - page_number
    return keys | {f"{key[:m.start()]}\x00page{offset:+d}\x00{key[m.end():]}"}


# A running head or foot read by OCR comes out with other letters on every page ("Koperasi." / "Koperasi,",
# "Provinsi DK1"): two such lines are one when their letters are this alike (rapidfuzz's ratio, 0-100) …
OCR_MARGIN_ALIKE = 90.0
# … and the line has at least this many letters (a short line, a page number or a stray mark, says too little).
OCR_MARGIN_MIN_LETTERS = 12


class MarginLines:
    """The lines of the margin zones seen so far, counted across pages: a line seen on more than two pages
    is a running head or foot. Its keys are `margin_keys`; a line read by OCR also meets a line seen before
    whose letters are alike up to misread ones (`OCR_MARGIN_ALIKE`) and whose numbers are the same, its page
    number counted from the PDF page as `margin_keys` does ("Tabel 3.6 …" and "Tabel 3.7 …" stay two lines)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.ocr_forms: dict[tuple[str, ...], list[str]] = {}  # the numbers of a line -> the letters seen with them

    def running(self, text: str, page_number: int, ocr: bool = False) -> bool:
        """Count the line of this page; True when it is a running head or foot."""
        keys = margin_keys(text, page_number)
        if ocr:
            keys.add(self._ocr_key(keys, text))
        self.counts.update(keys)
        return max(self.counts[k] for k in keys) > 2

    def _ocr_key(self, keys: set[str], text: str) -> str:
        """The key of an OCR-read line: its numbers (a page number as its offset) and its letters, as the first
        alike line with those numbers printed them."""
        paged = sorted(k for k in keys if "\x00" in k)
        base = paged[0] if paged else text.lower()
        numbers = tuple(re.findall(r"[+-]?\d+", base))
        letters = re.sub(r"[^a-z]", "", base.replace("\x00page", "").replace("\x00chapter-page", ""))
        seen = self.ocr_forms.setdefault(numbers, [])
        if len(letters) >= OCR_MARGIN_MIN_LETTERS:
            match = process.extractOne(letters, seen, scorer=fuzz.ratio, score_cutoff=OCR_MARGIN_ALIKE)
            if match is not None:
                letters = match[0]
            else:
                seen.append(letters)
        return "\x00ocr\x00" + "|".join(numbers) + "\x00" + letters


def _narrative_lines(page: PageText | PageReading, table_boxes: list[tuple[float, float, float, float]],
                     margin_lines: MarginLines | None = None) -> list[tuple[float, float, str]]:
    """(top, bottom, text) of the page's text lines that lie outside every table, margins dropped:
    page numbers, and running headers / footers (a line in the margin zone already seen on two
    earlier pages, its printed page number aside, or its OCR slips; `margin_lines` counts them across pages)."""
    out = []
    ocr = bool(getattr(page, "ocr", False))
    for line in page.lines:
        zone = _in_margin_zone(line, page.height)
        if zone and margin_lines is not None and margin_lines.running(line.text, page.number, ocr):
            continue
        mid = (line.top + line.bottom) / 2
        if line.top < page.height * MARGIN_FRACTION or line.bottom > page.height * (1 - MARGIN_FRACTION):
            continue
        if zone and PAGE_NUMBER_RE.match(line.text.strip()):
            continue
        if any(b[1] - 1 <= mid <= b[3] + 1 and line.x1 > b[0] and line.x0 < b[2] for b in table_boxes):
            continue
        out.append((line.top, line.bottom, line.text))
    return out


def _in_margin_zone(line, height: float) -> bool:
    return line.top < height * MARGIN_ZONE or line.bottom > height * (1 - MARGIN_ZONE)


def _margin_lines_left_out(page: PageText | PageReading, narrative: list[tuple[float, float, str]]) -> list[str]:
    """The lines of the page's margin zones the narrative does not hold, top to bottom."""
    kept = {(top, text) for top, _, text in narrative}
    return [line.text for line in page.lines
            if _in_margin_zone(line, page.height) and (line.top, line.text) not in kept and line.text.strip()]


def _caption_for(table_top: float, table_bottom: float, lines: list[tuple[float, float, str]],
                 floor: float = 0.0, ceiling: float = 1e9):
    """Caption of the table between `floor` (bottom of the table above) and `ceiling` (top of the
    table below): the label above it, else one just below it. Returns (label, caption, from_below,
    lines above, lines below)."""
    above = [t for top, bottom, t in sorted(lines, key=lambda l: -l[0]) if floor - 1 <= top and bottom <= table_top + 1]
    below = [t for top, bottom, t in sorted(lines, key=lambda l: l[0]) if table_bottom - 1 <= top and bottom <= ceiling + 1]
    label, caption = find_caption(above, [])
    if label is None:
        label, caption = find_caption(above, below[:3])
        return label, caption, label is not None, above, below
    return label, caption, False, above, below


def _tables_of(page: PageText) -> tuple[list[RawTable], list]:
    """The page's tables, from every reader in turn (ruled, then borderless where nothing ruled lies,
    then white space), and the boxes of those the rules or borderless reader found (their text is no
    narrative). Cells of an OCR page carry their OCR confidence."""
    found = read_ruled_tables(page) + read_ocr_ruled_tables(page)
    boxes = [t.bbox for t in found]
    found += read_borderless_tables(page, exclude=boxes)
    drawn = [t.bbox for t in found]
    found += read_whitespace_tables(page, exclude=drawn)
    if isinstance(page, OcrPage):
        mark_ocr_cells(found, page)
    return found, drawn


def _box(table: RawTable) -> list[float]:
    """The box of a table read from a page (every reader gives one; only joined tables may lack it)."""
    if table.bbox is None:
        raise ValueError(f"table on page {table.page} has no box")
    return table.bbox


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _picture_tables(ocr_page: OcrPage | None, regions: list, text_tables: list, page_no: int) -> PictureReading:
    """The tables OCR reads inside a text page's picture regions (none overlapping a text-layer table)."""
    if ocr_page is None:
        return PictureReading([], [], [])
    read, _ = _tables_of(ocr_page)
    regions = regions_as_read(regions, ocr_page.result)  # a page read turned: its regions turned with it
    reading = keep_picture_tables(read, ocr_page.words, regions, page_no)
    reading.tables = [t for t in reading.tables if not any(_overlaps(t.bbox, box) for box in text_tables)]
    if reading.tables:  # the picture's lines outside its tables (a title, a caption) are the page's text too
        boxes = [_box(t) for t in reading.tables]
        reading.narrative = [(line.top, line.bottom, line.text) for line in ocr_page.lines
                             if _in_regions(line, regions) and not any(_overlaps(_line_box(line), b) for b in boxes)]
    return reading


def _line_box(line) -> list[float]:
    return [line.x0, line.top, line.x1, line.bottom]


def _in_regions(line, regions: list) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(r.box[0] <= cx <= r.box[2] and r.box[1] <= cy <= r.box[3] for r in regions)


@dataclass
class PageReading:
    """What one page gives before the document-wide steps: its lines (for the narrative, whose running
    heads are only known across pages), its tables (sorted top to bottom) and the boxes of those the rules
    or the borderless reader found, a picture table's own title lines, and the pictures too small to read.
    `number`, `height` and `lines` are what `_narrative_lines` reads of a page."""
    number: int
    height: float
    lines: list[Line]
    tables: list[RawTable]
    drawn: list
    picture_narrative: list[tuple[float, float, str]] | None  # None: no picture table on this page
    unread: list[tuple[int, float]]
    n_chars: int
    ocr: bool = False  # the page was read by OCR (its lines may carry misread letters)
    small_print: list[tuple[int, float]] = field(default_factory=list)  # (page, px): pictures left unread before OCR


@dataclass
class PagesRead:
    """The readings of some pages of one PDF (all, or a range read by one worker), in page order."""
    title: str | None
    n_pages: int
    pages: list[PageReading]


def _open(path: str, password: str):
    try:
        return pdfplumber.open(path, password=password)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _encrypted(password) from exc
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as exc:
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        if _is_password_error(exc):
            raise _encrypted(password) from exc
        raise _unreadable(path, exc) from exc


def _read_page(page: PageText, ocr: OcrPlan, page_no: int) -> PageReading:
    found, drawn = _tables_of(page)
    picture_narrative, unread = None, []
    if page_no in ocr.pictures:  # a table printed as a picture on a text page: its OCR tables join
        pictured = _picture_tables(ocr.picture_page(page_no), ocr.pictures[page_no], drawn, page_no)
        found += pictured.tables
        unread, picture_narrative = pictured.unread, pictured.narrative
    found.sort(key=lambda t: _box(t)[1])
    return PageReading(page_no, page.height, page.lines, found, drawn, picture_narrative, unread, page.n_chars,
                       ocr=isinstance(page, OcrPage), small_print=[e for e in ocr.small_print if e[0] == page_no])


def read_pages(path: str, page_progress=None, pages: set[int] | None = None, password: str = "",
               whole_plan: bool = False) -> PagesRead:
    """Read each page (tables by every reader, OCR where the page is a scan or holds a picture table).
    `pages` (1-based numbers) limits reading to those pages; `whole_plan`: which pages need OCR is decided
    over the whole document, as when it is read whole (a range read by one of several workers)."""
    pdf = _open(path, password)
    plan_pages = None if whole_plan else pages
    with pdf, OcrPlan(path, plan_pages, password, only=pages) as ocr:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise PdfReadError(f"cannot read the page tree ({type(exc).__name__}: {exc})") from exc
        if n_pages == 0:
            raise PdfReadError("the PDF has no pages")
        title = (pdf.metadata or {}).get("Title")
        if page_progress is not None:
            page_progress.reset(total=n_pages if pages is None else len(pages))
        readings = []
        for page_no, plumber_page in enumerate(pdf.pages, start=1):
            if pages is not None and page_no not in pages:
                continue
            page = ocr.page(page_no) or TextLayerPage(plumber_page, page_no)  # a scanned page is OCRed
            readings.append(_read_page(page, ocr, page_no))
            plumber_page.close()  # releases the page's objects and its text map: memory stays flat in pages
            if page_progress is not None:
                page_progress.update(1)
    return PagesRead(title, n_pages, readings)


def assemble(read: PagesRead) -> PdfDocument:
    """The document-wide steps over the pages in order: narrative lines without running heads and page
    numbers, each table's caption and the text around it, tables continued on the next page joined.
    In: the readings of every page (from one worker or several). Out: the `PdfDocument`."""
    tables: list[RawTable] = []
    lines: list[TextLine] = []
    positions: dict[int, tuple[int, float, float, float]] = {}  # id(table) -> (page, top, bottom, page height)
    pending_context: RawTable | None = None
    margin_lines = MarginLines()
    left_out: list[TextLine] = []  # the first pages' margin lines the narrative leaves out
    first_page = read.pages[0].number if read.pages else 1
    unread_pictures: list[tuple[int, float]] = []
    small_print: list[tuple[int, float]] = []
    for page in read.pages:
        page_no, found = page.number, page.tables
        unread_pictures += page.unread
        small_print += page.small_print
        # text in tables found by white space alone stays narrative too (it may be a form or a list)
        narrative = _narrative_lines(page, page.drawn, margin_lines)
        if page_no < first_page + MARGIN_PAGES_KEPT:
            left_out += [TextLine(page_no, text) for text in _margin_lines_left_out(page, narrative)]
        if page.picture_narrative is not None:
            narrative = sorted(narrative + page.picture_narrative)  # a picture's own title lines
        for k, t in enumerate(found):
            floor = _box(found[k - 1])[3] if k else 0.0
            ceiling = _box(found[k + 1])[1] if k + 1 < len(found) else 1e9
            t.label, t.caption, from_below, above, below = _caption_for(_box(t)[1], _box(t)[3], narrative, floor, ceiling)
            if from_below and k + 1 < len(found) and _caption_for(
                    _box(found[k + 1])[1], _box(found[k + 1])[3], narrative, _box(t)[3])[0] == t.label:
                t.label = t.caption = None  # the label below belongs to the next table
            t.context_before = "\n".join(reversed(above[:6]))
            t.context_after = "\n".join(below[:15])
            positions[id(t)] = (page_no, _box(t)[1], _box(t)[3], page.height)
            tables.append(t)
        lines.extend(TextLine(page_no, text) for _, _, text in narrative)
        if pending_context is not None and narrative:
            # the text right after a table near the foot of the previous page runs on here: the lines above
            # this page's first table. A table read by white space alone leaves its lines in the narrative, and
            # its box's top is rounded (a line may start a hair above it): a line whose middle lies below the
            # table's top is the table's own first row, not text between the two parts; nor is the amounts' unit
            # the table repeats above its header ("(dalam rupiah)").
            first_top = min((_box(t)[1] for t in found), default=1e9)
            more = "\n".join(t for top, bottom, t in narrative
                              if (top + bottom) / 2 < first_top and not AMOUNT_NOTE_LINE.fullmatch(t))
            pending_context.context_after = "\n".join(x for x in (pending_context.context_after, more) if x)[:3000]
        pending_context = None
        if found and len(found[-1].context_after.splitlines()) < 4:
            pending_context = found[-1]
    if sum(p.n_chars for p in read.pages) == 0:
        raise PdfReadError("no text layer (a scanned PDF: OCR is needed)")

    def consecutive(a: RawTable, b: RawTable) -> bool:
        """b continues a: on the next page, a near the bottom of its page, b near the top of its own,
        with no caption line above b. A part read by white space alone (no rule, its rows also narrative)
        continues a when its columns line up with a's by position and kind of values (`columns_line_up`)."""
        pa, _, bottom_a, height_a = positions[id(a)]
        pb, top_b, _, height_b = positions[id(b)]
        if pb != pa + 1 or a.context_after.strip():
            return False
        if b.method in ("whitespace", PART_METHOD) and not columns_line_up(a, b):
            return False
        positions[id(a)] = positions[id(b)]
        return True

    # a short white-space block opening a page that continues no table above is no table
    joined = [t for t in join_continuations(tables, consecutive) if t.method != PART_METHOD]
    return PdfDocument(joined, lines, read.title, read.n_pages, unread_pictures, margin_lines=left_out,
                       small_print_pictures=small_print)


def read_pdf(path: str, page_progress=None, pages: set[int] | None = None, password: str = "") -> PdfDocument:
    """The document's tables and narrative; `pages` (1-based numbers) limits reading to those pages."""
    return assemble(read_pages(path, page_progress, pages, password))
