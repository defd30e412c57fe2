"""Scans of low resolution (`extractors.ocr.scan_dpi`, `smooth_enlarged_pixels`): a page whose scan is a
65-dpi JPEG is enlarged 4.6 times when rendered at 300 dpi for OCR; its pixels' blocks and the JPEG's
ringing make ragged letters, so it is smoothed first. A 200-dpi scan and a born-digital page are read as
rendered (a 100-dpi scan too: smoothing it gains as many cells as it loses). The table and its numbers are
invented."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.ocr import OcrSettings, engine_available, ocr_pdf_page, scan_dpi, smooth_enlarged_pixels

ROWS = [["No", "Indikator Sasaran", "Target", "Realisasi", "Capaian"],
        ["1", "Persentase arsip tertata", "68,00", "99,91", "146,93"],
        ["2", "Indeks kepuasan layanan", "82,50", "81,06", "98,25"],
        ["3", "Jumlah dokumen tersusun", "12", "14", "116,67"]]
WIDTHS = [30, 200, 70, 70, 70]


def _table_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 790, "Tabel 3.1 Capaian Indikator Sasaran Tahun 2022")
    for r, row in enumerate(ROWS):
        x, y = 60, 770 - r * 22
        for text, width in zip(row, WIDTHS):
            c.rect(x, y - 22, width, 22)
            c.drawString(x + 4, y - 15, text)
            x += width
    c.save()
    return buf.getvalue()


def _scanned(tmp_path, dpi: int, quality: int = 60):
    """The table page scanned at `dpi` and stored as a JPEG filling an image-only page."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(_table_pdf())
    image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=quality)
    path = tmp_path / f"scan_{dpi}.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(Image.open(io.BytesIO(jpeg.getvalue()))), 0, 0, width=A4[0], height=A4[1])
    c.save()
    return path


def test_the_resolution_of_a_scanned_page_is_its_image_s(tmp_path):
    assert scan_dpi(str(_scanned(tmp_path, 65)), 0) == pytest.approx(65, abs=1)
    assert scan_dpi(str(_scanned(tmp_path, 200)), 0) == pytest.approx(200, abs=1)
    born_digital = tmp_path / "digital.pdf"
    born_digital.write_bytes(_table_pdf())
    assert scan_dpi(str(born_digital), 0) is None


def test_only_a_scan_enlarged_past_the_limit_is_smoothed():
    page = np.zeros((40, 40), dtype=np.uint8)
    page[10:30, 19:21] = 255  # a stroke two pixels wide
    settings = OcrSettings()
    assert smooth_enlarged_pixels(page, 300 / 200, settings) is page
    assert smooth_enlarged_pixels(page, 300 / 100, settings) is page
    assert smooth_enlarged_pixels(page, settings.smooth_enlarged_above, settings) is page
    smoothed = smooth_enlarged_pixels(page, 300 / 65, settings)
    assert smoothed[20, 19] < 255 and smoothed[20, 17] > 0  # the stroke's edge blended into the paper


@pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")
def test_numbers_of_a_65_dpi_scan_are_read(tmp_path):
    words = {w.text for w in ocr_pdf_page(str(_scanned(tmp_path, 65)), 0).words}
    assert {"68,00", "99,91", "146,93", "82,50", "81,06", "98,25"} <= words
