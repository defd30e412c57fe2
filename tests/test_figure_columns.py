"""A figure read as a short word (`extractors.figure_columns`): Tesseract's page reading takes two digits of a
right-aligned figure for one letter ("91" as "M") where the whitelist reading of its box reads the digits surely.
In a column of figures the number replaces the word; in a column of units ("%", "ha", "M") the word stays, and
so it does when the number reading is unsure. Boxes are pixels at 300 dpi; the cells are a ruled table's."""
from __future__ import annotations

import pytest
from conftest import draw_cells

from extractors.figure_columns import figures_in_figure_columns
from extractors.ocr import engine_available, ocr_pdf_page

# columns: No | Satuan | Target | Realisasi ; a header row and four body rows, 60 px high
COLUMNS = [(100, 180), (180, 400), (400, 560), (560, 720)]
CELLS = [(x0, 200 + 60 * r, x1, 260 + 60 * r) for r in range(5) for x0, x1 in COLUMNS]
TABLE = [["No", "Satuan", "Target", "Realisasi"],
         ["1", "%", "76,09", "75,89"],
         ["2", "ha", "M", "87,28"],  # the target "91" read as "M"
         ["3", "M", "833", "782"],  # a unit: metres
         ["4", "%", "3,10", "3,40"]]


def _words() -> list[tuple[str, tuple[int, int, int, int]]]:
    out = []
    for r, row in enumerate(TABLE):
        for (x0, x1), text in zip(COLUMNS, row):
            top = 200 + 60 * r + 20
            out.append((text, (x1 - 20 - 12 * len(text), top, x1 - 20, top + 25)))
    return out


def _index(text: str, column: int) -> int:
    words = _words()
    return next(k for k, (t, box) in enumerate(words) if t == text and COLUMNS[column][0] < box[0] < COLUMNS[column][1])


def test_a_figure_read_as_a_letter_in_a_column_of_figures_is_the_number():
    target = _index("M", 2)
    assert figures_in_figure_columns(_words(), {target: ("91", 96.0)}, CELLS) == {target: "91"}


def test_a_unit_in_a_column_of_units_keeps_its_letters():
    unit = _index("M", 1)
    assert figures_in_figure_columns(_words(), {unit: ("11", 96.0)}, CELLS) == {}


def test_an_unsure_number_reading_replaces_nothing():
    target = _index("M", 2)
    assert figures_in_figure_columns(_words(), {target: ("91", 60.0)}, CELLS) == {}


def test_a_header_word_and_a_currency_beside_an_amount_stay_words():
    words = _words()
    header = _index("No", 0)
    assert figures_in_figure_columns(words, {header: ("40", 96.0)}, CELLS) == {}
    x0, top, x1, bottom = CELLS[4 * 4 + 2]  # the last row's target cell holds "Rp 3,10"
    words.append(("Rp", (x0 + 10, top + 20, x0 + 40, top + 45)))
    assert figures_in_figure_columns(words, {len(words) - 1: ("8", 96.0)}, CELLS) == {}


# A measurement table in 8.2-pt print whose target column holds "91" three times: Tesseract's page reading takes
# this right-aligned "91" for an "M" (on a scan at 300 dpi turned a degree, two or three of the three).
TARGETS = [["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"],
           ["1", "Persentase rumah layak huni", "%", "91", "87,28", "95,91"],
           ["2", "Luas kawasan tertata", "ha", "833", "782", "93,88"],
           ["3", "Rasio jalan mantap", "rasio", "91", "94,62", "103,98"],
           ["4", "Persentase desa berair bersih", "%", "91", "96,39", "105,92"],
           ["5", "Indeks kepuasan warga", "indeks", "65,13", "70,98", "108,98"]]
TARGET_WIDTHS = [25, 200, 45, 48, 48, 46]


def _measurement_scan(path) -> None:
    import io

    import numpy as np
    import pypdfium2
    from PIL import Image, ImageFilter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw_cells(c, TARGETS, TARGET_WIDTHS, 760, 26, 11, pad=3, right_from=3, header_size=8.2)
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    image = image.rotate(1.0, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.5))
    pixels = np.asarray(image, np.float32) + np.random.default_rng(5).normal(0, 5, (image.height, image.width))
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, "PDF", resolution=300.0, quality=80)


@pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")
def test_a_scanned_target_column_reads_its_figures_not_letters(tmp_path):
    path = tmp_path / "pengukuran.pdf"
    _measurement_scan(path)
    result = ocr_pdf_page(str(path), 0)
    column = [w.text for w in result.words if 340 < w.x0 < 380]  # the target column's figures
    assert column.count("91") == 3 and "M" not in column
