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


def _stretched(c, text: str, x: float, right: float, y: float) -> None:
    """`text` from `x` with its word spaces widened so that it ends at `right` (a justified cell)."""
    t = c.beginText(x, y)
    t.setFont("Helvetica", SIZE)
    t.setWordSpace((right - x - _string_width(text)) / text.count(" "))
    t.textOut(text)
    c.drawText(t)


def test_a_name_run_into_the_next_cell_at_a_word_space_is_cut_at_the_column_edge(tmp_path, saved_tables):
    """No rule at all: one name runs up to a word's space before the unit column (and one sasaran up to the indicator
    column), whose cells start at one x in the other lines. The cut falls at that edge: the name and its unit, the
    sasaran and its indicator, each in its own column."""
    pdf = tmp_path / "cut.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", SIZE)
    left = [64, 80, 170, 300, 360, 420]
    for x, text in zip(left, ("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi")):
        c.drawString(x, 700, text)
    rows = [("1", "Mutu contoh", "Persentase warga contoh terlayani", "%", "52,10", "58,40"),
            ("2", "", "Jumlah kelompok contoh binaan", "kelompok", "304", "329"),
            ("3", "Meningkatnya layanan", "Indeks layanan contoh yang dirasakan", "%", "3,20", "3,35"),
            ("4", "Meningkatnya sarana", "Rasio sarana contoh per desa", "rasio", "47,80", "54,50"),
            ("5", "Meningkatnya contoh baru", "Jumlah desa contoh", "desa", "12", "14")]
    space = 4.0  # a word space: more than the text layer's tolerance, less than a column's white
    for k, row in enumerate(rows):
        y = 686 - 14 * k
        c.drawString(left[0], y, row[0])
        if k == 4:  # the sasaran runs up to a word space before the indicator column
            _stretched(c, row[1], left[1], left[2] - space, y)
        else:
            c.drawString(left[1], y, row[1])
        if k == 2:  # the name runs up to a word space before the unit column
            _stretched(c, row[2], left[2], left[3] - space, y)
        else:
            c.drawString(left[2], y, row[2])
        c.drawString(left[3], y, row[3])
        c.drawRightString(left[4] + 30, y, row[4])
        c.drawRightString(left[5] + 30, y, row[5])
    found = _table(saved_tables, c, pdf, "whitespace")
    assert found[0] == ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi"]
    assert [r[1:4] for r in found[1:]] == [list(r[1:4]) for r in rows]
