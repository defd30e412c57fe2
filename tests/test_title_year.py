"""A document bound into a report's appendix under its own title and no "Tabel" label (pipeline/title_year.py):
the Perjanjian Kinerja of the next year, its target column printing no year, takes the title's year; prose above a
table, a Renstra's period and a labelled caption give it none."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records, performance_records
from pipeline.title_year import title_year, titles_down_the_page

HEADER = [["No", "Sasaran", "Indikator", "Satuan", "Target"]]
BODY = [["1", "Meningkatnya layanan contoh", "Indeks kepuasan layanan contoh", "indeks", "81,5"],
        ["2", "Tersedianya sumur contoh", "Jumlah sumur contoh", "unit", "12"]]


def _table(context_before: str, label: str | None = None, caption: str | None = None) -> RawTable:
    def row(texts):
        return [Cell(t, 40) for t in texts]
    return RawTable(0, [40], label, caption, [row(r) for r in HEADER], [row(r) for r in BODY], "lattice",
                    context_before=context_before)


def _years(table: RawTable, report_year: int = 2030) -> list[int | None]:
    return [r.year for r in performance_records(table, classify(table, report_year), "x.pdf")]


def test_the_next_years_agreement_in_the_appendix_takes_its_titles_year():
    table = _table("PERJANJIAN KINERJA TAHUN 2031\nKEPALA DINAS CONTOH KABUPATEN SUKAMAJU")
    assert _years(table) == [2031, 2031]
    assert "PERJANJIAN KINERJA TAHUN 2031" in " ".join(classify(table, 2030).evidence)


def test_the_title_of_a_rencana_aksi_in_title_case_names_its_year():
    assert title_year(_table("Rencana Aksi Tahun 2031\nDinas Contoh")).year == 2031


def test_prose_a_period_and_a_labelled_caption_name_no_year_of_the_table():
    assert _years(_table("Capaian kinerja tahun 2031 dibandingkan dengan target perjanjian kinerja")) == [2030, 2030]
    assert title_year(_table("RENCANA AKSI TAHUN 2031-2035")) is None
    assert title_year(_table("LAPORAN KINERJA TAHUN 2029")) is None  # the report's own title: not a one-year plan
    labelled = _table("PERJANJIAN KINERJA TAHUN 2031", label="Tabel 2.1", caption="Perjanjian Kinerja")
    assert title_year(labelled) is None
    assert _years(labelled) == [2030, 2030]


def test_the_budget_of_the_agreement_takes_the_titles_year_too():
    header = [["No", "Program", "Anggaran (Rp)", "Keterangan"]]
    body = [["1", "Program contoh pelayanan", "1.250.000.000", "APBD"],
            ["2", "Program contoh sarana", "750.000.000", "APBD"]]
    table = RawTable(0, [41], None, None, [[Cell(t, 41) for t in r] for r in header],
                     [[Cell(t, 41) for t in r] for r in body], "lattice",
                     context_before="PERJANJIAN KINERJA TAHUN 2031\nKEPALA DINAS CONTOH")
    assert [r.year for r in budget_records(table, classify(table, 2030), "x.pdf")] == [2031, 2031]


def _budget_below(context_before: str, page: int = 41, top: float = 420.0) -> RawTable:
    header = [["Program", "Anggaran (Rp.)", "Ket."]]
    body = [["Program contoh pelayanan", "1.250.000.000", ""], ["Program contoh sarana", "750.000.000", ""]]
    return RawTable(1, [page], None, None, [[Cell(t, page) for t in r] for r in header],
                    [[Cell(t, page) for t in r] for r in body], "ocr_lattice", bbox=[100.0, top, 520.0, 520.0],
                    context_before=context_before)


def _agreement_above() -> RawTable:
    table = _table("PERJANJIAN KINERJA TAHUN 2031\nKEPALA DINAS CONTOH")
    table.pages, table.bbox = [41], [100.0, 150.0, 520.0, 380.0]
    return table


def test_the_programs_budget_printed_under_the_agreements_indicators_takes_its_title_year():
    """A Perjanjian Kinerja prints its indicator table, then "Program | Anggaran | Ket." under the one title."""
    above, below = _agreement_above(), _budget_below("layanan contoh\nDPRD")  # a cell's wrapped words leak between
    titles = titles_down_the_page([above, below])
    assert titles[1].year == 2031 and titles[1].below_table == 0
    records = budget_records(below, classify(below, 2030, titled=titles[1]), "x.pdf")
    assert [r.year for r in records] == [2031, 2031]
    assert "title over table 0" in titles[1].evidence


def test_a_sentence_a_year_or_another_page_between_ends_the_title():
    above = _agreement_above()
    assert 1 not in titles_down_the_page([above, _budget_below("Realisasi anggaran yang dicapai sebagai berikut")])
    assert 1 not in titles_down_the_page([above, _budget_below("Anggaran Tahun 2030")])
    assert 1 not in titles_down_the_page([above, _budget_below("", page=43)])  # pages between
    assert 1 not in titles_down_the_page([above, _budget_below("", top=200.0)])  # beside it, not below


def test_the_agreements_budget_turned_over_to_the_next_page_takes_its_title_year_unless_text_lies_between():
    above, below = _agreement_above(), _budget_below("", page=42, top=80.0)
    assert titles_down_the_page([above, below])[1].year == 2031
    above.context_after = "Capaian tahun lalu dijelaskan pada bab berikut."  # the page goes on with prose
    assert 1 not in titles_down_the_page([above, below])
