"""Budget tables as agencies print them: parts over pages and gaps, two name columns, program
headings without amounts, numbers set level with the middle of a name (synthetic tables)."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.parts import join_header_and_body
from pipeline.rows import budget_records, filled_rows
from pipeline.spans import join_spanned_columns

HEADER = ["No", "Program / Kegiatan", "Pagu Anggaran", "Realisasi Anggaran", "%"]


def _table(header: list[list[str]], body: list[list[str | None]], page: int = 5, method: str = "lattice",
           label: str | None = None) -> RawTable:
    return RawTable(0, [page], label, "Realisasi Anggaran" if label else None, [[Cell(t, page) for t in r] for r in header],
                    [[Cell(t, page) for t in r] for r in body], method)


def _names(table: RawTable) -> list[tuple[str, str, float | None]]:
    return [(r.level, r.name, r.pagu) for r in budget_records(table, classify(table, 2016), "x.pdf")]


def test_white_space_body_split_by_a_wider_gap_is_one_table():
    head = _table([HEADER], [["1", "Program Alpha Beta", "100.000.000", "90.000.000", "90,00"]], method="whitespace")
    rest = _table([], [["2", "Program Gamma Delta", "50.000.000", "25.000.000", "50,00"]], method="whitespace")
    out = join_header_and_body([head, rest])
    assert len(out) == 1 and len(out[0].body) == 2
    apart = _table([], [["2", "Program Gamma Delta", "50.000.000", "25.000.000", "50,00"]], method="whitespace")
    apart.context_before = "Tabel berikut menyajikan hal lain:"
    assert len(join_header_and_body([head, apart])) == 2


def test_program_heading_row_without_amounts_is_a_record():
    table = _table([HEADER], [["", "PROGRAM ALPHA BETA", "", "", ""],
                              ["", "Kegiatan Gamma", "100.000.000", "90.000.000", "90,00"]])
    assert _names(table) == [("program", "PROGRAM ALPHA BETA", None), ("kegiatan", "Kegiatan Gamma", 100000000.0)]


def test_program_and_kegiatan_named_in_two_columns_side_by_side():
    table = _table([["Program", "Kegiatan", "Rencana Anggaran (Rp.)"]],
                   [["Program Alpha Beta", "", "300.000.000"], [None, "Gamma Delta", "100.000.000"],
                    [None, "Epsilon Zeta", "200.000.000"], ["Program Eta Theta", "Iota Kappa", "50.000.000"]])
    assert _names(table) == [("program", "Program Alpha Beta", 300000000.0), ("kegiatan", "Gamma Delta", 100000000.0),
                             ("kegiatan", "Epsilon Zeta", 200000000.0), ("kegiatan", "Iota Kappa", 50000000.0)]


def test_number_and_amounts_level_with_the_middle_of_a_name_over_lines():
    table = _table([HEADER], [["", "Program Pembinaan Alpha", "", "", ""],
                              ["4", "", "5.100.000.000", "4.590.000.000", "90,00"],
                              ["5", "Program Penguatan Beta", "23.000.000.000", "21.850.000.000", "95,00"]])
    rows = filled_rows(table, classify(table, 2016))
    assert [c.text for c in rows[0]] == ["4", "Program Pembinaan Alpha", "5.100.000.000", "4.590.000.000", "90,00"]
    assert [c.text for c in rows[2]][:2] == ["5", "Program Penguatan Beta"]


def test_program_name_under_the_header_is_a_body_row():
    table = _table([HEADER], [["", "PROGRAM ALPHA BETA", "", "", ""],
                              ["1", "Kegiatan Gamma", "100.000.000", "90.000.000", "90,00"]])
    assert len(join_spanned_columns(table).header) == 1


def test_misspelled_realisasi_heading_is_spending():
    table = _table([["No", "Uraian Kegiatan", "Realiasi Anggaran"]], [["1", "Kegiatan A", "418.944.700"]])
    assert [c.role for c in classify(table, 2016).columns] == ["no", "program", "budget_realization"]


def test_value_straddling_two_headings_goes_to_the_one_without_a_value():
    # body rulings a column left of the header's: each value starts one grid column early
    header = [["No", "Kegiatan", "", "Anggaran", "", "", "Realisasi (%)", ""]]
    body = [["1", "Kegiatan A", "4,775,000,000", None, None, "81.23", None, ""]]
    table = join_spanned_columns(_table(header, body))
    assert [c.text for c in table.body[0]] == ["1", "Kegiatan A", "4,775,000,000", "81.23"]


def test_expenditure_group_row_under_the_header_is_a_body_row():
    table = _table([["Kode Rekening", "Program / Kegiatan", "Anggaran"]],
                   [["", "Belanja Langsung", ""], ["2 01", "Program Alpha Beta", "17.292.674.100"]])
    assert len(join_spanned_columns(table).header) == 1
    assert [c.role for c in classify(table, 2016).columns] == ["no", "program", "pagu"]


def test_header_line_printed_at_the_foot_of_the_page_before_its_body():
    above = _table([["No", "Sasaran", "Indikator", "Target"]], [["1", "Sasaran A", "Indikator A", "10"]], page=63)
    above.context_after = "Program Anggaran Keterangan"
    body = _table([], [["1. Program Alpha Beta", "Rp. 18.972.674.100,-", "APBD"],
                       ["Gamma", "", ""], ["2. Program Delta Epsilon", "Rp. 6.589.645.000,-", "APBN"]],
                  page=64, method="whitespace")
    out = join_header_and_body([above, body])
    assert [c.text for c in out[1].header[0]] == ["Program", "Anggaran", "Keterangan"]
    from pipeline.lines import join_wrapped_lines
    records = budget_records(join_wrapped_lines(out[1]), classify(out[1], 2016), "x.pdf")
    assert [(r.name, r.pagu) for r in records] == [("Program Alpha Beta Gamma", 18972674100.0),
                                                   ("Program Delta Epsilon", 6589645000.0)]


def test_budget_by_year_columns_under_a_budget_caption_in_thousands():
    table = _table([["No", "Kewenangan", "Tahun (ribu)", "", ""], ["", "", "2014", "2015", "2016"]],
                   [["1", "Dekonsentrasi", "9.384.805", "13.939.354", "10.589.686.000"],
                    ["2", "Tugas Pembantuan", "12.415.651", "26.856.990", "7.918.719.000"]], label="Tabel 13")
    table.caption = "Anggaran Pendapatan dan Belanja Negara Pembangunan Tahun 2014 s/d 2016"
    records = budget_records(table, classify(table, 2016), "x.pdf")
    # thousands as the heading says, and the year printed in full Rupiah under it read as printed
    assert [(r.name, r.year, r.pagu) for r in records[:3]] == [("Dekonsentrasi", 2014, 9384805000.0),
                                                             ("Dekonsentrasi", 2015, 13939354000.0),
                                                             ("Dekonsentrasi", 2016, 10589686000.0)]


def test_year_columns_of_counts_under_a_budget_caption_stay_without_role():
    table = _table([["No", "Uraian", "2015", "2016"]], [["1", "Jumlah kegiatan", "12", "15"]], label="Tabel 2")
    table.caption = "Alokasi Anggaran dan Jumlah Kegiatan"
    assert [c.role for c in classify(table, 2016).columns][2:] == ["other", "other"]


def test_percentages_a_grid_line_above_the_name_and_amounts():
    table = _table([HEADER], [["", "Kegiatan Alpha", "100.000.000", "90.000.000", "90,00"],
                              ["", "", "", "", "94,51"],
                              ["", "Kegiatan Beta Gamma", "714.632.875", "675.432.575", ""]])
    records = budget_records(table, classify(table, 2016), "x.pdf")
    assert [(r.name, r.pagu, r.realization_pct) for r in records] == [
        ("Kegiatan Alpha", 100000000.0, 90.0), ("Kegiatan Beta Gamma", 714632875.0, 94.51)]


def test_total_label_in_the_number_column_names_the_row_letter_spaced_or_not():
    table = _table([HEADER], [["1", "Program Alpha Beta", "100.000.000", "90.000.000", "90,00"],
                              ["TOTAL BELANJA LANGSUNG", None, "100.000.000", "90.000.000", "90,00"],
                              ["", "T O T A L B E L A N J A", "100.000.000", "90.000.000", "90,00"]])
    records = budget_records(table, classify(table, 2016), "x.pdf")
    assert [r.name for r in records] == ["Program Alpha Beta", "TOTAL BELANJA LANGSUNG", "TOTALBELANJA"]
    assert records[1].level == "total"


def test_letter_spaced_digits_before_a_thousands_group_are_one_number():
    from normalizers.numbers import parse_number
    assert parse_number("4 7 6 .950.840").value == 476950840
    assert parse_number("15 80").value is None or parse_number("15 80").value == 15  # two numbers stay two


def test_share_of_budget_spent_per_sasaran_without_amounts():
    table = _table([["No", "Sasaran Strategis", "Indikator Kinerja", "Capaian Kinerja (%)", "% Penyerapan Anggaran"]],
                   [["1", "Sasaran Alpha", "Indikator A", "132,05", "88,05"], [None, None, "Indikator B", "110,4", None],
                    ["2", "Sasaran Beta", "Indikator C", "100", "98,89"]])
    layout = classify(table, 2016)
    assert layout.kinds == {"performance", "budget"}
    assert [(r.name, r.realization_pct) for r in budget_records(table, layout, "x.pdf")] == [
        ("Sasaran Alpha", 88.05), ("Sasaran Beta", 98.89)]


def test_next_page_part_read_on_a_grid_of_its_own_joins_in_cell_order():
    first = _table([["No", "", "Program / Kegiatan", "", "Anggaran", "", "Realisasi", "%"]],
                   [["", "", "Kegiatan Alpha", "", "100.000.000", "", "90.000.000", "90,00"],
                    ["", "", "Kegiatan Beta", "", "50.000.000", "", "25.000.000", "50,00"]], page=85)
    rest = _table([["", "PROGRAM GAMMA", "", "", "", ""]],
                  [["", "Kegiatan Delta", "20.000.000", "", "10.000.000", "50,00"],
                   ["JUMLAH", "", "170.000.000", "", "125.000.000", "73,53"]], page=86)
    first.bbox, rest.bbox = [85.0, 70.0, 589.0, 760.0], [85.1, 74.0, 589.1, 205.0]
    out = join_header_and_body([first, rest])
    assert len(out) == 1 and out[0].pages == [85, 86]
    records = budget_records(join_spanned_columns(out[0]), classify(join_spanned_columns(out[0]), 2016), "x.pdf")
    assert [(r.name, r.pagu, r.realization_pct) for r in records][-2:] == [("Kegiatan Delta", 20000000.0, 50.0),
                                                                          ("JUMLAH", 170000000.0, 73.53)]


def test_a_line_naming_a_program_starts_a_row_of_its_own():
    from pipeline.lines import join_wrapped_lines
    table = _table([["Program", "Anggaran", "Keterangan"]],
                   [["Program Penguatan Alpha dan Beta", "Rp 1.250.000.000", "APBD"], ["Gamma Delta", "", ""],
                    ["Program Pembinaan Epsilon", "", "APBD"], ["", "Rp 250.000.000", ""]], method="whitespace")
    assert [r[0].text for r in join_wrapped_lines(table).body] == ["Program Penguatan Alpha dan Beta Gamma Delta",
                                                                   "Program Pembinaan Epsilon"]


def test_lines_of_a_tall_name_cell_stay_in_the_name_column():
    header = [["No", "Program/Kegiatan", "", "Indikator Kegiatan", "", "Anggaran"]]
    body = [["1", "", "Pembinaan Teknis", "Jumlah komisi", "", "137.350.000"],
            [None, None, "Penatalaksanaan Dokumen", None, None, None]]
    table = _table(header, body)
    for row in table.body:  # a text layer: the name's lines set in one weight
        row[2].bold = False
    table = join_spanned_columns(table)
    records = budget_records(table, classify(table, 2016), "x.pdf")
    assert [(r.name, r.pagu) for r in records] == [("Pembinaan Teknis Penatalaksanaan Dokumen", 137350000.0)]


def test_a_proportion_of_two_numbers_is_no_amount():
    from normalizers.numbers import FormatNote, parse_number
    assert parse_number("12 : 88").value is None and parse_number("12 : 88").format_note is FormatNote.PROPORTION
    assert parse_number("12,5").value == 12.5


def test_header_lines_printed_again_inside_a_joined_body_are_no_rows():
    table = _table([["No", "Kegiatan", "Anggaran", "Realisasi", "%"], ["", "", "(Rp.)", "(Rp.)", ""]],
                   [["1", "Kegiatan Alpha", "100.000.000", "90.000.000", "90,00"],
                    ["No", "", "", "", "%"], ["", "", "(Rp.)", "(Rp.)", ""],
                    ["2", "Kegiatan Beta", "50.000.000", "25.000.000", "50,00"]])
    assert [r.name for r in budget_records(table, classify(table, 2016), "x.pdf")] == ["Kegiatan Alpha", "Kegiatan Beta"]


def test_second_line_of_a_program_heading_is_no_heading_of_its_own():
    table = _table([HEADER], [["", "PROGRAM PEMBINAAN ALPHA", "", "", ""], ["", "BETA GAMMA", "", "", ""],
                              ["", "Kegiatan Gamma", "100.000.000", "90.000.000", "90,00"]])
    names = [r.name for r in budget_records(table, classify(table, 2016), "x.pdf")]
    assert "BETA GAMMA" not in names and names[-1] == "Kegiatan Gamma"


def test_amounts_printed_in_full_under_a_heading_in_millions_are_read_as_printed():
    """'Rp (juta)' over figures printed in full Rupiah ('48.114.709.000'): read in millions the usual row
    would spend more than the largest ministry, so the heading's scale word is not applied."""
    from normalizers.numbers import parse_column
    from pipeline.budget_years import printed_in_full
    from pipeline.classify import ColumnRole

    heading = "Target Kinerja Program dan Kerangka Pendanaan › Tahun 2022 › Rp (juta)"
    full = ["48.114.709.000", "29.040.500.000", "1.817.540.166", "13.021.000.000"]
    millions = ["48.114", "29.040", "1.817", "13.021"]
    column = ColumnRole(3, heading, "pagu", 2022)
    as_printed = printed_in_full({3: parse_column(full, heading=heading, money=True)}, [column])[3]
    assert [p.value for p in as_printed] == [48114709000.0, 29040500000.0, 1817540166.0, 13021000000.0]
    in_millions = printed_in_full({3: parse_column(millions, heading=heading, money=True)}, [column])[3]
    assert [p.value for p in in_millions] == [48114e6, 29040e6, 1817e6, 13021e6]


def test_budget_year_columns_headed_tahun_with_a_capital():
    """A year heading printed "Tahun 2015" is a year as "tahun 2015" and "2015" are (one year pattern,
    pipeline.lexicon.YEAR_CELL, for every stage)."""
    table = _table([["No", "Uraian", "Tahun 2015", "Tahun 2016"]],
                   [["1", "Program Alpha", "1.250.000.000", "1.500.000.000"]], label="Tabel 9")
    table.caption = "Alokasi Anggaran Program"
    records = budget_records(table, classify(table, 2016), "x.pdf")
    assert [(r.name, r.year, r.pagu) for r in records] == [("Program Alpha", 2015, 1250000000.0),
                                                           ("Program Alpha", 2016, 1500000000.0)]


def test_kinds_of_expenditure_over_the_programs_are_their_own_level():
    """A spending table grouped by kind of expenditure (jenis belanja): "BELANJA TIDAK LANGSUNG" and
    "BELANJA LANGSUNG" rows over the programs. The kinds are no programs; the programs sit under theirs,
    and the table's total adds up the kinds, not the programs (the salaries are in no program)."""
    from pipeline.checks.budget import sum_findings
    from pipeline.checks.common import BudgetRow

    table = _table([HEADER], [["I", "BELANJA TIDAK LANGSUNG (Honor + Lembur)", "10.000.000", "9.000.000", "90,00"],
                              ["II", "BELANJA LANGSUNG", "30.000.000", "24.000.000", "80,00"],
                              ["1", "Program Alpha Beta", "20.000.000", "16.000.000", "80,00"],
                              ["2", "Program Gamma Delta", "10.000.000", "8.000.000", "80,00"],
                              ["", "JUMLAH", "40.000.000", "33.000.000", "82,50"]])
    records = budget_records(table, classify(table, 2016), "x.pdf")
    assert [r.level for r in records] == ["jenis_belanja", "jenis_belanja", "program", "program", "total"]
    assert [r.parent_row for r in records] == [None, None, 1, 1, None]

    def checked(row: int, name: str, level: str, pagu: float, parent: int | None = None) -> BudgetRow:
        return BudgetRow("x.pdf", 0, "Tabel 3.9", 1, row, name, None, level, 2016, pagu, str(pagu), None, None,
                         None, None, None, None, None, parent, level == "total")
    rows = [checked(r.prov.row_index or 0, r.name, r.level, r.pagu or 0, r.parent_row) for r in records]
    assert sum_findings(rows) == []
    rows[-1] = checked(4, "JUMLAH", "total", 50_000_000)
    assert [f.rule for f in sum_findings(rows)] == ["total_sum"]


def test_a_total_printed_above_the_kinds_it_adds_up():
    """"TOTAL BELANJA" as the first row of a funding table, the indirect and direct spending under it, the
    programs under the direct spending: the total adds up the two kinds below it."""
    from pipeline.checks.budget import sum_findings
    from pipeline.checks.common import BudgetRow

    def row(i: int, name: str, level: str, pagu: float, parent: int | None = None) -> BudgetRow:
        return BudgetRow("x.pdf", 0, "Tabel 2.9", 1, i, name, None, level, 2019, pagu, str(pagu), None, None,
                         None, None, None, None, None, parent, level == "total")
    rows = [row(0, "TOTAL BELANJA", "total", 50.0), row(1, "BELANJA TDK LANGSUNG", "jenis_belanja", 20.0),
            row(2, "BELANJA LANGSUNG", "jenis_belanja", 30.0), row(3, "Program Alfa", "program", 10.0, 2),
            row(4, "Program Beta", "program", 20.0, 2)]
    assert sum_findings(rows) == []
    rows[0] = row(0, "TOTAL BELANJA", "total", 60.0)
    assert [(f.rule, f.expected) for f in sum_findings(rows)] == [("total_sum", 50.0)]


def test_a_block_s_anggaran_merged_down_from_its_goal_belongs_to_its_program():
    """A Perjanjian Kinerja block: "Tujuan: …", "Sasaran: …", then the program, the block's Rp cell merged
    down the three rows (read on the first). The amount is the program's, not the goal's."""
    header = [["NO", "URAIAN", "SATUAN", "TARGET", "Rp"]]
    body = [["A.", "Tujuan: Meningkatnya mutu layanan alfa", "Nilai", "39", "38.556.000.000"],
            [None, "Sasaran: Meningkatnya kinerja beta", "Nilai", "72,13", None],
            [None, "Program Penunjang Gama Delta", "Persen", "100", None],
            ["B.", "Tujuan : Meningkatkan kualitas epsilon", "Indeks", "80,9", "18.214.000.000"],
            [None, "Program : Program Dukungan Zeta Eta", "Persen", "100", None]]
    table = _table([header[0]], body)
    records = budget_records(table, classify(table, 2024), "x.pdf")
    assert [(r.name, r.pagu) for r in records] == [("Program Penunjang Gama Delta", 38556000000.0),
                                                   ("Program : Program Dukungan Zeta Eta", 18214000000.0)]


def test_a_government_affair_over_its_programs_is_no_program():
    """An urusan row ("UNSUR PENUNJANG URUSAN …") over the programs it groups: not a program of its own."""
    table = _table([HEADER], [["", "UNSUR PENUNJANG URUSAN PEMERINTAHAN BIDANG ALFA", "150.000.000", "120.000.000", "80,00"],
                              ["A", "Program Alfa Beta", "100.000.000", "80.000.000", "80,00"],
                              ["B", "Program Gama Delta", "50.000.000", "40.000.000", "80,00"]])
    assert [level for level, _, _ in _names(table)] == ["other", "program", "program"]


def test_sub_rows_numbered_afresh_under_each_dotted_code_sit_under_it():
    """'A' a program, 'A.1', 'A.2' its kegiatan, each followed by its own rows numbered 1, 2, …: each
    numbered run sits under the coded row it follows, so the kegiatan's sum is checked against it."""
    table = _table([["Kode", "Program / Kegiatan", "Anggaran", "Realisasi", "%"]],
                   [["A", "Program Alfa Beta", "600.000", "500.000", "83,33"],
                    ["A.1", "Kegiatan Gama", "300.000", "250.000", "83,33"],
                    ["1", "Sub Delta", "100.000", "50.000", "50,00"],
                    ["2", "Sub Epsilon", "200.000", "200.000", "100,00"],
                    ["A.2", "Kegiatan Zeta", "300.000", "250.000", "83,33"],
                    ["1", "Sub Eta", "300.000", "250.000", "83,33"]])
    records = budget_records(table, classify(table, 2024), "x.pdf")
    assert [(r.code, r.parent_row) for r in records] == [("A", None), ("A.1", 0), ("1", 1), ("2", 1),
                                                         ("A.2", 0), ("1", 4)]


def test_rows_whose_codes_have_as_many_parts_are_siblings_whatever_their_names_say():
    """Account codes 5.1.01, 5.1.02, 5.1.05: a kind's name cut short ("Belanja Sewa dan", read as a program
    by its code) does not make the next kinds its rows; the total adds up all of them."""
    from pipeline.checks.budget import sum_findings
    from pipeline.checks.common import BudgetRow

    table = _table([["Kode", "Uraian", "Anggaran", "Realisasi", "%"]],
                   [["5.1.01", "Belanja Pegawai", "100.000", "90.000", "90,00"],
                    ["5.1.02", "Belanja Sewa dan", "200.000", "180.000", "90,00"],
                    ["5.1.05", "Belanja Hibah", "50.000", "45.000", "90,00"],
                    ["", "Total", "350.000", "315.000", "90,00"]])
    records = budget_records(table, classify(table, 2024), "x.pdf")
    assert [r.parent_row for r in records] == [None, None, None, None]
    rows = [BudgetRow("x.pdf", 0, "Tabel 2.1", 1, r.prov.row_index or 0, r.name, r.code, r.level, 2024, r.pagu,
                      str(r.pagu), None, None, None, None, None, None, None, r.parent_row, r.level == "total")
            for r in records]
    assert sum_findings(rows) == []


def test_a_regions_budget_per_agency_names_its_agencies_by_code_and_name():
    """A region's recap per agency: "No | Kode SKPD | Nama SKPD | Pagu | Realisasi": the code column is a code, the
    rows are agencies (level unit), and their total is checked against the sum of them."""
    table = _table([["No", "Kode SKPD", "Nama SKPD", "Pagu Anggaran", "Realisasi", "%"]],
                   [["1", "1.01.0.00.0.00.01.0000", "DINAS SUMUR CONTOH", "300.000.000", "270.000.000", "90,00"],
                    ["2", "1.02.0.00.0.00.02.0000", "DINAS TAMAN CONTOH", "200.000.000", "150.000.000", "75,00"],
                    [None, None, "JUMLAH", "500.000.000", "420.000.000", "84,00"]])
    rows = budget_records(table, classify(table, 2030), "x.pdf")
    assert [(r.level, r.code, r.name) for r in rows][:2] == [("unit", "1.01.0.00.0.00.01.0000", "DINAS SUMUR CONTOH"),
                                                             ("unit", "1.02.0.00.0.00.02.0000", "DINAS TAMAN CONTOH")]


def _checked(records: list) -> list:
    from pipeline.checks.common import BudgetRow

    return [BudgetRow("x.pdf", 0, "Tabel 3.7", 1, r.prov.row_index or 0, r.name, None, r.level, 2016, r.pagu or 0,
                      str(r.pagu), None, None, None, None, None, None, None, r.parent_row, r.level == "total")
            for r in records]


def test_a_flat_list_under_a_heading_naming_one_level_is_that_level():
    """A spending table whose name column is headed "Kegiatan", each row a kegiatan, only some of them
    repeating the word in their names ("Kegiatan Pembinaan …" beside "Fasilitasi Forum …"): all are
    kegiatan, and the JUMLAH adds them all up, not the one that says so."""
    from pipeline.checks.budget import sum_findings

    table = _table([["No", "Kegiatan", "Anggaran (Rp.)", "Realisasi (Rp.)", "%"]],
                   [["1", "Fasilitasi Forum Warga Alpha", "300.000.000", "270.000.000", "90,00%"],
                    ["2", "Kegiatan Pembinaan Gamma", "250.000.000", "190.000.000", "76,00%"],
                    ["3", "Penataan Arsip Delta", "120.000.000", "80.000.000", "66,67%"],
                    ["Jumlah", None, "670.000.000", "540.000.000", "80,60%"]])
    records = budget_records(table, classify(table, 2016), "x.pdf")
    assert [r.level for r in records] == ["kegiatan", "kegiatan", "kegiatan", "total"]
    assert sum_findings(_checked(records)) == []


def test_names_saying_another_level_outweigh_the_heading():
    """Rows named "Kegiatan …" under a heading "PROGRAM": the names tell the level, the heading does not
    make the unnamed ones programs."""
    table = _table([["NO.", "PROGRAM", "ANGGARAN (Rp)", "SUMBER DANA"]],
                   [["1.", "Kegiatan Alpha Beta", "300.000.000", "APBD"],
                    ["2.", "Penyusunan Gamma", "200.000.000", "APBD"]])
    assert [r.level for r in budget_records(table, classify(table, 2016), "x.pdf")] == ["kegiatan", "other"]


def test_a_level_word_run_into_the_name_still_names_the_level():
    """A text layer that lost the space after the level word: "KegiatanPenataan Arsip" is a kegiatan."""
    from normalizers.levels import level_from_name

    assert level_from_name("KegiatanPenataan Arsip Delta") == "kegiatan"
    assert level_from_name("ProgramPeningkatan Mutu Epsilon") == "program"
    assert level_from_name("Programmer Gamma") is None
