"""Two runs into one SQLite file at the same time, and a reader holding the file open while a run
writes: no traceback, no good file reported as failed, every report stored once."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from test_reliability_support import counts, extract, rows, write_report

ROOT = Path(__file__).resolve().parents[1]
N_REPORTS = 8


def _run(folder: Path, db: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(folder), "--db", str(db),
                             "--out", str(out), "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_writers_into_one_sqlite_file(tmp_path):
    folder = tmp_path / "in"
    for k in range(N_REPORTS):
        write_report(folder / f"r{k}.md", region=f"KOTA NOMOR {k}")
    db = tmp_path / "db.sqlite"
    first, second = _run(folder, db, tmp_path / "o1"), _run(folder, db, tmp_path / "o2")
    for proc in (first, second):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        assert b"Traceback" not in err and b"FAILED" not in out and b"locked" not in err
    assert counts(db) == (N_REPORTS, 2 * N_REPORTS, 3 * N_REPORTS)
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert rows(db, "SELECT COUNT(*) FROM runs WHERE exit_status = 0") == [(2,)]


def test_a_reader_with_the_file_open_does_not_lock_a_run_out(tmp_path):
    write_report(tmp_path / "in" / "a.md")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    assert reader.execute("SELECT COUNT(*) FROM performance").fetchone() == (2,)  # a read transaction stays open
    write_report(tmp_path / "in" / "b.md", region="KOTA LAIN")
    try:
        assert extract(tmp_path / "in", db) == 0
    finally:
        reader.close()
    assert counts(db) == (2, 4, 6)


def test_a_writer_that_waits_too_long_says_the_database_is_busy(tmp_path, capsys, monkeypatch):
    import pipeline.db

    write_report(tmp_path / "in" / "a.md")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    write_report(tmp_path / "in" / "b.md", region="KOTA LAIN")
    monkeypatch.setattr(pipeline.db, "BUSY_TIMEOUT_S", 0.3)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        assert extract(tmp_path / "in", db) == 2
    finally:
        other.rollback()
        other.close()
    captured = capsys.readouterr()
    err = captured.err
    assert err.startswith(f"error: database {db} is busy: another run held it for over 0.3 s") and err.count("\n") == 1
    assert "FAILED" not in captured.out
    assert extract(tmp_path / "in", db) == 0 and counts(db)[0] == 2
