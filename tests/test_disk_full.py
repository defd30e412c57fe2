"""The output disk full while a report's intermediate JSON is written: one line says so, no half-written
JSON is left (nor its temporary file), the report's rows are stored whole, and a re-run completes."""
from __future__ import annotations

import builtins
import errno
import sqlite3

from pipeline.cli import main
from pipeline.samples import default_spec, render_pdf


def test_a_full_disk_leaves_no_half_written_json(tmp_path, monkeypatch, capsys):
    render_pdf(default_spec(), tmp_path / "in" / "laporan.word.pdf", "ruled")
    real_open = builtins.open

    class FullFile:
        def __init__(self, f):
            self.f = f

        def write(self, text):
            self.f.write(text[: len(text) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def full_open(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        return FullFile(f) if str(file).endswith(".json.part") and "w" in mode else f

    db, out = str(tmp_path / "db.sqlite"), tmp_path / "out"
    monkeypatch.setattr(builtins, "open", full_open)
    assert main(["extract", str(tmp_path / "in"), "--db", db, "--out", str(out), "--quiet"]) == 0
    monkeypatch.setattr(builtins, "open", real_open)
    lines = [line for line in capsys.readouterr().out.splitlines() if "No space left on device" in line]
    assert len(lines) == 1 and "laporan.word.pdf" in lines[0]
    assert list((out / "extracted").iterdir()) == []  # neither the JSON nor its temporary file
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT COUNT(*) FROM performance").fetchone()[0]
    assert rows > 0
    assert main(["extract", str(tmp_path / "in"), "--db", db, "--out", str(out), "--quiet", "--force"]) == 0
    assert [p.name for p in (out / "extracted").iterdir()] == ["laporan.word.pdf.json"]
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM performance").fetchone()[0] == rows
