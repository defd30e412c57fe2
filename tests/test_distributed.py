"""`pipeline extract --dask local`: the same views as a run on local worker processes; a report whose
Dask worker dies is tried once more on another worker, then fails alone with the reason while the
other reports load; the run log names the worker of each report."""
from __future__ import annotations

import os
import sqlite3

import pytest

from pipeline.cli import main
from pipeline.distributed import run_dask
from pipeline.models import SourceFile
from pipeline.samples import default_spec, plant_wrong_capaian, render_pdf
from pipeline.workers import FailureCode, Limits

pytest.importorskip("distributed")
VIEWS = ("performance", "budget", "findings")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    render_pdf(default_spec(), root / "in" / "a.word.pdf", "ruled")
    render_pdf(plant_wrong_capaian(default_spec(), 0, "55,55"), root / "in" / "b.plain.pdf", "borderless")
    return root


def _views(db: str) -> dict[str, list[str]]:
    with sqlite3.connect(db) as con:
        return {v: sorted(map(repr, con.execute(f"SELECT * FROM {v}").fetchall())) for v in VIEWS}


def _without_ids(rows: dict[str, list[str]]) -> dict[str, list[str]]:
    return {v: [r.rsplit(", ", 1)[0] for r in items] for v, items in rows.items()}  # value_id / finding_id last


def test_dask_local_gives_the_same_views_as_local_workers(folder, tmp_path):
    serial, dask = str(tmp_path / "serial.sqlite"), str(tmp_path / "dask.sqlite")
    assert main(["extract", str(folder / "in"), "--db", serial, "--out", str(tmp_path / "o1"), "--quiet"]) == 0
    assert main(["extract", str(folder / "in"), "--db", dask, "--out", str(tmp_path / "o2"), "--quiet",
                 "--dask", "local", "--jobs", "2"]) == 0
    assert _without_ids(_views(serial)) == _without_ids(_views(dask))
    with sqlite3.connect(dask) as con:
        details = [d for (d,) in con.execute("SELECT detail FROM run_files WHERE stage = 'load'")]
    assert len(details) == 2 and all(d and d.startswith("worker tcp://") for d in details)
    before = _views(dask)  # a second run over the same folder changes nothing
    assert main(["extract", str(folder / "in"), "--db", dask, "--out", str(tmp_path / "o2"), "--quiet", "--dask", "local"]) == 0
    assert _views(dask) == before


def kill_worker_on(name: str):
    """A task that kills the Dask worker running it for the report named `name`, and extracts the others."""
    from pipeline.distributed import extract_task

    def task(source: SourceFile, limits: Limits, password: str):
        if source.name == name:
            os._exit(1)  # the worker process dies mid-task
        return extract_task(source, limits, password)
    return task


def test_a_report_whose_worker_dies_twice_fails_alone(folder):
    from pipeline.discover import discover

    sources = discover(folder / "in")
    outcomes = {o.source.name: o for o in run_dask(sources, "local", 2, Limits(), task=kill_worker_on("a.word.pdf"))}
    assert outcomes["a.word.pdf"].failure is not None
    assert outcomes["a.word.pdf"].failure.code is FailureCode.WORKER_DIED
    assert "retried once" in outcomes["a.word.pdf"].failure.reason
    assert outcomes["b.plain.pdf"].failure is None and outcomes["b.plain.pdf"].report.performance


def kill_first_worker_on(name: str, marker):
    """A task that kills the Dask worker running it for the report named `name` the first time only (a file
    marks that it happened: the retry runs in another process), and extracts every report otherwise."""
    from pipeline.distributed import extract_task

    def task(source: SourceFile, limits: Limits, password: str):
        if source.name == name and not marker.exists():
            marker.touch()
            os._exit(1)  # the worker process dies mid-task, once
        return extract_task(source, limits, password)
    return task


def test_a_report_whose_worker_dies_once_is_retried_on_another_and_loads(folder, tmp_path):
    from pipeline.discover import discover

    sources = discover(folder / "in")
    marker = tmp_path / "killed-once"
    task = kill_first_worker_on("a.word.pdf", marker)
    outcomes = {o.source.name: o for o in run_dask(sources, "local", 2, Limits(), task=task)}
    assert marker.exists()  # the first attempt did die
    assert all(o.failure is None and o.report is not None and o.report.performance for o in outcomes.values())
