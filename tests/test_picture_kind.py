"""A picture on a text page is OCRed only when a table of values may lie in it: a screenshot of a table
(ruled, borderless, with a coloured heading row and a column of status colours), a scanned Perjanjian
Kinerja page and a chart printed with its data table are read; an organisation chart (boxes joined by
connectors), a bar chart (upright or lying bars), a pie chart and a title page's large lettering are
told from their pixels and left out before OCR.
The pictures are drawn here at 100 dpi (`KindSettings.render_dpi`), as the page is rendered for the test."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.picture_kind import PictureKind, picture_kind
from extractors.picture_tables import picture_regions

FONT = ImageFont.load_default(size=12)
UNITS = ["Dinas Contoh", "Kota Lembah Mas", "Kabupaten Sukamaju", "Bidang Sumur Contoh", "Seksi Contoh",
         "Kecamatan Tepi Air", "Desa Sukamaju"]
FIGURES = [("90,00", "85,50", "95,00"), ("12", "15", "125,00"), ("80,00", "78,40", "98,00"), ("70,00", "77,00", "110,00"),
           ("1.250", "1.100", "88,00"), ("45,00", "45,00", "100,00"), ("60", "54", "90,00")]
BARS = [208, 69, 79, 155, 229, 60, 133, 32, 98, 18, 124, 57]


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (width, height), 255)
    return image, ImageDraw.Draw(image)


def _table(ruled: bool = True, heading_fill: int | None = None, status_column: bool = False) -> Image.Image:
    """A spreadsheet's table: number, unit, three figures per row; rules between every cell when `ruled`."""
    widths, row_h = [30, 170, 70, 70, 70], 22
    image, draw = _canvas(sum(widths) + 20, row_h * (len(UNITS) + 1) + 20)
    for r, row in enumerate([("No", "Unit kerja", "Target", "Realisasi", "Capaian")] +
                            [(str(i + 1), unit, *FIGURES[i]) for i, unit in enumerate(UNITS)]):
        x, y = 10, 10 + r * row_h
        for j, (text, w) in enumerate(zip(row, widths)):
            if r == 0 and heading_fill is not None:
                draw.rectangle((x, y, x + w, y + row_h), fill=heading_fill)
            if status_column and r and j == 4:
                draw.rectangle((x + 2, y + 2, x + w - 2, y + row_h - 2), fill=150)
            if ruled:
                draw.rectangle((x, y, x + w, y + row_h), outline=0)
            draw.text((x + 4, y + 5), text, fill=0, font=FONT)
            x += w
    return image


def _scanned_agreement() -> Image.Image:
    """A Perjanjian Kinerja page as scanned: a title, two paragraphs, the ruled table of targets, signatures."""
    table = _table()
    image, draw = _canvas(table.width + 80, table.height + 420)
    draw.text((150, 30), "PERJANJIAN KINERJA TAHUN 2031", fill=0, font=FONT)
    for k in range(8):
        draw.text((40, 80 + 18 * k), "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya dicapai.",
                  fill=0, font=FONT)
    image.paste(table, (40, 250))
    for x in (60, 340):
        draw.text((x, table.height + 300), "Kepala Dinas Contoh", fill=0, font=FONT)
        draw.line((x, table.height + 370, x + 150, table.height + 370), fill=0)
    return image


def _box(draw: ImageDraw.ImageDraw, x: int, y: int, text: str, fill: int = 255) -> None:
    draw.rectangle((x, y, x + 130, y + 44), outline=0, fill=fill, width=1)
    draw.text((x + 8, y + 8), text, fill=0, font=FONT)


def _organisation_chart() -> Image.Image:
    """A head's box over a secretariat and four divisions, each over two sections: boxes joined by connectors."""
    image, draw = _canvas(760, 420)
    _box(draw, 315, 20, "Kepala Dinas")
    draw.line((380, 64, 380, 120), fill=0)
    _box(draw, 520, 100, "Sekretariat")
    draw.line((380, 122, 520, 122), fill=0)
    draw.line((380, 120, 380, 180), fill=0)
    draw.line((75, 180, 665, 180), fill=0)
    for k in range(4):
        x = 10 + 190 * k
        draw.line((x + 65, 180, x + 65, 200), fill=0)
        _box(draw, x, 200, f"Bidang Contoh {k + 1}")
        draw.line((x + 65, 244, x + 65, 360), fill=0)
        for j in range(2):
            draw.line((x + 65, 280 + 60 * j, x + 80, 280 + 60 * j), fill=0)
        _box(draw, x + 40, 262, "Seksi Contoh A")
        _box(draw, x + 40, 322, "Seksi Contoh B")
    return image


def _bar_chart(lying: bool = False, gridlines: bool = True) -> Image.Image:
    """Bars of one series on an axis (upright, or lying from the left), their values printed over them,
    the units' names under them, light gridlines across the plot and a frame around the picture."""
    image, draw = _canvas(640, 420)
    draw.rectangle((0, 0, 639, 419), outline=0)
    for v in range(0, 251, 50) if not lying else ():
        y = 360 - int(v * 300 / 250)
        if gridlines:
            draw.line((60, y, 620, y), fill=190)
        draw.text((20, y - 6), str(v), fill=0, font=FONT)
    for k, value in enumerate(BARS):
        length = int(value * 300 / 250)
        if lying:
            y = 20 + 30 * k
            draw.text((10, y + 2), f"Kec {k + 1}", fill=0, font=FONT)
            draw.rectangle((80, y, 80 + length, y + 16), fill=90)
            draw.text((86 + length, y + 2), str(value), fill=0, font=FONT)
        else:
            x = 70 + 45 * k
            draw.rectangle((x, 360 - length, x + 22, 360), fill=90)
            draw.text((x, 345 - length), str(value), fill=0, font=FONT)
            draw.text((x - 4, 370), f"Kec {k + 1}", fill=0, font=FONT)
    draw.line((80, 10, 80, 380) if lying else (60, 360, 620, 360), fill=0)
    return image


def _pie_chart(rim: int = 0) -> Image.Image:
    """Slices of one disc (their values printed on them), seen from above or tilted with a 3-D rim, and
    a legend of the units below it."""
    image, draw = _canvas(520, 330)
    box = (110, 20, 410, 170)
    for depth in range(rim, 0, -1):  # the rim: the disc's lower edge repeated downwards, darker
        draw.ellipse((box[0], box[1] + depth, box[2], box[3] + depth), fill=70)
    start = 0.0
    for k, share in enumerate((0.32, 0.41, 0.06, 0.21)):
        draw.pieslice(box, start, start + 360 * share, fill=60 + 40 * k)
        start += 360 * share
    draw.text((300, 60), "206", fill=255, font=FONT)
    for k, unit in enumerate(UNITS[:4]):
        draw.rectangle((60, 220 + 22 * k, 70, 230 + 22 * k), fill=60 + 40 * k)
        draw.text((80, 218 + 22 * k), unit, fill=0, font=FONT)
    return image


def _title_page_lettering() -> Image.Image:
    """A section's title page: one word in letters 80 px (58 pt) tall."""
    image, draw = _canvas(900, 150)
    draw.text((20, 20), "SUMUR CONTOH", fill=80, font=ImageFont.load_default(size=100))
    return image


def _chart_with_its_data_table() -> Image.Image:
    """A bar chart as a spreadsheet prints it with its data table below: the values in ruled cells."""
    chart, table = _bar_chart(), _table()
    image, _ = _canvas(max(chart.width, table.width), chart.height + table.height)
    image.paste(chart, (0, 0))
    image.paste(table, (0, chart.height))
    return image


def _kind(image: Image.Image) -> PictureKind:
    return picture_kind(np.asarray(image))


def test_table_screenshots_may_hold_a_table():
    assert _kind(_table()) is PictureKind.MAY_HOLD_TABLE
    assert _kind(_table(ruled=False)) is PictureKind.MAY_HOLD_TABLE
    assert _kind(_table(heading_fill=120, status_column=True)) is PictureKind.MAY_HOLD_TABLE
    assert _kind(_table(ruled=False, heading_fill=120, status_column=True)) is PictureKind.MAY_HOLD_TABLE


def test_a_scanned_agreement_page_may_hold_a_table():
    assert _kind(_scanned_agreement()) is PictureKind.MAY_HOLD_TABLE


def test_an_organisation_chart_is_boxes_and_connectors():
    assert _kind(_organisation_chart()) is PictureKind.BOX_DIAGRAM


def test_bar_charts_are_told_from_their_bars():
    assert _kind(_bar_chart()) is PictureKind.BAR_CHART
    assert _kind(_bar_chart(gridlines=False)) is PictureKind.BAR_CHART
    assert _kind(_bar_chart(lying=True)) is PictureKind.BAR_CHART


def test_a_pie_chart_is_one_filled_disc():
    assert _kind(_pie_chart()) is PictureKind.PIE_CHART
    assert _kind(_pie_chart(rim=25)) is PictureKind.PIE_CHART


def test_large_lettering_holds_no_table():
    assert _kind(_title_page_lettering()) is PictureKind.LETTERING


def test_a_chart_printed_with_its_data_table_may_hold_a_table():
    assert _kind(_chart_with_its_data_table()) is PictureKind.MAY_HOLD_TABLE


def _report(path, picture: Image.Image) -> None:
    """One text page: a sentence, then the picture at 100 dpi's size (a point is 100/72 of its pixels)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 790, "Laporan Kinerja Dinas Contoh Tahun 2023")
    width, height = picture.width * 72 / 100, picture.height * 72 / 100
    c.drawImage(ImageReader(picture), 50, 770 - height, width=width, height=height)
    c.showPage()
    c.save()


def test_only_pictures_that_may_hold_a_table_are_left_for_ocr(tmp_path):
    """On the page, as `picture_regions` finds them: the table screenshot and the scanned agreement stay
    (OCR reads them as before), the organisation chart and the bar chart are left out."""
    for name, picture, kept in [("tabel", _table(), True), ("pk", _scanned_agreement(), True),
                                ("bagan", _organisation_chart(), False), ("grafik", _bar_chart(), False),
                                ("pie", _pie_chart(), False)]:
        _report(tmp_path / f"{name}.pdf", picture)
        assert bool(picture_regions(str(tmp_path / f"{name}.pdf"))) is kept, name
