"""Wide budget sheets as agencies print them (synthetic tables): a Renstra funding matrix (target and
Rupiah per year under a banner), a realisation sheet printed from a spreadsheet with each level's
ceiling in its own column, ordinal plan years ("Tahun ke-1 … 5")."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records


def _table(header: list[list[str | None]], body: list[list[str | None]], caption: str | None = None,
           method: str = "lattice") -> RawTable:
    def row(texts):
        return [Cell(t, 3) for t in texts]
    return RawTable(0, [3], None, caption, [row(r) for r in header], [row(r) for r in body], method)


def _roles(table: RawTable, report_year: int = 2021) -> list[tuple[str, int | None]]:
    return [(c.role, c.year) for c in classify(table, report_year).columns]


def _budget(table: RawTable, report_year: int = 2021) -> list[tuple]:
    return [(r.level, r.name, r.year, r.pagu, r.realization, r.realization_pct)
            for r in budget_records(table, classify(table, report_year), "x.pdf")]


# A Renstra funding matrix: the starting level under its own heading, then target and Rupiah per year
# under a banner; each year spans its Target | Rp pair.
FUNDING_HEADER = [
    ["Program", "Indikator", "Capaian Awal", "Target Kinerja dan Kerangka Pendanaan", None, None, None],
    [None, None, None, "2021", None, "2022", None],
    [None, None, "2020", "Target", "Rp", "Target", "Rp"],
]


def test_years_over_target_and_rupiah_pairs_stay_on_their_own_pair():
    table = _table(FUNDING_HEADER, [["Program Alpha", "Jumlah dokumen", "1", "2", "100.000.000", "3", "110.000.000"],
                                    ["Program Beta", "Jumlah laporan", "4", "5", "200.000.000", "6", "220.000.000"]])
    roles = _roles(table)
    assert roles[3:] == [("target", 2021), ("pagu", 2021), ("target", 2022), ("pagu", 2022)]
    assert [(name, year, pagu) for _, name, year, pagu, _, _ in _budget(table)] == [
        ("Program Alpha", 2021, 100000000.0), ("Program Alpha", 2022, 110000000.0),
        ("Program Beta", 2021, 200000000.0), ("Program Beta", 2022, 220000000.0)]


def test_zero_capaian_beside_amounts_is_no_evidence_of_a_ratio():
    # "0,00 %" at the start of the plan: a target of 90 % over an amount of hundreds of millions is
    # about 0 too, but that is no capaian: the words keep their roles
    header = [["Program", "Data Capaian Awal", "2021", None, "2022", None],
              [None, None, "Target", "Rupiah", "Target", "Rupiah"]]
    body = [["Program Alpha", "0,00%", "90%", "755.630.000", "90%", "831.193.000"],
            ["Program Beta", "0,00%", "80%", "394.150.000", "85%", "433.565.000"],
            ["Program Gamma", "0,00%", "80%", "261.580.000", "85%", "282.506.400"]]
    roles = _roles(_table(header, body))
    assert roles[2:] == [("target", 2021), ("pagu", 2021), ("target", 2022), ("pagu", 2022)]


def test_hierarchy_printed_across_one_name_column_per_level():
    # Renstra program table: program, kegiatan and sub kegiatan each in its own column; an indicator line
    # that prints its own Rupiah under a kegiatan is a row of its own, named by the indicator
    header = [["Kode", "Program", "Kegiatan", "Sub Kegiatan", "Indikator", "2021", None],
              [None, None, None, None, None, "Target", "Rp"]]
    body = [["3.25.03", "Program Alpha Beta", "", "", "Jumlah produksi (Ton)", "15.800 Ton", "633.268.782"],
            ["", "", "Kegiatan Gamma", "", "Jumlah fasilitasi", "2 kali", "472.818.963"],
            ["", "", "", "Sub Kegiatan Delta", "Tersedianya data", "1 dokumen", "33.183.818"],
            ["", "", "", "", "Jumlah pelaku usaha yang terlayani", "5 orang", "1.000.000"],
            ["", "", "", "", "Jumlah kapal", "2 unit", ""]]
    assert [(level, name, pagu) for level, name, _, pagu, _, _ in _budget(_table(header, body))] == [
        ("program", "Program Alpha Beta", 633268782.0), ("kegiatan", "Kegiatan Gamma", 472818963.0),
        ("sub_kegiatan", "Sub Kegiatan Delta", 33183818.0), ("other", "Jumlah pelaku usaha yang terlayani", 1000000.0)]


def test_state_budget_codes_before_names_with_a_hyphen_start_rows_read_line_by_line():
    # a funding table of a ministry (RKA-K/L codes): each name wraps over three lines, its amounts level
    # with the middle line
    header = [["Program / Kegiatan", "2025", "2026"]]
    body = [["119-BADAN ALPHA", "4.616.492.886.461", "6.337.969.893.775"],
            ["01-Badan Alpha", "4.616.492.886.461", "6.337.969.893.775"],
            ["BN-Program Pengawasan dan Pelayanan di Wilayah", "", ""],
            ["", "4.282.617.357.864", "5.829.022.668.200"],
            ["Perbatasan Negara", "", ""],
            ["5812-Peningkatan Layanan Pengawasan", "4.151.362.622.864", "5.420.969.640.600"]]
    from pipeline.lines import join_wrapped_lines
    table = join_wrapped_lines(_table(header, body, caption="Kerangka Pendanaan 2025-2029", method="whitespace"))
    got = [(level, name, year, pagu) for level, name, year, pagu, _, _ in _budget(table, 2025) if year == 2025]
    assert got == [("total", "BADAN ALPHA", 2025, 4616492886461.0), ("unit", "Badan Alpha", 2025, 4616492886461.0),
                   ("program", "Program Pengawasan dan Pelayanan di Wilayah Perbatasan Negara", 2025, 4282617357864.0),
                   ("kegiatan", "Peningkatan Layanan Pengawasan", 2025, 4151362622864.0)]
    codes = [r.code for r in budget_records(table, classify(table, 2025), "x.pdf") if r.year == 2025]
    assert codes == ["119", "01", "BN", "5812"]


def test_characters_with_a_rounding_error_in_their_text_matrix_are_read_as_words(tmp_path):
    # a producer that writes each line with a text matrix sheared by a rounding error (-1.4e-08 in the
    # real report, -2e-05 here: what reportlab can write): pdfminer marks such
    # characters not upright and groups them as vertical text, one character per word
    import pdfplumber
    from reportlab.pdfgen import canvas

    from extractors.page_source import TextLayerPage

    path = tmp_path / "skewed.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(842, 595))
    for k, line in enumerate(["5812-Peningkatan Layanan Pengawasan", "4.151.362.622.864 5.420.969.640.600"]):
        text = pdf.beginText()
        text.setTextTransform(1, -2e-05, -2e-05, 1, 60, 500 - 20 * k)
        text.setFont("Helvetica", 10)
        text.textOut(line)
        pdf.drawText(text)
    pdf.save()
    with pdfplumber.open(path) as doc:
        words = [w.text for w in TextLayerPage(doc.pages[0], 1).words]
    assert words == ["5812-Peningkatan", "Layanan", "Pengawasan", "4.151.362.622.864", "5.420.969.640.600"]


# A realisation sheet printed from a spreadsheet: each level's ceiling in its own column, stepping right as
# the level rises; the realisation per sub-kegiatan only; physical progress beside it.
SHEET_HEADER = [["Kode", "Program/Kegiatan/Subkegiatan/Pekerjaan", "ANGGARAN", None, None, None,
                 "REALISASI KEUANGAN PER SUB-KEGIATAN", None, "REALISASI FISIK (%)"],
                [None, None, "PER PAKET", "PER SUB-KEGIATAN", "PER KEGIATAN", "PER PROGRAM", "Rupiah", "%", ""]]


def test_each_levels_ceiling_in_its_own_column_and_the_sheet_total_without_label():
    body = [["1", "2", "3", "3a", "3b", "3c", "9", "10", "11"],  # the columns numbered, sub-columns with a letter
            ["", "", "1 62.000.000", "162.000.000", "162.000.000", "162.000.000", "", "", ""],
            ["1-03.01", "PROGRAM ALPHA", "", "", "", "162.000.000", "", "", ""],
            ["01.2.01", "Kegiatan Beta", "", "", "162.000.000", "", "", "", ""],
            ["01.2.01.01", "Sub Kegiatan Gamma", "1 24.000.000", "124.000.000", "", "", "73.595.500", "59,35", "100,00"],
            ["", "1 Paket Delta", "24.000.000", "", "", "", "", "", "100,00"],
            ["01.2.01.02", "Sub Kegiatan Epsilon", "38.000.000", "38.000.000", "", "", "30.400.000", "80,00", "100,00"],
            ["202.700.000", "2 Paket Zeta", "14.000.000", "", "", "", "", "", "100,00"]]
    table = _table(SHEET_HEADER, body, caption="Realisasi Fisik dan Keuangan")
    got = [(level, name, pagu, real, pct) for level, name, _, pagu, real, pct in _budget(table)]
    assert got == [("total", "", 162000000.0, None, None), ("program", "PROGRAM ALPHA", 162000000.0, None, None),
                   ("kegiatan", "Kegiatan Beta", 162000000.0, None, None),
                   ("sub_kegiatan", "Sub Kegiatan Gamma", 124000000.0, 73595500.0, 59.35),
                   ("other", "1 Paket Delta", 24000000.0, None, None),
                   ("sub_kegiatan", "Sub Kegiatan Epsilon", 38000000.0, 30400000.0, 80.0),
                   ("other", "2 Paket Zeta", 14000000.0, None, None)]
    codes = [r.code for r in budget_records(table, classify(table, 2021), "x.pdf")]
    assert codes[-1] is None  # an amount in the code column is no code
    assert classify(table, 2021).columns[8].role == "progress"  # physical progress is no spending


def test_an_indicator_line_with_its_own_rupiah_under_a_kegiatan_named_in_a_merged_cell():
    header = [["No", "Program dan Kegiatan", "Indikator Capaian Program (Outcome) / Indikator Keluaran Kegiatan (Output)",
               "2022", None], [None, None, None, "target", "Rp"]]
    body = [["2", "Seleksi Pengisian Jabatan", "Pegawai yang mengikuti seleksi", "18 org", "1.071.947.151"],
            [None, None, "Jumlah Potential Review PNS", "35 org", "66.691.879"],
            [None, None, "Jumlah peserta", "5 org", ""]]
    table = _table(header, body)
    assert classify(table, 2021).columns[2].role == "indicator"
    assert [(name, pagu) for _, name, _, pagu, _, _ in _budget(table)] == [
        ("Seleksi Pengisian Jabatan", 1071947151.0), ("Jumlah Potential Review PNS", 66691879.0)]
    assert _budget(table)[1][0] == "other"


def test_a_label_spans_right_over_covered_cells_but_a_name_carried_down_does_not():
    from pipeline.rows import filled_rows
    header = [["Sasaran", "Indikator Sasaran", "Program dan Kegiatan", "Indikator Kegiatan", "2021"]]
    body = [["Meningkatnya Alpha", "Persentase Beta", "Kegiatan Gamma", "Jumlah Delta", "5"],
            [None, None, None, "Jumlah Epsilon", "6"],
            ["TOTAL", None, None, None, "11"]]
    table = _table(header, body)
    rows = filled_rows(table, classify(table, 2021))
    assert [c.text for c in rows[1]][:3] == ["Meningkatnya Alpha", "Persentase Beta", "Kegiatan Gamma"]
    assert [c.text for c in rows[2]][:4] == ["TOTAL", "TOTAL", "TOTAL", "TOTAL"]


def test_a_date_is_no_printed_computation():
    from pipeline.rows import printed_computations
    header = [["No", "Paket", "Tanggal SPK", "Realisasi Fisik (%)"]]
    table = _table(header, [["1", "Paket Alpha", "29/10/2021", "100,00"], ["2", "Paket Beta", "(3 + 5) / 8 × 100", "100"]])
    found = printed_computations(table, classify(table, 2021), "x.pdf")
    assert [a.parts for a in found] == [["(3 + 5) / 8 × 100"]]


def test_a_number_whose_first_group_a_spreadsheet_printed_with_a_space_is_one_number():
    from normalizers.numbers import parse_number
    assert parse_number("1 24.495.000").value == 124495000
    assert parse_number("1 0.119.173.523").value == 10119173523
    assert parse_number("9 1,13").value == 91.13
    assert parse_number("15 80").value == 15  # two numbers, not one


def test_columns_numbered_with_a_letter_for_sub_columns_are_a_numbering_row():
    from extractors.grid import is_column_numbering
    from pipeline.models import Cell
    assert is_column_numbering([Cell(t, 1) for t in ["1", "2", "3", "3a", "3b", "3c", "4", "5", "8", "8a", "8c", "9"]])
    assert not is_column_numbering([Cell(t, 1) for t in ["1", "3a", "3a", "2"]])


def test_a_ruled_row_with_a_cell_across_two_columns_is_not_shifted():
    from extractors.grid import realign_rows
    from pipeline.models import Cell
    row = [Cell("", 1), Cell("162.528.648.998", 1), Cell(None, 1), Cell("162.528.648.998", 1), Cell("91,13", 1)]
    assert realign_rows([row], ["text", "text", "number", "number", "number"])[0] == row


def test_names_under_each_levels_heading_and_the_ceiling_beside_quarterly_targets():
    # a Rencana Aksi sheet: "PROGRAM › Uraian | … | KEGIATAN › Uraian | … | Anggaran (Rp)"; merged names above
    header = [["PROGRAM", None, None, "KEGIATAN", None, None, "Anggaran (Rp)"],
              ["Uraian", "Indikator Program", "TW 1", "Uraian", "Indikator Kegiatan", "TW 1", None]]
    body = [["PROGRAM PENUNJANG ALPHA", "Persentase layanan", "25%", "Perencanaan Beta", "Persentase dokumen", "25%",
             "304.495.000,00"],
            [None, None, None, "Administrasi Gamma", "Persentase gaji", "25%", "16.760.452.000,00"]]
    got = [(level, name, pagu) for level, name, _, pagu, _, _ in _budget(_table(header, body), 2022)]
    assert got == [("kegiatan", "Perencanaan Beta", 304495000.0), ("kegiatan", "Administrasi Gamma", 16760452000.0)]


def test_a_ceiling_broken_down_by_kind_of_expenditure_beside_the_ceiling():
    # DIPA: "JENIS BELANJA › PEGAWAI | BARANG | MODAL" and "PAGU" (their sum); the merged program name
    # covers the lines of its province, work unit and source of funds
    header = [["KODE", "PROGRAM / SATKER / SUMBER DANA", "JENIS BELANJA", None, None, "PAGU"],
              [None, None, "PEGAWAI 51", "BARANG 52", "MODAL 53", None]]
    body = [["119.01.WA", "Program Dukungan Manajemen", "107.000.000", "112.505.935", "2.000.000", "221.505.935"],
            [None, None, "107.000.000", "112.505.935", "2.000.000", "221.505.935"],
            ["", "TOTAL", "107.000.000", "112.505.935", "2.000.000", "221.505.935"]]
    got = [(level, name, pagu) for level, name, _, pagu, _, _ in _budget(_table(header, body), 2025)]
    assert got == [("program", "Program Dukungan Manajemen", 221505935.0), ("other", "Program Dukungan Manajemen", 221505935.0),
                   ("total", "TOTAL", 221505935.0)]


def test_plan_years_counted_from_the_first_under_money_headings():
    # Renstra "Anggaran dan Realisasi Pendanaan Pelayanan": "Anggaran pada Tahun Ke-" over 1 … 3, the
    # ordinals read as the first body row, the column numbers 10 and 11 broken over two lines
    header = [["No", "Uraian", "Anggaran pada Tahun Ke-", None, None, "Realisasi Anggaran pada Tahun Ke-", None, None,
               "Rasio antara Realisasi dan Anggaran Tahun Ke-", None, None]]
    body = [[None, None, "1", "2", "3", "1", "2", "3", "1", "2", "3"],
            ["", "", "", "", "", "", "", "", "", "1", "1"],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1"],
            ["1", "Belanja Langsung", "0", "9,606,683,100.00", "8,350,014,150.00", "0", "6,034,912,460.00",
             "6,450,147,449.00", "0", "67.14", "77.25"]]
    table = _table(header, body)
    table.context_before = "Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah\nPeriode 2016 - 2018"
    got = [(name, year, pagu, real, pct) for _, name, year, pagu, real, pct in _budget(table)]
    assert got == [("Belanja Langsung", 2016, 0.0, 0.0, 0.0), ("Belanja Langsung", 2017, 9606683100.0, 6034912460.0, 67.14),
                   ("Belanja Langsung", 2018, 8350014150.0, 6450147449.0, 77.25)]


def test_an_amount_on_the_line_of_a_kegiatan_and_its_first_sub_kegiatan_is_the_kegiatans():
    # Rencana Aksi: the amount shares its line with the kegiatan and its first sub kegiatan; the next sub
    # kegiatan lines print none, so the amount is the kegiatan's ceiling
    header = [["KEGIATAN", "Sub Kegiatan", "Anggaran (Rp)"], ["Uraian", "Uraian", None]]
    body = [["Penyelenggaraan Jalan", "Penyusunan Rencana Jalan", "201.865.249.771,00"],
            [None, "Rehabilitasi Jalan", ""],
            ["Penyelenggaraan Gedung", "Penerbitan IMB", "500.000.000,00"]]
    got = [(level, name, pagu) for level, name, _, pagu, _, _ in _budget(_table(header, body), 2022)]
    assert got == [("kegiatan", "Penyelenggaraan Jalan", 201865249771.0), ("kegiatan", "Penyelenggaraan Gedung", 500000000.0)]


def test_an_amount_under_the_glyphs_of_a_clipped_name_is_unknown_not_a_digit_of_it():
    body = [["10.2.01.01", "Penyusunan Rencana Jaringan", "an d a n J e m b 7a5ta0n.000", "", "", "", "730.806.700",
             "97,4409", "100,00"]]
    (record,) = budget_records(_table(SHEET_HEADER, body), classify(_table(SHEET_HEADER, body), 2021), "x.pdf")
    assert record.pagu is None and record.pagu_text == "an d a n J e m b 7a5ta0n.000" and record.realization == 730806700
