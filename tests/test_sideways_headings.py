"""Column headings set sideways in a narrow column of a ruled table (an Excel sheet's turned header cells), read
upwards: their words are spelled in reading order, so the columns get their roles (extractors/lattice.py,
extractors/page_source.py read_upward_words). A generated PDF."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.pdf import read_pdf
from pipeline.classify import classify

COLUMNS = [60, 220, 50, 50, 50]  # widths: No, Indikator, then three narrow value columns
HEADINGS = ["No", "Indikator Kinerja"]
SIDEWAYS = ["Target", "Realisasi", "Capaian"]
ROWS = [["1", "Persentase arsip contoh yang tertata", "80", "84", "105"],
        ["2", "Jumlah desa contoh yang dibina", "20", "19", "95"]]


def _pdf(path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    left, top, head, row_h = 60, A4[1] - 120, 80, 22
    xs = [left]
    for w in COLUMNS:
        xs.append(xs[-1] + w)
    ys = [top, top - head] + [top - head - row_h * (k + 1) for k in range(len(ROWS))]
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    c.setFont("Helvetica", 9)
    for k, text in enumerate(HEADINGS):
        c.drawString(xs[k] + 4, top - 20, text)
    for k, text in enumerate(SIDEWAYS, start=2):
        c.saveState()
        c.translate(xs[k] + 28, top - head + 6)
        c.rotate(90)  # reads upwards, bottom to top
        c.drawString(0, 0, text)
        c.restoreState()
    for r, row in enumerate(ROWS):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, ys[r + 1] - 15, text)
    c.drawString(60, top + 20, "Tabel 3.1 Capaian Kinerja Tahun 2023")
    c.showPage()
    c.save()


def test_headings_set_sideways_read_upwards_are_spelled_in_reading_order(tmp_path):
    pdf = tmp_path / "sideways.pdf"
    _pdf(pdf)
    [table] = read_pdf(str(pdf)).tables
    assert [c.text for c in table.header[0]][2:] == SIDEWAYS
    layout = classify(table, 2023)
    assert [c.role for c in layout.columns][2:] == ["target", "realization", "achievement"]


def test_words_set_sideways_read_upwards_are_spelled_in_reading_order(tmp_path):
    import pdfplumber

    from extractors.page_source import TextLayerPage
    pdf = tmp_path / "sideways.pdf"
    _pdf(pdf)
    with pdfplumber.open(str(pdf)) as doc:
        words = {w.text for w in TextLayerPage(doc.pages[0], 1).words}
    assert set(SIDEWAYS) <= words
