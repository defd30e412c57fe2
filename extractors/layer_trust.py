"""Whether a page's text layer says what the page shows, told from pdfium's page objects and text.

In:  an open pypdfium2 page and the share of it its largest image covers (`ocr_page._image_share`).
Out: a `Layer` verdict: `Layer.TRUSTED`, or the production structure that makes the layer useless, so that
     the page is rendered and read by OCR instead (`ocr_page.needs_ocr`):
  - `INVISIBLE_OVER_SCAN`: most of its text is drawn invisibly (render mode 3, or 7: clip only) over an
    image that covers the page: a scanner's or Adobe's "recognise text" layer of unknown quality. Its words
    do not share baselines, and the table's rules are pixels of the image a text layer never sees;
  - `NOT_WORDS`: a scanned page whose layer is missing or garbage (`ocr_page.is_garbage_text`);
  - `NO_LANGUAGE`: a page of text whose layer reads as no language: character codes instead of letters (a
    font without ToUnicode: pdfium gives control characters, pdfminer "(cid:N)"), or letters that form no
    Indonesian or English word (a wrong ToUnicode: "Mbqpsbo" for "Laporan");
  - `OUTLINES`: a page with no characters and no scan whose text is drawn as glyph outlines (filled paths
    of many curve segments, text-sized): a "print as image" driver.
The tests are cheap and fire on none of an ordinary report's pages: object counts, and one pass over the page
text pdfium extracts (measured: about 1,2 ms a page).
"""
from __future__ import annotations

import ctypes
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from normalizers.concepts import FUSED_HEADING_WORDS, OPEN_ENDINGS, SOFT_WORDS
from pipeline.lexicon import HEADING_ROLE_WORDS


class Layer(Enum):
    TRUSTED = "trusted"
    INVISIBLE_OVER_SCAN = "invisible text over a scan"
    NOT_WORDS = "scan without a usable text layer"
    NO_LANGUAGE = "text layer reads as no language"
    OUTLINES = "text drawn as glyph outlines"


@dataclass(frozen=True)
class TrustSettings:
    min_scan_share: float = 0.5  # an image covering this share of the page is a scan (ocr_page's min_image_share)
    # Invisible text is a scan's OCR layer when it is most of the page's text: a scan with a visible page
    # number or stamp added by the publisher still has its layer invisible.
    min_invisible_share: float = 0.5
    # The language tests need this much text to judge: a cover's few words or a chart's labels are no sample.
    min_words: int = 20  # letter words (two letters or more)
    min_chars: int = 50  # characters other than spaces, for the character-code test
    # A layer whose characters are mostly codes (control, private-use, unassigned, U+FFFD) is no text.
    max_code_share: float = 0.5
    # Known words (`KNOWN_WORDS`) are a tenth to a half of an ordinary page's words; the lowest of the real
    # reports' 2368 pages with 20 words or more was 2,6 % (a table of road works named by place); a layer
    # of letters shifted by one has none.
    min_known_share: float = 0.01
    # ... and whose letters are not a language's: vowels are 0.41-0.48 of the letters of Indonesian, English and
    # Spanish pages (real reports, a list of Mexican towns), 0.15-0.24 of the same pages' letters shifted by one
    # and of set I's wrong-ToUnicode pages. A page of names in a language that shares no word with the known
    # ones (a list of places) keeps its layer.
    max_vowel_share: float = 0.30
    # Glyph outlines: a glyph is 10-40 path segments; this many are a line of text or more. Text-sized: a
    # filled path at most this tall (points; a 28 pt title) is a glyph, a word or a line of them.
    min_glyph_segments: int = 300
    max_glyph_height: float = 40.0
    max_chars_without_layer: int = 20  # fewer characters than this are a page number or a stamp, no text layer


TRUST = TrustSettings()
# Words any page of a report in Indonesian (or English) prints: joining words and the words of its tables'
# headings (from the vocabulary the catalogue and the table readers already use), and the commonest words
# of government reports.
COMMON_REPORT_WORDS = frozenset("""
tahun jumlah persentase anggaran belanja pelayanan pengelolaan peningkatan pembangunan penyediaan pengadaan
kota kabupaten provinsi daerah dinas badan kantor bidang nilai indeks rencana laporan nama no jalan kab kec desa
kecamatan barang jasa modal pegawai data sistem informasi
and in to for is on by with as at from be this that are
""".split())
KNOWN_WORDS = SOFT_WORDS | OPEN_ENDINGS | FUSED_HEADING_WORDS | frozenset(HEADING_ROLE_WORDS) | COMMON_REPORT_WORDS
LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
CODE_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})  # control, private use, unassigned, surrogate
INVISIBLE_MODES = frozenset({3, 7})  # FPDF_TEXTRENDERMODE_INVISIBLE, _CLIP (clip only: nothing painted)
# How deep objects are looked for inside form XObjects (as `ocr_page.IMAGE_DEPTH`).
OBJECT_DEPTH = 2


def raw_objects(page, max_depth: int = OBJECT_DEPTH) -> Iterator[tuple[int, Any]]:
    """In: an open pypdfium2 page. Out: (pdfium object type, raw handle) of its objects, those inside form
    XObjects down to `max_depth` levels too (no Python object is made of any)."""
    import pypdfium2.raw as pdfium_c

    def walk(count, get, parent, level: int) -> Iterator[tuple[int, Any]]:
        for i in range(max(count(parent), 0)):
            raw = get(parent, i)
            if not raw:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(raw)
            yield kind, raw
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
                yield from walk(pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, raw, level + 1)

    yield from walk(pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page, 0)


def invisible_share(page) -> float:
    """The share of the page's text objects drawn invisibly (0 without text)."""
    import pypdfium2.raw as pdfium_c

    modes = [pdfium_c.FPDFTextObj_GetTextRenderMode(raw) for kind, raw in raw_objects(page)
             if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]
    return sum(m in INVISIBLE_MODES for m in modes) / len(modes) if modes else 0.0


def glyph_segments(page, settings: TrustSettings = TRUST) -> int:
    """The path segments of the page's filled, text-sized paths (glyph outlines draw dozens per glyph)."""
    import pypdfium2.raw as pdfium_c

    total = 0
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for kind, raw in raw_objects(page):
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(raw, fill, stroke) or not fill.value:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(raw, left, bottom, right, top):
            continue
        if top.value - bottom.value <= settings.max_glyph_height:
            total += max(pdfium_c.FPDFPath_CountSegments(raw), 0)
    return total


def reads_as_no_language(text: str, settings: TrustSettings = TRUST) -> bool:
    """True when a page's text layer is character codes (most of its characters control, private-use or
    unassigned ones) or letters that form no known word (`KNOWN_WORDS`) and are too poor in vowels to be any
    language's (`vowel_share`); False for too little text to tell."""
    chars = [ch for ch in text if not ch.isspace()]
    if len(chars) >= settings.min_chars:
        codes = sum(unicodedata.category(ch) in CODE_CATEGORIES or ch == "\ufffd" for ch in chars)
        if codes > settings.max_code_share * len(chars):
            return True
    words = LETTER_WORD_RE.findall(text)
    if len(words) < settings.min_words:
        return False
    known = sum(w.lower() in KNOWN_WORDS for w in words)
    return known < settings.min_known_share * len(words) and vowel_share(words) < settings.max_vowel_share


VOWELS = frozenset("aiueoAIUEO")


def vowel_share(words: list[str]) -> float:
    """The share of vowels among the words' letters."""
    letters = [ch for w in words for ch in w]
    return sum(ch in VOWELS for ch in letters) / max(len(letters), 1)


def page_text(page) -> tuple[str, int]:
    """The page's text as pdfium extracts it, and its number of characters."""
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range(), textpage.count_chars()
    finally:
        textpage.close()


def layer_verdict(page, image_share: float, garbage, settings: TrustSettings = TRUST) -> Layer:
    """In: an open page, the share of it its largest image covers, and the test that a scan's layer is no words
    (`ocr_page.is_garbage_text`). Out: whether its text layer can be read (`Layer.TRUSTED`), or why not."""
    if image_share >= settings.min_scan_share:
        if invisible_share(page) > settings.min_invisible_share:
            return Layer.INVISIBLE_OVER_SCAN
        return Layer.NOT_WORDS if garbage(page_text(page)[0]) else Layer.TRUSTED
    text, n_chars = page_text(page)
    if n_chars < settings.max_chars_without_layer:
        return Layer.OUTLINES if glyph_segments(page, settings) >= settings.min_glyph_segments else Layer.TRUSTED
    return Layer.NO_LANGUAGE if reads_as_no_language(text, settings) else Layer.TRUSTED
