"""A run killed at a random point (in a worker's extraction, in the middle of loading a report, in
the middle of the cross-report checks, or a worker killed on its own) and then run again gives the
same views as a run that was never interrupted; no worker outlives its parent."""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_reliability_support import extract, rows, views, write_report

ROOT = Path(__file__).resolve().parents[1]
N_REPORTS = 4
FINALIZE_STATEMENTS = ["DELETE FROM indicator_catalogue", "UPDATE performance_values", "DELETE FROM finding_records",
                       "INSERT INTO finding_records"]

# Runs the CLI with a SIGKILL planted at one point (argv: mode, point, CLI arguments…).
HOOK = r'''
import os, signal, sys, time
mode, point, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
import pipeline.db as db
import pipeline.extract
from sqlalchemy import event

if mode in ("extract", "worker"):
    real_build = pipeline.extract.build_report

    def build(source, *args):
        if source.name == point:
            if mode == "worker":
                os.kill(os.getpid(), signal.SIGKILL)
            with open(os.environ["CHILD_PID_FILE"], "w") as f:
                f.write(str(os.getpid()))
            os.kill(os.getppid(), signal.SIGKILL)  # the run dies while this worker extracts
            time.sleep(60)
        return real_build(source, *args)

    pipeline.extract.build_report = build
else:
    statement, nth = point.rsplit("#", 1)
    real_engine_for, seen = db.engine_for, [0]

    def engine_for(url):
        engine = real_engine_for(url)

        @event.listens_for(engine, "before_cursor_execute")
        def kill(conn, cursor, sql, *rest):
            if sql.startswith(statement):
                seen[0] += 1
                if seen[0] == int(nth):
                    os.kill(os.getpid(), signal.SIGKILL)

        return engine

    db.engine_for = engine_for
from pipeline.cli import main
sys.exit(main(argv))
'''


def _reports(folder: Path) -> Path:
    for k in range(N_REPORTS):
        write_report(folder / f"r{k}.md", region=f"KOTA NOMOR {k}", capaian="99,00" if k % 2 else "115,00")
    return folder


@pytest.fixture(scope="module")
def clean_views(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clean")
    folder = _reports(tmp / "in")
    assert extract(folder, tmp / "db.sqlite", "--jobs", "2") == 0
    result = views(tmp / "db.sqlite")
    assert result["findings"], "the reports plant findings"
    return result


def _point(mode: str, rng: random.Random) -> str:
    if mode in ("extract", "worker"):
        return f"r{rng.randrange(N_REPORTS)}.md"
    if mode == "load":
        return f"INSERT INTO budget_values#{rng.randint(1, N_REPORTS)}"
    return f"{rng.choice(FINALIZE_STATEMENTS)}#1"


def _dead(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return "State:\tZ" in f.read()  # a zombie waiting for init counts as dead
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("mode, seed", [("extract", 1), ("worker", 2), ("load", 3), ("load", 4),
                                        ("finalize", 5), ("finalize", 6)])
def test_killed_run_then_rerun_gives_the_clean_views(tmp_path, clean_views, mode, seed):
    folder = _reports(tmp_path / "in")
    db = tmp_path / "db.sqlite"
    point = _point(mode, random.Random(seed))
    pid_file = tmp_path / "child.pid"
    env = {**os.environ, "CHILD_PID_FILE": str(pid_file)}
    killed = subprocess.run([sys.executable, "-c", HOOK, mode, point, "extract", str(folder), "--db", str(db),
                             "--out", str(tmp_path / "out"), "--quiet", "--jobs", "2"],
                            cwd=ROOT, env=env, capture_output=True, timeout=120, check=False)
    if mode == "worker":  # the run goes on without that report, and says so
        assert killed.returncode == 1, killed.stderr
        assert b"the worker process died of SIGKILL" in killed.stdout
    else:
        assert killed.returncode == -9, (killed.returncode, killed.stdout, killed.stderr)
        assert rows(db, "SELECT finished_at FROM runs") == [(None,)]  # the log shows a run that did not finish
    if mode == "extract":
        child = int(pid_file.read_text())
        deadline = time.monotonic() + 10
        while not _dead(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _dead(child), "a worker outlived its parent"
    assert extract(folder, db) == 0
    assert views(db) == clean_views
    assert extract(folder, db) == 0  # and a further run changes nothing
    assert views(db) == clean_views
