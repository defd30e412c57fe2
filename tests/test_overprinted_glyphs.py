"""Glyphs drawn twice (extractors/overprint.py): bold simulated by drawing a string a second time a fraction
of a point to the right, and a text layer copied onto itself (every glyph twice at one place). Each test
draws its own page and reads it back with `python -m pipeline tables --json` (or the page's words and lines)."""
from __future__ import annotations

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.overprint import distinct_glyphs
from extractors.page_source import TextLayerPage

EDGES = [40, 70, 250, 300, 370, 440, 510]
HEADER = ["No", "Indikator Kinerja", "Satuan", "Target 2024", "Realisasi 2024", "Capaian (%)"]
ROWS = [["1", "Persentase sumur contoh terawat", "%", "70", "72,45", "103,50"],
        ["2", "Jumlah kolam ikan Kampung Sallo", "unit", "1.250", "1.100", "88,00"]]




def _overprinted_bold(c, x: float, y: float, text: str, header: bool) -> None:
    """A printer driver's bold: the regular face drawn again 0.35 pt to the right (the header only)."""
    c.setFont("Helvetica", 7.5)
    c.drawString(x, y, text)
    if header:
        c.drawString(x + 0.35, y, text)


def _twice(c, x: float, y: float, text: str, header: bool) -> None:
    """A text layer copied onto itself: every string drawn twice at one place."""
    c.setFont("Helvetica-Bold" if header else "Helvetica", 7.5)
    c.drawString(x, y, text)
    c.drawString(x, y, text)


def test_bold_simulated_by_overprinting_reads_each_heading_once(tmp_path, saved_tables, ruled_table):
    pdf = tmp_path / "overprinted.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    ruled_table(c, EDGES, [HEADER, *ROWS], 700.0, 24.0, _overprinted_bold)
    tables = saved_tables(c, pdf)
    assert [t["method"] for t in tables] == ["lattice"]
    assert tables[0]["rows"] == [HEADER, *ROWS]


def test_a_duplicated_text_layer_reads_each_value_and_the_title_once(tmp_path, saved_tables, ruled_table):
    """Values, headings and the text above the table: all drawn twice at one place, all read once."""
    pdf = tmp_path / "duplicated.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    for _ in range(2):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(40, 780, "LAPORAN KINERJA DINAS CONTOH KABUPATEN SUKAMAJU")
    ruled_table(c, EDGES, [HEADER, *ROWS], 700.0, 24.0, _twice)
    c.showPage()
    c.save()
    with pdfplumber.open(pdf) as doc:
        page = TextLayerPage(doc.pages[0], 1)
        assert page.lines[0].text == "LAPORAN KINERJA DINAS CONTOH KABUPATEN SUKAMAJU"
        assert "72,45" in [w.text for w in page.words]
    c = canvas.Canvas(str(pdf), pagesize=A4)
    ruled_table(c, EDGES, [HEADER, *ROWS], 700.0, 24.0, _twice)
    tables = saved_tables(c, pdf)
    assert tables[0]["rows"] == [HEADER, *ROWS]


def _char(text: str, x0: float, width: float, top: float = 100.0, size: float = 4.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "size": size,
            "fontname": "Helvetica", "upright": True}


def test_two_narrow_letters_of_tiny_type_are_two_letters():
    """'ll' at 4 pt (a sheet printed two pages to a side): the second 'l' stands 0.9 pt on, its whole
    width; pdfplumber's one-point tolerance would take it for the first drawn again."""
    chars = [_char("l", 10.0, 0.89), _char("l", 10.89, 0.89), _char("o", 11.78, 2.2)]
    assert distinct_glyphs(chars) is chars


def test_a_repeat_a_little_below_and_to_the_right_is_dropped_and_the_first_kept():
    chars = [_char("A", 10.0, 5.0, size=8.0), _char("B", 15.0, 5.0, size=8.0),
             _char("A", 10.3, 5.0, top=100.3, size=8.0), _char("B", 15.3, 5.0, top=100.3, size=8.0)]
    assert distinct_glyphs(chars) == chars[:2]
