"""Figures standing alone that Tesseract's page reading skips as noise (a row's number in its own column, a short
value in a wide column) are read from the ink no word covers (extractors/ocr.py read_lone_figures); a roman
numeral or a speck is not taken for a figure. The page is drawn with reportlab and rendered at 300 dpi; the page
reading's words are given without the lone figures, as Tesseract returned them on the scans."""
from __future__ import annotations

import io

import numpy as np
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.ocr import engine_available, read_lone_figures, read_words

needs_tesseract = pytest.mark.skipif(
    not engine_available(), reason="Tesseract with its Indonesian model is not installed and `make install` could "
                                   "not install it (not root): sudo apt-get install -y tesseract-ocr tesseract-ocr-ind")


def _page() -> np.ndarray:
    import pypdfium2

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(70, 700, "2")
    c.drawString(90, 700, "Produksi sumur contoh Kabupaten Sukamaju")
    c.drawString(300, 700, "ton")
    c.drawRightString(380, 700, "71")
    c.drawRightString(440, 700, "84")
    c.drawString(480, 700, "II")
    c.rect(520, 702, 1.2, 1.2, fill=1)  # a speck
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=300 / 72, grayscale=True).to_numpy()
    doc.close()
    return np.ascontiguousarray(image[:, :, 0] if image.ndim == 3 else image)


@needs_tesseract
def test_lone_figures_the_page_reading_skipped_are_read():
    image = _page()
    words, lines = read_words(image)
    kept = [w for w in words if w[0] not in ("2", "84", "II", "11")]
    index = {id(w): k for k, w in enumerate(kept)}
    lines = [[index[id(words[k])] for k in line if id(words[k]) in index] for line in lines]
    out, out_lines = read_lone_figures(image, image, kept, [line for line in lines if line])
    added = sorted(w[0] for w in out[len(kept):])
    assert added == ["2", "84"]
    assert all(len(line) == 1 for line in out_lines[-2:])
