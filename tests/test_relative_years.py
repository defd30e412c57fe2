"""Years counted from the fiscal year or within the plan's period (CONTRACT "Readings settled" 2):
"Realisasi Tahun Lalu", a "Tahun Ini" band over "T | R | %", and a Renstra's "Tahun-1 … Tahun-5",
"Tahun ke-1 …", "Tahun I … V" read with the plan's period when the caption names none
(pipeline/classify.py fiscal_relative_years, relative_years)."""
from extractors.grid import is_column_numbering
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records


def _table(header: list[list[str | None]], body: list[list[str | None]], caption: str | None = None) -> RawTable:
    def row(texts):
        return [Cell(t, 2) for t in texts]
    return RawTable(0, [2], "Tabel 3.2", caption, [row(r) for r in header], [row(r) for r in body], "lattice")


def _values(table: RawTable, report_year: int, plan_period: str | None = None) -> list[tuple]:
    layout = classify(table, report_year, plan_period=plan_period)
    return sorted((r.year, r.target, r.realization, r.achievement_pct)
                  for r in performance_records(table, layout, "x.pdf"))


def test_realisasi_of_last_year_is_the_year_before_the_fiscal_year():
    table = _table([["No", "Indikator Kinerja", "Satuan", "Realisasi Tahun Lalu", "Target", "Realisasi", "Capaian (%)"]],
                   [["1", "Produktivitas kebun contoh", "Ton/Ha", "5,42", "5,60", "5,71", "101,96"]],
                   "Capaian Kinerja Dibandingkan Tahun Lalu")
    assert _values(table, 2023) == [(2022, None, 5.42, None), (2023, 5.6, 5.71, 101.96)]


def test_abbreviated_target_and_realisasi_under_a_this_year_band():
    table = _table([["No", "Indikator Kinerja", "Realisasi Thn. Lalu", "Tahun Ini", None, None],
                    [None, None, None, "T", "R", "%"]],
                   [["1", "Jumlah kelompok contoh yang dibina", "18.250", "20.000", "19.120", "95,60"]])
    assert _values(table, 2023) == [(2022, None, 18250.0, None), (2023, 20000.0, 19120.0, 95.6)]


def test_renstra_template_years_take_the_plan_period_when_the_caption_names_none():
    for headings in (["Tahun-1", "Tahun-2", "Tahun-3"], ["Tahun ke-1", "Tahun ke-2", "Tahun ke-3"],
                     ["Tahun I", "Tahun II", "Tahun III"], ["Tahun 1", "Tahun 2", "Tahun 3"]):
        table = _table([["No", "Indikator Kinerja", "Target Kinerja", None, None], [None, None] + headings],
                       [["1", "Indeks layanan contoh", "2,40", "2,60", "2,80"]], "Target Indikator Contoh")
        assert _values(table, 2024, "2024-2028") == [(2024, 2.4, None, None), (2025, 2.6, None, None),
                                                     (2026, 2.8, None, None)], headings


def test_a_template_year_whose_number_wraps_under_its_hyphen_is_no_column_numbering():
    assert not is_column_numbering([Cell(f"Tahun-\n{n}", 2) for n in range(1, 6)])
    assert is_column_numbering([Cell(f"({n})", 2) for n in range(1, 6)])


def test_a_banner_comparing_this_year_with_last_year_dates_nothing():
    """"Perbandingan Realisasi Tahun Ini dengan Tahun Lalu" over Target | Realisasi | Capaian names both years:
    its columns keep the fiscal year they had, and last year's own column keeps the year before."""
    table = _table([["No", "Indikator Kinerja", "Realisasi Tahun Lalu",
                     "Perbandingan Realisasi Tahun Ini dengan Tahun Lalu", None, None],
                    [None, None, None, "Target", "Realisasi", "Capaian (%)"]],
                   [["1", "Produktivitas kebun contoh", "5,42", "5,60", "5,71", "101,96"]])
    assert _values(table, 2023) == [(2022, None, 5.42, None), (2023, 5.6, 5.71, 101.96)]


def test_the_other_ways_of_naming_last_year_and_this_year():
    for last, this in (("Realisasi N-1", "Tahun Berjalan"), ("Realisasi Tahun Sebelumnya", "Tahun Ini")):
        table = _table([["No", "Indikator Kinerja", last, this, None, None],
                        [None, None, None, "Target", "Realisasi", "Capaian (%)"]],
                       [["1", "Produktivitas kebun contoh", "5,42", "5,60", "5,71", "101,96"]])
        assert _values(table, 2023) == [(2022, None, 5.42, None), (2023, 5.6, 5.71, 101.96)], (last, this)


def test_shortened_plan_years_of_an_lkjip_take_the_five_years_up_to_its_renstras_end():
    """An LKjIP prints its Renstra's targets under 'TARGET › TH I … TH V' beside 'KONDISI AWAL'; neither the
    caption nor the report's kind gives the period, the Renstra's end named in the report does (2018: TH I is 2014)."""
    table = _table([["No", "Indikator Kinerja", "Kondisi Awal", "Target", None, None, None, None],
                    [None, None, None, "TH I", "TH II", "TH III", "TH IV", "TH V"]],
                   [["1", "Persentase unit contoh yang tertata", "85", "90", "90", "95", "98", "100"]],
                   "Sasaran Strategis Jangka Menengah")
    layout = classify(table, 2016, renstra_end=2018)
    years = sorted((r.year, r.target) for r in performance_records(table, layout, "x.pdf"))
    assert years == [(2014, 90.0), (2015, 90.0), (2016, 95.0), (2017, 98.0), (2018, 100.0)]
