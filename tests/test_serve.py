"""`pipeline serve`: Datasette over the database, every view and column described, the canned queries
answering on a generated report, and indicator names searchable."""
from __future__ import annotations

import asyncio
import json

import pytest

from pipeline.cli import main
from pipeline.samples import default_spec, render_pdf
from pipeline.serve import QUERIES, VIEWS


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    render_pdf(default_spec(), root / "in" / "laporan.word.pdf", "ruled")
    db = root / "lkjip.sqlite"
    assert main(["extract", str(root / "in"), "--db", str(db), "--out", str(root / "out"), "--quiet"]) == 0
    assert main(["serve", "--db", str(db), "--out", str(root / "out"), "--prepare-only"]) == 0
    from datasette.app import Datasette

    meta = json.loads((root / "out" / "datasette.json").read_text())
    return Datasette([str(db)], metadata=meta), meta


def _get(ds, path: str):
    async def fetch():
        return await ds.client.get(path)
    response = asyncio.run(fetch())
    assert response.status_code == 200, (path, response.text[:300])
    return response.json()


def test_every_view_and_its_columns_are_described(served):
    _, meta = served
    tables = meta["databases"]["lkjip"]["tables"]
    for view in ("performance", "budget", "findings"):
        assert tables[view]["description"]
        assert {"source_file", "page", "year"} <= set(tables[view]["columns"])
    assert "[%]" in tables["performance"]["columns"]["achievement_pct"]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_canned_queries_run_and_answer(served, name):
    ds, _ = served
    params = {"indicator_across_agencies": "?indicator=Jumlah", "findings_of_a_report": "?source_file=laporan"}.get(name, "")
    separator = "&" if params else "?"
    rows = _get(ds, f"/lkjip/{name}.json{params}{separator}_shape=array")
    if name != "findings_of_a_report":  # a consistent sample report has no findings
        assert rows, name


def test_indicator_names_are_searchable_from_the_view(served):
    ds, _ = served
    rows = _get(ds, "/lkjip/performance.json?_search=Jumlah&_shape=array")
    assert rows and all("jumlah" in (r["indicator"] + (r["sasaran"] or "")).lower() for r in rows)


def test_views_documented_are_the_contract_views_and_the_chosen_rows():
    assert {"performance", "budget", "findings", "documents", "indicator_results", "program_budgets",
            "indicator_copies", "budget_copies"} == set(VIEWS)


def test_base_values_are_described_with_their_units(served):
    _, meta = served
    tables = meta["databases"]["lkjip"]["tables"]
    for view in ("performance", "indicator_results", "indicator_copies"):
        assert {"target_base", "realization_base", "base_unit", "scale_source", "scale_evidence"} <= set(tables[view]["columns"])
    for view in ("budget", "program_budgets", "budget_copies"):
        assert "[Rp]" in tables[view]["columns"]["pagu_base"]
