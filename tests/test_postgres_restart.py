"""The PostgreSQL server restarted in the middle of a run: the report being stored rolls back, the run
says so in one line (and goes on or stops), and a re-run completes with nothing lost or doubled.
Runs when LKJIP_TEST_POSTGRES names a database URL and this process may restart the server (root,
Debian's pg_ctlcluster: what .ci/run sets up); skipped otherwise."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import empty_database

from pipeline import db
from pipeline.cli import main
from pipeline.samples import default_spec, plant_wrong_capaian, render_pdf

URL = os.environ.get("LKJIP_TEST_POSTGRES")
CAN_RESTART = bool(URL) and shutil.which("pg_ctlcluster") is not None and os.geteuid() == 0
pytestmark = pytest.mark.skipif(not CAN_RESTART, reason="needs LKJIP_TEST_POSTGRES and a server this process may restart")


def _restart_server() -> None:
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout.split()
    version, name = clusters[0], clusters[1]
    subprocess.run(["pg_ctlcluster", version, name, "restart"], check=True)


def test_server_restarted_mid_run_loses_and_doubles_nothing(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "in"
    for k in range(3):
        render_pdf(plant_wrong_capaian(default_spec(), 0, f"9{k},00"), folder / f"r{k}.word.pdf", "ruled")
    reference = str(tmp_path / "ref.sqlite")
    assert main(["extract", str(folder), "--db", reference, "--out", str(tmp_path / "o0"), "--quiet", "--jobs", "1"]) == 0
    empty_database(URL)
    real_store, calls = db.store_report, []

    def store_with_restart(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # the server goes away while the second report is being stored
            _restart_server()
        return real_store(*args, **kwargs)

    monkeypatch.setattr(db, "store_report", store_with_restart)
    code = main(["extract", str(folder), "--db", URL, "--out", str(tmp_path / "o1"), "--quiet", "--jobs", "1"])
    monkeypatch.setattr(db, "store_report", real_store)
    out, err = capsys.readouterr()
    said = [line for line in (out + err).splitlines() if line.startswith(("FAILED", "error:"))]
    assert code != 0 and len(said) == 1, said  # one line names what happened
    assert main(["extract", str(folder), "--db", URL, "--out", str(tmp_path / "o2"), "--quiet", "--jobs", "1"]) == 0
    assert db.counts(db.engine_for(URL)) == db.counts(db.engine_for(reference))
