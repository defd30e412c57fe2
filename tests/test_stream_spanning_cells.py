"""A borderless table's group headings printed as merged-and-centred cells over sub-headings each centred in its
own cell (a web application's colspan, a spreadsheet's "merge and centre"), read on a page that holds only a few
rows of the table (the continuation of a table on its next page): the columns read from so few values'
gaps are not the cells the headings are centred in (extractors/stream.py, `_group_span`). Each test draws one
structure with reportlab (invented names and figures) and reads it back through `python -m pipeline tables --json`.
"""
from __future__ import annotations

from reportlab.pdfgen import canvas

LANDSCAPE = (841.9, 595.3)
SIZE = 7.0
GROUP_Y, MIDDLE_Y, SUB_Y = 520.0, 515.5, 511.0  # baselines: group headings, one-line headings, sub-headings
FIRST_ROW_Y, ROW_STEP = 498.0, 13.0


class Sheet:
    """A landscape page whose table's cells have the given edges: headings centred over runs of cells, rules over
    and under the header and under the body, rows of values aligned as told."""

    def __init__(self, pdf, edges: list[float]):
        self.c = canvas.Canvas(str(pdf), pagesize=LANDSCAPE)
        self.e = edges
        self.c.setFont("Helvetica-Bold", SIZE)

    def centred(self, a: int, b: int, y: float, text: str) -> None:
        self.c.drawCentredString((self.e[a] + self.e[b + 1]) / 2, y, text)

    def body(self, rows: list[list[str]], right: set[int], middle: frozenset[int] = frozenset()) -> None:
        """The rows under the header: columns in `right` right-aligned, in `middle` centred, the others left."""
        e, c = self.e, self.c
        bottom = FIRST_ROW_Y - ROW_STEP * (len(rows) - 1) - 5
        c.setLineWidth(0.8)
        for y in (529, 507, bottom):
            c.line(e[0], y, e[-1], y)
        c.setFont("Helvetica", SIZE)
        for k, row in enumerate(rows):
            y = FIRST_ROW_Y - ROW_STEP * k
            for j, text in enumerate(row):
                if j in right:
                    c.drawRightString(e[j + 1] - 3, y, text)
                elif j in middle:
                    self.centred(j, j, y, text)
                else:
                    c.drawString(e[j] + 3, y, text)


# cells: No | Indikator | Satuan | Tahun 2031: Target, Realisasi, % | Tahun 2032: Target, Realisasi, % | Status
YEAR_EDGES = [120, 140, 300, 350, 382, 428, 470, 502, 548, 590, 650]
YEAR_ROWS = [["24", "Jumlah taman contoh yang dirawat", "Unit", "61", "62", "101,64", "62", "69", "111,29",
              "Tercapai"],
             ["25", "Jumlah kajian contoh yang disusun", "Dokumen", "761", "826", "108,54", "805", "850", "105,59",
              "Tercapai"]]


def test_year_groups_over_sub_headings_centred_in_their_cells(tmp_path, stream_paths_and_body):
    """'Tahun 2031' and 'Tahun 2032', each merged and centred over 'Target | Realisasi | %' whose cells differ in
    width, above two rows of short right-aligned figures: each year spans its own three columns, 'Satuan' (set
    in the middle of the header) belongs to neither."""
    sheet = Sheet(tmp_path / "years.pdf", YEAR_EDGES)
    for j, text in [(0, "No"), (1, "Indikator Kinerja"), (2, "Satuan"), (9, "Status")]:
        sheet.centred(j, j, MIDDLE_Y, text)
    sheet.centred(3, 5, GROUP_Y, "Tahun 2031")
    sheet.centred(6, 8, GROUP_Y, "Tahun 2032")
    for j, text in zip(range(3, 9), ["Target", "Realisasi", "%"] * 2):
        sheet.centred(j, j, SUB_Y, text)
    sheet.body(YEAR_ROWS, right=set(range(3, 9)), middle=frozenset({9}))  # the status a centred badge
    paths, body = stream_paths_and_body(sheet.c, tmp_path / "years.pdf")
    assert paths == ["No", "Indikator Kinerja", "Satuan"] + [
        f"Tahun {year} › {sub}" for year in (2031, 2032) for sub in ("Target", "Realisasi", "%")] + ["Status"]
    assert body == YEAR_ROWS


# cells: Kode | Sub Kegiatan | Target Renja: K, Rp | Realisasi s.d. TW IV: K, Rp | Capaian (%): K, Rp
RENJA_EDGES = [80, 150, 330, 420, 500, 560, 640, 690, 725]
RENJA_ROWS = [["1.01.02.2.03.0004", "Pendampingan kelompok contoh", "15 Kelompok", "807.000.000", "15 Kelompok",
               "664.804.200", "100,00", "82,38"]]


def test_heading_across_a_column_stop_over_one_row(tmp_path, stream_paths_and_body):
    """'Target Renja' merged over 'K | Rp' (a count with its unit, left-aligned, beside an amount in Rp,
    right-aligned), above the one row of a table's continuation: the heading, which lies across the stop
    between its two columns, spans both."""
    sheet = Sheet(tmp_path / "renja.pdf", RENJA_EDGES)
    sheet.centred(0, 0, MIDDLE_Y, "Kode")
    sheet.centred(1, 1, MIDDLE_Y, "Sub Kegiatan")
    for a, text in [(2, "Target Renja"), (4, "Realisasi s.d. TW IV"), (6, "Capaian (%)")]:
        sheet.centred(a, a + 1, GROUP_Y, text)
        sheet.centred(a, a, SUB_Y, "K")
        sheet.centred(a + 1, a + 1, SUB_Y, "Rp")
    sheet.body(RENJA_ROWS, right={3, 5, 6, 7})
    paths, body = stream_paths_and_body(sheet.c, tmp_path / "renja.pdf")
    assert paths == ["Kode", "Sub Kegiatan"] + [
        f"{group} › {sub}" for group in ("Target Renja", "Realisasi s.d. TW IV", "Capaian (%)") for sub in ("K", "Rp")]
    assert body == RENJA_ROWS


# cells: No | Indikator | Target Tahun ke-: I, II, III | Kondisi Akhir Masa Rencana
WIDE_EDGES = [90, 110, 330, 390, 450, 510, 600]
WIDE_ROWS = [["1", "Persentase berkas contoh selesai", "80,00", "82,50", "85,00", "85,00"],
             ["2", "Indeks kepuasan warga contoh", "76,00", "78,00", "80,00", "80,00"]]


def test_first_line_of_a_heading_wider_than_its_values(tmp_path, stream_paths_and_body):
    """'Kondisi Akhir' over 'Masa Rencana', centred in a cell wider than the right-aligned values it heads, its
    first line at the group heading's height and across the stop between its column and the one before, its
    second line on the sub-headings' line: the two lines are one heading of their own column, and 'Target Tahun
    ke-' spans I, II, III."""
    sheet = Sheet(tmp_path / "wide.pdf", WIDE_EDGES)
    sheet.centred(0, 0, MIDDLE_Y, "No")
    sheet.centred(1, 1, MIDDLE_Y, "Indikator Kinerja")
    sheet.centred(2, 4, GROUP_Y, "Target Tahun ke-")
    for j, text in zip(range(2, 5), ["I", "II", "III"]):
        sheet.centred(j, j, SUB_Y, text)
    sheet.centred(5, 5, GROUP_Y, "Kondisi Akhir")
    sheet.centred(5, 5, SUB_Y, "Masa Rencana")
    sheet.body(WIDE_ROWS, right=set(range(2, 6)))
    paths, body = stream_paths_and_body(sheet.c, tmp_path / "wide.pdf")
    assert paths == ["No", "Indikator Kinerja", "Target Tahun ke- › I", "Target Tahun ke- › II",
                     "Target Tahun ke- › III", "Kondisi Akhir Masa Rencana"]
    assert body == WIDE_ROWS
