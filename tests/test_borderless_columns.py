"""Column boundaries of borderless tables next to a short, left-aligned column (a unit: "%", "orang") whose cells
are narrower than its heading, the names of the column before it running close to it (extractors/stream.py,
extractors/whitespace.py). Each test draws one structure with reportlab (invented names and figures) and reads it
back through `python -m pipeline tables --json`."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

SIZE = 7.0


def _table(saved_tables, c, pdf, method: str) -> list[list[str | None]]:
    [table] = [t for t in saved_tables(c, pdf) if t["method"] == method]
    return table["rows"]


def _string_width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, "Helvetica", SIZE)


UNIT_X = 230.0
ROWS = [("Persentase warga contoh yang terlayani", "%", "52,10", "58,40"),
        ("Jumlah kelompok contoh binaan", "kelompok", "304", "329"),
        ("Indeks layanan contoh", "indeks", "3,20", "3,35"),
        ("Rasio sarana contoh per desa", "%", "47,80", "54,50")]


def _name_ending_at(c, name: str, right: float, y: float) -> None:
    c.drawString(right - _string_width(name), y, name)


def test_a_unit_column_close_after_the_names_under_a_header_rule_is_its_own_column(tmp_path, saved_tables):
    """A header ruled above and below, no vertical rule: the names end 5 pt before the unit column (less than the
    white between other columns), whose cells start at one x. The unit is a column of its own, not a word of the
    name."""
    pdf = tmp_path / "unit.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", SIZE)
    c.line(60, 712, 420, 712)
    for x, text in ((64, "No"), (100, "Indikator Kinerja"), (UNIT_X, "Satuan Ukur"), (300, "Realisasi"),
                    (360, "Target")):
        c.drawString(x, 703, text)
    c.line(60, 698, 420, 698)
    for k, (name, unit, real, target) in enumerate(ROWS):
        y = 688 - 14 * k
        c.drawString(64, y, str(k + 1))
        # the names start at the column's left edge; the longest ends 5 pt before the unit column
        c.drawString(88, y, name) if k else _name_ending_at(c, name, UNIT_X - 5, y)
        c.drawString(UNIT_X, y, unit)
        c.drawRightString(340, y, real)
        c.drawRightString(400, y, target)
    c.line(60, 688 - 14 * len(ROWS) + 4, 420, 688 - 14 * len(ROWS) + 4)
    rows = _table(saved_tables, c, pdf, "stream")
    assert rows[0] == ["No", "Indikator Kinerja", "Satuan Ukur", "Realisasi", "Target"]
    assert [r[2] for r in rows[1:]] == [u for _, u, _, _ in ROWS]
    assert [r[1] for r in rows[1:]] == [n for n, _, _, _ in ROWS]
