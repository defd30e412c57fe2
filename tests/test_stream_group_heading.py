"""A borderless table under a header rule (extractors/stream.py) whose header's lines sit at different heights: a
group heading at the top, centred over the five sub-headings on the header's last line, beside headings set in the
middle of their cells (one line, or two lines whose first stands at the group heading's height). The body's values
are right-aligned, so the columns read from the body's gaps are not those the headings are centred in. Each test
draws one structure with reportlab (invented names and figures) and reads it back through
`python -m pipeline tables --json`."""
from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

LANDSCAPE = (841.9, 595.3)
SIZE = 7.5
LEADING = 9.2
# header lines, as baselines: the group heading; the first line of two-line headings (2.2 pt lower); the one-line
# headings set in the middle; the second line of the two-line headings; the sub-headings on the last line
GROUP_Y, FIRST_Y, MIDDLE_Y, SECOND_Y, SUB_Y = 502.5, 500.3, 495.7, 491.1, 488.9


def _rules(c, x0: float, x1: float, n_rows: int) -> float:
    """Rules over and under the header, and under `n_rows` rows 14 pt apart; the first row's baseline."""
    c.setLineWidth(0.8)
    c.line(x0, 516, x1, 516)
    c.line(x0, 484.5, x1, 484.5)
    c.line(x0, 474 - 14 * n_rows + 8, x1, 474 - 14 * n_rows + 8)
    return 474


TARGET_EDGES = [64, 180, 365, 421, 469.6, 517.8, 566, 614.2, 662.4, 710.6, 778]
TARGET_ROWS = [["Meningkatnya layanan contoh", "Indeks kepuasan warga contoh", "indeks", "71", "74", "76", "78", "80",
                "82", "82"],
               ["", "Persentase berkas contoh selesai", "%", "63,10", "80,25", "82,40", "84,55", "86,70", "88,85",
                "88,85"],
               ["Menurunnya angka contoh", "Jumlah keluhan contoh", "kasus", "412", "395", "380", "361", "349",
                "330", "330"],
               ["", "Rasio petugas contoh", "rasio", "1,35", "1,40", "1,45", "1,50", "1,55", "1,60", "1,60"]]


@pytest.mark.parametrize("group", [[(GROUP_Y, "Sasaran Capaian Tahun ke-")],
                                   [(GROUP_Y + 4.6, "Sasaran Capaian"), (GROUP_Y + 4.6 - LEADING, "Tahun ke-")]])
def test_group_heading_over_sub_headings_beside_headings_set_in_their_middle(tmp_path, stream_paths_and_body, group):
    """'Sasaran Capaian Tahun ke-' (on one line or two) centred over I … V, beside 'Nilai / Dasar' and 'Nilai
    Akhir / Masa Rencana' (two lines, the first just under the group heading's line) and 'Tujuan', 'Ukuran
    Kinerja', 'Unit' (one line, in the middle): the group heading spans the five sub-headings' columns, the
    two-line headings stay whole in their own columns, 'Unit' stays over its column."""
    pdf = tmp_path / "group.pdf"
    c = canvas.Canvas(str(pdf), pagesize=LANDSCAPE)
    e = TARGET_EDGES
    c.setFont("Helvetica-Bold", SIZE)

    def centred(j: int, y: float, text: str) -> None:
        c.drawCentredString((e[j] + e[j + 1]) / 2, y, text)

    for j, text in enumerate(["Tujuan", "Ukuran Kinerja", "Unit"]):
        centred(j, MIDDLE_Y, text)
    centred(3, FIRST_Y, "Nilai")
    centred(3, SECOND_Y, "Dasar")
    for y, text in group:
        c.drawCentredString((e[4] + e[9]) / 2, y, text)
    for j, text in zip(range(4, 9), ["I", "II", "III", "IV", "V"]):
        centred(j, SUB_Y, text)
    centred(9, FIRST_Y, "Nilai Akhir")
    centred(9, SECOND_Y, "Masa Rencana")
    top = _rules(c, e[0], e[-1], len(TARGET_ROWS))
    c.setFont("Helvetica", SIZE)
    for k, row in enumerate(TARGET_ROWS):
        y = top - 14 * k
        for j, text in enumerate(row):
            if j >= 3:
                c.drawRightString(e[j + 1] - 3, y, text)
            elif text:
                c.drawString(e[j] + 3, y, text)
    paths, body = stream_paths_and_body(c, pdf)
    assert paths == ["Tujuan", "Ukuran Kinerja", "Unit", "Nilai Dasar", "Sasaran Capaian Tahun ke- › I",
                     "Sasaran Capaian Tahun ke- › II", "Sasaran Capaian Tahun ke- › III",
                     "Sasaran Capaian Tahun ke- › IV", "Sasaran Capaian Tahun ke- › V", "Nilai Akhir Masa Rencana"]
    assert [row[3:] for row in body] == [row[3:] for row in TARGET_ROWS]


BUDGET_EDGES = [94, 316, 390, 463, 537, 611, 682, 748]
BUDGET_ROWS = [["PROGRAM LAYANAN CONTOH DAERAH", "1.250.000.000", "6.310.000.000", "8.402.000.000", "3.455.000.000",
                "1.530.000.000", "20.947.000.000"],
               ["PROGRAM SARANA CONTOH", "5.820.000.000", "3.875.000.000", "4.910.000.000", "3.960.000.000",
                "8.005.000.000", "26.570.000.000"],
               ["PROGRAM TATA KELOLA CONTOH DAERAH", "715.000.000", "1.430.000.000", "8.452.000.000",
                "6.470.000.000", "4.495.000.000", "21.562.000.000"]]


def test_group_heading_over_every_sub_heading_on_its_line(tmp_path, stream_paths_and_body):
    """'Dana Contoh (Rp)' centred over the six headings on the header's last line (five years and 'Jumlah'), beside
    'Program' set in the middle: it spans all six, not the four in its middle that it is centred over too."""
    pdf = tmp_path / "budget.pdf"
    c = canvas.Canvas(str(pdf), pagesize=LANDSCAPE)
    e = BUDGET_EDGES
    c.setFont("Helvetica-Bold", SIZE)
    c.drawCentredString((e[0] + e[1]) / 2, MIDDLE_Y, "Program")
    c.drawCentredString((e[1] + e[7]) / 2, GROUP_Y, "Dana Contoh (Rp)")
    for j, text in enumerate(["2031", "2032", "2033", "2034", "2035", "Jumlah"], start=1):
        c.drawCentredString((e[j] + e[j + 1]) / 2, SUB_Y, text)
    top = _rules(c, e[0], e[-1], len(BUDGET_ROWS))
    c.setFont("Helvetica", SIZE)
    for k, row in enumerate(BUDGET_ROWS):
        y = top - 14 * k
        c.drawString(e[0] + 3, y, row[0])
        for j, text in enumerate(row[1:], start=1):
            c.drawRightString(e[j + 1] - 3, y, text)
    paths, body = stream_paths_and_body(c, pdf)
    assert paths == ["Program"] + [f"Dana Contoh (Rp) › {h}" for h in ["2031", "2032", "2033", "2034", "2035",
                                                                      "Jumlah"]]
    assert body == BUDGET_ROWS
