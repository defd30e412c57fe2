"""A spreadsheet's table style pasted as a picture: the header row filled dark (blue, black) and printed in white
bold letters, the cells parted by white rules, the body ruled in a light grid. The dark cells are turned into
black print on paper with their outline drawn as the border it is (extractors/dark_cells.py), so the header row
belongs to the table and its columns get their roles; a light shade printed in dark letters is left as it is, and
outlined: a pale header band whose grid is as light as its fill shows no border of its own."""
from __future__ import annotations

import io
import sqlite3

import numpy as np
import pytest
from conftest import picture_report
from PIL import Image
from reportlab.pdfgen import canvas

from extractors.dark_cells import invert_dark_cells, outline_light_fills
from extractors.ocr import engine_available
from pipeline.cli import main

needs_tesseract = pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")

HEADER = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]
ROWS = [["1", "Persentase arsip desa tertata rapi", "%", "80", "84,00", "105,00"],
        ["2", "Jumlah pelatihan aparatur kelurahan", "kali", "12", "9", "75,00"],
        ["3", "Indeks layanan perpustakaan keliling", "indeks", "3,20", "3,36", "105,00"],
        ["4", "Persentase laporan keuangan tepat waktu", "%", "90", "99,00", "110,00"]]
WIDTHS = [26, 190, 50, 50, 60, 64]
ROW_PT = 20


RGB = tuple[float, float, float]


def _styled_table(scale: float, fill: RGB = (0.12, 0.31, 0.47), letters: RGB = (1, 1, 1),
                  header_rules: RGB = (1, 1, 1)) -> Image.Image:
    """The table in a spreadsheet style: a header row filled `fill` in bold `letters` with `header_rules` between
    its cells (white on dark blue by default), a body in a light grey grid; rasterised at `scale` pixels per point."""
    import pypdfium2

    buf = io.BytesIO()
    width, height = sum(WIDTHS) + 20, ROW_PT * (len(ROWS) + 1) + 20
    c = canvas.Canvas(buf, pagesize=(width, height))
    for r, row in enumerate([HEADER] + ROWS):
        y, x = height - 10 - r * ROW_PT, 10
        for j, (text, w) in enumerate(zip(row, WIDTHS)):
            if r == 0:
                c.setFillColorRGB(*fill)
                c.setStrokeColorRGB(*header_rules)
                c.rect(x, y - ROW_PT, w, ROW_PT, fill=1, stroke=1)
                c.setFillColorRGB(*letters)
                c.setFont("Helvetica-Bold", 9)
            else:
                c.setStrokeColorRGB(0.75, 0.75, 0.75)
                c.rect(x, y - ROW_PT, w, ROW_PT, fill=0, stroke=1)
                c.setFillColorRGB(0, 0, 0)
                c.setFont("Helvetica", 9)
            if j >= 3 and r:
                c.drawRightString(x + w - 4, y - 14, text)
            else:
                c.drawString(x + 4, y - 14, text)
            x += w
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=scale).to_pil().convert("RGB")
    doc.close()
    return image


def _report(path, picture: Image.Image) -> None:
    """One text page: a sentence, the caption, the table as a picture at its drawn size, a sentence."""
    picture_report(path, picture, "Tabel 3.1 Pengukuran Capaian Kinerja Tahun 2023", sum(WIDTHS) + 20, (
        "Laporan Kinerja Dinas Contoh Kabupaten Sukamaju Tahun 2023",
        "Capaian indikator kinerja sasaran tahun 2023 disajikan berikut."))


def _band(grey: np.ndarray) -> tuple[slice, slice]:
    """The rows and columns of the dark header band of a grey rendering of `_styled_table`."""
    rows = np.flatnonzero((grey < 100).mean(axis=1) > 0.5)
    cols = np.flatnonzero((grey[rows] < 100).mean(axis=0) > 0.5)
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)


def test_a_dark_header_band_turns_to_dark_letters_on_paper_with_its_border_drawn():
    grey = np.asarray(_styled_table(300 / 72).convert("L"))
    rows, cols = _band(grey)
    out = invert_dark_cells(grey, 300)
    band = out[rows, cols]
    inner = band[8:-8, 8:-8]
    assert (inner > 200).mean() > 0.7  # the fill is paper now
    assert (inner < 100).mean() > 0.03  # and its letters ink
    def drawn(edge: np.ndarray, axis: int) -> bool:  # a line of ink along the band's edge, within 2 px of it
        return bool(((edge < 100).mean(axis=axis) > 0.95).any())

    assert drawn(out[rows.start - 2:rows.start + 3, cols], 1) and drawn(out[rows.stop - 3:rows.stop + 2, cols], 1)
    assert drawn(out[rows, cols.start - 2:cols.start + 3], 0) and drawn(out[rows, cols.stop - 3:cols.stop + 2], 0)
    assert np.array_equal(out[rows.stop + 8:], grey[rows.stop + 8:])  # the body below is untouched


def test_a_light_shade_printed_in_dark_letters_is_left_as_it_is():
    grey = np.asarray(_styled_table(300 / 72, fill=(0.85, 0.85, 0.85)).convert("L"))
    assert np.array_equal(invert_dark_cells(grey, 300), grey)  # white letters on light grey: no dark fill


def test_a_pale_header_band_whose_grid_is_as_light_as_its_fill_gets_its_border_drawn():
    pale = (1.0, 0.85, 0.4)  # a yellow header, its grid the same light grey as the body's, its letters black
    grey = np.asarray(_styled_table(300 / 72, fill=pale, letters=(0, 0, 0), header_rules=(0.85, 0.85, 0.85)).convert("L"))
    shaded = np.flatnonzero(((grey > 200) & (grey < 230)).mean(axis=1) > 0.5)  # the band's shade (grey ~215)
    rows = shaded[:np.argmax(np.diff(shaded) > 1) + 1]  # its first run of rows: the header band
    out = outline_light_fills(grey, 300)
    near = 12  # px at 300 dpi: 3 pt, within which the table reader takes two rules for one grid line
    for edge in (rows[0], rows[-1]):  # its top and bottom edges are ruled now, as no grid line made them before
        assert ((out[edge - near:edge + near] < 100).mean(axis=1) > 0.9).any()
        assert not ((grey[edge - near:edge + near] < 100).mean(axis=1) > 0.9).any()


@needs_tesseract
def test_a_spreadsheet_table_with_a_white_on_dark_header_loads_with_its_columns(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder / "laporan.pdf", _styled_table(150 / 72))
    db = str(tmp_path / "db.sqlite")
    assert main(["extract", str(folder), "--db", db, "--out", str(tmp_path / "out"), "--quiet"]) == 0
    capsys.readouterr()
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT indicator, target, realization, achievement_pct FROM performance").fetchall()
    assert ("Jumlah pelatihan aparatur kelurahan", 12.0, 9.0, 75.0) in rows
    assert ("Indeks layanan perpustakaan keliling", 3.2, 3.36, 105.0) in rows
