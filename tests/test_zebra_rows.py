"""A web application's table printed to PDF: no vertical rules, a rule under the header, a hairline
under every body row, and the body rows striped (every other row filled with a light box as wide as the
table). The stripes and the hairlines between them are the body's rows, not rules that close the table
after its first row (extractors/stream.py `shaded_body_end`); read back through `python -m pipeline tables`."""
from __future__ import annotations

import json

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.cli import main

HEADER = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Status"]
BODY = [
    ["1", "Meningkatnya mutu layanan pasar", "Persentase lapak pasar rakyat yang tertata rapi", "%",
     "80,00", "76,00", "95,00", "Tidak Tercapai"],
    ["2", "", "Jumlah pedagang kaki lima yang dibina", "orang", "250", "260", "104,00", "Tercapai"],
    ["3", "", "Indeks kepuasan pengunjung pasar", "indeks", "78,50", "80,10", "102,04", "Tercapai"],
    ["4", "Meningkatnya tertib ukur", "Persentase alat ukur bertanda tera sah yang berlaku", "%",
     "90,00", "91,20", "101,33", "Tercapai"],
    ["5", "", "Jumlah pelaku usaha yang disosialisasi", "pelaku", "120", "110", "91,67", "Tidak Tercapai"],
    ["6", "", "Persentase SPBU yang diawasi", "%", "100,00", "100,00", "100,00", "Tercapai"],
    ["7", "", "Jumlah timbangan pasar yang ditera ulang", "unit", "640", "655", "102,34", "Tercapai"],
]
WIDTHS = [20, 105, 165, 40, 40, 42, 45, 55]
NUMBERS = {4, 5, 6}


def _style(size: float, right: bool = False, bold: bool = False) -> ParagraphStyle:
    return ParagraphStyle("cell", fontName="Helvetica-Bold" if bold else "Helvetica", fontSize=size,
                          leading=size * 1.2, alignment=2 if right else 0)


def _draw(path, backgrounds: list) -> None:
    size = 6.5
    data = [[Paragraph(text, _style(size, bold=True)) for text in HEADER]]
    data += [[Paragraph(text, _style(size, right=j in NUMBERS)) for j, text in enumerate(row)] for row in BODY]
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.HexColor("#555555")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#dddddd")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), backgrounds),
    ]))
    intro = Paragraph("Capaian kinerja sasaran Dinas Perdagangan Kota Contoh tahun 2023 sebagai berikut.",
                      _style(9))
    after = Paragraph("Dicetak pada 12 Januari 2024 oleh operator aplikasi kinerja", _style(7))
    SimpleDocTemplate(str(path), pagesize=A4).build([intro, Spacer(1, 10), table, Spacer(1, 8), after])


@pytest.mark.parametrize("backgrounds", [[colors.white, colors.HexColor("#f2f2f2")],
                                         [None, colors.HexColor("#f2f2f2")]],
                         ids=["every-row-filled", "odd-rows-filled"])
def test_striped_rows_under_a_header_rule_are_one_table(tmp_path, capsys, backgrounds):
    pdf = tmp_path / "striped.pdf"
    _draw(pdf, backgrounds)
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    tables = [t for t in json.loads(capsys.readouterr().out) if len(t["rows"]) > 2]
    assert len(tables) == 1
    rows = tables[0]["rows"]
    assert tables[0]["method"] == "stream"
    assert rows[0] == HEADER
    assert [r[0] for r in rows[1:]] == [r[0] for r in BODY]
    assert [r[2] for r in rows[1:]] == [r[2] for r in BODY]
    assert [r[6] for r in rows[1:]] == [r[6] for r in BODY]
