"""A table printed as a picture inside a page that has a text layer (a spreadsheet screenshot, a scanned
Perjanjian Kinerja pasted into a Word report) is read by OCR and loads like any other table; the page's
own text stays the text layer's. A picture whose figures are too small to read is named in the run's
output instead of giving misread rows; a photograph is never OCRed."""
from __future__ import annotations

import io
import sqlite3

import numpy as np
import pytest
from conftest import picture_report
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.ocr import engine_available
from extractors.picture_tables import picture_regions
from pipeline.cli import main

needs_tesseract = pytest.mark.skipif(not engine_available(), reason="Tesseract with its Indonesian model is not installed")

HEADER = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
ROWS = [["1", "Persentase dokumen perencanaan tepat waktu", "90,00", "85,50", "95,00"],
        ["2", "Jumlah rekomendasi kebijakan disusun", "12", "15", "125,00"],
        ["3", "Nilai evaluasi kinerja unit", "80,00", "78,40", "98,00"]]
WIDTHS = [30, 230, 70, 70, 70]


def _table_picture(scale: float) -> Image.Image:
    """The ruled table drawn by reportlab and rasterised at `scale` pixels per point."""
    import pypdfium2

    buf = io.BytesIO()
    width, height = sum(WIDTHS) + 20, 24 * (len(ROWS) + 1) + 20
    c = canvas.Canvas(buf, pagesize=(width, height))
    for r, row in enumerate([HEADER] + ROWS):
        y, x = height - 10 - r * 24, 10
        for j, (text, w) in enumerate(zip(row, WIDTHS)):
            c.rect(x, y - 24, w, 24)
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            (c.drawRightString(x + w - 5, y - 16, text) if j >= 2 and r else c.drawString(x + 5, y - 16, text))
            x += w
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    image = doc[0].render(scale=scale, grayscale=True).to_pil().convert("L")
    doc.close()
    return image


def _report(path, picture: Image.Image, caption: str = "Tabel 3.1 Capaian Kinerja Tahun 2023") -> None:
    """One text page: a sentence, the caption, the table as a picture (placed at its drawn size), a sentence."""
    picture_report(path, picture, caption, sum(WIDTHS) + 20, (
        "Laporan Kinerja Instansi Pemerintah Tahun 2023", "Berikut capaian indikator kinerja sasaran tahun 2023 yang diukur."))


def _extract(folder, tmp_path, capsys) -> tuple[list[tuple], str]:
    db = str(tmp_path / "db.sqlite")
    assert main(["extract", str(folder), "--db", db, "--out", str(tmp_path / "out"), "--quiet"]) == 0
    out = capsys.readouterr().out
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT indicator, target, realization, achievement_pct FROM performance ORDER BY indicator").fetchall()
    return rows, out


def test_a_picture_region_is_found_only_where_no_text_lies_over_it(tmp_path):
    _report(tmp_path / "a.pdf", _table_picture(200 / 72))
    [(page, [region])] = picture_regions(str(tmp_path / "a.pdf")).items()
    assert page == 1 and region.px_per_pt == pytest.approx(200 / 72, rel=0.02)


def test_a_photograph_is_not_a_picture_table(tmp_path):
    rng = np.random.default_rng(3)
    photo = Image.fromarray(rng.integers(20, 180, (300, 500), dtype=np.uint8))  # dark, mid-tone pixels
    _report(tmp_path / "photo.pdf", photo, "Gambar 1 Kegiatan sosialisasi")
    assert picture_regions(str(tmp_path / "photo.pdf")) == {}


@needs_tesseract
def test_table_printed_as_a_picture_on_a_text_page_loads(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder / "laporan.pdf", _table_picture(200 / 72))
    rows, _ = _extract(folder, tmp_path, capsys)
    assert ("Jumlah rekomendasi kebijakan disusun", 12.0, 15.0, 125.0) in rows
    assert ("Nilai evaluasi kinerja unit", 80.0, 78.4, 98.0) in rows


@needs_tesseract
def test_picture_with_figures_too_small_to_read_is_named_not_misread(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder / "kecil.pdf", _table_picture(40 / 72))  # 10-pt figures at 40 dpi: about 5 px tall
    rows, out = _extract(folder, tmp_path, capsys)
    assert rows == []
    assert "on page 1 not read" in out and "too small" in out and "to read reliably" in out


@needs_tesseract
def test_a_picture_fitted_down_to_the_page_is_re_enlarged_from_its_own_pixels_and_read(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder / "dipadatkan.pdf", _table_picture(70 / 72))  # a range fitted to 70 dpi: figures 8-9 px tall
    rows, out = _extract(folder, tmp_path, capsys)
    assert {tuple(values) for _, *values in rows} == {(90.0, 85.5, 95.0), (12.0, 15.0, 125.0), (80.0, 78.4, 98.0)}
    assert "not read" not in out


def test_an_organisation_chart_read_by_ocr_is_no_table_of_values():
    from extractors.picture_tables import SETTINGS, _is_value_table
    from pipeline.models import Cell, RawTable

    def table(rows):
        return RawTable(0, [1], None, None, [], [[Cell(text, 1) for text in row] for row in rows], "ocr_lattice")

    chart = table([["", "BIDANG 1", "", "BIDANG 2"], ["4", "", "4", ""], ["", "SEKSI 1.1", "", "SEKSI 2.1"], ["4", "", "4", ""]])
    assert not _is_value_table(chart, SETTINGS)  # one figure (an icon read as "4"), names with numbers
    values = table([["1", "Nilai SAKIP", "72,13"], ["2", "Nilai kematangan", "3,2"]])
    assert _is_value_table(values, SETTINGS)


@needs_tesseract
@pytest.mark.parametrize("turn", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270])
def test_a_landscape_picture_turned_a_quarter_either_way_on_a_portrait_page_is_read(tmp_path, capsys, turn):
    folder = tmp_path / "in"
    folder.mkdir()
    picture = _table_picture(200 / 72).transpose(turn)
    c = canvas.Canvas(str(folder / "miring.pdf"), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 790, "Laporan Kinerja Instansi Pemerintah Tahun 2023")
    c.drawString(60, 770, "Tabel 3.1 Capaian Kinerja Tahun 2023")
    width = 24 * (len(ROWS) + 1) + 20  # the table's height, now across the page, at its left margin
    height = width * picture.height / picture.width
    c.drawImage(ImageReader(picture), 60, 750 - height, width=width, height=height)
    c.showPage()
    c.save()
    rows, _ = _extract(folder, tmp_path, capsys)
    assert ("Jumlah rekomendasi kebijakan disusun", 12.0, 15.0, 125.0) in rows
