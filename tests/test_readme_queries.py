"""The example SQL queries of the README run as written on the sample reports' database."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_queries() -> list[str]:
    blocks = re.findall(r"```sql\n(.*?)```", README.read_text(), re.S)
    return [q.strip() for block in blocks for q in block.split(";") if "SELECT" in q]


@pytest.fixture(scope="module")
def sample_db(sample_database):
    return sample_database[0]


def test_the_readme_shows_five_queries():
    assert len(readme_queries()) == 5


@pytest.mark.parametrize("number", range(5))
def test_readme_query_runs(sample_db, number):
    query = readme_queries()[number]
    with sqlite3.connect(sample_db) as con:
        rows = con.execute(query).fetchall()
    if number != 4:  # the consistent sample has no findings
        assert rows, query
