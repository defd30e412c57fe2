"""Pictures as PDF producers place them, read where they lie (extractors/picture_tables.py, ocr_page.bounds_on_page):
a table picture drawn by a form XObject that scales a unit-size image, and one cut into strips or tiles, are each
one picture region; a table pasted at screen resolution (figures 10-14 px tall) is read when its figures keep their
form (extractors/figure_forms.py) and named unread when they do not."""
from __future__ import annotations

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from test_picture_tables import _extract, _table_picture, needs_tesseract

from extractors.figure_forms import figures_among_words, figures_of, unsure_figures
from extractors.page_source import Word
from extractors.picture_tables import SETTINGS, PictureRegion, _joined_pieces, keep_picture_tables, picture_regions
from pipeline.models import Cell, RawTable

TABLE_WIDTH = 490.0  # points, the width the picture is placed at (tests.test_picture_tables' table)


def _page_with(draw, path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 790, "Laporan Kinerja Dinas Contoh Kabupaten Sukamaju Tahun 2031")
    c.drawString(60, 750, "Tabel 3.1 Capaian Kinerja Tahun 2031")
    draw(c)
    c.showPage()
    c.save()


def _placed_height(picture: Image.Image) -> float:
    return TABLE_WIDTH * picture.height / picture.width


def test_a_picture_a_form_xobject_scales_from_unit_size_is_found_where_it_lies(tmp_path):
    picture = _table_picture(150 / 72)
    height = _placed_height(picture)

    def draw(c):
        c.beginForm("tabel")
        c.drawImage(ImageReader(picture), 0, 0, width=1, height=1)
        c.endForm()
        c.saveState()
        c.transform(TABLE_WIDTH, 0, 0, height, 50, 730 - height)
        c.doForm("tabel")
        c.restoreState()
    _page_with(draw, tmp_path / "form.pdf")
    [(page, [region])] = picture_regions(str(tmp_path / "form.pdf")).items()
    assert region.box[0] == pytest.approx(50, abs=1) and region.box[2] == pytest.approx(50 + TABLE_WIDTH, abs=1)
    assert region.px_per_pt == pytest.approx(picture.width / TABLE_WIDTH, rel=0.02)


def test_a_picture_cut_into_strips_is_one_picture(tmp_path):
    picture = _table_picture(150 / 72)
    height = _placed_height(picture)
    strips = 5  # each strip a few per cent of the page, under the size a table picture has

    def draw(c):
        step = picture.height / strips
        for k in range(strips):
            piece = picture.crop((0, round(k * step), picture.width, round((k + 1) * step)))
            piece_height = height * piece.height / picture.height
            top = 730 - height * round(k * step) / picture.height
            c.drawImage(ImageReader(piece), 50, top - piece_height, width=TABLE_WIDTH, height=piece_height)
    _page_with(draw, tmp_path / "strips.pdf")
    [(page, [region])] = picture_regions(str(tmp_path / "strips.pdf")).items()
    assert region.box[3] - region.box[1] == pytest.approx(height, abs=1.5)


def test_tiles_join_by_rows_then_into_one_picture():
    def tile(x0, top):
        return PictureRegion((x0, top, x0 + 100.0, top + 50.0), 2.0, (200, 100))
    tiles = [tile(x, y) for y in (100.0, 150.0) for x in (50.0, 150.0, 250.0)]
    [joined] = _joined_pieces(tiles, SETTINGS)
    assert joined.box == (50.0, 100.0, 350.0, 200.0) and joined.px_size == (600, 200)
    apart = [tile(50.0, 100.0), tile(50.0, 170.0)]  # two pictures a line apart stay two
    assert len(_joined_pieces(apart, SETTINGS)) == 2


def test_figures_out_of_form_or_of_the_other_convention_are_unsure():
    assert unsure_figures(figures_of(["1.250.000", "96,33", "2.774.931,0", "(12)", "85,5 %", "2031"])) == 0
    assert unsure_figures(["42. 180.0", "629,040,0", "2.947,435.000", "1.250.000"]) == 3
    assert unsure_figures(["2.774.931,0", "1.130.000,0", "339,000", "96,33"]) == 1  # one English figure among them
    assert figures_of(["1\n2\n3"]) == ["1", "2", "3"]  # a column numbering stacked in one header cell
    assert unsure_figures(["1250000000", "987654321", "0", "2031"]) == 0  # amounts a sheet prints ungrouped
    assert unsure_figures(["071507545", "0,5"]) == 1  # a leading zero is a misread


def _small_print_table(figures: list[str], confidences: list[float] | None = None
                       ) -> tuple[RawTable, list[Word], list[PictureRegion]]:
    """A table of three rows read from a picture of 1.333 px per point whose figures are 9 pt tall: 12 px."""
    sure = confidences or [95.0] * len(figures)
    header = [[Cell("No", 1), Cell("Indikator", 1), Cell("Target", 1), Cell("Realisasi", 1)]]
    body = [[Cell(str(k + 1), 1), Cell(f"Indikator contoh {k + 1}", 1), Cell(figures[2 * k], 1, ocr_confidence=sure[2 * k]),
             Cell(figures[2 * k + 1], 1, ocr_confidence=sure[2 * k + 1])] for k in range(3)]
    table = RawTable(0, [1], None, None, header, body, "ocr_lattice", bbox=[50.0, 100.0, 500.0, 200.0])
    words = [Word(text, 300.0 + 100 * (j % 2), 350.0 + 100 * (j % 2), 120.0 + 20 * (j // 2), 129.0 + 20 * (j // 2),
                  9.0, False) for j, text in enumerate(figures)]
    return table, words, [PictureRegion((40.0, 90.0, 510.0, 210.0), 96 / 72, (627, 160))]


def test_small_print_is_read_when_its_figures_keep_their_form():
    table, words, regions = _small_print_table(["90,00", "85,50", "12", "15", "80,00", "78,40"])
    reading = keep_picture_tables([table], words, regions, 1)
    assert reading.tables == [table] and reading.unread == []


def test_small_print_whose_figures_break_their_form_is_named_unread():
    table, words, regions = _small_print_table(["90, 00", "85,50", "1.2", "15", "80,00,0", "78,40"])
    reading = keep_picture_tables([table], words, regions, 1)
    assert reading.tables == [] and [page for page, _ in reading.unread] == [1]


@needs_tesseract
def test_a_table_pasted_at_screen_resolution_loads(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    picture = _table_picture(125 / 72)  # 10-pt figures at 125 dpi: about 12 px tall

    def draw(c):
        height = _placed_height(picture)
        c.drawImage(ImageReader(picture), 50, 730 - height, width=TABLE_WIDTH, height=height)
    _page_with(draw, folder / "layar.pdf")
    rows, _ = _extract(folder, tmp_path, capsys)
    assert ("Nilai evaluasi kinerja unit", 80.0, 78.4, 98.0) in rows



def test_small_print_read_unsurely_is_named_unread():
    figures = ["90,00", "85,50", "12", "15", "80,00", "78,40"]
    table, words, regions = _small_print_table(figures, [95.0, 41.0, 96.0, 62.0, 94.0, 95.0])  # thin figures
    reading = keep_picture_tables([table], words, regions, 1)
    assert reading.tables == [] and len(reading.unread) == 1


def test_an_amount_read_inside_a_name_cell_is_a_column_not_parted():
    assert figures_among_words(["PROGRAM PENDAFTARAN PENDUDUK 3.149.663.000", "PROGRAM CONTOH", "2.607.880.846",
                                "JUMLAH 20.974,305.000", "Tabel 3.2 tahun 2023", "96,76"]) == 2


def test_a_coarse_picture_s_small_print_is_read_only_with_every_figure_sure_and_its_columns_parted():
    figures = ["90,00", "85,50", "12", "15", "80,00", "78,40"]
    coarse = [PictureRegion((40.0, 90.0, 510.0, 210.0), 66 / 72, (431, 110))]  # a range fitted down to 66 dpi
    table, words, _ = _small_print_table(figures)  # figures 9 pt tall: 8 px at 66 dpi
    assert keep_picture_tables([table], words, coarse, 1).tables == [table]
    table, words, _ = _small_print_table(figures, [95.0, 95.0, 96.0, 70.0, 94.0, 95.0])  # one figure unsure
    assert keep_picture_tables([table], words, coarse, 1).tables == []
    table, words, _ = _small_print_table(figures)
    table.body[0][1] = Cell("Indikator contoh 1.250.000", 1)  # the amount column's rule was not seen
    assert keep_picture_tables([table], words, coarse, 1).tables == []
    table, words, regions = _small_print_table(figures)  # the same print at 96 dpi: 12 px, read as before
    assert keep_picture_tables([table], words, regions, 1).tables == [table]
