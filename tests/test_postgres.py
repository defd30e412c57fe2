"""The same reports loaded into PostgreSQL give the same views as SQLite, and a re-run changes
nothing. Runs when LKJIP_TEST_POSTGRES names a database URL (CI starts a server and sets it);
skipped otherwise. The database it names is emptied first."""
from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from conftest import empty_database
from sqlalchemy import text

from pipeline import db
from pipeline.cli import main
from pipeline.samples import default_spec, plant_wrong_capaian, render_pdf

URL = os.environ.get("LKJIP_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not URL, reason="LKJIP_TEST_POSTGRES is not set (no PostgreSQL server)")

VIEWS = {
    "performance": "SELECT source_file, table_label, indicator, year, target, realization, achievement_pct FROM performance",
    "budget": "SELECT source_file, table_label, name, year, pagu, realization, realization_pct FROM budget",
    "findings": "SELECT source_file, table_label, rule, reported, expected FROM findings",
    "documents": "SELECT source_file, agency, region, report_year, kind, period, pages FROM documents",
    "indicator_results": "SELECT source_file, indicator, year, target, realization, achievement_pct, chosen_table, "
                         "chosen_because, copies, disagreeing_copies FROM indicator_results",
    "program_budgets": "SELECT source_file, level, name, year, pagu, realization, chosen_table, copies FROM program_budgets",
}


def _rows(engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text(sql)))


def test_postgres_matches_sqlite_and_reruns_change_nothing(tmp_path, ruled_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ruled_pdf, folder / ruled_pdf.name)
    render_pdf(plant_wrong_capaian(default_spec(region="Kabupaten Contoh"), 1, "95,00"),
               folder / "planted.plain.pdf", "borderless")
    empty_database(URL)
    sqlite_path = str(tmp_path / "ref.sqlite")
    for target in (sqlite_path, URL, URL):  # the second PostgreSQL run must change nothing
        assert main(["extract", str(folder), "--db", target, "--out", str(tmp_path / "out"), "--quiet"]) == 0
    pg, ref = db.engine_for(URL), db.engine_for(sqlite_path)
    for name, sql in VIEWS.items():
        expected = _rows(ref, sql)
        assert expected, name
        assert _rows(pg, sql) == expected, name
    assert db.counts(pg) == db.counts(ref)
    with sqlite3.connect(sqlite_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM findings WHERE rule = 'achievement_ratio'").fetchone()[0] >= 1
