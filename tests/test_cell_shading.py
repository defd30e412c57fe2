"""A ruled table whose cells Word shades (white, or a light tint): behind each text line of a cell a
box (and boxes for the cell's paddings), at heights that differ per column because each column
centres its text. Where rules frame the table the boxes' edges are no cell borders
(extractors/lattice.py `is_cell_paint`); read back through `python -m pipeline tables`."""
from __future__ import annotations

import json

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.cli import main

EDGES = [50, 80, 230, 300, 370, 440]  # column rules: No | Indikator | Target | Realisasi | Capaian
HEADER = ["No", "Indikator", "Target", "Realisasi", "Capaian"]
ROWS: list[list[str | list[str]]] = [["1", ["Persentase desa yang", "mencapai status", "mandiri"], "66,7%", "94,9%", "142,28%"],
        ["2", ["Jumlah dokumen", "perencanaan"], "2", "2", "100%"]]
STEP = 11.0  # one text line
PAD = 4.0  # a cell's left and right padding, shaded by boxes of their own


def _shade(c, x0: float, x1: float, top: float, bottom: float) -> None:
    c.rect(x0, bottom, x1 - x0, top - bottom, fill=1, stroke=0)


def _white(c, colour: str) -> None:
    if colour == "gray":
        c.setFillGray(1)
    elif colour == "rgb":  # the same white set as red, green and blue at full strength
        c.setFillColorRGB(1, 1, 1)
    else:  # a light tint: the cells shaded, their boxes seen, still no cell borders
        c.setFillGray(0.95)


def _cell(c, col: int, lines: list[str], top: float, height: float, colour: str) -> None:
    """The cell's text centred in its height, one white box behind each line, white paddings."""
    x0, x1 = EDGES[col], EDGES[col + 1]
    first = top - (height - STEP * len(lines)) / 2
    _white(c, colour)
    _shade(c, x0 + 1, x0 + PAD, first, first - STEP * len(lines))
    _shade(c, x1 - PAD, x1 - 1, first, first - STEP * len(lines))
    for k in range(len(lines)):
        _shade(c, x0 + PAD, x1 - PAD, first - STEP * k, first - STEP * (k + 1))
    c.setFillGray(0)
    for k, text in enumerate(lines):
        c.drawString(x0 + PAD, first - STEP * (k + 1) + 3, text)


def _draw(path, colour: str) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    _shaded_table(c, colour)
    c.showPage()
    c.save()


def _shaded_table(c, colour: str) -> None:
    """The ruled table, every cell shaded by its boxes, from 760 pt down."""
    c.setFont("Helvetica", 8)
    top = 760.0
    bottoms = [top - 2 * STEP]
    for row in ROWS:
        bottoms.append(bottoms[-1] - STEP * (len(row[1]) + 1))
    for col, text in enumerate(HEADER):
        _cell(c, col, [text], top, 2 * STEP, colour)
    for row, (row_top, row_bottom) in zip(ROWS, zip(bottoms, bottoms[1:])):
        for col, value in enumerate(row):
            _cell(c, col, value if isinstance(value, list) else [value], row_top, row_top - row_bottom, colour)
    c.setFillGray(0)
    for x in EDGES:
        c.line(x, top, x, bottoms[-1])
    for y in [top, *bottoms]:
        c.line(EDGES[0], y, EDGES[-1], y)


@pytest.mark.parametrize("colour", ["gray", "rgb", "tint"])
def test_white_cell_shading_boxes_are_no_cell_borders(tmp_path, capsys, colour):
    pdf = tmp_path / "shaded.pdf"
    _draw(pdf, colour)
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == [HEADER, ["1", "Persentase desa yang\nmencapai status\nmandiri", "66,7%", "94,9%", "142,28%"],
                                 ["2", "Jumlah dokumen\nperencanaan", "2", "2", "100%"]]


def test_text_justified_across_a_ruled_cell_is_one_phrase_not_columns(tmp_path, saved_tables):
    """Word justifies a long name across its cell: every space of the line stretched alike, wider
    than a column gap. The cell holds one phrase per line, and the rules are cell borders."""
    pdf = tmp_path / "justified.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    edges, top, step = [50, 300, 380, 460], 760.0, 24.0
    names = [["Peningkatan", "kapasitas", "pengelolaan", "keuangan"], ["Perencanaan", "evaluasi", "dan", "pelaporan"]]
    for k, words in enumerate(names):
        x, y = edges[0] + 3.0, top - step * (k + 1) + 8
        for word in words:
            c.drawString(x, y, word)
            x += c.stringWidth(word, "Helvetica", 9) + 12.0  # the stretched space, over a column gap (1 em)
        c.drawString(edges[1] + 3, y, f"{k + 1}00.000.000")
        c.drawString(edges[2] + 3, y, f"{k + 6}5,00%")
    for x in edges:
        c.line(x, top, x, top - step * len(names))
    for k in range(len(names) + 1):
        c.line(edges[0], top - step * k, edges[-1], top - step * k)
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert [r[1:] for r in tables[0]["rows"]] == [["100.000.000", "65,00%"], ["200.000.000", "75,00%"]]


def test_a_table_drawn_only_by_its_white_cells_is_read_by_them(tmp_path, saved_tables):
    """A Word table without borders: nothing but the white box of each cell marks its grid, so
    where no rules frame a table the boxes still make its cells."""
    pdf = tmp_path / "painted.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    rows = _painted_rows(c, 700.0)
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == rows


def _painted_rows(c, top: float) -> list[list[str]]:
    """A Word table without borders, its cells' white boxes only, from `top` down."""
    edges, step = [60, 260, 340, 400], 14.0
    rows = [["Jumlah sumur contoh", "12.317.066", "Unit"], ["Jumlah desa contoh", "1.190.793", "Desa"],
            ["Luas lahan contoh", "113.889", "Ha"]]
    for k, row in enumerate(rows):
        for j, text in enumerate(row):
            c.setFillGray(1)
            _shade(c, edges[j], edges[j + 1], top - step * k, top - step * (k + 1))
            c.setFillGray(0)
            c.drawString(edges[j] + 3, top - step * (k + 1) + 4, text)
    return rows


def test_a_table_of_white_cells_below_a_shaded_ruled_table_is_read_too(tmp_path, capsys):
    """The page is searched again with its painted boxes only while some box lies outside every ruled
    table read (`lattice._all_shading_of`): the shaded ruled table's own boxes do not hide the table
    drawn by its white cells below it."""
    pdf = tmp_path / "both.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    _shaded_table(c, "gray")
    c.setFont("Helvetica", 9)
    rows = _painted_rows(c, 500.0)
    c.showPage()
    c.save()
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert [t["method"] for t in tables] == ["lattice", "lattice"]
    assert tables[0]["rows"][0] == HEADER and tables[1]["rows"] == rows
