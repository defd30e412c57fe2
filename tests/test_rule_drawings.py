"""One ruled table drawn the ways exporters draw a table's rules, read back through `python -m pipeline
tables`: each drawing must give the same cells as the plain grid. The table has a sasaran cell merged
down over the body rows (its column has no row rules inside the merge), as every agreement table has.

Drawings: segments per cell side stopping short of the rule they cross; Word's "inside borders" only
(no outer frame); Excel's thick box border (the frame as filled bars thicker than the inner rules);
rules drawn too long and cut by a clipping path."""
from __future__ import annotations

from collections.abc import Callable
from random import Random

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.fast_objects import feed
from extractors.lattice import open_frame_closings

EDGES = [60.0, 85.0, 215.0, 375.0, 430.0, 490.0, 545.0]  # No | Sasaran | Indikator | Satuan | Target | Realisasi
HEADER = ["No", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi"]
BODY = [["1", "Meningkatnya air bersih", "Jumlah sumur contoh", "Unit", "40", "42"],
        ["2", "", "Panjang pipa desa Sukamaju", "Km", "12,5", "11,0"],
        ["3", "", "Persentase rumah terlayani", "%", "75", "78"],
        ["4", "", "Jumlah kran umum", "Unit", "18", "18"]]
TOP, ROW = 700.0, 22.0
MERGED_COLUMN = 1  # the sasaran column: one cell down the body rows

Segment = tuple[float, float, float, float, bool]  # x0, y0, x1, y1, on the outer frame


def _segments() -> list[Segment]:
    """Every cell side of the grid as a segment (x0, y0, x1, y1, outer), the sides inside the merged
    sasaran cell left out."""
    rows = len(BODY) + 1
    ys = [TOP - ROW * k for k in range(rows + 1)]
    out: list[Segment] = []
    for k, y in enumerate(ys):
        for j, (a, b) in enumerate(zip(EDGES, EDGES[1:])):
            if j == MERGED_COLUMN and 1 < k < rows:
                continue
            out.append((a, y, b, y, k in (0, rows)))
    for j, x in enumerate(EDGES):
        beside_merge = j in (MERGED_COLUMN, MERGED_COLUMN + 1)  # the merged cell's side: one segment
        spans = [(ys[0], ys[1]), (ys[1], ys[-1])] if beside_merge else list(zip(ys, ys[1:]))
        for y0, y1 in spans:
            out.append((x, y0, x, y1, j in (0, len(EDGES) - 1)))
    return out


def _text(c, body: list[list[str]]) -> None:
    c.setFont("Helvetica", 8)
    for k, row in enumerate([HEADER, *body]):
        for x, text in zip(EDGES, row):
            c.drawString(x + 3, TOP - ROW * k - 14, text)


def _read(tmp_path, saved_tables, draw: Callable, body: list[list[str]] = BODY) -> list[dict]:
    pdf = tmp_path / "drawn.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, TOP + 30, "Tabel 2.1 Perjanjian Kinerja Kabupaten Sukamaju")
    draw(c)
    _text(c, body)
    return saved_tables(c, pdf)


def _closings(tmp_path) -> list[dict]:
    """The lines `open_frame_closings` adds to the page `_read` drew last."""
    with pdfplumber.open(tmp_path / "drawn.pdf") as pdf:
        return open_frame_closings(pdf.pages[0])


def _assert_the_grid(tables: list[dict]) -> None:
    [table] = [t for t in tables if t["method"] == "lattice"]
    assert table["header_rows"] == 1
    assert table["rows"][0] == HEADER
    assert [r[0] for r in table["rows"][1:]] == ["1", "2", "3", "4"]
    assert [r[2:] for r in table["rows"][1:]] == [r[2:] for r in BODY]


def test_the_plain_grid(tmp_path, saved_tables):
    def draw(c) -> None:
        c.setLineWidth(0.6)
        for x0, y0, x1, y1, _ in _segments():
            c.line(x0, y0, x1, y1)
    _assert_the_grid(_read(tmp_path, saved_tables, draw))
    assert _closings(tmp_path) == []


def test_segments_stopping_short_of_the_rule_they_cross(tmp_path, saved_tables):
    """Each cell side a segment that stops 1-3 pt short of the crossing rule at both ends: the column
    rules end at every row, short of the row rule, which covers the frame's width only in part (the
    merged cell): still no frame left open there (extractors/lattice.py `CROSSING_REACH`)."""
    short = iter(Random(12).uniform(1.0, 3.0) for _ in range(1000))

    def draw(c) -> None:
        c.setLineWidth(0.6)
        for x0, y0, x1, y1, _ in _segments():
            if y0 == y1:
                c.line(x0 + next(short), y0, x1 - next(short), y1)
            else:
                c.line(x0, y0 - next(short), x1, y1 + next(short))
    _assert_the_grid(_read(tmp_path, saved_tables, draw))
    assert _closings(tmp_path) == []



def test_inside_borders_only(tmp_path, saved_tables):
    """Word's "inside borders": no frame, so the No column and the last column lie outside the
    outermost column rules, and the column rules start and end with no rule across them. The row
    rules run on to the grid's sides: no frame open at a page break, the header is a header
    (extractors/inside_borders.py)."""
    def draw(c) -> None:
        c.setLineWidth(0.5)
        for x0, y0, x1, y1, outer in _segments():
            if not outer:
                c.line(x0, y0, x1, y1)
    _assert_the_grid(_read(tmp_path, saved_tables, draw))


OVERRUN = 40.0  # how far past the table the rules are drawn before the clip cuts them


def test_rules_drawn_too_long_and_cut_by_a_clipping_path(tmp_path, saved_tables):
    """A print area: every rule drawn 40 pt longer at both ends, through the caption above the table,
    and cut by a clipping path at the table's box (`re W n`). What shows is the plain grid
    (extractors/clip_paths.py); the rule drawn after the graphics state is restored is not cut."""
    bottom = TOP - ROW * (len(BODY) + 1)

    def draw(c) -> None:
        c.saveState()
        path = c.beginPath()
        path.rect(EDGES[0], bottom, EDGES[-1] - EDGES[0], TOP - bottom)
        c.clipPath(path, stroke=0, fill=0)
        c.setLineWidth(0.6)
        for x0, y0, x1, y1, _ in _segments():
            if y0 == y1:
                c.line(x0 - OVERRUN, y0, x1 + OVERRUN, y1)
            else:
                c.line(x0, y0 + OVERRUN, x1, y1 - OVERRUN)
        c.restoreState()
        c.line(EDGES[0], bottom - 60, EDGES[-1] + OVERRUN, bottom - 60)  # a rule under no clip
    _assert_the_grid(_read(tmp_path, saved_tables, draw))
    with pdfplumber.open(tmp_path / "drawn.pdf") as pdf:
        page = pdf.pages[0]
        feed(page)
        tops = [round(line["top"], 1) for line in page.lines]
        assert min(tops) >= round(page.height - TOP, 1) - 1
        assert max(line["x1"] for line in page.lines) == EDGES[-1] + OVERRUN


def test_rows_ruled_without_column_rules_under_a_merged_cell(tmp_path, saved_tables):
    """An outer frame and a rule under every row, no column rules; the sasaran cell spans rows 1-2 and
    again rows 3-4, so the rules inside each merge start right of it. The first rule as wide as the
    header rule is the one under the first merge, between two body rows: the table goes on under it
    (extractors/ruled_rows.py). Read by the borderless reader: every body row is kept in one table."""
    rows = len(BODY) + 1
    ys = [TOP - ROW * k for k in range(rows + 1)]

    def draw(c) -> None:
        c.setLineWidth(0.5)
        for x in (EDGES[0], EDGES[-1]):
            c.line(x, ys[0], x, ys[-1])
        for k, y in enumerate(ys):
            if k in (2, 4):  # under body rows 1 and 3: inside the sasaran cells, the rule stops at them
                c.line(EDGES[0], y, EDGES[1], y)
                c.line(EDGES[2], y, EDGES[-1], y)
            else:
                c.line(EDGES[0], y, EDGES[-1], y)
    tables = [t for t in _read(tmp_path, saved_tables, draw, BODY_TWO_MERGES) if t["method"] != "lattice"]
    assert [r[2:] for t in tables for r in t["rows"][t["header_rows"]:]] == [r[2:] for r in BODY_TWO_MERGES]
    assert len(tables) == 1


BODY_TWO_MERGES = [["1", "Meningkatnya air bersih", "Jumlah sumur contoh", "Unit", "40", "42"],
                   ["2", "", "Panjang pipa desa Sukamaju", "Km", "12,5", "11,0"],
                   ["3", "Meningkatnya sanitasi", "Persentase rumah terlayani", "%", "75", "78"],
                   ["4", "", "Jumlah kran umum", "Unit", "18", "18"]]


def test_header_on_a_dark_band_over_row_rules(tmp_path, saved_tables):
    """A spreadsheet's table style: the header printed on a dark band (a box per header cell)
    hanging from the table's top rule, light rules under the body's rows, no rule under the header and
    no column rules; the sasaran cell merged down. The band's foot is the header's rule
    (extractors/header_fill.py): the headings are the header, every body row is read."""
    rows = len(BODY_TWO_MERGES) + 1
    ys = [TOP - ROW * k for k in range(rows + 1)]

    def draw(c) -> None:
        c.setFillColorRGB(0.12, 0.3, 0.47)
        for a, b in zip(EDGES, EDGES[1:]):
            c.rect(a, ys[1], b - a, ROW, fill=1, stroke=0)
        c.setFillGray(0)
        c.setStrokeColorRGB(0.6, 0.75, 0.9)
        c.setLineWidth(0.5)
        for k, y in enumerate(ys):
            if k == 1:
                continue  # no rule under the header: the band's foot
            if k in (2, 4):
                c.line(EDGES[0], y, EDGES[1], y)
                c.line(EDGES[2], y, EDGES[-1], y)
            else:
                c.line(EDGES[0], y, EDGES[-1], y)
    tables = [t for t in _read(tmp_path, saved_tables, draw, BODY_TWO_MERGES) if t["method"] != "lattice"]
    [table] = tables
    assert table["rows"][:table["header_rows"]] == [HEADER]
    assert [r[2:] for r in table["rows"][table["header_rows"]:]] == [r[2:] for r in BODY_TWO_MERGES]


THICK = 2.25  # Excel's thick border, drawn as a filled bar
THIN = 0.75  # Excel's thin border, drawn as a filled bar


def test_thick_box_border_and_thick_header_rule_as_filled_bars(tmp_path, saved_tables):
    """Excel's "thick box border" with a thick border under the header too: those rules are filled bars
    2.25 pt thick, the others 0.75 pt. A bar that thin and that long is a rule, not a cell's shading
    (extractors/lattice.py `is_cell_paint`): the frame and the header's rule stand."""
    rows = len(BODY) + 1
    ys = [TOP - ROW * k for k in range(rows + 1)]

    def draw(c) -> None:
        for x0, y0, x1, y1, outer in _segments():
            width = THICK if outer or (y0 == y1 == ys[1]) else THIN
            if y0 == y1:
                c.rect(x0 - width / 2, y0 - width / 2, x1 - x0 + width, width, fill=1, stroke=0)
            else:
                c.rect(x0 - width / 2, y1 - width / 2, width, y0 - y1 + width, fill=1, stroke=0)
    _assert_the_grid(_read(tmp_path, saved_tables, draw))


def test_a_framed_header_with_sub_columns_is_no_inside_border_grid(tmp_path, saved_tables):
    """A framed table whose quarter columns (TW I-IV, under "Target" and under "Realisasi") start under
    their group's heading: their rules start with no rule across them over their whole span (each
    group's heading is ruled under its own columns only), and the body's row rules run past them to the
    frame. The frame's sides are drawn, so the grid is not ruled inside only: the headings beside the
    groups, one cell over both header rows, are not cut. (Between the groups "Indikator" is still cut
    where the quarter columns start: a continued page whose header rule is painted over is read right
    by that closing.)"""
    edges = [40.0, 140.0, 170.0, 200.0, 230.0, 260.0, 360.0, 390.0, 420.0, 450.0, 480.0, 560.0]
    quarters = ["TW I", "TW II", "TW III", "TW IV"]
    header = [["Uraian", "Target", "", "", "", "Indikator", "Realisasi", "", "", "", "Pelaksana Contoh"],
              ["", *quarters, "", *quarters, ""]]
    body = [["Jalan desa", "25", "50", "75", "100", "Panjang jalan contoh", "20", "45", "70", "95", "Juru Sumur"],
            ["Sumur contoh", "10", "40", "70", "100", "Jumlah sumur", "10", "35", "70", "100", "Mandor Sumur"]]
    ys = [TOP - ROW * k for k in range(5)]
    sub_columns = (2, 3, 4, 7, 8, 9)  # their rules start under the groups' headings

    def draw(c) -> None:
        c.setLineWidth(0.5)
        for y in (ys[0], ys[2], ys[3], ys[4]):
            c.line(edges[0], y, edges[-1], y)
        c.line(edges[1], ys[1], edges[5], ys[1])  # under "Target" only
        c.line(edges[6], ys[1], edges[10], ys[1])  # under "Realisasi" only
        for j, x in enumerate(edges):
            c.line(x, ys[1] if j in sub_columns else ys[0], x, ys[-1])
        c.setFont("Helvetica", 7)
        for k, row in enumerate(header + body):
            for x, text in zip(edges, row):
                c.drawString(x + 2, ys[k] - 14, text)

    pdf = tmp_path / "drawn.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    draw(c)
    [table] = [t for t in saved_tables(c, pdf) if t["method"] == "lattice"]
    assert [table["rows"][1][j] for j in (0, 10)] == [None, None]  # covered by the headings above
    assert table["rows"][2:] == body


def test_thin_strips_of_a_light_cell_shading_are_no_rules(tmp_path, saved_tables):
    """Word shades cells in a light tint by pieces around their text: under the text of each No cell
    a strip 2.2 pt tall across the cell, and in the header's a strip 2.2 pt wide between the text's
    pieces. As thin as a thick rule, but in a shading's light tint: no rules (extractors/lattice.py
    `MAX_BAR_LUMINANCE`), the cells are not split."""
    def draw(c) -> None:
        c.setFillGray(0.949)
        for k in range(len(BODY) + 1):
            top = TOP - ROW * k
            c.rect(EDGES[0] + 0.5, top - 17.7, EDGES[1] - EDGES[0] - 1, 2.2, fill=1, stroke=0)
        middle = (EDGES[0] + EDGES[1]) / 2
        c.rect(middle - 1.1, TOP - 15.5, 2.2, 10.0, fill=1, stroke=0)
        c.setFillGray(0)
        c.setLineWidth(0.5)
        for x0, y0, x1, y1, _ in _segments():
            c.line(x0, y0, x1, y1)
    _assert_the_grid(_read(tmp_path, saved_tables, draw))
