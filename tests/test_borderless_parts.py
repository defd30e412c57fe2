"""A borderless table without any rule continued on the next page without its header (extractors/whitespace.py,
extractors/pdf.py): the last row's name wrapped onto a line of its own at the foot of the first page, and a part
of as few as two rows at the top of the next one. Each test draws the two pages with reportlab (invented names and
figures) and reads them back through `python -m pipeline tables --json`."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

SIZE = 8.0
EDGES = [64, 90, 300, 360, 420, 480]  # left edges: No | name | unit | three values (right-aligned)


def _row(c, y: float, cells: list[str]) -> None:
    for j, text in enumerate(cells):
        if j >= 3:
            c.drawRightString(EDGES[j] + 40, y, text)
        else:
            c.drawString(EDGES[j], y, text)


def _rows(n: int, start: int = 1) -> list[list[str]]:
    return [[str(k), f"Jumlah kegiatan contoh ke-{k}", "kegiatan", f"{10 + k}", f"{12 + k}", f"{100 + k},50"]
            for k in range(start, start + n)]


def _first_page(c, rows: list[list[str]], wrapped_last: str | None) -> None:
    """A caption, a header and `rows` filling the page to its foot; the last row's name wrapped onto `wrapped_last`."""
    c.setFont("Helvetica", SIZE)
    c.drawString(64, 790, "Tabel 4.2 Realisasi Kegiatan Contoh")
    _row(c, 770, ["No", "Kegiatan", "Satuan", "Target", "Realisasi", "Capaian"])
    y = 752.0
    for row in rows:
        _row(c, y, row)
        y -= 16
    if wrapped_last:
        c.drawString(EDGES[1], y + 16 - 10, wrapped_last)
    c.drawString(290, 40, "12")
    c.showPage()


def _tables(c, pdf, saved_tables) -> list[dict]:
    return [t for t in saved_tables(c, pdf) if t["method"].startswith("whitespace")]


def test_the_last_row_wrapped_at_the_foot_of_the_page_keeps_the_table_open(tmp_path, saved_tables):
    """The last row's name ends on a line of its own at the foot of the page: that line is the row's, not text
    after the table, and the rows on the next page continue it."""
    pdf = tmp_path / "wrapped_last.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    first = _rows(40)
    _first_page(c, first, "di wilayah contoh")
    c.setFont("Helvetica", SIZE)
    rest = _rows(3, 41)
    for k, row in enumerate(rest):
        _row(c, 780 - 16 * k, row)
    c.drawString(64, 700, "Sumber: data contoh yang diolah.")
    [table] = _tables(c, pdf, saved_tables)
    assert table["pages"] == [1, 2]
    assert table["rows"][-3][1:] == rest[0][1:] and table["rows"][-1][1:] == rest[-1][1:]
    assert "di wilayah contoh" in [r[1] for r in table["rows"]]


def test_a_part_of_two_rows_opening_the_next_page_continues_the_table(tmp_path, saved_tables):
    """Two rows at the top of the next page, under no header: the rest of the table above, not left out; a block of
    two such lines that continues no table is no table."""
    pdf = tmp_path / "two_rows.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    _first_page(c, _rows(41), None)
    c.setFont("Helvetica", SIZE)
    rest = _rows(2, 42)
    for k, row in enumerate(rest):
        _row(c, 780 - 16 * k, row)
    c.drawString(64, 700, "Sumber: data contoh yang diolah.")
    c.showPage()
    c.setFont("Helvetica", SIZE)
    for k, row in enumerate(_rows(2, 1)):  # a page opening with two such lines after a page of prose only
        _row(c, 780 - 16 * k, row)
    c.drawString(64, 700, "Sumber: data contoh yang diolah.")
    tables = _tables(c, pdf, saved_tables)
    assert [t["pages"] for t in tables] == [[1, 2]]
    assert [r[1] for r in tables[0]["rows"][-2:]] == [r[1] for r in rest]
