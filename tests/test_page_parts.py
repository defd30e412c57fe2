"""Table parts across pages as the PDF reader joins them: running footers with the page number,
next-page parts printed without a header, a unit line of a repeated header (extractors/grid.py, pdf.py)."""
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
    ("Target yang ditetapkan …"), which begins with a heading word but runs on as a sentence."""
    header = ["Sasaran Strategis", "Indikator Kinerja", "Target", "Capaian", "Keterangan"]
    first = _table([header], [["Meningkatnya layanan contoh", "Jumlah layanan contoh", "2 Laporan", "2 Laporan",
                               "Kegiatan layanan contoh meliputi"]], page=5)
    second = _table([["bagi masyarakat desa", "", "", "", "Target yang ditetapkan yaitu 2 laporan dapat dipenuhi"]],
                    [["Tertibnya arsip contoh", "Jumlah arsip contoh", "4 Laporan", "7 Laporan", "Tercapai"]], page=6)
    joined = join_continuations([first, second], lambda a, b: True)
    assert len(joined) == 1 and joined[0].pages == [5, 6]
    assert [r[1].text for r in joined[0].body] == ["Jumlah layanan contoh", "", "Jumlah arsip contoh"]
