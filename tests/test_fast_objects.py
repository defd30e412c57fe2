"""The page objects built by `fast_objects` / `fast_content` (pdfminer's operators on PLAYA's tokens,
pdfplumber's dicts without its generic resolve) equal pdfplumber's own, key by key, on generated PDFs
of every kind of content the reports print: Word-like ruled and borderless tables, text in colours
(gray, RGB, CMYK), sideways and rotated pages, dashed rules, curves, form XObjects, images, inline
images (tokenised by pdfminer: PLAYA's inline image has no pdfminer form), an offset MediaBox."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors import fast_content
from extractors.compare_objects import compare_pdf, differences, same
from extractors.fast_objects import feed, page_objects


def _assert_all_equal(path: Path) -> None:
    count, bad = compare_pdf(path)
    assert count["pages"] > 0
    assert bad == []
    assert count["equal"] == count["pages"]


def test_sample_reports_ruled_and_borderless(ruled_pdf, borderless_pdf):
    _assert_all_equal(ruled_pdf)
    _assert_all_equal(borderless_pdf)


def _mixed_content(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    c.setFont("Helvetica-Bold", 11)
    c.setFillColorRGB(0.1, 0.2, 0.6)
    c.drawString(72, h - 72, "Tabel 3.1 Capaian Kinerja 2023")
    c.setFillColorCMYK(0.1, 0.9, 0.2, 0.05)
    c.setFont("Times-Roman", 9)
    c.drawString(72, h - 90, "Realisasi 95,40 % (CMYK)")
    c.setFillGray(0.4)
    c.drawString(72, h - 104, "Sumber: Dinas, diolah")
    c.setDash(3, 2)
    c.setStrokeColorRGB(0.5, 0.5, 0.5)
    c.line(72, h - 110, w - 72, h - 110)
    c.setDash()
    c.setLineWidth(0.5)
    for k in range(5):  # a ruled grid
        c.line(72, h - 130 - 20 * k, 400, h - 130 - 20 * k)
    for x in (72, 200, 300, 400):
        c.line(x, h - 130, x, h - 210)
    c.setFillColorRGB(0.85, 0.85, 0.85)
    c.rect(72, h - 150, 328, 20, stroke=0, fill=1)  # a shaded header band
    c.setFillGray(0)
    c.bezier(72, 300, 120, 350, 200, 250, 260, 300)
    c.circle(400, 300, 30, stroke=1, fill=0)
    c.beginForm("logo")
    c.drawString(10, 10, "Logo text in a form")
    c.rect(0, 0, 100, 30)
    c.endForm()
    c.doForm("logo")
    c.saveState()  # text set sideways on the page
    c.translate(500, 200)
    c.rotate(90)
    c.drawString(0, 0, "Sideways column heading")
    c.restoreState()
    c.showPage()
    c.setPageRotation(90)  # a landscape page printed by /Rotate
    c.setFont("Helvetica", 10)
    c.drawString(72, 500, "Halaman diputar 90 derajat")
    c.line(72, 490, 300, 490)
    c.showPage()
    c.save()
    return path


def test_mixed_content_pages(tmp_path):
    _assert_all_equal(_mixed_content(tmp_path / "mixed.pdf"))


def test_inline_image_is_tokenised_by_pdfminer(tmp_path):
    pil = pytest.importorskip("PIL.Image")
    path = tmp_path / "inline.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 760, "Gambar di bawah")
    c.drawInlineImage(pil.new("RGB", (8, 8), (200, 30, 30)), 72, 600, 40, 40)
    c.drawString(72, 560, "Teks sesudah gambar")
    c.showPage()
    c.save()
    before = sum(fast_content.fallbacks.values())
    _assert_all_equal(path)
    assert sum(fast_content.fallbacks.values()) > before


def test_offset_mediabox(tmp_path):
    path = _mixed_content(tmp_path / "offset.pdf")
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(path))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        page.mediabox.lower_left = (20, 30)
        writer.add_page(page)
    shifted = tmp_path / "shifted.pdf"
    with open(shifted, "wb") as f:
        writer.write(f)
    _assert_all_equal(shifted)


def test_feed_fills_the_cache_the_pipeline_reads(ruled_pdf):
    with pdfplumber.open(ruled_pdf) as pdf:
        page = pdf.pages[0]
        feed(page)
        fed = page.objects
        assert fed["char"] and fed is page._objects
    with pdfplumber.open(ruled_pdf) as pdf:
        assert differences(pdf.pages[0].objects, fed) == []


def test_same_compares_floats_within_tolerance_and_types_strictly():
    assert same(1.0, 1.0 + 1e-9)
    assert not same(1.0, 1.001)
    assert not same((0.0,), [0.0])
    assert not same("Arial", "Helvetica")


def test_page_objects_without_cached_layout(ruled_pdf):
    with pdfplumber.open(ruled_pdf) as pdf:
        page = pdf.pages[0]
        assert not hasattr(page, "_layout")
        objects = page_objects(page)
        assert objects["char"]
