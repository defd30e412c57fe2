"""A picture on a text page whose print is all too small for OCR to read its figures (a spreadsheet screenshot
pasted at a coarse resolution) is named as unread without OCR; a table printed large enough (a screenshot at
a fine resolution, a scanned signed agreement page, a chart printed with its data table) is still left for
OCR, and so is a picture whose print cannot be measured (a photograph). The pictures are drawn here in their
own pixels, as `picture_print` measures them."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.picture_print import render_scale, tall_print_px, too_small_to_read
from extractors.picture_tables import SETTINGS

UNITS = ["Bidang Contoh Satu", "Seksi Tepi Air", "Kecamatan Lembah", "Desa Sukamaju", "Unit Uji Coba", "Balai Contoh"]
FIGURES = [("1.250,00", "1.100,50", "88,04"), ("45,00", "45,00", "100,00"), ("12", "15", "125,00"),
           ("80,00", "78,40", "98,00"), ("2.774.900,0", "2.500.000,0", "90,09"), ("60", "54", "90,00")]


def _table(letter_px: int, chart_above: bool = False) -> Image.Image:
    """A ruled spreadsheet table (unit, target, realisation, achievement) whose letters are `letter_px` pixels
    tall; `chart_above`: a bar chart over it, as a chart printed with its data table."""
    font = ImageFont.load_default(size=letter_px)
    row_h, widths = 2 * letter_px, [14 * letter_px, 8 * letter_px, 8 * letter_px, 6 * letter_px]
    top = 12 * letter_px if chart_above else 0
    image = Image.new("L", (sum(widths) + 20, top + row_h * (len(UNITS) + 1) + 20), 255)
    draw = ImageDraw.Draw(image)
    if chart_above:
        for k, length in enumerate((9, 4, 7, 3, 8, 5)):
            x = 30 + k * 3 * letter_px
            draw.rectangle((x, top - length * letter_px, x + letter_px, top - 4), fill=90)
    for r, row in enumerate([("Unit kerja", "Target", "Realisasi", "Capaian")] +
                            [(unit, *FIGURES[i]) for i, unit in enumerate(UNITS)]):
        x, y = 10, top + 10 + r * row_h
        for text, w in zip(row, widths):
            draw.rectangle((x, y, x + w, y + row_h), outline=0)
            draw.text((x + 4, y + letter_px // 3), text, fill=0, font=font)
            x += w
    return image


def _agreement_page() -> Image.Image:
    """A signed Perjanjian Kinerja page as scanned at 200 dpi: 11-pt text (about 30 px letters), its table."""
    font = ImageFont.load_default(size=30)
    table = _table(30)
    image = Image.new("L", (table.width + 160, table.height + 900), 255)
    draw = ImageDraw.Draw(image)
    draw.text((300, 60), "PERJANJIAN KINERJA TAHUN 2031", fill=0, font=font)
    for k in range(8):
        draw.text((80, 160 + 45 * k), "Pihak pertama berjanji akan mewujudkan target kinerja yang ditetapkan.",
                  fill=0, font=font)
    image.paste(table, (80, 560))
    for x in (120, 900):
        draw.text((x, table.height + 700), "Kepala Unit Contoh", fill=0, font=font)
        draw.line((x, table.height + 860, x + 400, table.height + 860), fill=0, width=3)
    return image


def _small(image: Image.Image) -> bool:
    """Whether the picture, measured in its own pixels, is too small to read (`picture_tables`' threshold)."""
    return too_small_to_read(tall_print_px(np.asarray(image), 1.0, 1.0), SETTINGS.min_small_digit_px)


def test_a_coarse_screenshot_of_a_table_is_too_small_to_read():
    assert tall_print_px(np.asarray(_table(8)), 1.0, 1.0) < 10
    assert _small(_table(8))


def test_a_table_printed_large_enough_is_left_for_ocr():
    assert not _small(_table(16))
    assert not _small(_agreement_page())
    assert not _small(_table(16, chart_above=True))


def test_print_is_measured_in_the_pictures_own_pixels_whatever_it_is_rendered_at():
    fine = _table(16)  # a 144-dpi picture: 2 of its pixels a point
    coarse = fine.resize((fine.width // 2, fine.height // 2), Image.Resampling.LANCZOS)  # the page at 72 dpi
    own = tall_print_px(np.asarray(fine), 2.0, 2.0)
    seen_coarser = tall_print_px(np.asarray(coarse), 1.0, 2.0)
    assert own is not None and seen_coarser is not None and abs(own - seen_coarser) <= 2.0
    assert render_scale(600 / 72) == 300 / 72 and render_scale(1.5) == 1.5


def test_a_picture_without_print_is_never_left_unread():
    rng = np.random.default_rng(5)
    photo = rng.integers(20, 180, (300, 500), dtype=np.uint8)
    assert tall_print_px(photo, 1.0, 1.0) is None and not too_small_to_read(None, SETTINGS.min_small_digit_px)
    blank = np.full((300, 500), 255, np.uint8)
    assert tall_print_px(blank, 1.0, 1.0) is None


def _report(path, picture: Image.Image, px_per_pt: float) -> None:
    """One text page: two sentences and the picture placed at `px_per_pt` of its pixels a point."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 790, "Laporan Kinerja Unit Contoh Tahun 2031")
    c.drawString(60, 770, "Tabel 3.1 Capaian Kinerja Tahun 2031")
    width, height = picture.width / px_per_pt, picture.height / px_per_pt
    c.drawImage(ImageReader(picture), 50, 750 - height, width=width, height=height)
    c.showPage()
    c.save()


def test_only_pictures_whose_print_can_be_read_are_planned_for_ocr(tmp_path):
    from extractors.ocr_pool import _plan

    coarse = tmp_path / "coarse.pdf"
    _report(coarse, _table(8), 0.75)  # 11-pt letters in a 54-dpi picture: 8 px
    scans, plan = _plan(str(coarse), None, "")
    assert scans == [] and plan.regions == {} and [page for page, _ in plan.small_print] == [1]
    fine = tmp_path / "fine.pdf"
    _report(fine, _table(16), 1.5)  # the same letters in a 108-dpi picture: 16 px
    scans, plan = _plan(str(fine), None, "")
    assert list(plan.regions) == [1] and plan.small_print == []
