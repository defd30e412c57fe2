"""Borderless tables without any rule: columns set apart by white space, rows single-spaced.
Each test draws one structure with reportlab and reads it back through `python -m pipeline tables`."""
from __future__ import annotations

import json

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.cli import main

COLUMNS = [60, 250, 330, 420]  # left edges of the four columns
ROWS = [["Kecamatan", "Penduduk", "Luas", "Kepadatan"],
        ["Cibeunying", "105.211", "10,32", "10.195"],
        ["Coblong", "131.870", "7,35", "17.941"],
        ["Sukajadi", "106.000", "4,30", "24.651"],
        ["Andir", "97.730", "3,71", "26.342"]]
PROSE = ["Pada tahun 2023 Dinas telah melaksanakan berbagai program dan kegiatan yang mendukung",
         "pencapaian sasaran strategis sebagaimana tertuang dalam Rencana Strategis, dengan capaian",
         "yang secara umum baik walaupun masih terdapat beberapa indikator yang belum tercapai."]


def tables_json(pdf, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def write_rows(c, rows, top: float, step: float = 12.0) -> float:
    for k, row in enumerate(rows):
        for x, text in zip(COLUMNS, row):
            c.drawString(x, top - k * step, text)
    return top - len(rows) * step


def the_one_table(c, pdf, capsys) -> list[list[str | None]]:
    """Save the drawing and read it back: it holds one table; its rows."""
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    return found[0]["rows"]


def header_over_a_rule(c) -> float:
    """The header row with a rule under it, nothing else ruled; returns the height below it."""
    c.setFont("Helvetica", 10)
    y = write_rows(c, ROWS[:1], 700)
    c.line(55, y + 8, 500, y + 8)
    return y


def test_borderless_table_without_header_rule(tmp_path, capsys):
    """No rule anywhere: the columns come from the white space, each single-spaced line is a row."""
    pdf = tmp_path / "whitespace.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 760
    for line in PROSE:
        c.drawString(60, y, line)
        y -= 14
    c.drawString(60, y - 10, "Tabel 2.1 Kepadatan Penduduk per Kecamatan")
    write_rows(c, ROWS, y - 30)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    t = found[0]
    assert t["rows"] == ROWS
    assert t["label"] == "Tabel 2.1" and t["caption"] == "Kepadatan Penduduk per Kecamatan"


def test_running_text_and_two_column_form_are_no_table(tmp_path, capsys):
    """Prose, and a form of labels and values ("Nama : …"), are not read as tables."""
    pdf = tmp_path / "prose.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 760
    for line in PROSE * 3:
        c.drawString(60, y, line)
        y -= 14
    for label, value in [("Nama Instansi", "Dinas Perhubungan"), ("Alamat", "Jl. Merdeka 1"),
                         ("Telepon", "022-123456"), ("Kepala Dinas", "Ir. Budi")]:
        c.drawString(60, y, label)
        c.drawString(200, y, value)
        y -= 12
    c.showPage()
    c.save()
    assert tables_json(pdf, capsys) == []


def test_borderless_table_on_rotated_page_upright(tmp_path, capsys):
    """A whitespace table printed sideways (text running upwards) reads as if it were upright."""
    pdf = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.translate(300, 100)
    c.rotate(90)
    write_rows(c, ROWS, 0)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert len(found) == 1
    assert found[0]["rows"] == ROWS


NAMES = ["Cibeunying", "Coblong", "Sukajadi", "Andir", "Bojongloa", "Cicendo", "Regol", "Lengkong"]


def data_rows(n: int) -> list[list[str]]:
    return [[NAMES[k % len(NAMES)], f"{100 + 7 * k}.{211 + k}", f"{3 + k},{10 + k}", f"{10 + k}.{195 + 3 * k}"]
            for k in range(n)]


def test_single_spaced_rows_under_header_rule_are_one_row_each(tmp_path, capsys):
    """A rule under the header, rows single-spaced: a line that puts a second value under the values
    of the row above starts a row; a name wrapped onto the next line stays in its row."""
    pdf = tmp_path / "single.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    y = header_over_a_rule(c)
    body = data_rows(6)
    y = write_rows(c, body[:3], y - 2, step=11)
    c.drawString(COLUMNS[0], y - 2, "Kecamatan Cibiru")  # a name on two lines, its values on the first
    for x, text in zip(COLUMNS[1:], ["88.100", "6,32", "13.940"]):
        c.drawString(x, y - 2, text)
    c.drawString(COLUMNS[0], y - 13, "Baru")
    y = write_rows(c, body[3:], y - 24, step=11)
    c.line(55, y + 6, 500, y + 6)
    rows = the_one_table(c, pdf, capsys)
    assert rows[0] == ROWS[0]
    assert rows[1:4] == body[:3]
    assert rows[4] == ["Kecamatan Cibiru Baru", "88.100", "6,32", "13.940"]
    assert rows[5:] == body[3:]


def test_rules_above_and_under_header_then_under_body(tmp_path, capsys):
    """A rule above the header, one under it and one under the body: the header sits between the
    first two, the body between the last two."""
    pdf = tmp_path / "three_rules.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 730, "Sumber: Badan Pusat Statistik, angka sementara untuk tahun berjalan")
    c.line(55, 718, 500, 718)
    c.drawString(COLUMNS[1], 706, "Penduduk")
    c.drawString(COLUMNS[2], 706, "Luas")
    c.drawString(COLUMNS[3], 706, "Kepadatan")
    c.drawString(COLUMNS[0], 694, "Kecamatan")
    c.drawString(COLUMNS[1], 694, "(jiwa)")
    c.drawString(COLUMNS[2], 694, "(km2)")
    c.drawString(COLUMNS[3], 694, "(jiwa/km2)")
    c.line(55, 688, 500, 688)
    body = data_rows(8)
    y = write_rows(c, body, 676, step=11)
    c.line(55, y + 6, 500, y + 6)
    rows = the_one_table(c, pdf, capsys)
    assert rows[-8:] == body
    assert any("Penduduk" in (c or "") for r in rows[:-8] for c in r)


def test_rules_between_data_rows_are_no_header_rules(tmp_path, capsys):
    """Rules drawn every two rows (stripes) under a white-space table: none of them is taken for
    the rule under a header, and the rows are read in their columns."""
    pdf = tmp_path / "stripes.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    body = data_rows(8)
    write_rows(c, ROWS[:1], 700)
    for k, row in enumerate(body):
        y = 684 - 12 * k
        for x, text in zip(COLUMNS, row):
            c.drawString(x, y, text)
        if k % 2 == 1:
            c.line(55, y - 3, 500, y - 3)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    cells = [r for t in found for r in t["rows"]]
    for row in body:
        assert row in cells


def test_ruled_frame_around_whitespace_columns_is_no_ruled_table(tmp_path, capsys):
    """A box drawn around rows whose columns are set apart by white space only (one 'cell' holding
    every column) is read by the white space, not as a one-cell ruled table."""
    pdf = tmp_path / "frame.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    body = data_rows(6)
    y = write_rows(c, [ROWS[0]] + body, 700)
    c.rect(55, y + 6, 445, 700 + 12 - (y + 6))
    c.rect(55, y + 6 - 40, 445, 40)  # a second box, so the rules make a grid of two cells
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert found and all(t["method"] != "lattice" for t in found)
    assert [ROWS[0]] + body == found[0]["rows"]


def test_two_column_list_of_figures_is_a_table_but_contents_are_not(tmp_path, capsys):
    """Labels with their figures in a second column make a table; a table of contents (page
    numbers going up) does not."""
    figures = [["Nilai Aset Bersih", "5.111.372"], ["Jumlah Unit", "49.136"], ["Nilai per Unit", "104,03"],
               ["Biaya", "(106.870)"], ["Hasil Investasi", "1.969.797"]]
    contents = [["BAB I PENDAHULUAN", "1"], ["1.1 Latar Belakang", "1"], ["1.2 Dasar Hukum", "3"],
                ["BAB II PERENCANAAN KINERJA", "7"], ["2.1 Rencana Strategis", "8"]]
    pdf = tmp_path / "lists.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    for k, (label, value) in enumerate(contents):
        c.drawString(60, 760 - 12 * k, label)
        c.drawRightString(500, 760 - 12 * k, value)
    for k, (label, value) in enumerate(figures):
        c.drawString(60, 560 - 12 * k, label)
        c.drawRightString(400, 560 - 12 * k, value)
    c.showPage()
    c.save()
    found = tables_json(pdf, capsys)
    assert [t["rows"] for t in found] == [figures]


def test_group_label_rows_stay_apart_from_indented_items(tmp_path, capsys):
    """Under a header rule, a group label alone on its line ("Kota") and the items indented under it
    with their values are rows of their own; a name that wraps at its own indent stays one row."""
    pdf = tmp_path / "groups.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    y = header_over_a_rule(c)
    body = data_rows(4)
    c.drawString(COLUMNS[0], y - 2, "Kota")
    for k, row in enumerate(body):
        c.drawString(COLUMNS[0] + 6, y - 13 - 11 * k, row[0])
        for x, text in zip(COLUMNS[1:], row[1:]):
            c.drawString(x, y - 13 - 11 * k, text)
    y -= 13 + 11 * len(body)
    c.drawString(COLUMNS[0], y - 2, "Kabupaten Bandung")  # a wrapped name, values on its first line
    for x, text in zip(COLUMNS[1:], ["88.100", "6,32", "13.940"]):
        c.drawString(x, y - 2, text)
    c.drawString(COLUMNS[0], y - 13, "Barat")
    c.line(55, y - 18, 500, y - 18)
    rows = the_one_table(c, pdf, capsys)
    assert ["Kota", "", "", ""] in rows
    for row in body:
        assert row in rows
    assert rows[-1] == ["Kabupaten Bandung Barat", "88.100", "6,32", "13.940"]


def _middle_set_rows(c, rows: list[tuple[list[str], str, str, str]], top: float, sasaran: list[str]) -> None:
    """Rows of a borderless table whose cells are set in their middle: each name's lines centred on its
    values, 9,5 pt between a name's lines, 2,5 pt of padding above and below each cell (as a word processor
    sets them); the sasaran's lines centred over the whole group."""
    leading, padding = 9.5, 2.5
    y = top
    for name_lines, target, real, capaian in rows:
        height = leading * len(name_lines) + 2 * padding
        middle = y - height / 2
        first = middle + leading * (len(name_lines) - 1) / 2
        for k, line in enumerate(name_lines):
            c.drawString(160, first - k * leading, line)
        for x, text in ((380, target), (430, real), (480, capaian)):
            c.drawString(x, middle, text)
        y -= height
    first = (top + y) / 2 + leading * (len(sasaran) - 1) / 2
    for k, line in enumerate(sasaran):
        c.drawString(72, first - k * leading, line)


def test_names_set_in_the_middle_of_their_cells_go_with_the_values_they_are_centred_on(tmp_path, saved_tables):
    """Cells set in their middle: a one-line name after a four-line one, then a two-line name, the sasaran
    centred over them bridging the space between the cells. Each name's first lines stand above its values;
    the space between two cells is wider than a name's line spacing."""
    pdf = tmp_path / "middle.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.line(70, 700, 530, 700)
    for x, text in ((72, "Sasaran"), (160, "Indikator Kinerja"), (380, "Target"), (430, "Realisasi"),
                    (480, "Capaian (%)")):
        c.drawString(x, 690, text)
    c.line(70, 684, 530, 684)
    rows = [(["Persentase kebun contoh yang", "diremajakan dengan bibit unggul", "bersertifikat di seluruh",
              "kecamatan wilayah contoh"], "35", "38,15", "109,00"),
            (["Tingkat layanan contoh"], "5,80", "5,62", "103,10"),
            (["Jumlah petani contoh yang dibina", "dalam sekolah lapang"], "600", "585", "97,50"),
            (["Rasio fasilitas contoh"], "42", "43,05", "102,50")]
    _middle_set_rows(c, rows, 680, ["Meningkatnya", "produksi", "kebun contoh"])
    c.line(70, 560, 530, 560)
    tables = saved_tables(c, pdf)
    body = [r for r in tables[0]["rows"] if r[-1] and r[-1][0].isdigit()]
    assert [r[1] for r in body] == ["Persentase kebun contoh yang diremajakan dengan bibit unggul bersertifikat "
                                    "di seluruh kecamatan wilayah contoh", "Tingkat layanan contoh",
                                    "Jumlah petani contoh yang dibina dalam sekolah lapang",
                                    "Rasio fasilitas contoh"]


MEASURES = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
MEASURE_ROWS = [("Angka layanan contoh", "60", "54,00", "90,00"), ("Angka layanan lain", "67", "69,01", "103,00"),
                ("Rasio contoh terlayani", "40", "41,00", "102,50")]
EDGES_5 = (75, 100, 330, 390, 450)  # the left edges of No | name | three value columns


def _five_columns(c, header_y: float, headings: list[str], rows, rule_over: bool = False) -> None:
    """A borderless table of five columns drawn at `header_y`: an optional rule over the header, a rule under it,
    the rows numbered 1, 2, … 14 pt apart, and a rule under the last row."""
    c.setFont("Helvetica", 8)
    if rule_over:
        c.line(70, header_y + 10, 520, header_y + 10)
    for x, text in zip(EDGES_5, headings):
        c.drawString(x, header_y, text)
    c.line(70, header_y - 6, 520, header_y - 6)
    for k, row in enumerate(rows):
        for x, text in zip(EDGES_5, (str(k + 1), *row)):
            c.drawString(x, header_y - 18 - 14 * k, text)
    c.line(70, header_y - 18 - 14 * len(rows) + 4, 520, header_y - 18 - 14 * len(rows) + 4)


def _stream_table(c, pdf, saved_tables) -> dict:
    return next(t for t in saved_tables(c, pdf) if t["method"] == "stream")


def test_a_caption_line_above_the_rule_drawn_over_the_header_is_no_header(tmp_path, saved_tables):
    """A borderless table ruled over its header, under it and under its body, its caption's last line printed in
    the table's own size just above the top rule: the rule closes the header from above."""
    pdf = tmp_path / "ruled_over.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(250, 722, "Tabel 3.5")
    c.drawString(200, 712, "Capaian Indikator Contoh Tahun 2030")
    _five_columns(c, 696, MEASURES, MEASURE_ROWS, rule_over=True)
    assert _stream_table(c, pdf, saved_tables)["rows"][0] == MEASURES


def test_a_rule_over_a_numbering_row_does_not_close_the_header_above_it(tmp_path, saved_tables):
    """Headings with no rule over them, a rule under them, a numbering row "(1) … (5)=(4)/(3)" and a rule under
    it: the headings are the header; only a rule over heading words closes it from above."""
    pdf = tmp_path / "numbered.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    for x, text in zip(EDGES_5, MEASURES):
        c.drawString(x, 712, text)
    c.line(70, 706, 520, 706)
    _five_columns(c, 696, ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)"], MEASURE_ROWS)
    table = _stream_table(c, pdf, saved_tables)
    assert all(cell.startswith(h) for cell, h in zip(table["rows"][0], MEASURES)), table["rows"][0]


def test_a_caption_in_a_bigger_font_just_above_the_header_ends_it(tmp_path, saved_tables):
    """No rule over the header: the caption's line in a bigger font (most of its words) is no heading."""
    pdf = tmp_path / "bigger_caption.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10.5)
    c.drawString(180, 704, "Capaian Indikator Contoh Tahun 2030")
    _five_columns(c, 694, MEASURES, MEASURE_ROWS[:2])
    assert _stream_table(c, pdf, saved_tables)["rows"][0] == MEASURES


def test_a_scale_note_right_above_the_rule_over_the_header_stays_with_the_header(tmp_path, saved_tables):
    """"(dalam ribuan rupiah)" printed right over the rule drawn over the header scales the amounts: the header
    keeps it as a band over its columns, as it did before the rule closed headers from above."""
    pdf = tmp_path / "scale_note.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(250, 716, "(dalam ribuan rupiah)")
    _five_columns(c, 700, ["No", "Program / Kegiatan", "Anggaran", "Realisasi", "%"],
                  [("Program contoh satu", "2.912.970", "2.801.449", "96,17"),
                   ("Program contoh dua", "1.845.320", "1.790.455", "97,03")], rule_over=True)
    assert any("(dalam ribuan rupiah)" in (cell or "") for cell in _stream_table(c, pdf, saved_tables)["rows"][0])
