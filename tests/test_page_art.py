"""Ruled tables on pages that a letterhead template decorates (extractors/lattice.py): the template's
stripes drawn longer than the paper, its running-head banner over the top of a table that goes on
from the page before, and numbers a narrow cell broke into pieces that each read as a number
(extractors/stacked_rows.py). Each test draws its own page and reads it back with `python -m pipeline
tables --json`."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from extractors.grid import realign_rows
from pipeline.models import Cell

EDGES = [40, 110, 260, 330, 400, 470]  # Tujuan | Indikator | Target | Realisasi | Capaian
HEADER = ["Tujuan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
ROWS = [["Tumbuhnya usaha", "Jumlah koperasi aktif", "120", "126", "105,00"],
        ["", "Persentase koperasi sehat", "45,50", "47,10", "103,52"]]


def _ruled_table(c, top: float, row_height: float = 30.0) -> float:
    """The table of HEADER and ROWS, ruled, its top at `top`; returns its bottom."""
    bottom = top - row_height * (len(ROWS) + 1)
    for x in EDGES:
        c.line(x, top, x, bottom)
    for k in range(len(ROWS) + 2):
        c.line(EDGES[0], top - row_height * k, EDGES[-1], top - row_height * k)
    for k, row in enumerate([HEADER, *ROWS]):
        for x, text in zip(EDGES, row):
            c.drawString(x + 3, top - row_height * k - 18, text)
    return bottom


def _stripe(c, points: list[tuple[float, float]]) -> None:
    """One stroked line of several segments (a path, not a single line): a template's stripe."""
    path = c.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    c.drawPath(path, stroke=1, fill=0)


def test_template_stripes_drawn_past_the_page_do_not_cut_a_table_into_slivers(tmp_path, saved_tables):
    """Three coloured stripes come in from the page's margin above the table and run down through its
    name column past the foot of the paper: no column rules; the names stay whole."""
    pdf = tmp_path / "stripes.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    _ruled_table(c, 700.0)
    c.setLineWidth(2)
    for k, x in enumerate((118.0, 123.0, 128.0)):
        _stripe(c, [(10.0, 760.0 - 3 * k), (x, 760.0 - 3 * k), (x, -300.0), (x + 60, -300.0)])
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == [HEADER, *ROWS]


def test_template_rules_drawn_past_the_page_under_a_clip_of_the_page_stay_page_art(tmp_path, saved_tables):
    """The stripes drawn as single lines, under a clipping path that is the page's box (as a template's
    PDF sets one): a clip of the whole page cuts nothing the paper does not (extractors/clip_paths.py),
    so the lines still run off the page, and are no column rules."""
    pdf = tmp_path / "clipped_stripes.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    _ruled_table(c, 700.0)
    c.saveState()
    page = c.beginPath()
    page.rect(0, 0, *A4)
    c.clipPath(page, stroke=0, fill=0)
    c.setLineWidth(2)
    for x in (118.0, 123.0, 128.0):
        c.line(x, 760.0, x, -300.0)
    c.restoreState()
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == [HEADER, *ROWS]


def test_a_running_head_banner_over_the_top_of_a_table_is_no_cell_border(tmp_path, saved_tables):
    """A table that goes on at the head of the page runs under the template's banner, a filled rounded
    box over its header row: the box's edges are no rules, the headings stay in their columns."""
    pdf = tmp_path / "banner.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.setFillColorRGB(0.8, 0.7, 0.9)
    c.roundRect(150.0, 705.0, 200.0, 40.0, 8.0, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    _ruled_table(c, 730.0)
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"][0] == HEADER
    assert tables[0]["rows"][1] == ROWS[0]


NARROW = [40, 200, 236, 272]  # Indikator | 2021 | 2022: value columns too narrow for their numbers


def _narrow_table(pdf, cells: list[tuple[float, int, str]], width: float = 36.0):
    """One ruled body row under a header, the value columns `width` points wide; `cells`: (line, column, text)."""
    edges = [NARROW[0], NARROW[1], NARROW[1] + width, NARROW[1] + 2 * width]
    c = canvas.Canvas(str(pdf), pagesize=landscape(A4))
    c.setFont("Helvetica", 8)
    top, header_bottom, bottom = 500.0, 480.0, 440.0
    for x in edges:
        c.line(x, top, x, bottom)
    for y in (top, header_bottom, bottom):
        c.line(edges[0], y, edges[-1], y)
    for x, text in zip(edges, ["Indikator", "2021", "2022"]):
        c.drawString(x + 6, 486, text)
    for line, col, text in cells:
        c.drawString(edges[col] + 6, header_bottom - 12 - 10 * line, text)
    return c


def test_a_number_a_narrow_cell_wrapped_into_pieces_that_each_read_as_numbers_is_one_value(tmp_path, saved_tables):
    """"60.50" over "0": a thousands group cut where the cell is full, beside one indicator whose name
    wraps too; each value column so: one row, not two."""
    pdf = tmp_path / "wrapped.pdf"
    c = _narrow_table(pdf, [(0, 0, "Nilai tambah produk"), (1, 0, "Olahan Ikan (Rp/Kg)"),
                            (0, 1, "60.50"), (1, 1, "0"), (0, 2, "61.00"), (1, 2, "0")])
    tables = saved_tables(c, pdf)
    assert tables[0]["rows"][1:] == [["Nilai tambah produk\nOlahan Ikan (Rp/Kg)", "60.50\n0", "61.00\n0"]]


def test_two_figures_of_two_rows_in_a_wide_cell_stay_apart(tmp_path, saved_tables):
    """The same lines in cells with room to spare: "60.50" did not fill its line, so "0" is a second
    row's figure, dealt to the name beside it."""
    pdf = tmp_path / "stacked.pdf"
    c = _narrow_table(pdf, [(0, 0, "Indeks mutu produk"), (1, 0, "Jumlah produk gagal"),
                            (0, 1, "60.50"), (1, 1, "0"), (0, 2, "61.00"), (1, 2, "0")], width=70.0)
    tables = saved_tables(c, pdf)
    assert tables[0]["rows"][1:] == [["Indeks mutu produk", "60.50", "61.00"], ["Jumlah produk gagal", "0", "0"]]


def test_amounts_printed_with_their_currency_in_front_are_values_where_rows_are_realigned() -> None:
    """A row with an empty first cell, its name, then "Rp." over the amount in each value column: the
    amounts are numbers, so the row is not moved a column to the left."""
    row = [Cell("", 1), Cell("Nilai produk olahan per kg", 1)] + [Cell(f"Rp.\n{v}.000", 1) for v in (53, 56, 58)]
    expected: list[str | None] = ["text", "text", "number", "number", "number"]
    assert realign_rows([row], expected) == [row]
