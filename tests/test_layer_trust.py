"""Pages whose text layer cannot be trusted, or is missing though the page is drawn, are read by OCR
(`extractors.layer_trust`, `extractors.ocr_page.needs_ocr`), each named by how its PDF was made:
- a scan carrying an invisible OCR layer (scanner software, "recognise text"): its table comes from the image;
- a layer of letters that form no words (a wrong ToUnicode), or of character codes (none);
- text drawn as glyph outlines (filled paths, no characters, no image: "print as image" drivers);
- a page scanned upside down (`extractors.ocr.upside_down`).
Ordinary pages (prose, a ruled table, a chart of large filled shapes, a short cover) keep their layer.
Tests that read by OCR are skipped without Tesseract, like tests/test_ocr.py's."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.grid import text_of
from extractors.layer_trust import Layer, reads_as_no_language
from extractors.ocr import engine_available
from extractors.ocr_page import each_page, page_layer, pages_needing_ocr
from extractors.pdf import read_pdf

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

needs_tesseract = pytest.mark.skipif(
    not engine_available(), reason="Tesseract with its Indonesian model is not installed: "
                                   "sudo apt-get install -y tesseract-ocr tesseract-ocr-ind")

HEADER = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
ROWS = [["1", "Persentase sumur contoh terpelihara", "72,25", "69,60", "96,33%"],
        ["2", "Jumlah pelaku usaha dibina", "1.250", "1.310", "104,80%"],
        ["3", "Nilai kepuasan masyarakat", "85,50", "84,23", "98,51%"]]
WIDTHS = [30, 220, 75, 75, 75]
PROSE = ["Dinas Contoh Kabupaten Sukamaju melaksanakan pengukuran kinerja dengan membandingkan target",
         "dan realisasi setiap indikator kinerja sasaran pada tahun 2023 yang telah ditetapkan dalam",
         "perjanjian kinerja. Hasil pengukuran kinerja tersebut disajikan dalam tabel berikut ini, dan",
         "capaian indikator yang belum memenuhi target dijelaskan beserta upaya yang akan dilakukan."] * 2


def _table_page(c: canvas.Canvas, top: float = 700, rules: bool = True, text: bool = True) -> None:
    """A ruled table with its caption, every cell bordered (its rules or its text alone when told)."""
    c.setFont("Helvetica-Bold", 11)
    if text:
        c.drawString(60, top + 14, "Tabel 3.1 Capaian Kinerja Dinas Contoh Tahun 2023")
    row_h = 24
    for r, row in enumerate([HEADER] + ROWS):
        y, x = top - r * row_h, 60
        for j, (text_, width) in enumerate(zip(row, WIDTHS)):
            if rules:
                c.rect(x, y - row_h, width, row_h)
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            if text and j >= 2 and r:
                c.drawRightString(x + width - 5, y - 16, text_)
            elif text:
                c.drawString(x + 5, y - 16, text_)
            x += width


def _pdf(draw_pages) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for draw in draw_pages:
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def _scan(pdf_bytes: bytes, dpi: int = 200, turn: int = 0) -> Image.Image:
    """The first page as a scanner returns it: grey, with paper noise; `turn` degrees turned."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf_bytes)
    image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    pixels = np.asarray(image.rotate(turn, expand=True) if turn else image, dtype=np.int16)
    pixels = pixels + np.random.default_rng(7).normal(0, 10, pixels.shape).astype(np.int16)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _layers(path) -> list[Layer]:
    return [page_layer(page) for _, page in each_page(str(path))]


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _prose(c: canvas.Canvas, lines: list[str] = PROSE) -> None:
    c.setFont("Helvetica", 10)
    for k, line in enumerate(lines):
        c.drawString(60, 780 - 14 * k, line)


# --- a scan carrying an invisible OCR layer ---------------------------------------------------------------

def _scan_with_invisible_layer(c: canvas.Canvas) -> None:
    """The scanned table as the page's image, and its words drawn invisibly (render mode 3), each word on a
    baseline of its own as OCR software places them."""
    scan = _scan(_pdf([_table_page]))
    c.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText()
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 10)
    for r, row in enumerate([HEADER] + ROWS):
        x = 65.0
        for k, (cell, width) in enumerate(zip(row, WIDTHS)):
            text.setTextOrigin(x, 700 - r * 24 - 16 + (k % 3) * 1.5)  # OCR boxes do not share baselines
            text.textOut(cell)
            x += width
    c.drawText(text)


@pytest.fixture(scope="module")
def invisible_layer_pdf(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("layer"), "laporan_pindai_berlapis.pdf",
                  _pdf([_prose, _scan_with_invisible_layer]))


def test_scan_with_an_invisible_ocr_layer_is_read_as_a_scan(invisible_layer_pdf):
    assert _layers(invisible_layer_pdf) == [Layer.TRUSTED, Layer.INVISIBLE_OVER_SCAN]
    assert pages_needing_ocr(str(invisible_layer_pdf)) == [2]


@needs_tesseract
def test_table_under_an_invisible_layer_keeps_the_rules_of_its_image(invisible_layer_pdf):
    tables = [t for t in read_pdf(str(invisible_layer_pdf)).tables if t.pages == [2]]
    assert len(tables) == 1 and tables[0].method == "ocr_lattice"  # the rules were read from the image
    assert [[text_of(c) for c in row[2:]] for row in tables[0].body] == [row[2:] for row in ROWS]


# --- a text layer that reads as no language ---------------------------------------------------------------

def _shifted(text: str) -> str:
    """Each letter one further in the alphabet, digits kept: what a ToUnicode map shifted by one gives."""
    def shift(ch: str) -> str:
        if "a" <= ch <= "z":
            return chr((ord(ch) - 97 + 1) % 26 + 97)
        if "A" <= ch <= "Z":
            return chr((ord(ch) - 65 + 1) % 26 + 65)
        return ch
    return "".join(map(shift, text))


def test_layer_of_letters_forming_no_words_is_read_by_ocr(tmp_path):
    path = _write(tmp_path, "laporan_peta_huruf_bergeser.pdf",
                  _pdf([_prose, lambda c: _prose(c, [_shifted(line) for line in PROSE])]))
    assert _layers(path) == [Layer.TRUSTED, Layer.NO_LANGUAGE]


def test_a_list_of_names_sharing_no_known_word_keeps_its_layer():
    """A page of place and person names (a list of villages, of officers) prints few or none of the report words
    known to the test, yet its letters are a language's (vowels are four tenths of them): its layer is kept; the
    same names with their letters shifted by one are no language."""
    names = " ".join(["Karangsari Sukamaju Tanjungrejo Wonosari Margamulya Sindanglaya Pagerwangi Cibodas",
                      "Ahmad Sujono Siti Rahayu Budi Santoso Wayan Sudarma Maria Lumowa Ketut Arimbawa"] * 3)
    assert not reads_as_no_language(names)
    assert reads_as_no_language(_shifted(names))


def test_character_codes_read_as_no_language():
    codes = "".join(chr(1 + (k * 7) % 30) if k % 6 else " " for k in range(400))  # a font without ToUnicode
    assert reads_as_no_language(codes)
    assert not reads_as_no_language(" ".join(PROSE))
    assert not reads_as_no_language(_shifted("LAPORAN KINERJA DINAS CONTOH"))  # too few words to tell
    assert not reads_as_no_language("1 72,25 69,60 96,33% 2 1.250 1.310 104,80% " * 10)  # numbers are no words


# --- text drawn as glyph outlines ------------------------------------------------------------------------

def _draw_outlines(c: canvas.Canvas, pdf_bytes: bytes) -> None:
    """The characters of the PDF's first page drawn on the canvas as filled outlines (their fonts' glyph
    paths, from pdfium), one path per glyph, as a "print as image" driver draws text."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    doc = pypdfium2.PdfDocument(pdf_bytes)
    page = doc[0]
    textpage = page.get_textpage()
    x, y, size = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
    px, py = ctypes.c_float(), ctypes.c_float()
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        if code <= ord(" "):
            continue
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
        pdfium_c.FPDFTextObj_GetFontSize(obj, size)
        glyph = pdfium_c.FPDFFont_GetGlyphPath(pdfium_c.FPDFTextObj_GetFont(obj), code, size.value)
        path, curve = c.beginPath(), []
        for k in range(pdfium_c.FPDFGlyphPath_CountGlyphSegments(glyph)):
            segment = pdfium_c.FPDFGlyphPath_GetGlyphPathSegment(glyph, k)
            pdfium_c.FPDFPathSegment_GetPoint(segment, px, py)
            point = (x.value + px.value * size.value, y.value + py.value * size.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                path.moveTo(*point)
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                path.lineTo(*point)
            else:  # a Bézier curve comes as three points
                curve.append(point)
                if len(curve) == 3:
                    path.curveTo(*curve[0], *curve[1], *curve[2])
                    curve = []
            if pdfium_c.FPDFPathSegment_GetClose(segment):
                path.close()
        c.drawPath(path, fill=1, stroke=0, fillMode=1)
    textpage.close()
    page.close()
    doc.close()


def _outlined_table(c: canvas.Canvas) -> None:
    """The table page with its rules as drawn and its text as glyph outlines: no character, no image."""
    _table_page(c, text=False)
    _draw_outlines(c, _pdf([lambda c: _table_page(c, rules=False)]))


@pytest.fixture(scope="module")
def outlined_pdf(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("layer"), "laporan_teks_kurva.pdf", _pdf([_prose, _outlined_table]))


def test_text_drawn_as_glyph_outlines_is_read_by_ocr(outlined_pdf):
    assert _layers(outlined_pdf) == [Layer.TRUSTED, Layer.OUTLINES]


def test_rules_and_large_shapes_are_no_glyphs(tmp_path):
    def ruled_grid(c: canvas.Canvas) -> None:  # an empty form: rules, no glyphs
        _table_page(c, text=False)

    def bar_chart(c: canvas.Canvas) -> None:  # large filled shapes are no glyphs
        for k in range(12):
            c.rect(60 + 35 * k, 300, 25, 50 + 20 * k, fill=1, stroke=0)

    path = _write(tmp_path, "laporan_tanpa_teks.pdf", _pdf([ruled_grid, bar_chart, lambda c: None]))
    assert _layers(path) == [Layer.TRUSTED, Layer.TRUSTED, Layer.TRUSTED]


@needs_tesseract
def test_table_drawn_as_outlines_is_read_by_ocr_with_its_rules(outlined_pdf):
    tables = [t for t in read_pdf(str(outlined_pdf)).tables if t.pages == [2]]
    assert len(tables) == 1 and tables[0].label == "Tabel 3.1"
    assert [[text_of(c) for c in row[2:]] for row in tables[0].body] == [row[2:] for row in ROWS]


# --- a page scanned upside down --------------------------------------------------------------------------

@needs_tesseract
def test_page_scanned_upside_down_is_read_turned(tmp_path):
    scan = _scan(_pdf([_table_page]), turn=180)

    def page(c: canvas.Canvas) -> None:
        c.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])

    path = _write(tmp_path, "laporan_pindai_terbalik.pdf", _pdf([page]))
    tables = read_pdf(str(path)).tables
    assert len(tables) == 1
    assert [[text_of(c) for c in row[2:]] for row in tables[0].body] == [row[2:] for row in ROWS]
