"""Two borderless tables printed one under the other, each with a rule under its header only (a Word table style
that underlines the header row and draws nothing else): the lower table's header rule is not the upper table's
bottom (extractors/stream.py `next_table_starts`). Drawn with reportlab (invented names and figures) and read back
through `python -m pipeline tables --json`."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

SIZE = 8.0
AGREEMENT = [("Meningkatnya layanan contoh", "Jumlah kelompok contoh yang aktif", "Kelompok", "24,48"),
             ("Meningkatnya layanan contoh", "Nilai evaluasi contoh", "Nilai", "72,83"),
             ("Meningkatnya layanan contoh", "Persentase dokumen contoh tepat waktu", "%", "100,00")]
PROGRAMS = [("Program contoh kelembagaan", "5.219.000.000"), ("Program contoh penunjang", "8.588.000.000"),
            ("Program contoh layanan", "475.000.000")]


def _draw(c) -> None:
    c.setFont("Helvetica", SIZE)
    for x, text in ((64, "No"), (90, "Sasaran"), (230, "Indikator Kinerja"), (400, "Satuan"), (460, "Target")):
        c.drawString(x, 720, text)
    c.line(60, 716, 520, 716)
    for k, (sasaran, name, unit, target) in enumerate(AGREEMENT):
        y = 704 - 16 * k
        c.drawString(64, y, str(k + 1))
        c.drawString(90, y, sasaran)
        c.drawString(230, y, name)
        c.drawString(400, y, unit)
        c.drawRightString(500, y, target)
    # the programs' table, 30 pt below: its header, then the rule under it, as wide as the first one's
    for x, text in ((64, "No"), (90, "Program"), (380, "Anggaran (Rp)"), (470, "Ket.")):
        c.drawString(x, 628, text)
    c.line(56, 624, 524, 624)
    for k, (name, amount) in enumerate(PROGRAMS):
        y = 612 - 14 * k
        c.drawString(64, y, str(k + 1))
        c.drawString(90, y, name)
        c.drawRightString(440, y, amount)
        c.drawString(470, y, "APBD")


def test_the_next_tables_header_rule_is_not_the_bottom_of_the_table_above(tmp_path, saved_tables):
    pdf = tmp_path / "stacked.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    _draw(c)
    tables = [t for t in saved_tables(c, pdf) if t["method"] == "stream"]
    upper = next(t["rows"] for t in tables if t["rows"][0][0] == "No" and "Target" in t["rows"][0])
    assert upper[0] == ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"]
    assert [r[2] for r in upper[1:]] == [n for _, n, _, _ in AGREEMENT]
    assert [r[3] for r in upper[1:]] == [u for _, _, u, _ in AGREEMENT]
    lower = next(t["rows"] for t in tables if "Program" in t["rows"][0])
    assert [r[2] for r in lower[1:]] == [a for _, a in PROGRAMS]
