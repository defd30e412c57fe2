"""Column roles from the arithmetic between columns where the header words leave them open
(pipeline/arithmetic.py), and header lines the ruled reader left in the body (pipeline/spans.py)."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.spans import join_spanned_columns


def _table(header: list[list[str | None]], body: list[list[str | None]]) -> RawTable:
    def row(texts):
        return [Cell(t, 1) for t in texts]
    return RawTable(0, [1], None, None, [row(r) for r in header], [row(r) for r in body], "lattice")


def _roles(table: RawTable) -> list[tuple[str, int | None]]:
    return [(c.role, c.year) for c in classify(table, 2016).columns]


def test_misplaced_subheading_gives_spending_the_ceiling_role():
    # "ANGGARAN › Rp." over the spending: the sub-heading slid one column left; % = realisasi / pagu × 100
    table = _table([["Program", "Anggaran", None, "Realisasi"], [None, "(Rp)", "Rp.", "%"]],
                   [["Program A", "400.000.000", "399.459.000", "99,86"],
                    ["Program B", "659.200.000", "632.194.000", "95,90"],
                    ["Program C", "250.000.000", "250.000.000", "100"]])
    layout = classify(table, 2016)
    assert [c.role for c in layout.columns][1:] == ["pagu", "budget_realization", "budget_pct"]
    assert layout.evidence and "3 of 3 rows" in layout.evidence[0]


def test_capaian_column_whose_heading_was_lost():
    table = _table([["Indikator", "Target", "Realisasi", ""]],
                   [["Indikator A", "80", "72", "90,00"], ["Indikator B", "50", "55", "110,00"],
                    ["Indikator C", "10", "5", "50,00"]])
    assert [r for r, _ in _roles(table)] == ["indicator", "target", "realization", "achievement"]


def test_this_year_against_last_year_keeps_both_realisasi():
    table = _table([["Indikator", "Realisasi 2015", "Realisasi 2016", "Realisasi 2016 thd 2015"]],
                   [["Indikator A", "2,15", "2,23", "103,72"], ["Indikator B", "2,19", "2,25", "102,74"]])
    assert _roles(table)[1:] == [("realization", 2015), ("realization", 2016), ("achievement", 2016)]


def test_counts_under_headings_that_name_no_role_get_no_role():
    # a statistics table: the identity holds by chance on some rows, but its headings are not lost ones
    table = _table([["Unit", "KIB A", "KIB B", "KIB C"]],
                   [["Unit 1", "10", "5", "50"], ["Unit 2", "4", "2", "50"], ["Unit 3", "8", "2", "25"]])
    assert all(role in ("program", "other", "indicator") for role, _ in _roles(table))


def test_consistent_words_are_not_overturned():
    table = _table([["Indikator", "Target", "Realisasi", "Capaian (%)"]],
                   [["Indikator A", "80", "72", "90,00"], ["Indikator B", "50", "55", "110,00"]])
    layout = classify(table, 2016)
    assert [c.role for c in layout.columns][1:] == ["target", "realization", "achievement"] and not layout.evidence


def test_heading_lines_left_in_the_body_join_the_header():
    table = _table([["No", "Indikator", "Tahun", "Capaian", "Sumber"]],
                   [["", "", "2016", "Kinerja", "data"], ["", "", "Realisasi", "(%)", ""],
                    ["1", "Indikator A", "168,49", "101,32", "BPS"]])
    joined = join_spanned_columns(table)
    assert len(joined.header) == 3 and len(joined.body) == 1
    assert _roles(joined)[2:4] == [("realization", 2016), ("achievement", None)]


def test_a_section_row_stays_in_the_body():
    table = _table([["No", "Sasaran", "Indikator", "Target"]],
                   [["", "SASARAN STRATEGIS", None, None], ["1", "Sasaran A", "Indikator A", "80"]])
    assert len(join_spanned_columns(table).body) == 2


def test_column_numbering_row_under_the_header_is_dropped():
    table = _table([["No", "Indikator", "Realisasi"]],
                   [["", "", "Thdp Thn 2015"], ["1", "2", "3"], ["1", "Indikator A", "103,72"]])
    joined = join_spanned_columns(table)
    assert [[c.text for c in r] for r in joined.body] == [["1", "Indikator A", "103,72"]]


def test_target_printed_after_realisasi_and_a_ratio_headed_realisasi():
    # "Realisasi s.d. 2016 | Target Renstra | Realisasi … (3/4)*100": the last is the capaian; tonnes are no Rupiah
    table = _table([["Indikator", "Realisasi s.d. Tahun 2016", "Target Renstra s.d. 2018", "Realisasi (3/4)*100"]],
                   [["Produksi padi", "35.558.683", "61.639.151", "57,69"], ["Produksi jagung", "3.637.248", "5.968.150", "60,94"],
                    ["Produksi kedelai", "306.277", "259.340", "118,10"]])
    assert [r for r, _ in _roles(table)][1:] == ["realization", "target", "achievement"]


def test_total_row_read_into_the_header_leaves_the_name_column_a_name_column():
    table = _table([["No", "Uraian Program dan Kegiatan", "Target Anggaran (Rp)"], ["", "TOTAL ANGGARAN", ""]],
                   [["A", "Program Perencanaan", "712,500,000"], ["1.", "Perencanaan dan Evaluasi", "712,500,000"]])
    assert [r for r, _ in _roles(table)] == ["no", "program", "pagu"]


def test_capaian_heading_over_a_spending_share_is_the_budget_percentage():
    table = _table([["Program", "Anggaran", "Realisasi", "Capaian"]],
                   [["Program A", "4,775,000,000.00", "3,878,831,648.00", "81.23"],
                    ["Program B", "4,115,000,000.00", "3,709,217,380.00", "90.14"]])
    assert [r for r, _ in _roles(table)][1:] == ["pagu", "budget_realization", "budget_pct"]


def test_heading_spanning_down_does_not_span_over_its_neighbours():
    from extractors.grid import column_paths
    header = [[Cell(t, 1) for t in (None, "Indikator Kinerja", None, None)],
              [Cell(t, 1) for t in ("Sasaran", None, "Nama Program", "Anggaran")]]
    assert column_paths(header) == ["Sasaran", "Indikator Kinerja", "Nama Program", "Anggaran"]


def test_column_whose_year_heading_slid_right_takes_the_year_of_its_identity():
    # "2015" printed over Realisasi | Capaian, its Target sub-heading one column to the left; an empty
    # capaian column beside the one with numbers gives its role up
    table = _table([["Indikator", "", "2015", None, None], [None, "Target", "Realisasi", "Capaian", "Capaian"]],
                   [["Indikator A", "39", "93,54", "", "239,8"], ["Indikator B", "58", "58", "", "100"],
                    ["Indikator C", "14", "23", "", "164,28"]])
    roles = _roles(table)
    assert roles[1] == ("target", 2015) and roles[2] == ("realization", 2015) and roles[4] == ("achievement", 2015)
    assert roles[3][0] == "other"


def test_years_printed_right_to_left_keep_their_columns():
    table = _table([["No", "Uraian", "Realisasi 2019", "Realisasi 2018"]],
                   [["1", "Beban jasa kantor", "12.555.689.579,00", "14.804.637.300,52"]])
    assert [y for _, y in _roles(table)[2:]] == [2019, 2018]


def test_caption_naming_the_planned_level_gives_bare_year_columns_the_target_role():
    table = _table([["No", "Jenis Ternak", "2013", "2014", "2015"]],
                   [["1", "Sapi Perah", "103.832", "109.024", "140.555"]])
    table.caption = "Sasaran Populasi Ternak (ekor) 2013-2018"
    assert _roles(table)[2:] == [("target", 2013), ("target", 2014), ("target", 2015)]
    table.caption = "Sasaran Strategis dan Indikator 2013-2018"
    assert [r for r, _ in _roles(table)[2:]] == ["other"] * 3


def test_realisasi_in_rupiah_without_target_is_spending():
    table = _table([["No", "Uraian", "Realisasi 2019", "Realisasi 2018"]],
                   [["1", "Beban jasa kantor", "12.555.689.579,00", "14.804.637.300,52"],
                    ["2", "Beban premi asuransi", "13.181.729.806,26", "3.975.336.078,89"]])
    assert [r for r, _ in _roles(table)][2:] == ["budget_realization", "budget_realization"]
    counts = _table([["Indikator", "Realisasi 2019"]], [["Produksi padi", "12.540.550"], ["Produksi jagung", "1.630.238"]])
    assert [r for r, _ in _roles(counts)] == ["indicator", "realization"]


def test_unspent_remainder_is_neither_ceiling_nor_spending():
    table = _table([["No", "Sumber Anggaran", "Anggaran (Rp)", "Realisasi (Rp)", "SILPA", None], [None, None, None, None, "Rp", "%"]],
                   [["1", "APBD", "44.495.611.842", "43.433.436.071", "1.062.175.771", "2,39"],
                    ["2", "APBN", "26.602.184.000", "19.399.610.760", "7.202.573.240", "27,08"]])
    assert [r for r, _ in _roles(table)][2:] == ["pagu", "budget_realization", "other", "other"]


def test_a_weaker_identity_in_sliver_columns_does_not_duplicate_settled_roles():
    body = [[f"Program {k}", f"{k}.000.000", "", "", f"{k - 1}.900.000", "", f"{(k - 0.1) / k * 100:.2f}".replace(".", ",")]
            for k in range(2, 8)]
    body += [["Program X", "", "1.000.000", "900.000", "", "90,00", ""], ["Program Y", "", "2.000.000", "1.000.000", "", "50,00", ""],
             ["Program Z", "", "4.000.000", "1.000.000", "", "25,00", ""]]
    table = _table([["Kegiatan", "Anggaran", "", "", "Realisasi (Rp)", "", "(%)"]], body)
    roles = [r for r, _ in _roles(table)]
    assert roles.count("pagu") == 1 and roles.count("budget_realization") == 1 and roles.count("budget_pct") == 1


def test_bare_percent_after_a_realisasi_is_its_capaian():
    table = _table([["Indikator", "Satuan", "Realisasi 2016", "%"]],
                   [["Produksi padi", "Ton", "12.540.550", "101,81"], ["Produksi jagung", "Ton", "1.630.238", "136,90"]])
    assert _roles(table)[2:] == [("realization", 2016), ("achievement", 2016)]


def _ocr_table(header: list[list[str | None]], body: list[list[tuple[str, float]]]) -> RawTable:
    return RawTable(0, [1], None, None, [[Cell(t, 1) for t in r] for r in header],
                    [[Cell(t, 1, ocr_confidence=conf) for t, conf in r] for r in body], "ocr_lattice")


# "C4pl": a heading OCR garbled beyond a typo (one edit, like "Capalan", is read as the word: test_heading_words)
PERFORMANCE_AND_BUDGET_HEADER = [["Indikator", "KINERJA", None, None, "ANGGARAN", None, None],
                                 [None, "Target", "Realisasi", "C4pl", "Alokasi", "Realisasi", "Capaian"]]


def _performance_and_budget_rows(misread_confidence: float) -> list[list[tuple[str, float]]]:
    sure, unsure = 96.0, misread_confidence
    budget = [("1.000.000", sure), ("900.000", sure), ("90,00", sure)]
    return [[("Indikator A", sure), ("80%", sure), ("72%", sure), ("90", sure)] + budget,
            [("Indikator B", sure), ("50", sure), ("55", sure), ("110", sure)] + budget,
            [("Indikator C", sure), ("300%", sure), ("300%", sure), ("700", unsure)] + budget,  # "100" misread
            [("Indikator D", sure), ("4", sure), ("2", sure), ("50", sure)] + budget,
            [("Indikator E", sure), ("20", sure), ("18", unsure), ("60", sure)] + budget,
            [("Indikator F", sure), ("10", sure), ("9", sure), ("30", unsure)] + budget]


def test_capaian_under_a_performance_group_with_its_heading_misread_by_ocr():
    # KINERJA › Target | Realisasi | "C4pl" beside ANGGARAN › Alokasi | Realisasi | Capaian: the arithmetic
    # of the sure rows says the third performance column is the capaian; unsure readings that disagree are left out
    layout = classify(_ocr_table(PERFORMANCE_AND_BUDGET_HEADER, _performance_and_budget_rows(70.0)), 2016)
    assert [c.role for c in layout.columns][1:] == ["target", "realization", "achievement",
                                                   "pagu", "budget_realization", "budget_pct"]
    assert any("3 of 3 rows (3 disagreeing" in e for e in layout.evidence)


def test_sure_readings_that_disagree_keep_the_misread_heading_unnamed():
    layout = classify(_ocr_table(PERFORMANCE_AND_BUDGET_HEADER, _performance_and_budget_rows(96.0)), 2016)
    assert layout.columns[3].role == "other"


def test_unit_column_printing_100_beside_target_years_of_100_keeps_the_target_years():
    # a plan's target table: "SAT" holds "100" on rows whose five targets are all 100; 100 = 100 / 100 × 100
    # holds for any three of those columns, so it overturns no year heading
    header = [["Indikator", "SAT", "Target", None, None], [None, None, "2025", "2026", "2027"]]
    body = [["Persentase kerja sama luar negeri", "100", "100", "100", "100"],
            ["Persentase kerja sama dalam negeri", "100", "100", "100", "100"],
            ["Persentase tindak lanjut laporan", "100", "100", "100", "100"]]
    layout = classify(join_spanned_columns(_table(header, body)), 2025)
    assert [(c.role, c.year) for c in layout.columns][2:] == [("target", 2025), ("target", 2026), ("target", 2027)]
    assert not layout.evidence
