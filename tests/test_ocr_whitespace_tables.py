"""White-space tables (no rule at all) read from OCR words, whose boxes hug the ink (extractors/whitespace.py):
a word with no capital or ascender ("yang") starts lower than the rest of its line and stays on it; the last
lines of the tallest heading, set in its middle under a row of one-line headings, keep the header with its
body; a section heading set larger under the table ends it, and the prose under that heading, broken into
phrases at its word spaces, does not join the table. Words placed by hand, then a scanned page read by
Tesseract."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.grid import text_of
from extractors.ocr import engine_available, ocr_pdf_page
from extractors.ocr_page import OcrPage
from extractors.page_source import PageText, Word
from extractors.whitespace import SETTINGS, _lines, read_whitespace_tables

needs_tesseract = pytest.mark.skipif(
    not engine_available(), reason="Tesseract with its Indonesian model is not installed and `make install` could "
                                   "not install it (not root): sudo apt-get install -y tesseract-ocr tesseract-ocr-ind")


class _Page(PageText):
    """Hand-placed words as an OCR page gives them."""

    ocr = True

    def __init__(self, words: list[Word]):
        self.number, self.width, self.height = 1, 595.0, 842.0
        self.words, self.lines, self.horizontal_segments = words, [], []


def _w(text: str, x0: float, top: float, height: float = 6.0, size: float = 6.5) -> Word:
    return Word(text, x0, x0 + 4.0 * len(text), top, top + height, size, False)


def test_a_word_without_ascenders_stays_on_its_line():
    line = [_w("Jumlah", 90, 260.0), _w("sumur", 130, 261.4, 5.0), _w("contoh", 165, 260.0),
            _w("yang", 205, 262.5, 5.5), _w("aktif", 230, 260.0)]
    assert [len(x) for x in _lines(line, SETTINGS, ink_boxes=True)] == [5]
    assert [len(x) for x in _lines(line, SETTINGS)] == [4, 1]  # a text layer's font boxes never need it


def _comparison_page() -> list[Word]:
    """A comparison table: one-line headings over five columns, the last heading on five lines set in its
    middle (its last three lines below the others), three rows, then a section heading and a line of prose."""
    words = [_w("Target", 465, 199.5), _w("Capaian", 500, 199.0), _w("s.d.", 533, 199.0),
             _w("Indikator", 130, 206.4), _w("Satuan", 235, 206.4), _w("Realisasi", 269, 206.4),
             _w("Realisasi", 320, 206.4), _w("Akhir", 467, 206.6),
             _w("No", 72, 210.7), _w("terhadap", 506, 210.9),
             _w("2022", 276, 215.0), _w("2023", 327, 215.0), _w("Renstra", 463, 215.0),
             _w("Target", 500, 219.3), _w("Akhir", 532, 219.3), _w("2026", 468, 223.4), _w("(%)", 520, 227.5)]
    rows = [("1", "Jumlah sumur contoh", "unit", "613", "692", "684", "106,43"),
            ("2", "Persentase desa contoh", "%", "70,66", "72,67", "76,69", "95,75"),
            ("3", "Indeks layanan contoh", "indeks", "74,26", "75,52", "92,22", "94,65")]
    for k, (no, name, unit, a, b, c, d) in enumerate(rows):
        top = 240.0 + 19 * k
        words += [_w(no, 70, top), _w(name.split()[0], 89, top), _w(" ".join(name.split()[1:]), 130, top),
                  _w(unit, 231, top), _w(a, 283, top), _w(b, 330, top), _w(c, 477, top), _w(d, 524, top)]
    words += [_w("yang", 150, 242.5, 5.5)]  # a word of the first row's name, lower by the ink of its letters
    words += [_w("Analisis", 71, 320.0, 9.0, 9.0), _w("Capaian", 120, 320.0, 9.0, 9.0)]
    words += [_w("Indikator", 100, 340.0), _w("sumur", 160, 340.0), _w("contoh", 210, 340.0),
              _w("pada", 300, 340.0), _w("tahun", 350, 340.0), _w("2023", 420, 340.0)]
    return words


def test_the_last_lines_of_a_tall_heading_keep_the_header_with_its_body():
    tables = read_whitespace_tables(_Page(_comparison_page()), exclude=[])
    assert len(tables) == 1
    table = tables[0]
    header = [" ".join(text_of(row[j]) for row in table.header if text_of(row[j])) for j in range(len(table.header[0]))]
    assert header[-1] == "Capaian s.d. terhadap Target Akhir (%)"
    assert header[-2] == "Target Akhir Renstra 2026"
    values = [[text_of(c) for c in row] for row in table.body]
    assert values[0] == ["1", "Jumlah sumur contoh yang", "unit", "613", "692", "684", "106,43"]
    assert values[-1][-1] == "94,65"
    assert all("Analisis" not in " ".join(row) and "tahun" not in " ".join(row) for row in values)


def _scanned_table(path) -> None:
    """A white-space table (no rules) on a page, scanned at 200 dpi into an image-only PDF: a caption, a header
    whose last heading wraps on five lines set in its middle, rows whose names hold "yang", a larger section
    heading and prose."""
    import pypdfium2
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    top = 842 - 160
    c.setFont("Helvetica-Bold", 10)
    c.drawCentredString(300, top + 45, "Tabel 3.2")
    c.drawCentredString(300, top + 32, "Perbandingan Capaian Dinas Contoh Kota Lembah Mas")
    c.setFont("Helvetica-Bold", 7.5)
    columns = [(75, "No"), (150, "Indikator Kinerja"), (250, "Satuan"), (300, "Realisasi|2022"),
               (350, "Realisasi|2023"), (405, "Target|Akhir|Renstra|2026"),
               (470, "Capaian s.d.|2023|terhadap|Target Akhir|Renstra (%)")]
    for x, text in columns:
        parts = text.split("|")
        for k, part in enumerate(parts):
            c.drawCentredString(x, top + 5 * (len(parts) - 1) - 10 * k, part)
    c.setFont("Helvetica", 7.5)
    rows = [("1", "Jumlah sumur yang dipelihara", "unit", "613", "692", "684", "106,43"),
            ("2", "Persentase desa yang tertata", "%", "70,66", "72,67", "76,69", "95,75"),
            ("3", "Indeks layanan yang prima", "indeks", "74,26", "75,52", "92,22", "94,65"),
            ("4", "Jumlah kelompok yang aktif", "kelompok", "48", "55", "70", "88,43")]
    for k, (no, name, unit, a, b, t, p) in enumerate(rows):
        y = top - 36 - 14 * k
        c.drawString(72, y, no)
        c.drawString(90, y, name)
        c.drawString(238, y, unit)
        for x, v in ((315, a), (365, b), (420, t), (490, p)):
            c.drawRightString(x, y, v)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(70, top - 110, "Analisis Capaian per Indikator")
    c.setFont("Times-Roman", 12)
    c.drawString(90, top - 132, "Indikator sumur contoh pada tahun 2023 ditargetkan sebesar 645 unit dan")
    c.drawString(70, top - 147, "terealisasi sebesar 728 unit, sehingga capaian kinerja sebesar 112,87%.")
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    path.write_bytes(out.getvalue())


@needs_tesseract
def test_a_scanned_white_space_table_keeps_its_header_and_its_rows(tmp_path):
    path = tmp_path / "tabel_tanpa_garis.pdf"
    _scanned_table(path)
    page = OcrPage(ocr_pdf_page(str(path), 0))
    tables = read_whitespace_tables(page, exclude=[])
    table = next(t for t in tables if any("Realisasi" in text_of(c) for row in t.header for c in row))
    columns = [" ".join(text_of(row[j]) for row in table.header if text_of(row[j])) for j in range(len(table.header[0]))]
    assert any("Akhir" in c and "2026" in c for c in columns)
    assert any(c.startswith("Capaian") and "(%)" in c for c in columns)
    body = [[text_of(c) for c in row] for row in table.body]
    assert [row[1] for row in body] == ["Jumlah sumur yang dipelihara", "Persentase desa yang tertata",
                                        "Indeks layanan yang prima", "Jumlah kelompok yang aktif"]
    assert [row[-1] for row in body] == ["106,43", "95,75", "94,65", "88,43"]  # no heading nor prose under them


def test_figures_beside_a_tall_label_join_its_line_a_heading_beside_a_two_line_box_does_not():
    from extractors.ink_lines import joins_line

    label = [Word("JUMLAH", 122, 156, 210.6, 222.2, 6.5, False)]  # a bold label OCR drew taller than its letters
    assert joins_line(Word("9.857.450.000", 514, 567, 213.3, 219.8, 6.5, False), label, 2.0, True)
    two_lines = [Word("Capaian", 499, 525, 434.8, 450.4, 6.5, False), Word("s.d.", 529, 540, 434.8, 450.4, 6.5, False)]
    assert not joins_line(Word("Target", 465, 486, 440.1, 446.8, 6.5, False), two_lines, 2.0, True)


def _signed_targets_page(column_numbers: list[Word]) -> list[Word]:
    """A signed agreement's targets: No | Sasaran | Indikator | Satuan | Target over three rows numbered by their
    sasaran (a number on the first row only), the column-number row under the header given by the caller (as OCR
    read it)."""
    words = [_w("No", 72, 150.0), _w("Sasaran", 100, 150.0), _w("Indikator", 200, 150.0), _w("Satuan", 270, 150.0),
             _w("Target", 330, 150.0)]
    words += column_numbers
    rows = [("1", "Meningkatnya", "Indeks", "indeks", "80,9"), ("2", "Tersedianya", "Layanan", "persen", "100"),
            ("3", "Terwujudnya", "Nilai", "nilai", "72,5")]
    for k, (no, sasaran, name, unit, target) in enumerate(rows):
        top = 185.0 + 14 * k
        words += [_w(sasaran, 100, top), _w(name, 200, top), _w(unit, 270, top), _w(target, 330, top)]
    return [_w("1", 72, 185.0)] + words


def test_a_column_number_row_read_as_one_wide_word_joins_no_columns():
    # "3" and "4" in small print read as one word "GT" whose box runs from the Indikator column into Satuan's
    smear = Word("GT", 215.0, 285.0, 165.0, 174.0, 9.0, False)
    numbers = [_w("1", 74, 167.0), _w("2", 120, 167.0), smear, _w("5", 340, 167.0)]
    tables = read_whitespace_tables(_Page(_signed_targets_page(numbers)), exclude=[])
    assert len(tables) == 1
    header = [text_of(c) for c in tables[0].header[-1]]
    assert header == ["No", "Sasaran", "Indikator", "Satuan", "Target"]
    assert [text_of(c) for c in tables[0].body[-1]] == ["", "Terwujudnya", "Nilai", "nilai", "72,5"]
def _continued_rows_with_a_unit_column() -> list[Word]:
    """The last two rows of a performance table carried over to the next page (no header): No, Sasaran and Indikator
    (wrapped), a Satuan column holding only "%", then Target, Realisasi, Capaian. Boxes as OCR draws them round
    the ink (the "%" a little taller than the line's letters)."""
    def at(text: str, x0: float, x1: float, top: float, bottom: float) -> Word:
        return Word(text, x0, x1, top, bottom, 6.5, False)

    rows = [(69.6, "d.", [], ["Persentase warga yang memiliki", "kartu contoh"], ("63", "56,64", "89,90")),
            (94.1, "e.", ["Meningkatnya mutu", "layanan contoh"],
             ["Persentase kejadian yang", "tertangani dalam waktu", "dari 15 menit"], ("77", "68,46", "88,91"))]
    words: list[Word] = []
    for top, no, sasaran, indicator, (target, real, capaian) in rows:
        words.append(at(no, 71.0, 77.5, top, top + 6.5))
        for k, line in enumerate(indicator):
            x = 198.9
            for word in line.split():
                words.append(at(word, x, x + 3.6 * len(word), top + 10 * k, top + 10 * k + 6.5))
                x += 3.6 * len(word) + 2.5
        for k, line in enumerate(sasaran):
            x = 96.7
            for word in line.split():
                words.append(at(word, x, x + 3.6 * len(word), top + 10 * k, top + 10 * k + 6.5))
                x += 3.6 * len(word) + 2.5
        words += [at("%", 357.2, 365.6, top - 1.0, top + 9.1), at(target, 435.7, 444.8, top, top + 6.5),
                  at(real, 472.4, 492.8, top, top + 6.5), at(capaian, 518.0, 538.3, top, top + 6.5)]
    return words


def test_a_unit_column_of_lone_percent_signs_stays_a_column():
    # a continued table's Satuan column printing "%" alone is a column: read into the indicator's, the part has a
    # column fewer than the table above and is not joined to it (its rows lost). Regression seen on a scanned
    # report where a change treating punctuation-only OCR words as specks (no column band) merged it.
    [table] = read_whitespace_tables(_Page(_continued_rows_with_a_unit_column()), exclude=[])
    first = [text_of(c) for c in table.body[0]]
    assert table.n_cols == 7
    assert first[0] == "d." and first[3:] == ["%", "63", "56,64", "89,90"]
    assert first[2].startswith("Persentase") and "%" not in first[2]
