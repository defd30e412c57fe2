"""Comparable numbers: every value gets `*_base`, the value in base units (the unit without its scale word), with
where its scale was read (`scale_source`, `scale_evidence`) and the `unit_kind` beside it, whatever scale the
report prints: a cell's own word ("1,8 miliar"), a Satuan ("Triliun Rupiah", "Juta US$", "Ribu Ton", "Rp (juta)"),
a column heading ("Pagu (Rp. 000)") or a caption ("(dalam ribuan rupiah)"), or none; shares, indexes and grades
keep their value (grades stay NULL). Each structure is a generated report taken through extract to the views."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.cli import main
from pipeline.db import create_schema, open_database

HEAD = """# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2023
## DINAS PENANAMAN MODAL KABUPATEN CONTOH

"""

PERFORMANCE = HEAD + """Tabel 3.1 Capaian Indikator Kinerja Utama

| No | Indikator | Satuan | Target 2023 | Realisasi 2023 | Capaian 2023 |
| --- | --- | --- | --- | --- | --- |
| 1 | Nilai investasi daerah | Rupiah | 1,8 miliar | 1.900.000.000 | 105,56 |
| 2 | Pendapatan domestik regional | Triliun Rupiah | 185,80 | 190,00 | 102,26 |
| 3 | Nilai ekspor daerah | Juta US$ | 26,18 | 27,00 | 103,13 |
| 4 | Produksi beras | Ribu Ton | 12,5 | 13,0 | 104,00 |
| 5 | Belanja modal per kecamatan | Rp (juta) | 250 | 260 | 104,00 |
| 6 | Jumlah UMKM naik kelas | Unit | 1.200 | 1.380 | 115,00 |
| 7 | Persentase realisasi investasi | % | 60 | 57 | 95,00 |
| 8 | Indeks kepuasan masyarakat | Indeks | 3,5 | 3,6 | 102,86 |
| 9 | Opini BPK | Predikat | WTP | WTP | 100,00 |
| 10 | Angka kematian bayi | per 1000 Penduduk | 8,5 | 8,0 | 106,25 |

Tabel 3.2 Investasi per Sektor
(dalam ribuan rupiah)

| No | Indikator | Satuan | Target 2023 | Realisasi 2023 | Capaian 2023 |
| --- | --- | --- | --- | --- | --- |
| 1 | Nilai investasi sektor industri | Rp | 1.250 | 1.300 | 104,00 |
| 2 | Persentase investasi sektor industri | % | 40 | 42 | 105,00 |

Tabel 3.3 Nilai Investasi per Kecamatan

| No | Indikator | Satuan | Target 2023 | Realisasi 2023 | Capaian 2023 |
| --- | --- | --- | --- | --- | --- |
| 1 | Nilai investasi kecamatan | Rp. 000 | 2.500 | 2.600 | 104,00 |

Tabel 3.4 Nilai Investasi per Desa

| No | Indikator | Satuan | Target 2023 (juta) | Realisasi 2023 (juta) | Capaian 2023 |
| --- | --- | --- | --- | --- | --- |
| 1 | Nilai investasi desa | Rp | 75 | 80 | 106,67 |
| 2 | Jumlah desa investasi | Desa | 75 | 80 | 106,67 |
"""

BUDGET = HEAD + """Tabel 3.3 Realisasi Anggaran Program

| No | Program | Pagu (Rp. 000) | Realisasi (Rp. 000) | % |
| --- | --- | --- | --- | --- |
| 1 | Program Peningkatan Iklim Investasi | 1.250.000 | 1.000.000 | 80,00 |

Tabel 3.4 Anggaran Kegiatan
(dalam ribuan rupiah)

| No | Program | Pagu | Realisasi | % |
| --- | --- | --- | --- | --- |
| 1 | Program Promosi Penanaman Modal | 2.500.000 | 2.000.000 | 80,00 |

Tabel 3.5 Anggaran Program Pelayanan

| No | Program | Pagu (Rp. 000) | Realisasi (Rp. 000) | % |
| --- | --- | --- | --- | --- |
| 1 | Program Pelayanan Perizinan | 481.147.090.000 | 450.000.000.000 | 93,53 |
| 2 | Program Pengendalian Pelaksanaan | 520.000.000.000 | 500.000.000.000 | 96,15 |
"""


def _extract(tmp_path, name: str, text: str) -> str:
    folder = tmp_path / name
    (folder / "in").mkdir(parents=True)
    (folder / "in" / "contoh.md").write_text(text)
    db = str(folder / "t.sqlite")
    assert main(["extract", str(folder / "in"), "--db", db, "--out", str(folder / "o"), "--quiet"]) == 0
    return db


@pytest.fixture(scope="module")
def performance(tmp_path_factory) -> dict[str, dict]:
    db = _extract(tmp_path_factory.mktemp("base"), "perf", PERFORMANCE)
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        rows = {r["indicator"]: dict(r) for r in con.execute("SELECT * FROM performance")}
        by_id = {r["value_id"]: r for r in rows.values()}
        for view in ("indicator_results", "indicator_copies"):  # the chosen-row views carry the same base values
            for r in con.execute(f"SELECT * FROM {view}"):
                row = by_id[r["value_id"]]
                assert (r["target_base"], r["realization_base"], r["scale_source"], r["scale_evidence"]) == \
                    (row["target_base"], row["realization_base"], row["scale_source"], row["scale_evidence"])
    return rows


@pytest.fixture(scope="module")
def budget(tmp_path_factory) -> dict[str, dict]:
    db = _extract(tmp_path_factory.mktemp("base"), "budget", BUDGET)
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        rows = {r["name"]: dict(r) for r in con.execute("SELECT * FROM budget")}
        by_id = {r["value_id"]: r for r in rows.values()}
        for view in ("program_budgets", "budget_copies"):
            for r in con.execute(f"SELECT * FROM {view}"):
                row = by_id[r["value_id"]]
                assert (r["pagu_base"], r["realization_base"], r["scale_source"]) == \
                    (row["pagu_base"], row["realization_base"], row["scale_source"])
    return rows


def _base(row: dict) -> tuple:
    return row["target_base"], row["realization_base"], row["unit_kind"], row["scale_source"]


def test_scale_word_in_the_cell_is_applied_once(performance):
    row = performance["Nilai investasi daerah"]
    assert _base(row) == (1.8e9, 1.9e9, "rupiah", "cell")
    assert row["target"] == 1.8e9 and row["target_text"] == "1,8 miliar"  # read in base units, printed text kept
    assert 'cell "1,8 miliar"' in row["scale_evidence"]


def test_trillions_in_the_unit_column(performance):
    row = performance["Pendapatan domestik regional"]
    assert _base(row) == (pytest.approx(1.858e14), pytest.approx(1.9e14), "rupiah", "unit_column")
    assert row["target"] == 185.8  # the value as printed stays
    assert row["base_unit"] == "Rupiah" and 'unit column "Triliun Rupiah"' in row["scale_evidence"]


def test_us_dollar_millions_in_the_unit_column(performance):
    row = performance["Nilai ekspor daerah"]
    assert _base(row) == (pytest.approx(2.618e7), pytest.approx(2.7e7), "usd", "unit_column")
    assert row["base_unit"] == "US$"


def test_thousands_of_tonnes_in_the_unit_column(performance):
    row = performance["Produksi beras"]
    assert _base(row) == (12500.0, 13000.0, "count", "unit_column")  # tonnes, not rupiah
    assert row["base_unit"] == "Ton"


def test_rupiah_millions_in_the_unit_column(performance):
    row = performance["Belanja modal per kecamatan"]
    assert _base(row) == (2.5e8, 2.6e8, "rupiah", "unit_column")
    assert row["base_unit"] == "Rp"


def test_no_scale_printed(performance):
    assert _base(performance["Jumlah UMKM naik kelas"]) == (1200.0, 1380.0, "count", "none")


def test_percent_index_and_rate_keep_their_value(performance):
    assert _base(performance["Persentase realisasi investasi"]) == (60.0, 57.0, "percent", "not_scaled")
    assert _base(performance["Indeks kepuasan masyarakat"]) == (3.5, 3.6, "index", "not_scaled")
    assert _base(performance["Angka kematian bayi"])[:2] == (8.5, 8.0)  # "per 1000": a rate, not a scale
    assert performance["Angka kematian bayi"]["scale_source"] == "none"


def test_grade_stays_null(performance):
    row = performance["Opini BPK"]
    assert (row["target_base"], row["realization_base"], row["unit_kind"]) == (None, None, "grade")


def test_thousands_of_rupiah_in_the_caption(performance):
    row = performance["Nilai investasi sektor industri"]
    assert _base(row) == (1.25e6, 1.3e6, "rupiah", "table_heading")
    assert row["target"] == 1250.0 and "(dalam ribuan rupiah)" in row["scale_evidence"]
    assert _base(performance["Persentase investasi sektor industri"]) == (40.0, 42.0, "percent", "not_scaled")


def test_budget_thousands_written_rp_000_in_the_column_heading_not_scaled_twice(budget):
    row = budget["Program Peningkatan Iklim Investasi"]
    assert (row["pagu"], row["pagu_base"], row["realization_base"]) == (1.25e9, 1.25e9, 1e9)
    assert row["scale_source"] == "column_heading" and row["pagu_text"] == "1.250.000"
    assert "Rp. 000" in row["scale_evidence"]


def test_budget_thousands_written_ribuan_in_the_caption(budget):
    row = budget["Program Promosi Penanaman Modal"]
    assert (row["pagu"], row["pagu_base"], row["realization_base"]) == (2.5e6, 2.5e9, 2e9)
    assert row["scale_source"] == "table_heading"


def test_budget_printed_in_full_under_a_thousands_heading(budget):
    row = budget["Program Pelayanan Perizinan"]
    assert (row["pagu"], row["pagu_base"]) == (481147090000.0, 481147090000.0)
    assert row["scale_source"] == "printed_in_full"


def test_an_older_database_gets_the_base_columns(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as con:  # the value tables as they were before the base columns
        con.execute("CREATE TABLE performance_values (id INTEGER PRIMARY KEY, report_id INTEGER, table_id INTEGER, "
                    "page INTEGER, row_index INTEGER, level VARCHAR(40), sasaran TEXT, indicator TEXT, "
                    "indicator_canonical TEXT, unit TEXT, unit_kind VARCHAR(20), year INTEGER, target FLOAT, "
                    "target_text TEXT, realization FLOAT, realization_text TEXT, achievement_pct FLOAT, "
                    "achievement_text TEXT, column_paths TEXT, format_notes TEXT, ocr_confidence FLOAT)")
        con.execute("CREATE TABLE budget_values (id INTEGER PRIMARY KEY, report_id INTEGER, table_id INTEGER, "
                    "page INTEGER, row_index INTEGER, level VARCHAR(40), code TEXT, name TEXT, year INTEGER, "
                    "pagu_initial FLOAT, pagu_initial_text TEXT, pagu FLOAT, pagu_text TEXT, realization FLOAT, "
                    "realization_text TEXT, realization_pct FLOAT, realization_pct_text TEXT, achievement_pct FLOAT, "
                    "achievement_text TEXT, efficiency_pct FLOAT, efficiency_text TEXT, parent_row INTEGER, "
                    "is_total BOOLEAN, ocr_confidence FLOAT)")
    engine = open_database(str(path), schema=False)
    create_schema(engine)
    engine.dispose()
    with sqlite3.connect(path) as con:
        perf = {r[1] for r in con.execute("PRAGMA table_info(performance_values)")}
        budget = {r[1] for r in con.execute("PRAGMA table_info(budget_values)")}
        con.execute("SELECT target_base, scale_evidence FROM performance").fetchall()
        con.execute("SELECT pagu_base, scale_source FROM program_budgets").fetchall()
    assert {"target_base", "realization_base", "base_unit", "scale_source", "scale_evidence"} <= perf
    assert {"pagu_initial_base", "pagu_base", "realization_base", "scale_source", "scale_evidence"} <= budget


def test_thousands_written_rp_000_in_the_unit_column(performance):
    row = performance["Nilai investasi kecamatan"]
    assert _base(row) == (2.5e6, 2.6e6, "rupiah", "unit_column")
    assert row["target"] == 2500.0 and row["base_unit"] == "Rp"


def test_millions_in_a_column_heading_without_currency_scale_money_only(performance):
    row = performance["Nilai investasi desa"]
    assert _base(row) == (7.5e7, 8e7, "rupiah", "column_heading")
    assert row["target"] == 75.0  # the heading names no currency: read as printed, scaled in target_base
    assert _base(performance["Jumlah desa investasi"]) == (75.0, 80.0, "count", "none")  # villages are no money
