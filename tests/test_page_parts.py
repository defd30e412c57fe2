"""Table parts across pages as the PDF reader joins them: running footers with the page number,
next-page parts printed without a header (a borderless part read by white space joins when its columns line
up), a unit line of a repeated header (extractors/grid.py, pdf.py)."""
from extractors.grid import join_continuations
from extractors.pdf import margin_keys
from pipeline.models import Cell, RawTable

HEADER = ["No", "Program / Kegiatan", "Pagu Anggaran", "Realisasi Anggaran", "%"]


def _table(header: list[list[str]], body: list[list[str | None]], page: int = 5) -> RawTable:
    return RawTable(0, [page], None, None, [[Cell(t, page) for t in r] for r in header],
                    [[Cell(t, page) for t in r] for r in body], "lattice")


def test_running_footer_with_the_printed_page_number_is_one_margin_line():
    assert margin_keys("Dinas Contoh Provinsi 78", 82) & margin_keys("Dinas Contoh Provinsi 79", 83)
    assert not margin_keys("Tabel 3.1 Capaian Sasaran 1", 30) & margin_keys("Tabel 3.1 Capaian Sasaran 2", 35)
    assert margin_keys("Laporan Kinerja Tahun 2022", 40) & margin_keys("Laporan Kinerja Tahun 2022", 41)


def test_running_footer_whose_page_number_follows_the_year_is_one_margin_line():
    """"Laporan Kinerja … Tahun 2018 32": the page number comes right after the report's year."""
    assert margin_keys("Laporan Kinerja Balai Contoh Tahun 2018 32", 40) & \
        margin_keys("Laporan Kinerja Balai Contoh Tahun 2018 33", 41)
    assert not margin_keys("Jumlah 1 250", 40) & margin_keys("Jumlah 1 251", 41)  # a figure grouped by a space


def test_next_page_part_whose_first_rows_hold_no_heading_is_body():
    first = _table([HEADER], [["1", "Program Alpha Beta", "100.000.000", "90.000.000", "90,00"]], page=5)
    # the reader took the first rows of the next page for its header: an empty row, a kegiatan's amounts
    second = _table([["", "Kegiatan Gamma Delta", "50.000.000", "25.000.000", "50,00"]],
                    [["", "Kegiatan Epsilon", "10.000.000", "5.000.000", "50,00"]], page=6)
    empty = _table([["", "", "", "", ""]], [["", "Kegiatan Zeta", "20.000.000", "10.000.000", "50,00"]], page=7)
    joined = join_continuations([first, second, empty], lambda a, b: True)
    assert len(joined) == 1 and joined[0].pages == [5, 6, 7]
    assert [r[1].text for r in joined[0].body if r[1].text] == ["Program Alpha Beta", "Kegiatan Gamma Delta",
                                                                "Kegiatan Epsilon", "Kegiatan Zeta"]


def test_next_page_part_whose_first_row_is_a_kegiatan_with_its_year_and_amount_is_body():
    """The year in a kegiatan's name ("… Tahun 2016") is no heading when the row prints its amount."""
    first = _table([HEADER], [["1", "Program Alpha Beta", "100.000.000", "90.000.000", "90,00"]], page=5)
    second = _table([["", "Pembinaan OPD Kab/Kota Tahun 2016", "408.000.000", "400.000.000", "98,04"]],
                    [["", "Evaluasi Jabatan", "604.000.000", "600.000.000", "99,34"]], page=6)
    joined = join_continuations([first, second], lambda a, b: True)
    assert len(joined) == 1 and not joined[0].header[1:]
    assert [r[1].text for r in joined[0].body] == ["Program Alpha Beta", "Pembinaan OPD Kab/Kota Tahun 2016",
                                                   "Evaluasi Jabatan"]


def test_next_page_part_under_a_header_of_its_own_keeps_it():
    first = _table([HEADER], [["1", "Program Alpha Beta", "100.000.000", "90.000.000", "90,00"]], page=5)
    second = _table([["No", "Uraian", "Target", "Realisasi", "Capaian"]], [["1", "Indikator A", "10", "9", "90"]], page=6)
    assert len(join_continuations([first, second], lambda a, b: True)) == 2


def test_unit_line_of_a_repeated_header_does_not_continue_the_last_row():
    from extractors.grid import looks_like_row_continuation
    last = [Cell(t, 5) for t in ("1", "Jumlah SDM bersertifikat", "3,000", "2,345", "78.16")]
    unit_line = [Cell(t, 6) for t in ("", "", "", "", "(%)")]
    rest_of_name = [Cell(t, 6) for t in ("", "yang bersertifikat", "", "", "")]
    assert not looks_like_row_continuation(last, unit_line)
    assert looks_like_row_continuation(last, rest_of_name)


def test_a_running_footer_numbered_within_each_chapter_is_one_line_across_chapters():
    assert margin_keys("Laporan Kinerja Dinas Contoh | II - 2", 23) & margin_keys("Laporan Kinerja Dinas Contoh | III - 1", 31)
    assert not margin_keys("Laporan Kinerja Dinas Contoh | II - 2", 23) & margin_keys("Laporan Keuangan | II - 3", 24)


def test_next_page_part_whose_first_row_prints_targets_with_units_is_body():
    """A part that starts with an indicator line ("Jumlah kelompok …" and its targets "2 lembaga/kelompok")
    is printed without a header: "Jumlah" begins the indicator's name, it heads no column."""
    header = [["Kegiatan", "Indikator", "2021", "2022"]]
    first = _table(header, [["Kegiatan Alpha", "Jumlah dokumen", "1 dokumen", "2 dokumen"]], page=5)
    second = _table([["Kegiatan Beta", "Jumlah kelompok pembudidaya yang terbentuk", "2 lembaga/kelompok", "3 lembaga/kelompok"]],
                    [["", "Jumlah pembudidaya", "5 orang", "6 orang"]], page=6)
    joined = join_continuations([first, second], lambda a, b: True)
    assert len(joined) == 1 and len(joined[0].header) == 1
    assert [r[0].text for r in joined[0].body] == ["Kegiatan Alpha", "Kegiatan Beta", ""]


def test_a_body_row_of_prices_is_no_header_printed_again():
    """"Nilai Tambah …" with "Rp. 60.500/kg" in every year: a row of targets, not a heading row inside the body."""
    from extractors.grid import looks_like_header_row
    row = [Cell(t, 5) for t in ["Nilai Tambah Produk", "Rp. 60.500/kg", "Rp. 61.000/kg", "Rp. 62.000/kg"]]
    assert not looks_like_header_row(row)


def _ocr_table(header: list[list[str]], body: list[list[str | None]], page: int) -> RawTable:
    """A table read by OCR: every cell with Tesseract's confidence."""
    return RawTable(0, [page], None, None, [[Cell(t, page, ocr_confidence=70.0) for t in r] for r in header],
                    [[Cell(t, page, ocr_confidence=70.0) for t in r] for r in body], "ocr_lattice")


def test_header_printed_again_and_misread_by_ocr_is_the_first_part_s_header():
    """The next page repeats the two-row header's first row, and OCR reads 'Capaian (%)' as '(&)' and 'Target'
    as 'Targct': it is the same header, so the part joins under both of the first part's rows (the years)."""
    top = ["No", "Indikator Kinerja", "Target", None, "Capaian (%)", None]
    years = ["", "", "2023", "2024", "2023", "2024"]
    first = _ocr_table([top, years], [["1", "Indeks Contoh", "80", "82", "101", "99"]], page=5)
    second = _ocr_table([["No", "Indikator Kinerja", "Targct", None, "(&)", None]],
                        [["2", "Persentase Contoh", "60", "65", "95", "98"]], page=6)
    joined = join_continuations([first, second], lambda a, b: True)
    assert len(joined) == 1 and [r[1].text for r in joined[0].body] == ["Indeks Contoh", "Persentase Contoh"]
    assert [c.text for c in joined[0].header[1]] == years


def test_another_header_is_no_copy_even_when_ocr_read_it():
    """Other headings under the same columns ('Realisasi' and 'Satuan' for 'Target' and 'Capaian') are a new
    header, read or not by OCR; a text-layer header is a copy only when it prints the same words."""
    from extractors.grid import is_copied_header

    old = [[Cell(t, 5, ocr_confidence=70.0) for t in ["No", "Indikator", "Target", "Capaian"]]]
    assert not is_copied_header([[Cell(t, 6, ocr_confidence=70.0) for t in ["No", "Uraian", "Realisasi", "Satuan"]]], old)
    printed = [[Cell(t, 5) for t in ["No", "Indikator", "Target", "Capaian"]]]
    assert not is_copied_header([[Cell(t, 6) for t in ["No", "Indikator", "Targct", "Capaian"]]], printed)
    assert is_copied_header([[Cell(t, 6) for t in ["No", "Indikator", "Target", "Capaian"]]], printed)


def test_running_footer_misread_by_ocr_on_every_page_is_a_margin_line():
    """OCR reads the same footer with other marks and letters on each page ('Kabupaten.' / 'Kabupaten,' /
    'Kabupalen'): from the third page it is a running foot; a text-layer line is counted by its exact text."""
    from extractors.pdf import MarginLines

    lines = MarginLines()
    footers = ["Dinas Contoh Sejahtera Kabupaten. Sukamaju Raya", "Dinas Contoh Sejahtera Kabupaten, Sukamaju Raya",
               "Dinas Contoh Sejahtera Kabupalen Sukamaju Raya"]
    assert [lines.running(text, page, ocr=True) for page, text in enumerate(footers, 10)] == [False, False, True]
    printed = MarginLines()
    assert not any(printed.running(text, page) for page, text in enumerate(footers, 10))
    assert not MarginLines().running("Tabel 3.1 Capaian", 3, ocr=True)
    captions = MarginLines()  # captions at the top of three pages: other numbers, other tables
    assert not any(captions.running(f"Tabel 3.{k} Pengukuran Kinerja Sasaran Strategis", 30 + k, ocr=True)
                   for k in range(1, 5))
    numbered = MarginLines()  # a footer with its page number, misread: the number counts from the PDF page
    misread = ["Laporan Kinerja Dinas Contohan Raya", "Laporan Kinerja Dinas Contohan Raya.", "Laporan Kinerja Dlnas Contohan Raya"]
    assert [numbered.running(f"{text} {n}", n + 4, ocr=True) for n, text in enumerate(misread, 20)] == [False, False, True]


def test_next_page_part_opening_with_the_rest_of_a_keterangan_is_body():
    """A row broken by the page: the next page opens with the rest of the sasaran and of the Keterangan
    ("Target tahun ini telah …"), which begins with a heading word but runs on as a sentence."""
    header = ["Sasaran Strategis", "Indikator Kinerja", "Target", "Capaian", "Keterangan"]
    first = _table([header], [["Meningkatnya layanan contoh", "Jumlah layanan contoh", "2 Laporan", "2 Laporan",
                               "Kegiatan layanan contoh meliputi"]], page=5)
    second = _table([["bagi masyarakat desa", "", "", "", "Target tahun ini telah terpenuhi dengan tiga berkas contoh"]],
                    [["Tertibnya arsip contoh", "Jumlah arsip contoh", "4 Laporan", "7 Laporan", "Tercapai"]], page=6)
    joined = join_continuations([first, second], lambda a, b: True)
    assert len(joined) == 1 and joined[0].pages == [5, 6]
    assert [r[1].text for r in joined[0].body] == ["Jumlah layanan contoh", "", "Jumlah arsip contoh"]


# A borderless table (rules above and under its header and under its last row, none between the columns) that a
# page break cuts, its header not printed again: the part on the next page is read by the white-space reader.
UNIT_NAMES = ["embung desa yang berfungsi", "kelompok tani hutan yang aktif", "balai penyuluhan yang terakreditasi",
              "lahan kritis yang direhabilitasi", "mata air yang dilindungi", "saluran irigasi tersier yang baik"]


def _indicator_rows(n: int) -> list[list[str]]:
    return [[str(k + 1), f"Persentase {UNIT_NAMES[k % len(UNIT_NAMES)]} wilayah {k // len(UNIT_NAMES) + 1}", "%",
             f"{60 + k % 9 * 4}", f"{58 + k % 7 * 5},{10 + k}", f"{90 + k % 11},{20 + k}"] for k in range(n)]


def _tables_json(pdf, capsys) -> list[dict]:
    import json

    from pipeline.cli import main
    capsys.readouterr()
    assert main(["tables", str(pdf), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_borderless_table_continued_on_the_next_page_without_its_header_is_one_table(tmp_path, capsys):
    """The part on the next page has no caption and no header of its own, and a running head and a page number
    lie between the parts: its rows are the table's, under the first part's header."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    def running(canvas, doc):
        canvas.setFont("Helvetica-Oblique", 8)
        canvas.drawRightString(A4[0] - 50, A4[1] - 30, "Laporan Kinerja Dinas Contoh Kabupaten Lembah Sunyi 2023")
        canvas.drawCentredString(A4[0] / 2, 25, str(doc.page))

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    header = ["No", "Indikator Kinerja Program", "Satuan", "Target", "Realisasi", "Capaian (%)"]
    body = _indicator_rows(40)
    table = Table([[Paragraph(t, cell) for t in row] for row in [header] + body],
                  colWidths=[22, 220, 40, 50, 55, 55], repeatRows=0)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.75, colors.black),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
                               ("LINEBELOW", (0, -1), (-1, -1), 0.75, colors.black)]))
    prose = ("Capaian indikator kinerja program dinas contoh diukur dengan membandingkan target dan realisasi "
             "setiap indikator yang ditetapkan dalam dokumen perencanaan tahunan. ")
    story = [Paragraph(prose * 3, styles["BodyText"]) for _ in range(5)]
    story += [Paragraph("Tabel 2.4 Capaian Indikator Kinerja Program Tahun 2023", styles["BodyText"]), table,
              Paragraph("Sebagian besar indikator kinerja program telah tercapai.", styles["BodyText"])]
    pdf = tmp_path / "borderless_split.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story, onFirstPage=running, onLaterPages=running)

    found = _tables_json(pdf, capsys)
    assert len(found) == 1
    assert found[0]["label"] == "Tabel 2.4" and len(found[0]["pages"]) == 2
    assert found[0]["rows"][0][1:] == header[1:]
    assert found[0]["rows"][1:] == body


def test_next_page_block_whose_columns_hold_other_kinds_of_values_stays_apart(tmp_path, capsys):
    """A block of four white-space columns at the top of the next page, right under nothing: it holds names in
    the columns where the table above prints figures, so it is another table (or a form), not a part of it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    columns = [60, 200, 330, 440]
    pdf = tmp_path / "other_block.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "Tabel 1.2 Luas Wilayah Kecamatan Contoh")
    for x, text in zip(columns, ["Kecamatan", "Penduduk", "Luas", "Kepadatan"]):
        c.drawString(x, 740, text)
    c.line(55, 734, 520, 734)
    for k in range(50):
        y = 722 - 12.5 * k
        for x, text in zip(columns, [f"Lembah Timur {k + 1}", f"{100 + 3 * k}.{211 + k}", f"{3 + k % 5},{10 + k}",
                                     f"{10 + k}.{195 + 3 * k}"]):
            c.drawString(x, y, text)
    c.showPage()
    c.setFont("Helvetica", 10)
    officers = [["Ketua", "Sri Wulan Lestari", "Sekretariat", "Pembina Utama"],
                ["Wakil Ketua", "Bagas Tri Nugroho", "Bidang Tata Ruang", "Pembina"],
                ["Sekretaris", "Rina Ayu Kartika", "Bidang Pertanahan", "Penata Tingkat"],
                ["Anggota", "Dodi Prasetyo Adi", "Bidang Pemetaan", "Penata Muda"],
                ["Anggota", "Wati Sekar Arum", "Bidang Survei", "Pengatur"]]
    for k, row in enumerate(officers):
        for x, text in zip(columns, row):
            c.drawString(x, 760 - 12.5 * k, text)
    c.showPage()
    c.save()

    found = _tables_json(pdf, capsys)
    assert found[0]["label"] == "Tabel 1.2" and found[0]["pages"] == [1]
    assert len(found[0]["rows"]) == 51
    assert [t["rows"][0] for t in found[1:]] == [officers[0]]


def test_next_page_part_lines_up_by_its_box_and_the_kinds_of_its_values():
    """`columns_line_up`: the part's box within the table above's width, and numbers under numbers."""
    from extractors.grid import columns_line_up
    above = _table([["Kecamatan", "Penduduk", "Luas"]], [["Lembah Barat", "105.211", "10,32"],
                                                         ["Lembah Utara", "131.870", "7,35"]], page=5)
    above.bbox = [60.0, 400.0, 500.0, 780.0]

    def part(rows: list[list[str | None]], x0: float, x1: float) -> RawTable:
        t = _table([], rows, page=6)
        t.method, t.bbox = "whitespace", [x0, 60.0, x1, 120.0]
        return t

    rows: list[list[str | None]] = [["Lembah Selatan", "97.730", "3,71"], ["Lembah Tengah", "88.100", "6,32"]]
    assert columns_line_up(above, part(rows, 62.0, 490.0))
    assert not columns_line_up(above, part(rows, 300.0, 560.0))  # beside the table above, not under it
    assert not columns_line_up(above, part([["Ketua", "Sri Wulan", "Sekretariat"]] * 2, 62.0, 490.0))


def test_ruled_table_continued_under_its_amounts_note_and_header_printed_again_is_one_table(tmp_path, capsys):
    """A realisation table whose next page repeats its amounts' unit ("(dalam rupiah)") above its header printed
    again: the note is the table's own, no text between the parts."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    def note_on_later_pages(canvas, doc):
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(A4[0] - 72, A4[1] - 66, "(dalam rupiah)")

    styles = getSampleStyleSheet()
    header = ["NO", "BELANJA PEGAWAI", "ANGGARAN", "REALISASI"]
    body = [[f"{k + 1}.", f"Belanja Tunjangan Contoh Jenis {k + 1}", f"{1_200 + k * 37}.500.000,00",
             f"{1_100 + k * 31}.250.000,00"] for k in range(45)]
    table = Table([header] + body, colWidths=[30, 230, 100, 100], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
    prose = "Realisasi belanja pegawai tahun anggaran ini disajikan pada tabel berikut menurut jenis belanjanya. "
    story = [Paragraph(prose * 4, styles["BodyText"]) for _ in range(3)]
    story += [Paragraph("Tabel 5.9 Realisasi Belanja Pegawai", styles["BodyText"]),
              Paragraph("(dalam rupiah)", styles["BodyText"]), table]
    pdf = tmp_path / "amounts_note_split.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story, onLaterPages=note_on_later_pages)

    found = _tables_json(pdf, capsys)
    assert len(found) == 1 and len(found[0]["pages"]) == 2
    assert [row[1] for row in found[0]["rows"][1:]] == [row[1] for row in body]
