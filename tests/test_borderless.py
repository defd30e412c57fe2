"""Borderless tables without any rule: columns set apart by white space, rows single-spaced.
Each test draws one structure with reportlab and reads it back through `python -m pipeline tables`."""
from __future__ import annotations

import json

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.cli import main

COLUMNS = [60, 250, 330, 420]  # left edges of the four columns
ROWS = [["Kecamatan", "Penduduk", "Luas", "Kepadatan"],
        ["Cibeunying", "105.211", "10,32", "10.195"],
        ["Coblong", "131.870", "7,35", "17.941"],
        ["Sukajadi", "106.000", "4,30", "24.651"],
        ["Andir", "97.730", "3,71", "26.342"]]
PROSE = ["Pada tahun 2023 Dinas telah melaksanakan berbagai program dan kegiatan yang mendukung",
         "pencapaian sasaran strategis sebagaimana tertuang dalam Rencana Strategis, dengan capaian",
         "yang secara umum baik walaupun masih terdapat beberapa indikator yang belum tercapai."]


def tables_json(pdf, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def write_rows(c, rows, top: float, step: float = 12.0) -> float:
    for k, row in enumerate(rows):
        for x, text in zip(COLUMNS, row):
            c.drawString(x, top - k * step, text)
    return top - len(rows) * step


def test_borderless_table_without_header_rule(tmp_path, capsys):
    """No rule anywhere: the columns come from the white space, each single-spaced line is a row."""
    pdf = tmp_path / "whitespace.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 760
    for line in PROSE:
        c.drawString(60, y, line)
        y -= 14
    c.drawString(60, y - 10, "Tabel 2.1 Kepadatan Penduduk per Kecamatan")
    write_rows(c, ROWS, y - 30)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    t = found[0]
    assert t["rows"] == ROWS
    assert t["label"] == "Tabel 2.1" and t["caption"] == "Kepadatan Penduduk per Kecamatan"


def test_running_text_and_two_column_form_are_no_table(tmp_path, capsys):
    """Prose, and a form of labels and values ("Nama : …"), are not read as tables."""
    pdf = tmp_path / "prose.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 760
    for line in PROSE * 3:
        c.drawString(60, y, line)
        y -= 14
    for label, value in [("Nama Instansi", "Dinas Perhubungan"), ("Alamat", "Jl. Merdeka 1"),
                         ("Telepon", "022-123456"), ("Kepala Dinas", "Ir. Budi")]:
        c.drawString(60, y, label)
        c.drawString(200, y, value)
        y -= 12
    c.showPage()
    c.save()
    assert tables_json(pdf, capsys) == []


def test_borderless_table_on_rotated_page_upright(tmp_path, capsys):
    """A whitespace table printed sideways (text running upwards) reads as if it were upright."""
    pdf = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.translate(300, 100)
    c.rotate(90)
    write_rows(c, ROWS, 0)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    assert found[0]["rows"] == ROWS
