"""Headers of borderless tables without any rule (extractors/whitespace.py, pipeline/lines.py): headings wrapped
over several lines and set in the middle of their cells, each at its own height; a group heading centred over the
columns it spans. Each test draws one structure with reportlab (invented names and figures) and reads it back through
`python -m pipeline tables --json`."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.grid import column_paths
from pipeline.lines import join_header_lines
from pipeline.models import Cell, RawTable

SIZE = 7.0
LEADING = 8.5


def _centred_cell(c, lines: list[str], left: float, right: float, middle: float) -> None:
    """A heading's lines centred in the cell between `left` and `right`, set in the middle of the row at `middle`."""
    first = middle + LEADING * (len(lines) - 1) / 2
    for k, text in enumerate(lines):
        c.drawCentredString((left + right) / 2, first - k * LEADING, text)


def _body(c, rows: list[list[str]], edges: list[float], top: float, right_aligned_from: int) -> None:
    """Rows 16 pt apart; names left-aligned at their column's left edge, values right-aligned at its right edge."""
    for k, row in enumerate(rows):
        y = top - 16 * k
        for j, text in enumerate(row):
            if j >= right_aligned_from:
                c.drawRightString(edges[j + 1] - 4, y, text)
            else:
                c.drawString(edges[j] + 2, y, text)


def _read(c, pdf, saved_tables) -> tuple[list[str], list[list[str | None]]]:
    """The one table's column paths (its header's lines made rows of headings, as the pipeline reads them) and its
    body rows."""
    [table] = [t for t in saved_tables(c, pdf) if t["method"] == "whitespace"]
    n = table["header_rows"]
    header = [[Cell(text, 1) for text in row] for row in table["rows"][:n]]
    joined = join_header_lines(RawTable(0, [1], None, None, header, [], "whitespace"))
    return column_paths(joined.header), table["rows"][n:]


COMPARISON_EDGES = [70, 90, 220, 260, 300, 340, 380, 420, 460, 500, 545]
COMPARISON_ROWS = [["1", "Indeks layanan contoh", "indeks", "41,20", "44,05", "46,00", "45,10", "98,04%", "52,30", "86,23"],
                   ["2", "Persentase warga contoh", "%", "60,15", "62,40", "65,00", "66,20", "101,85%", "70,00",
                    "94,57"],
                   ["3", "Rasio sarana contoh", "rasio", "1,20", "1,35", "1,40", "1,38", "98,57%", "1,60", "86,25"]]


def test_headings_wrapped_and_set_in_their_middle_are_one_header_row(tmp_path, saved_tables):
    """No rule at all; each heading wrapped to its own number of lines (one to seven) and set in the middle of the
    header row, so the lines of neighbouring headings interleave. The header is one row of whole headings over
    the body, not two tables (year-less headings above, years below)."""
    pdf = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    c.drawCentredString(300, 720, "Tabel 3.9 Perbandingan Capaian Contoh")
    c.setFont("Helvetica", SIZE)
    headings = [["No"], ["Indikator Kinerja"], ["Satuan"], ["Realisasi", "2021"], ["Realisasi", "2022"],
                ["Target", "2023"], ["Realisasi", "2023"], ["Capaian", "2023"],
                ["Target", "Akhir", "Rencana", "2026"],
                ["Capaian s.d.", "2023", "terhadap", "Target", "Akhir", "Rencana", "(%)"]]
    for j, lines in enumerate(headings):
        _centred_cell(c, lines, COMPARISON_EDGES[j], COMPARISON_EDGES[j + 1], 680)
    _body(c, COMPARISON_ROWS, COMPARISON_EDGES, 640, 3)
    paths, body = _read(c, pdf, saved_tables)
    assert paths == ["No", "Indikator Kinerja", "Satuan", "Realisasi 2021", "Realisasi 2022", "Target 2023",
                     "Realisasi 2023", "Capaian 2023", "Target Akhir Rencana 2026",
                     "Capaian s.d. 2023 terhadap Target Akhir Rencana (%)"]
    assert body == COMPARISON_ROWS


PLAN_EDGES = [70, 90, 240, 280, 330, 370, 410, 450, 490, 530]
PLAN_ROWS = [["1", "Indeks layanan contoh", "indeks", "40,10", "42,00", "43,50", "45,00", "46,50", "48,00"],
             ["2", "Persentase warga contoh", "%", "55,00", "57,00", "59,00", "61,00", "63,00", "65,00"],
             ["3", "Rasio sarana contoh", "rasio", "1,10", "1,15", "1,20", "1,25", "1,30", "1,35"]]


def test_a_group_heading_covers_the_columns_it_is_centred_over(tmp_path, saved_tables):
    """No rule at all: "Target" centred over five year columns, beside a wrapped "Kondisi / Awal / (2020)"
    heading. Its words stand over the middle years only; it covers all five (the run of columns it is centred
    over, whose sub-headings stand on one line), and the Kondisi heading covers its own column only."""
    pdf = tmp_path / "group.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 9)
    c.drawCentredString(300, 720, "Tabel 2.4 Target Contoh per Tahun")
    c.setFont("Helvetica", SIZE)
    for j, lines in enumerate([["No"], ["Indikator Kinerja"], ["Satuan"], ["Kondisi", "Awal", "(2020)"]]):
        _centred_cell(c, lines, PLAN_EDGES[j], PLAN_EDGES[j + 1], 680)
    c.drawCentredString((PLAN_EDGES[4] + PLAN_EDGES[9]) / 2, 680 + LEADING, "Target")
    for j, year in enumerate(["2021", "2022", "2023", "2024", "2025"]):
        c.drawCentredString((PLAN_EDGES[4 + j] + PLAN_EDGES[5 + j]) / 2, 680 - LEADING, year)
    _body(c, PLAN_ROWS, PLAN_EDGES, 655, 3)
    paths, body = _read(c, pdf, saved_tables)
    assert paths == ["No", "Indikator Kinerja", "Satuan", "Kondisi Awal (2020)", "Target › 2021", "Target › 2022",
                     "Target › 2023", "Target › 2024", "Target › 2025"]
    assert body == PLAN_ROWS
