"""A borderless table's group headings printed as merged-and-centred cells over sub-headings each centred in its
own cell (a web application's colspan, a spreadsheet's "merge and centre"), read on a page that holds only a few
rows of the table (the continuation of a table on its next page): the columns read from so few values'
gaps are not the cells the headings are centred in (extractors/stream.py, `_group_span`). Each test draws one
structure with reportlab (invented names and figures) and reads it back through `python -m pipeline tables --json`.
"""
from __future__ import annotations

from reportlab.pdfgen import canvas

from extractors.grid import column_paths
from pipeline.models import Cell

LANDSCAPE = (841.9, 595.3)
SIZE = 7.0
GROUP_Y, MIDDLE_Y, SUB_Y = 520.0, 515.5, 511.0  # baselines: group headings, one-line headings, sub-headings
FIRST_ROW_Y, ROW_STEP = 498.0, 13.0


def _paths_and_body(c, pdf, saved_tables) -> tuple[list[str], list[list[str | None]]]:
    [table] = [t for t in saved_tables(c, pdf) if t["method"] == "stream"]
    n = table["header_rows"]
    header = [[Cell(text, 1) for text in row] for row in table["rows"][:n]]
    return column_paths(header), table["rows"][n:]


def _rules(c, x0: float, x1: float, n_rows: int) -> None:
    """Rules over and under the header and under the last row."""
    c.setLineWidth(0.8)
    c.line(x0, 529, x1, 529)
    c.line(x0, 507, x1, 507)
    c.line(x0, FIRST_ROW_Y - ROW_STEP * (n_rows - 1) - 5, x1, FIRST_ROW_Y - ROW_STEP * (n_rows - 1) - 5)


# cells: No | Indikator | Satuan | Tahun 2031: Target, Realisasi, % | Tahun 2032: Target, Realisasi, % | Status
YEAR_EDGES = [120, 140, 300, 350, 382, 428, 470, 502, 548, 590, 650]
YEAR_ROWS = [["24", "Jumlah taman contoh yang dirawat", "Unit", "61", "62", "101,64", "62", "69", "111,29",
              "Tercapai"],
             ["25", "Jumlah kajian contoh yang disusun", "Dokumen", "761", "826", "108,54", "805", "850", "105,59",
              "Tercapai"]]


def test_year_groups_over_sub_headings_centred_in_their_cells(tmp_path, saved_tables):
    """'Tahun 2031' and 'Tahun 2032', each merged and centred over 'Target | Realisasi | %' whose cells differ in
    width, above two rows of short right-aligned figures: each year spans its own three columns, 'Satuan' (set
    in the middle of the header) belongs to neither."""
    pdf = tmp_path / "years.pdf"
    c = canvas.Canvas(str(pdf), pagesize=LANDSCAPE)
    e = YEAR_EDGES
    c.setFont("Helvetica-Bold", SIZE)

    def centred(a: int, b: int, y: float, text: str) -> None:
        c.drawCentredString((e[a] + e[b + 1]) / 2, y, text)

    for j, text in [(0, "No"), (1, "Indikator Kinerja"), (2, "Satuan"), (9, "Status")]:
        centred(j, j, MIDDLE_Y, text)
    centred(3, 5, GROUP_Y, "Tahun 2031")
    centred(6, 8, GROUP_Y, "Tahun 2032")
    for j, text in zip(range(3, 9), ["Target", "Realisasi", "%"] * 2):
        centred(j, j, SUB_Y, text)
    _rules(c, e[0], e[-1], len(YEAR_ROWS))
    c.setFont("Helvetica", SIZE)
    for k, row in enumerate(YEAR_ROWS):
        y = FIRST_ROW_Y - ROW_STEP * k
        for j, text in enumerate(row):
            if 3 <= j <= 8:
                c.drawRightString(e[j + 1] - 3, y, text)
            elif j == 9:  # a status badge, centred
                centred(j, j, y, text)
            else:
                c.drawString(e[j] + 3, y, text)
    paths, body = _paths_and_body(c, pdf, saved_tables)
    assert paths == ["No", "Indikator Kinerja", "Satuan"] + [
        f"Tahun {year} › {sub}" for year in (2031, 2032) for sub in ("Target", "Realisasi", "%")] + ["Status"]
    assert body == YEAR_ROWS


# cells: Kode | Sub Kegiatan | Target Renja: K, Rp | Realisasi s.d. TW IV: K, Rp | Capaian (%): K, Rp
RENJA_EDGES = [80, 150, 330, 420, 500, 560, 640, 690, 725]
RENJA_ROWS = [["1.01.02.2.03.0004", "Pendampingan kelompok contoh", "15 Kelompok", "807.000.000", "15 Kelompok",
               "664.804.200", "100,00", "82,38"]]


def test_heading_across_a_column_stop_over_one_row(tmp_path, saved_tables):
    """'Target Renja' merged over 'K | Rp' (a count with its unit, left-aligned, beside an amount in Rp,
    right-aligned), above the one row of a table's continuation: the heading, which lies across the stop
    between its two columns, spans both."""
    pdf = tmp_path / "renja.pdf"
    c = canvas.Canvas(str(pdf), pagesize=LANDSCAPE)
    e = RENJA_EDGES
    c.setFont("Helvetica-Bold", SIZE)

    def centred(a: int, b: int, y: float, text: str) -> None:
        c.drawCentredString((e[a] + e[b + 1]) / 2, y, text)

    centred(0, 0, MIDDLE_Y, "Kode")
    centred(1, 1, MIDDLE_Y, "Sub Kegiatan")
    for a, text in [(2, "Target Renja"), (4, "Realisasi s.d. TW IV"), (6, "Capaian (%)")]:
        centred(a, a + 1, GROUP_Y, text)
        centred(a, a, SUB_Y, "K")
        centred(a + 1, a + 1, SUB_Y, "Rp")
    _rules(c, e[0], e[-1], len(RENJA_ROWS))
    c.setFont("Helvetica", SIZE)
    for j, text in enumerate(RENJA_ROWS[0]):
        if j in (3, 5, 6, 7):
            c.drawRightString(e[j + 1] - 3, FIRST_ROW_Y, text)
        else:
            c.drawString(e[j] + 3, FIRST_ROW_Y, text)
    paths, body = _paths_and_body(c, pdf, saved_tables)
    assert paths == ["Kode", "Sub Kegiatan"] + [
        f"{group} › {sub}" for group in ("Target Renja", "Realisasi s.d. TW IV", "Capaian (%)") for sub in ("K", "Rp")]
    assert body == RENJA_ROWS



# cells: No | Indikator | Target Tahun ke-: I, II, III | Kondisi Akhir Periode Rencana
WIDE_EDGES = [90, 110, 330, 390, 450, 510, 600]
WIDE_ROWS = [["1", "Persentase berkas contoh selesai", "80,00", "82,50", "85,00", "85,00"],
             ["2", "Indeks kepuasan warga contoh", "76,00", "78,00", "80,00", "80,00"]]


def test_first_line_of_a_heading_wider_than_its_values(tmp_path, saved_tables):
    """'Kondisi Akhir' over 'Periode Rencana', centred in a cell wider than the right-aligned values it heads, its
    first line at the group heading's height and across the stop between its column and the one before, its
    second line on the sub-headings' line: the two lines are one heading of their own column, and 'Target Tahun
    ke-' spans I, II, III."""
    pdf = tmp_path / "wide.pdf"
    c = canvas.Canvas(str(pdf), pagesize=LANDSCAPE)
    e = WIDE_EDGES
    c.setFont("Helvetica-Bold", SIZE)

    def centred(a: int, b: int, y: float, text: str) -> None:
        c.drawCentredString((e[a] + e[b + 1]) / 2, y, text)

    centred(0, 0, MIDDLE_Y, "No")
    centred(1, 1, MIDDLE_Y, "Indikator Kinerja")
    centred(2, 4, GROUP_Y, "Target Tahun ke-")
    for j, text in zip(range(2, 5), ["I", "II", "III"]):
        centred(j, j, SUB_Y, text)
    centred(5, 5, GROUP_Y, "Kondisi Akhir")
    centred(5, 5, SUB_Y, "Periode Rencana")
    _rules(c, e[0], e[-1], len(WIDE_ROWS))
    c.setFont("Helvetica", SIZE)
    for k, row in enumerate(WIDE_ROWS):
        y = FIRST_ROW_Y - ROW_STEP * k
        for j, text in enumerate(row):
            if j >= 2:
                c.drawRightString(e[j + 1] - 3, y, text)
            else:
                c.drawString(e[j] + 3, y, text)
    paths, body = _paths_and_body(c, pdf, saved_tables)
    assert paths == ["No", "Indikator Kinerja", "Target Tahun ke- › I", "Target Tahun ke- › II",
                     "Target Tahun ke- › III", "Kondisi Akhir Periode Rencana"]
    assert body == WIDE_ROWS
