"""A ruled table whose grid row holds several indicator names stacked without marks, beside one value
column printing one number line per name (a Perjanjian Kinerja prints only targets): one row per name,
dealt out by the lines' positions (extractors/stacked_rows.py, `_names_beside_one_column`). The names
are wrapped here as Word wraps them (at the cell's width), so where a name ends is visible from the
room left on its last line; read back through `python -m pipeline tables`."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

EDGES = [50, 80, 210, 370, 450]  # No | Sasaran | Indikator | Target
HEADER = ["No", "Sasaran", "Indikator Kinerja", "Target"]
FONT, SIZE, LEADING = "Helvetica", 9, 11.0
MARGIN = 5.4  # Word's default cell margin


def _wrap(text: str, width: float) -> list[str]:
    """The lines Word breaks `text` into in a cell of this text width."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", FONT, SIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _pk(pdf, rows: list[tuple[str, str, list[tuple[str, str]]]], gap: float = 0.0, centred: bool = False,
        right: list[str] | None = None):
    """A PK table: per ruled row its number, its sasaran and its (indicator, target) pairs, the indicators
    stacked in one cell (`gap` points between two of them), each target level with its name's first line
    or centred on the name. `right`: the target column's lines as printed instead (one row only)."""
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont(FONT, SIZE)
    top, y = 760.0, 740.0
    c.line(EDGES[0], top, EDGES[-1], top)
    for x, text in zip(EDGES, HEADER):
        c.drawString(x + MARGIN, top - 13, text)
    c.line(EDGES[0], y, EDGES[-1], y)
    for number, sasaran, pairs in rows:
        c.drawString(EDGES[0] + MARGIN, y - 10, number)
        for k, line in enumerate(_wrap(sasaran, EDGES[2] - EDGES[1] - 2 * MARGIN)):
            c.drawString(EDGES[1] + MARGIN, y - 10 - LEADING * k, line)
        at = y - 10
        for name, target in pairs:
            lines = _wrap(name, EDGES[3] - EDGES[2] - 2 * MARGIN)
            for k, line in enumerate(lines):
                c.drawString(EDGES[2] + MARGIN, at - LEADING * k, line)
            level = at - LEADING * (len(lines) - 1) / 2 if centred else at
            if right is None:
                c.drawRightString(EDGES[4] - MARGIN, level, target)
            at -= LEADING * len(lines) + gap
        for k, line in enumerate(right or []):
            c.drawRightString(EDGES[4] - MARGIN, y - 10 - LEADING * k, line)
        bottom = min(at, y - 10 - LEADING * len(right or [])) - 2
        c.line(EDGES[0], bottom, EDGES[-1], bottom)
        for x in EDGES:
            c.line(x, y, x, bottom)
        y = bottom
    for x in EDGES:
        c.line(x, top, x, y)
    return c


def _body(saved_tables, c, pdf) -> list[list[str | None]]:
    tables = saved_tables(c, pdf)
    assert len(tables) == 1
    return tables[0]["rows"][1:]


ROWS = [("1", "Meningkatnya mutu layanan rujukan bagi pasien", [
            ("Persentase pasien yang puas dengan layanan rawat jalan", "85,50"),
            ("Rasio kunjungan ulang", "12"),
            ("Tingkat kesiapan alat penunjang diagnostik utama", "97,25")]),
        ("2", "Tertibnya arsip", [("Indeks tata kelola arsip", "3,40"),
                                  ("Jumlah berkas yang dialihmediakan", "1.250")])]
NAME_WIDTH = EDGES[3] - EDGES[2] - 2 * MARGIN
EXPECTED = [(name_row[0] if k == 0 else None,
             "\n".join(_wrap(name_row[1], EDGES[2] - EDGES[1] - 2 * MARGIN)) if k == 0 else None,
             "\n".join(_wrap(name, NAME_WIDTH)), target)
            for name_row in ROWS for k, (name, target) in enumerate(name_row[2])]


def _names(body):
    return [(r[2], r[3]) for r in body]


def test_names_stacked_without_marks_beside_one_target_column_are_one_row_each(tmp_path, saved_tables):
    """Names single-spaced, some wrapped, each target level with its name's first line."""
    pdf = tmp_path / "pk.pdf"
    body = _body(saved_tables, _pk(pdf, ROWS), pdf)
    assert _names(body) == [(r[2], r[3]) for r in EXPECTED]
    assert [r[1] for r in body] == [r[1] for r in EXPECTED]  # the sasaran stays whole, as under a span


def test_names_spaced_apart_with_their_targets_centred_on_them(tmp_path, saved_tables):
    """A blank space between two names, each target printed half-way down its name."""
    pdf = tmp_path / "pk_centred.pdf"
    body = _body(saved_tables, _pk(pdf, ROWS, gap=8.0, centred=True), pdf)
    assert _names(body) == [(r[2], r[3]) for r in EXPECTED]


def test_one_wrapped_name_beside_an_amount_wrapped_over_two_lines_is_one_row(tmp_path, saved_tables):
    pdf = tmp_path / "amount.pdf"
    rows = [("1", "Terkelolanya keuangan", [("Belanja jasa pemeliharaan gedung dan sarana kantor dinas", "")])]
    body = _body(saved_tables, _pk(pdf, rows, right=["3.773.", "280.000"]), pdf)
    assert len(body) == 1
    assert body[0][2] == "\n".join(_wrap(rows[0][2][0][0], NAME_WIDTH))
    assert body[0][3].replace("\n", "") == "3.773.280.000"


def test_a_label_in_capitals_over_three_lines_beside_one_amount_is_one_row(tmp_path, saved_tables):
    pdf = tmp_path / "capitals.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont(FONT, SIZE)
    edges = [50, 130, 230]  # a label column too narrow for its words, one amount
    top, bottom = 760.0, 700.0
    for y in (top, 745.0, bottom):
        c.line(edges[0], y, edges[-1], y)
    for x in edges:
        c.line(x, top, x, bottom)
    c.drawString(edges[0] + MARGIN, 750, "Uraian")
    c.drawString(edges[1] + MARGIN, 750, "Anggaran")
    for k, word in enumerate(["BELANJA", "TAK", "TERDUGA"]):
        c.drawString(edges[0] + MARGIN, 735 - LEADING * k, word)
    c.drawRightString(edges[2] - MARGIN, 735, "1.418.")
    c.drawRightString(edges[2] - MARGIN, 735 - LEADING, "650.000")
    tables = saved_tables(c, pdf)
    assert len(tables) == 1
    assert len(tables[0]["rows"]) == 2
    assert tables[0]["rows"][1][1].replace("\n", "") == "1.418.650.000"


def test_one_wrapped_name_beside_two_figures_is_not_split(tmp_path, saved_tables):
    """Two figures of one measure beside one name Word wrapped: the line level with the second figure
    goes on the name above (its last line had no room for the first word), so it starts no name."""
    pdf = tmp_path / "two_figures.pdf"
    rows = [("1", "Meningkatnya kompetensi", [("Jumlah Pegawai Mengikuti Pelatihan Teknis Fungsional", "")])]
    body = _body(saved_tables, _pk(pdf, rows, right=["12", "240"]), pdf)
    assert len(body) == 1
    assert body[0][2] == "\n".join(_wrap(rows[0][2][0][0], NAME_WIDTH))
    assert len(_wrap(rows[0][2][0][0], NAME_WIDTH)) >= 2 and body[0][3] == "12\n240"
