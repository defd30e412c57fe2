"""`python -m pipeline tables`: what the extractor reads, on small generated PDFs (one structure
each: a ruled table with a spanning header, the same turned sideways, tables without captions,
two tables under one caption)."""
from __future__ import annotations

import json

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

from pipeline.cli import main
from pipeline.tables import parse_pages

HEADER = [["Indikator", "2023", "", "Satuan"], ["", "Target", "Realisasi", ""]]
BODY = [["Persentase jalan mantap", "85,50", "86,10", "%"],
        ["Jumlah desa mandiri", "120", "131", "Desa"],
        ["Indeks kepuasan", "3,40", "3,52", "Indeks"]]


def ruled_table(data=None) -> Table:
    table = Table(data or HEADER + BODY)
    spans = [] if data else [("SPAN", (1, 0), (2, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (3, 0), (3, 1))]
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               *spans]))
    return table


def draw(c, table: Table, x: float, y_top: float, turn: int = 0) -> None:
    """Draw `table` with its top-left corner at (x, y_top) in PDF points, turned `turn` degrees."""
    _, h = table.wrapOn(c, 500, 700)
    c.saveState()
    c.translate(x, y_top)
    c.rotate(turn)
    table.drawOn(c, 0, -h)
    c.restoreState()


def tables_json(pdf, capsys, *extra) -> list[dict]:
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_pages_spec_camelot_style():
    assert parse_pages("1") == {1}
    assert parse_pages("1,3") == {1, 3}
    assert parse_pages("2-4") == {2, 3, 4}
    assert parse_pages(None) is None and parse_pages("all") is None
    with pytest.raises(ValueError):
        parse_pages("x")


def test_tables_command_prints_header_then_body_with_covered_cells_null(tmp_path, capsys):
    pdf = tmp_path / "ruled.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 780, "Tabel 3.1 Capaian Indikator Kinerja")
    draw(c, ruled_table(), 60, 770)
    c.showPage()
    c.drawString(60, 780, "Halaman tanpa tabel")
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    t = found[0]
    assert t["pages"] == [1] and t["label"] == "Tabel 3.1" and t["caption"] == "Capaian Indikator Kinerja"
    assert t["rows"][0] == ["Indikator", "2023", None, "Satuan"]  # the year spans Target / Realisasi
    assert t["rows"][1][1:3] == ["Target", "Realisasi"]
    assert t["rows"][1][0] is None and t["rows"][1][3] is None  # covered by the cells above
    assert t["rows"][2:] == BODY
    assert tables_json(pdf, capsys, "--pages", "2") == []
    capsys.readouterr()
    assert main(["tables", str(pdf)]) == 0
    assert "Tabel 3.1" in capsys.readouterr().out


@pytest.mark.parametrize("turn", [90, -90])
def test_rotated_page_table_upright(turn, tmp_path, capsys):
    """A landscape table printed sideways on a portrait page reads as if it were upright."""
    pdf = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    if turn == 90:  # text runs upwards, the table's top at the left edge of the page
        draw(c, ruled_table(), 100, 100, turn)
    else:  # text runs downwards, the table's top at the right edge
        draw(c, ruled_table(), 480, 700, turn)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    assert found[0]["rows"][0] == ["Indikator", "2023", None, "Satuan"]
    assert found[0]["rows"][2:] == BODY


def test_tables_without_caption_and_two_tables_under_one_caption(tmp_path, capsys):
    pdf = tmp_path / "two.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 780, "Tabel 3.2 Dua bagian")
    draw(c, ruled_table(), 60, 770)
    draw(c, ruled_table([["Program", "Pagu"], ["Program A", "1.000"], ["Program B", "2.000"]]), 60, 620)
    c.showPage()
    draw(c, ruled_table([["Sasaran", "Nilai"], ["Sasaran 1", "90"], ["Sasaran 2", "95"]]), 60, 760)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert [t["rows"][0][0] for t in found] == ["Indikator", "Program", "Sasaran"]
    assert found[0]["label"] == "Tabel 3.2"
    assert found[2]["label"] is None and found[2]["pages"] == [2]


def test_roles_show_every_column_decision_of_a_pdf_and_of_its_json(tmp_path, ruled_pdf, capsys):
    from pipeline.cli import main

    assert main(["tables", str(ruled_pdf), "--roles"]) == 0
    shown = capsys.readouterr().out
    assert "fiscal year" in shown and "[performance]" in shown
    for role in ("indicator", "target", "realization", "achievement"):
        assert f"  {role}" in shown, role
    assert main(["extract", str(ruled_pdf.parent), "--db", str(tmp_path / "db.sqlite"), "--out", str(tmp_path / "out"),
                 "--quiet"]) == 0
    capsys.readouterr()
    [extracted] = (tmp_path / "out" / "extracted").glob("*.json")
    assert main(["tables", str(extracted), "--roles"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == shown.splitlines()[1:]
