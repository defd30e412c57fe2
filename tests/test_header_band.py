"""A plan table whose header is printed in white on a dark band without rules inside it, above a ruled
grid that starts with data (an RPJMD "Tabel 5.3" as Word exports it): the band's words are the header,
each in the column it stands over, the lines of one heading together, a heading centred over the years
spanning them (extractors/lattice.py `header_band`); read back through `python -m pipeline tables`
and classified into target years."""
from __future__ import annotations

import json

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from pipeline.cli import main

EDGES = [40, 200, 260, 330, 380, 430, 480, 530, 580, 650]  # Indikator | Satuan | Awal | 2021 … 2025 | Akhir
ROWS = [["Indeks Pembangunan Manusia", "Indeks", "61,53", "61,79", "62,05", "62,31", "62,58", "62,84", "62,84"],
        ["Angka Harapan Hidup", "Tahun", "59,97", "60,23", "60,49", "60,75", "61,01", "61,27", "61,27"]]
ROW_H = 14.0


def _centred(c, text: str, x0: float, x1: float, y: float) -> None:
    c.drawCentredString((x0 + x1) / 2, y, text)


def _ruled_rows(c, top: float) -> None:
    """ROWS in a grid ruled on every side of every cell, from `top` down: the grid starts with data."""
    bottoms = [top - ROW_H * (i + 1) for i in range(len(ROWS))]
    for row, y in zip(ROWS, bottoms):
        for k, text in enumerate(row):
            _centred(c, text, EDGES[k], EDGES[k + 1], y + 4)
    for x in EDGES:
        c.line(x, top, x, bottoms[-1])
    for y in [top, *bottoms]:
        c.line(EDGES[0], y, EDGES[-1], y)


def _draw(path, per_cell_paint: bool) -> None:
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    c.setFont("Helvetica", 8)
    band_top, band_bottom = 520.0, 480.0
    c.setFillColorRGB(0.08, 0.42, 0.33)
    if per_cell_paint:  # Word paints one box per header cell
        for x0, x1 in zip(EDGES, EDGES[1:]):
            c.rect(x0, band_bottom, x1 - x0, band_top - band_bottom, fill=1, stroke=0)
    else:
        c.rect(EDGES[0], band_bottom, EDGES[-1] - EDGES[0], band_top - band_bottom, fill=1, stroke=0)
    c.setFillGray(1)
    _centred(c, "Target Kinerja", EDGES[3], EDGES[8], 509)
    _centred(c, "Indikator Kinerja", EDGES[0], EDGES[1], 497)
    _centred(c, "Satuan", EDGES[1], EDGES[2], 497)
    _centred(c, "Kondisi Awal", EDGES[2], EDGES[3], 503)
    _centred(c, "Perencanaan", EDGES[2], EDGES[3], 494)
    _centred(c, "Kondisi Akhir", EDGES[8], EDGES[9], 503)
    _centred(c, "Perencanaan", EDGES[8], EDGES[9], 494)
    for k, year in enumerate(range(2021, 2026)):
        _centred(c, str(year), EDGES[3 + k], EDGES[4 + k], 486)
    c.setFillGray(0)
    _ruled_rows(c, band_bottom)
    c.showPage()
    c.save()


@pytest.mark.parametrize("per_cell_paint", [False, True])
def test_header_printed_on_a_band_above_the_rules(tmp_path, capsys, per_cell_paint):
    pdf = tmp_path / "band.pdf"
    _draw(pdf, per_cell_paint)
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert len(tables) == 1
    assert tables[0]["rows"][-2:] == ROWS  # the grid is all body
    header = tables[0]["rows"][:-2]
    assert ["Kondisi Awal Perencanaan" in row for row in header].count(True) == 1  # one heading, two lines
    assert header[0][3:8] == ["Target Kinerja"] * 5  # centred over the years: spans them
    assert header[-1][3:8] == ["2021", "2022", "2023", "2024", "2025"]


def test_band_header_classifies_the_years_as_targets(tmp_path):
    from extractors.pdf import read_pdf
    from pipeline.classify import classify

    pdf = tmp_path / "band.pdf"
    _draw(pdf, False)
    table = read_pdf(str(pdf)).tables[0]
    layout = classify(table, 2021)
    assert [(c.role, c.year) for c in layout.columns][3:8] == [("target", y) for y in range(2021, 2026)]
    assert layout.columns[2].role == "other"  # the baseline with no year of its own: no row


def test_a_shaded_row_of_data_above_the_rules_is_no_header(tmp_path, capsys):
    # a total row or a row of another table shaded right above the grid: values, not headings
    pdf = tmp_path / "shaded_row.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(A4))
    c.setFont("Helvetica", 8)
    c.setFillColorRGB(0.8, 0.8, 0.8)
    c.rect(EDGES[0], 480, EDGES[-1] - EDGES[0], 14, fill=1, stroke=0)
    c.setFillGray(0)
    _centred(c, "JUMLAH TOTAL", EDGES[0], EDGES[1], 484)
    _centred(c, "609.323.466", EDGES[3], EDGES[4], 484)
    _ruled_rows(c, 480.0)
    c.showPage()
    c.save()
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert "JUMLAH TOTAL" not in [cell for t in tables for row in t["rows"] for cell in row]
