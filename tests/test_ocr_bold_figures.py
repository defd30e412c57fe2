"""A row of bold figures with thousands points in a ruled cell ("2.222.850.000") is no rule: the flat feet of its
"2"s and the points between its groups make a run of ink as long as a short rule, but letters stand on that run
all along it (about two fifths of its length in any band above it; beside a drawn rule, paper). Taken for a rule,
it was erased from the image OCR reads, and the figures' lower half with it ("2 222 REN NN")
(extractors/ocr.py find_rules, `flat_rule_text_share`). The cell is drawn with reportlab and rendered at 300 dpi."""
from __future__ import annotations

import io

import numpy as np
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.ocr import SETTINGS, binarize, find_rules


def _scan() -> np.ndarray:
    import pypdfium2

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setLineWidth(0.5)
    for y in (700, 680, 660):
        c.line(60, y, 540, y)
    for x in (60, 300, 420, 540):
        c.line(x, 660, x, 700)
    c.setFont("Helvetica-Bold", 7)
    c.drawRightString(415, 686, "2.222.850.000")
    c.drawRightString(535, 686, "2.022.220.000")
    c.setFont("Helvetica", 7)
    c.drawRightString(415, 666, "1.372.140.000")
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=300 / 72, grayscale=True).to_numpy()
    doc.close()
    return np.ascontiguousarray(image[:, :, 0] if image.ndim == 3 else image)


def test_a_row_of_bold_figures_is_no_rule():
    grey = _scan()
    px_per_pt = 300 / 72
    _, horizontal, _ = find_rules(binarize(grey, SETTINGS), px_per_pt, SETTINGS)
    ys = sorted(round(y / px_per_pt) for _, _, y in horizontal)
    height = grey.shape[0] / px_per_pt
    drawn = [round(height - y) for y in (700, 680, 660)]
    assert all(any(abs(y - d) <= 2 for d in drawn) for y in ys), ys  # the three drawn rules, nothing in between
    assert len(ys) == 3
