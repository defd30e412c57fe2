"""Scans of low resolution (`extractors.ocr.scan_dpi`, `smooth_enlarged_pixels`): a page whose scan is a
65-dpi JPEG is enlarged 4.6 times when rendered at 300 dpi for OCR; its pixels' blocks and the JPEG's
ringing make ragged letters, so it is smoothed first. A 200-dpi scan and a born-digital page are read as
rendered (a 100-dpi scan too: smoothing it gains as many cells as it loses), unless it is a hard-compressed
JPEG (an upload preset's quality 40: its blocks' edges run along every stroke), which is smoothed as well.
The tables and their numbers are invented."""
from __future__ import annotations

import io

import numpy as np
import pytest
from conftest import draw_cells
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.jpeg_quality import jpeg_quality
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
    draw_cells(c, ROWS, WIDTHS, 770, 22, 15)
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


def test_the_quality_of_a_scan_s_jpeg_is_read_from_its_table():
    page = Image.new("L", (64, 64), 200)
    for quality in (30, 40, 60, 90):
        jpeg = io.BytesIO()
        page.save(jpeg, "JPEG", quality=quality)
        assert jpeg_quality(jpeg.getvalue()) == pytest.approx(quality, abs=1)
    assert jpeg_quality(b"not a jpeg") is None


def test_a_hard_compressed_100_dpi_scan_is_smoothed_a_light_one_is_not():
    """An upload preset's scan: 100 dpi stored at JPEG quality 40 (block edges along every stroke) is smoothed
    like a coarser scan; at quality 60 and above, or as a lossless image, a 100-dpi scan stays as rendered."""
    page = np.zeros((40, 40), dtype=np.uint8)
    page[10:30, 19:21] = 255
    settings = OcrSettings()
    assert smooth_enlarged_pixels(page, 300 / 100, settings, quality=60) is page
    assert smooth_enlarged_pixels(page, 300 / 100, settings) is page
    assert smooth_enlarged_pixels(page, 300 / 150, settings, quality=40) is page  # 2x: not enlarged that far
    assert smooth_enlarged_pixels(page, 300 / 100, settings, quality=40) is not page


SMALL_ROWS = [["No", "Indikator Sasaran", "Target", "Realisasi", "Capaian"],
              ["1", "Persentase arsip tertata", "68,00", "99,91", "146,93"],
              ["2", "Indeks kepuasan layanan", "82,50", "81,06", "98,25"],
              ["3", "Jumlah dokumen tersusun", "12", "14", "116,67"],
              ["4", "Rasio pegawai terlatih", "3,45", "3,18", "92,17"],
              ["5", "Nilai evaluasi internal", "77,80", "79,64", "102,36"]]


def _upload_preset_scan(tmp_path, quality: int):
    """A table in 8-pt print scanned at 100 dpi and stored as the PDF's own JPEG stream of `quality`
    (PIL writes the JPEG into the PDF as DCTDecode; reportlab would re-encode it losslessly)."""
    import pypdfium2

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 8)
    draw_cells(c, SMALL_ROWS, WIDTHS, 770, 18, 12)
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=100 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    path = tmp_path / f"upload_{quality}.pdf"
    image.save(path, "PDF", resolution=100.0, quality=quality)
    return path


@pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")
def test_numbers_of_a_hard_compressed_100_dpi_scan_are_read(tmp_path):
    words = {w.text for w in ocr_pdf_page(str(_upload_preset_scan(tmp_path, 40)), 0).words}
    assert {cell for row in SMALL_ROWS[1:] for cell in row[2:]} <= words
