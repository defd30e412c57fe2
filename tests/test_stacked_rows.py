"""A ruled table whose body rows are not ruled: logical rows dealt out by their heights
(extractors/stacked_rows.py), read back through `python -m pipeline tables`."""
from __future__ import annotations

import json
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.cli import main

EDGES = [50, 170, 330, 380, 450, 520]  # column rules: Sasaran | Indikator | Satuan | Target | Realisasi
HEADER = ["Sasaran", "Indikator", "Satuan", "Target", "Realisasi"]
STEP = 12.0


def _draw(path, lines: list[tuple[float, int, str]], n_lines: int, at: Sequence[tuple[float, float, str]] = ()) -> None:
    """`lines`: (line number in the body, column, text); one ruled body row holding all of them;
    `at`: (line number, x, text) set at a point of their own."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 9)
    top, header_bottom = 720.0, 700.0
    bottom = header_bottom - STEP * (n_lines + 0.5)
    for x in EDGES:
        c.line(x, top, x, bottom)
    for y in (top, header_bottom, bottom):
        c.line(EDGES[0], y, EDGES[-1], y)
    for x, text in zip(EDGES, HEADER):
        c.drawString(x + 3, 706, text)
    for k, col, text in lines:
        c.drawString(EDGES[col] + 3, header_bottom - STEP * (k + 1), text)
    for k, x_at, text in at:
        c.drawString(x_at, header_bottom - STEP * (k + 1), text)
    c.showPage()
    c.save()


def _body(path, capsys) -> list[list[str | None]]:
    capsys.readouterr()
    assert main(["tables", str(path), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert len(tables) == 1
    return tables[0]["rows"][1:]


def test_items_wrapped_names_and_a_group_figure_are_dealt_out_by_height(tmp_path, capsys):
    lines = [(0, 0, "Meningkatnya"), (1, 0, "mutu benih"),
             (0, 1, "Jumlah benih unggul :"), (0, 3, "90,00"), (0, 4, "88,00"),
             (1, 1, "- Padi"), (1, 2, "Ton"), (1, 3, "1.200"), (1, 4, "1.150"),
             (2, 1, "- Jagung"), (2, 2, "Ton"), (2, 3, "800"), (2, 4, "760"),
             (3, 1, "Luas lahan yang"), (3, 2, "Ha"), (3, 3, "45"), (3, 4, "47"), (4, 1, "bersertifikat")]
    pdf = tmp_path / "stacked.pdf"
    _draw(pdf, lines, 5)
    assert _body(pdf, capsys) == [
        ["Meningkatnya\nmutu benih", "Jumlah benih unggul :", "", "90,00", "88,00"],
        [None, "- Padi", "Ton", "1.200", "1.150"],
        [None, "- Jagung", "Ton", "800", "760"],
        [None, "Luas lahan yang\nbersertifikat", "Ha", "45", "47"]]


def test_a_numbered_outline_deals_its_items_whole_and_its_headings_get_rows_of_their_own(tmp_path, capsys):
    """Numbered measures heading bulleted parts: a heading with no figure is a row of its own, a
    wrapped item whose figures stand on its last line is one name, a bullet printed lower than its
    item goes in front of it, and one line spaced wide (bullet, part, unit) keeps the rules cells."""
    lines = [(0, 0, "1.1 Meningkatnya"), (1, 0, "mutu benih"),
             (0, 1, "1.1.1 Produksi benih"), (1, 1, "unggul (ton) :"),
             (2, 1, "- Padi"), (2, 3, "1.200"), (2, 4, "1.150"),
             (3, 1, "Jagung"), (3.5, 1, "-"), (3, 3, "800"), (3, 4, "760"),
             (4, 1, "1.1.2 Luas lahan yang"), (5, 1, "bersertifikat (Ha)"), (5, 3, "45"), (5, 4, "47"),
             (6, 0, "1.2 Meningkatnya"), (7, 0, "layanan"), (6, 1, "1.2.1 Jumlah penyuluh :"),
             (8, 3, "12"), (8, 4, "10"), (9, 1, "- Terampil"), (9, 3, "30"), (9, 4, "28")]
    wide = [(8, EDGES[1] + 3, "-"), (8, EDGES[1] + 25, "Ahli"), (8, EDGES[1] + 70, "(orang)")]
    pdf = tmp_path / "outline.pdf"
    _draw(pdf, lines, 10, wide)
    assert _body(pdf, capsys) == [
        ["1.1 Meningkatnya\nmutu benih", "1.1.1 Produksi benih\nunggul (ton) :", "", "", ""],
        ["", "- Padi", "", "1.200", "1.150"],
        ["", "- Jagung", "", "800", "760"],
        ["", "1.1.2 Luas lahan yang\nbersertifikat (Ha)", "", "45", "47"],
        ["1.2 Meningkatnya\nlayanan", "1.2.1 Jumlah penyuluh :", "", "", ""],
        ["", "- Ahli (orang)", "", "12", "10"],
        ["", "- Terampil", "", "30", "28"]]


def test_one_value_column_beside_lettered_items_with_parts(tmp_path, capsys):
    """A Perjanjian Kinerja table with one value column: each lettered measure heads its parts and
    prints one figure beside its own lines; the parts print none."""
    lines = [(0, 0, "Meningkatnya"), (1, 0, "mutu layanan"),
             (0, 1, "a. Jumlah kesepakatan"), (1, 1, "bidang :"), (1, 3, "6"),
             (2, 1, "- Hukum"), (3, 1, "- Budaya"),
             (5, 1, "b. Jumlah rekomendasi"), (6, 1, "bidang :"), (6, 3, "25"),
             (7, 1, "- Hukum"), (8, 1, "- Budaya")]
    pdf = tmp_path / "one_value_column.pdf"
    _draw(pdf, lines, 9)
    body = _body(pdf, capsys)
    assert [r[1] for r in body] == ["a. Jumlah kesepakatan\nbidang :", "- Hukum", "- Budaya",
                                    "b. Jumlah rekomendasi\nbidang :", "- Hukum", "- Budaya"]
    assert [r[3] for r in body] == ["6", "", "", "25", "", ""]


def test_an_introduction_above_lettered_items_is_a_row_of_its_own(tmp_path, capsys):
    lines = [(0, 0, "Meningkatnya mutu"), (0, 1, "Persentase lulusan"), (1, 1, "pelatihan :"),
             (2, 1, "a. Teknis"), (2, 3, "40"), (3, 1, "b. Manajerial"), (3, 3, "35")]
    pdf = tmp_path / "introduction.pdf"
    _draw(pdf, lines, 4)
    body = _body(pdf, capsys)
    assert [r[1] for r in body] == ["Persentase lulusan\npelatihan :", "a. Teknis", "b. Manajerial"]
    assert [r[3] for r in body] == ["", "40", "35"]


def test_a_tall_value_cell_beside_ruled_name_rows_deals_its_figures_to_them(tmp_path, capsys):
    """The name column rules each name; the value column's cell spans them all, one figure per name."""
    pdf = tmp_path / "tall_value_cell.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    edges = [50, 200, 330, 420]  # Program | Indikator | Target
    top, header_bottom, bottom = 720.0, 700.0, 640.0
    for x in edges:
        c.line(x, top, x, bottom)
    for y in (top, header_bottom, bottom):
        c.line(edges[0], y, edges[-1], y)
    for y in (685.0, 670.0, 655.0):  # rules under each name, in the name column only
        c.line(edges[1], y, edges[2], y)
    for x, text in zip(edges, ["Program", "Indikator", "Target"]):
        c.drawString(x + 3, 706, text)
    c.drawString(edges[0] + 3, 690, "Program Produksi")
    for y, name, figure in ((690, "Padi (ton)", "1.250.000"), (675, "Jagung (ton)", "830.500"),
                            (660, "Kedelai (ton)", "41.200"), (645, "Ubi (ton)", "2.100")):
        c.drawString(edges[1] + 3, y, name)
        c.drawRightString(edges[3] - 3, y, figure)
    c.showPage()
    c.save()
    body = _body(pdf, capsys)
    assert [(r[1], r[2]) for r in body] == [("Padi (ton)", "1.250.000"), ("Jagung (ton)", "830.500"),
                                            ("Kedelai (ton)", "41.200"), ("Ubi (ton)", "2.100")]


def test_a_row_with_one_value_per_column_is_left_whole(tmp_path, capsys):
    lines = [(0, 0, "Meningkatnya"), (1, 0, "mutu benih"), (0, 1, "Luas lahan yang"), (1, 1, "bersertifikat"),
             (0, 2, "Ha"), (0, 3, "45"), (0, 4, "47")]
    pdf = tmp_path / "whole.pdf"
    _draw(pdf, lines, 2)
    assert _body(pdf, capsys) == [["Meningkatnya\nmutu benih", "Luas lahan yang\nbersertifikat", "Ha", "45", "47"]]


def _frame(pdf, top: float, bottom: float, across: list[float], rows: list[tuple[float, list[str]]]):
    """A canvas with the column rules drawn from `top` to `bottom`, rules across at the heights in
    `across` only (a frame left open elsewhere), and each row's texts at its height."""
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    for x in EDGES:
        c.line(x, top, x, bottom)
    for y in across:
        c.line(EDGES[0], y, EDGES[-1], y)
    for y, texts in rows:
        for x, text in zip(EDGES, texts):
            c.drawString(x + 3, y, text)
    return c


def test_a_frame_left_open_at_the_page_break_is_closed_where_its_column_rules_end(tmp_path, saved_tables):
    """The column rules run on under the header to the page's end, with no rule under the last row."""
    pdf = tmp_path / "open.pdf"
    c = _frame(pdf, 720.0, 650.0, [720.0, 700.0], [(706, HEADER), (680, ["Meningkatnya mutu", "Luas lahan", "Ha", "45", "47"])])
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == [HEADER, ["Meningkatnya mutu", "Luas lahan", "Ha", "45", "47"]]


def test_a_frame_left_open_at_the_head_of_the_page_is_closed_where_its_column_rules_start(tmp_path, saved_tables):
    """The table goes on from the page before: its column rules start at the page's head with no
    rule across them there; the rows under that height are cells all the same, and body rows."""
    pdf = tmp_path / "open_head.pdf"
    c = _frame(pdf, 760.0, 700.0, [730.0, 700.0], [(742, ["Meningkatnya mutu", "Luas lahan", "Ha", "45", "47"]),
                                                   (712, ["Menurunnya susut", "Kehilangan hasil", "%", "10,5", "10,9"])])
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["header_rows"] == 0  # the rows under the open head go on from the page before
    assert tables[0]["rows"] == [["Meningkatnya mutu", "Luas lahan", "Ha", "45", "47"],
                                 ["Menurunnya susut", "Kehilangan hasil", "%", "10,5", "10,9"]]


def test_a_frame_open_at_the_foot_under_its_merged_cells_is_closed_though_rows_on_the_right_are_ruled(
        tmp_path, saved_tables):
    """The left columns are one merged cell that goes on over the page break; the rows on the right
    are ruled, each rule a thin filled rectangle (two edges, one above the other). Together they
    cover most of the frame's width at its foot, but only the right part of it: the frame is open."""
    pdf = tmp_path / "merged_open.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    top, header_bottom, bottom = 720.0, 700.0, 640.0
    for x in EDGES:
        c.line(x, top, x, bottom)
    for y in (top, header_bottom):
        c.line(EDGES[0], y, EDGES[-1], y)
    for y in (670.0, bottom):  # the rows of the right columns, ruled by thin rectangles
        c.rect(EDGES[1], y - 0.2, EDGES[-1] - EDGES[1], 0.4, fill=1, stroke=0)
    for x, text in zip(EDGES, HEADER):
        c.drawString(x + 3, 706, text)
    c.drawString(EDGES[0] + 3, 688, "Meningkatnya mutu")
    for k, (name, unit, target, real) in enumerate([("Luas lahan", "Ha", "45", "47"), ("Benih unggul", "Ton", "12", "13")]):
        for x, text in zip(EDGES[1:], (name, unit, target, real)):
            c.drawString(x + 3, 688 - 30 * k, text)
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"][1:] == [["Meningkatnya mutu", "Luas lahan", "Ha", "45", "47"],
                                     [None, "Benih unggul", "Ton", "12", "13"]]


def test_a_whole_number_before_the_pieces_of_another_is_not_taken_into_it():
    """"3" (the last digit of the row above's number) over "2.261." / "565": the pieces join to
    2.261.565 and the 3 stays apart; "11.427" over ".794" / "400" is one number."""
    from extractors.stacked_rows import _Line, _rejoin_broken_numbers

    def lines(*texts: str) -> list[_Line]:
        return [_Line(t, 10.0 * k, 10.0 * k + 4, 8.0, 0.0, False) for k, t in enumerate(texts)]

    assert [x.text for x in _rejoin_broken_numbers(lines("3", "2.261.", "565"))] == ["3", "2.261.565"]
    assert [x.text for x in _rejoin_broken_numbers(lines("11.427", ".794.", "400"))] == ["11.427.794.400"]


def test_a_list_of_goods_with_counts_and_unit_words_is_dealt_out_by_height(tmp_path, capsys):
    """A list of goods without marks under its heading, each target a count with its unit word on the
    item's line ("45 stel"), the heading's total on the heading's first line: one logical row per line of
    figures, the heading's wrapped second line staying with it."""
    lines = [(0, 1, "Jumlah seragam untuk hari"), (1, 1, "tertentu"), (0, 3, "66 stel"), (0, 4, "66 stel"),
             (2, 1, "Seragam harian"), (2, 3, "45 stel"), (2, 4, "45 stel"),
             (3, 1, "Seragam olahraga"), (3, 3, "16 stel"), (3, 4, "16 stel"),
             (4, 1, "Seragam resmi"), (4, 3, "5 stel"), (4, 4, "5 stel")]
    pdf = tmp_path / "goods.pdf"
    _draw(pdf, lines, 5)
    body = _body(pdf, capsys)
    assert [r[1] for r in body] == ["Jumlah seragam untuk hari\ntertentu", "Seragam harian", "Seragam olahraga",
                                    "Seragam resmi"]
    assert [r[3] for r in body] == ["66 stel", "45 stel", "16 stel", "5 stel"]


def test_a_list_heading_without_figures_is_a_row_of_its_own(tmp_path, capsys):
    """The heading of a list of goods prints no figure ("Jumlah pengadaan peralatan" / "kantor"): the lines
    above the first figure are a row of their own, the first item keeps its own name."""
    lines = [(0, 1, "Jumlah pengadaan peralatan"), (1, 1, "kantor"),
             (2, 1, "Komputer meja"), (2, 3, "5 unit"), (2, 4, "5 unit"),
             (3, 1, "Laptop"), (3, 3, "3 unit"), (3, 4, "2 unit"),
             (4, 1, "Pencetak"), (4, 3, "4 unit"), (4, 4, "4 unit")]
    pdf = tmp_path / "heading.pdf"
    _draw(pdf, lines, 5)
    body = _body(pdf, capsys)
    assert [r[1] for r in body] == ["Jumlah pengadaan peralatan\nkantor", "Komputer meja", "Laptop", "Pencetak"]
    assert [r[3] for r in body] == ["", "5 unit", "3 unit", "4 unit"]


def test_a_percent_and_a_budget_code_wrapped_in_narrow_cells_keep_their_row_whole():
    """A kegiatan's row of a realisation table: its code broken after a separator ("2.15.02." / "2.01") and its
    % inside the decimals ("93,4" / "8") by cells too narrow for them; the pagu and realisasi beside them print
    one line each. One row, not two stacked ones (the second holding "8" as its %)."""
    from extractors.page_source import Word
    from extractors.stacked_rows import split_stacked_row

    def word(text: str, x0: float, line: int, width: float) -> Word:
        return Word(text, x0, x0 + width, 100.0 + 11 * line, 108.0 + 11 * line, 8.0, False)

    def _box(x: tuple[float, float]) -> tuple[float, float, float, float]:
        return (x[0], 96.0, x[1], 124.0)  # x0, top, x1, bottom

    code, name, pagu, spent, pct = (40.0, 80.0), (80.0, 240.0), (240.0, 320.0), (320.0, 400.0), (400.0, 432.0)
    row = [(_box(code), [word("2.15.02.", 45.3, 0, 29.5), word("2.01", 45.3, 1, 15.0)]),
           (_box(name), [word("Kegiatan", 85.0, 0, 32.0), word("Contoh", 119.0, 0, 27.0)]),
           (_box(pagu), [word("640.000.000", 270.0, 0, 45.0)]),
           (_box(spent), [word("598.300.000", 350.0, 0, 45.0)]),
           (_box(pct), [word("93,4", 405.3, 0, 16.0), word("8", 405.3, 1, 4.0)])]
    assert split_stacked_row(row, 1) is None
    from extractors.stacked_rows import _lines, _rejoin_wrapped_numbers
    pieces = row[4][1]
    assert [x.text for x in _rejoin_wrapped_numbers(_lines(pieces), _box(pct))] == ["93,48"]
    # the same figures in a cell with room to spare are two figures (of two rows)
    assert [x.text for x in _rejoin_wrapped_numbers(_lines(pieces), _box((400.0, 470.0)))] == ["93,4", "8"]
