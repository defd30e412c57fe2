"""Issue 9: no report lost or doubled, one bad file costs only itself, every error one clear line.
Each test builds its own files (text reports, generated PDFs, broken files) under tmp_path."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_reliability_support import (
    bomb_pdf,
    counts,
    encrypted_pdf,
    extract,
    rows,
    views,
    write_report,
)

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _names(db) -> list[str]:
    return sorted(r[0] for r in rows(db, "SELECT source_file FROM reports"))


# 1. name clashes -----------------------------------------------------------------------------

def test_same_name_in_two_folders_keeps_both(tmp_path):
    write_report(tmp_path / "in" / "2021" / "laporan.md", year=2021)
    write_report(tmp_path / "in" / "2022" / "laporan.md", year=2022)
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    assert _names(db) == ["2021/laporan.md", "2022/laporan.md"]
    before = views(db)
    assert {r[3] for r in before["performance"]} == {2021, 2022}
    assert extract(tmp_path / "in", db) == 0  # a re-run swaps nothing
    assert views(db) == before


def test_two_runs_over_different_folders_keep_both(tmp_path, capsys):
    write_report(tmp_path / "a" / "laporan.md", region="KABUPATEN SATU")
    write_report(tmp_path / "b" / "laporan.md", region="KABUPATEN DUA")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "a", db) == 0
    assert extract(tmp_path / "b", db) == 0
    assert _names(db) == ["b/laporan.md", "laporan.md"]
    assert counts(db)[0] == 2
    extracted = tmp_path / "out" / "extracted"
    assert sorted(str(p.relative_to(extracted)) for p in extracted.rglob("*.json")) == ["b/laporan.md.json",
                                                                                       "laporan.md.json"]
    before = views(db)
    for folder in ("a", "b", "a"):
        assert extract(tmp_path / folder, db) == 0
    assert views(db) == before
    assert main(["rebuild", "--db", str(db), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert views(db) == before and counts(db)[0] == 2
    assert "0 to extract" in capsys.readouterr().out


# 2. doubled rows ------------------------------------------------------------------------------

def test_same_content_under_two_names_is_one_report(tmp_path, capsys):
    first = write_report(tmp_path / "in" / "a.md")
    shutil.copy(first, tmp_path / "in" / "b.md")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    assert "same   b.md: the same content as a.md, recorded as another location of it" in capsys.readouterr().out
    assert _names(db) == ["a.md"]
    assert counts(db) == (1, 2, 3)
    assert sorted(r[0] for r in rows(db, "SELECT relpath FROM report_locations")) == ["a.md", "b.md"]


def test_renamed_file_is_not_loaded_again_and_gone_files_keep_rows_until_prune(tmp_path, capsys):
    write_report(tmp_path / "in" / "old.md")
    write_report(tmp_path / "in" / "other.md", region="KOTA LAIN")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    (tmp_path / "in" / "old.md").rename(tmp_path / "in" / "new.md")
    (tmp_path / "in" / "other.md").unlink()
    capsys.readouterr()
    assert extract(tmp_path / "in", db) == 0
    out = capsys.readouterr().out
    assert "same   new.md: the same content as old.md" in out
    assert "2 file(s) recorded under" in out and "--prune removes them" in out
    assert counts(db) == (2, 4, 6)  # nothing doubled, the vanished report kept
    assert extract(tmp_path / "in", db, "--prune") == 0
    out = capsys.readouterr().out
    assert "pruned 2 location(s)" in out and "1 report(s) removed (other.md)" in out
    assert _names(db) == ["new.md"]  # the report takes the name of the place it is left in
    assert counts(db) == (1, 2, 3)


def test_changed_file_replaces_its_rows(tmp_path):
    path = write_report(tmp_path / "in" / "a.md", capaian="115,00")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    write_report(path, capaian="99,00")
    assert extract(tmp_path / "in", db) == 0
    assert counts(db) == (1, 2, 3)
    assert (99.0,) in rows(db, "SELECT achievement_pct FROM performance")


# 3. one file costs only itself ---------------------------------------------------------------

def test_unreadable_file_costs_only_itself(tmp_path, capsys, monkeypatch):
    write_report(tmp_path / "in" / "good.md")
    locked = write_report(tmp_path / "in" / "locked.md", region="KOTA TERKUNCI")
    if os.geteuid() == 0:  # root reads every file: make this one unreadable for the scan
        from pipeline import discover

        real = discover.sha256_of
        monkeypatch.setattr(discover, "sha256_of", lambda p: (_ for _ in ()).throw(
            PermissionError(13, "Permission denied")) if p.name == "locked.md" else real(p))
    else:
        locked.chmod(0)
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 1
    assert "FAILED locked.md: cannot read the file (Permission denied)" in capsys.readouterr().out
    assert _names(db) == ["good.md"]


def test_file_name_that_is_not_utf8(tmp_path, capsys):
    folder = tmp_path / "in"
    write_report(folder / "good.md")
    raw = os.fsencode(folder) + b"/laporan-\xff\xfe.md"
    with open(raw, "wb") as f:
        f.write((folder / "good.md").read_bytes().replace(b"KABUPATEN CONTOH", b"KOTA LAIN"))
    db = tmp_path / "db.sqlite"
    assert extract(folder, db) == 0
    assert "ok     laporan-\ufffd\ufffd.md" in capsys.readouterr().out
    assert _names(db) == ["good.md", "laporan-\ufffd\ufffd.md"]
    assert extract(folder, db) == 0 and counts(db)[0] == 2  # and it is recognised as unchanged


def test_an_exception_in_one_report_costs_only_that_report(tmp_path, capsys, monkeypatch):
    import pipeline.extract

    write_report(tmp_path / "in" / "good.md")
    write_report(tmp_path / "in" / "bad.md", region="KOTA RUSAK")
    real = pipeline.extract.build_report

    def build(source, *args):
        if source.name == "bad.md":
            raise ValueError("a cell the number parser cannot read")
        return real(source, *args)

    monkeypatch.setattr(pipeline.extract, "build_report", build)  # the forked workers inherit it
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 1
    assert "FAILED bad.md: unexpected ValueError: a cell the number parser cannot read" in capsys.readouterr().out
    assert _names(db) == ["good.md"]


# 4. limits per report ------------------------------------------------------------------------

def test_decompression_bomb_fails_alone_under_the_memory_limit(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    bomb_pdf(tmp_path / "in" / "bomb.pdf")
    write_report(tmp_path / "in" / "good.md")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db, "--max-memory", "64") == 1
    assert "FAILED bomb.pdf: needs more memory than the limit of 64 MiB (--max-memory)" in capsys.readouterr().out
    assert _names(db) == ["good.md"]


def test_slow_report_fails_alone_at_the_time_limit(tmp_path, capsys, monkeypatch):
    import pipeline.extract

    write_report(tmp_path / "in" / "good.md")
    write_report(tmp_path / "in" / "slow.md", region="KOTA LAMBAT")
    real = pipeline.extract.build_report
    monkeypatch.setattr(pipeline.extract, "build_report",
                        lambda source, *a: time.sleep(60) if source.name == "slow.md" else real(source, *a))
    db = tmp_path / "db.sqlite"
    started = time.monotonic()
    assert extract(tmp_path / "in", db, "--timeout", "1", "--jobs", "2") == 1
    assert time.monotonic() - started < 15
    assert "FAILED slow.md: took longer than the limit of 1 s (--timeout)" in capsys.readouterr().out
    assert _names(db) == ["good.md"]


def test_a_killed_worker_is_replaced_and_fails_only_its_report(tmp_path, capsys, monkeypatch):
    import pipeline.extract

    for k in range(4):
        write_report(tmp_path / "in" / f"r{k}.md", region=f"KOTA {k}")
    real = pipeline.extract.build_report

    def build(source, *args):
        if source.name == "r1.md":
            os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
        return real(source, *args)

    monkeypatch.setattr(pipeline.extract, "build_report", build)
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db, "--jobs", "2") == 1
    out = capsys.readouterr().out
    assert "FAILED r1.md: the worker process died of SIGKILL (killed: probably out of memory)" in out
    assert _names(db) == ["r0.md", "r2.md", "r3.md"]


def test_memory_stays_flat_in_pages(ruled_pdf, monkeypatch):
    """Every page is closed after it is read: pdfplumber's per-page caches (objects, layout, text
    map) are released, so a long report holds no more than one page at a time."""
    import pdfplumber.page

    from extractors.pdf import read_pdf

    closed = []
    real_close = pdfplumber.page.Page.close
    monkeypatch.setattr(pdfplumber.page.Page, "close", lambda self: (real_close(self), closed.append(self)))
    doc = read_pdf(str(ruled_pdf))
    assert [p.page_number for p in closed[:doc.n_pages]] == list(range(1, doc.n_pages + 1))  # each after its turn
    for page in closed:
        assert page.get_textmap.cache_info().currsize == 0
        assert not any(hasattr(page, p) for p in page.cached_properties)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the resident size from /proc")
def test_resident_memory_does_not_grow_with_pages(tmp_path) -> None:
    """Ten pages of text: the old per-page cache kept ~2.5 MB a page alive (20 MB over these pages)."""
    from reportlab.pdfgen import canvas

    from extractors.pdf import read_pdf

    pdf = canvas.Canvas(str(tmp_path / "long.pdf"))
    for page in range(10):
        for line in range(25):
            pdf.drawString(40, 800 - 13 * line, f"Baris {line} halaman {page}: realisasi anggaran sebesar 93,95% "
                                                f"dari pagu Rp 1.234.567.890")
        pdf.showPage()
    pdf.save()

    class Resident:
        def __init__(self) -> None:
            self.mb: list[float] = []

        def reset(self, total=0):
            pass

        def update(self, n=1):
            with open("/proc/self/statm") as f:
                self.mb.append(int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20)

    resident = Resident()
    read_pdf(str(tmp_path / "long.pdf"), page_progress=resident)
    assert len(resident.mb) == 10
    assert resident.mb[-1] - resident.mb[2] < 6, resident.mb


# 5. clear errors -----------------------------------------------------------------------------

def test_encrypted_pdf_asks_for_a_password_and_password_opens_it(tmp_path, capsys, ruled_pdf):
    (tmp_path / "in").mkdir()
    encrypted_pdf(ruled_pdf, tmp_path / "in" / "locked.pdf")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 1
    assert "FAILED locked.pdf: encrypted PDF: it needs a password (--password)" in capsys.readouterr().out
    assert extract(tmp_path / "in", db, "--password", "salah") == 1
    assert "FAILED locked.pdf: encrypted PDF: the password given does not open it" in capsys.readouterr().out
    assert extract(tmp_path / "in", db, "--password", "rahasia") == 0
    assert _names(db) == ["locked.pdf"] and counts(db)[1] > 0


def _bad_db(tmp_path, kind: str) -> str:
    if kind == "not a database":
        (tmp_path / "x.sqlite").write_bytes(b"this is no database" * 100)
        return str(tmp_path / "x.sqlite")
    if kind == "directory":
        return str(tmp_path)
    if kind == "read-only":
        assert extract(tmp_path / "in", tmp_path / "ro.sqlite") == 0
        return f"sqlite:///file:{tmp_path / 'ro.sqlite'}?mode=ro&uri=true"
    return {"unknown dialect": "nosuchdb://host/x", "in memory": "sqlite://", "no server":
            "postgresql+psycopg://nobody@127.0.0.1:9/none", "not a url": "://"}[kind]


@pytest.mark.parametrize("kind, message", [
    ("unknown dialect", "unknown database kind 'nosuchdb'"),
    ("in memory", "is an in-memory database: nothing would be kept"),
    ("not a database", "is not a SQLite database"),
    ("directory", "is a directory, not a database file"),
    ("read-only", "cannot write to"),
    ("no server", "cannot connect to"),
])
def test_bad_db_is_one_line_and_exit_2(tmp_path, capsys, kind, message, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a URL misread as a relative path would leave its folder here, not in the checkout
    write_report(tmp_path / "in" / "a.md")
    db = _bad_db(tmp_path, kind)
    capsys.readouterr()
    if kind == "no server":
        pytest.importorskip("psycopg")
    assert main(["extract", str(tmp_path / "in"), "--db", db, "--out", str(tmp_path / "o"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1, err
    assert not (tmp_path / "file:").exists()  # a SQLite URI names its file after "file:", not a folder "file:"


@pytest.mark.parametrize("command", ["validate", "report"])
def test_validate_and_report_refuse_a_missing_database(tmp_path, capsys, command):
    db = tmp_path / "none.sqlite"
    assert main([command, "--db", str(db), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err == f"error: database {db} does not exist (run extract first)\n"
    assert not db.exists()


# 6. exit status and messages -----------------------------------------------------------------

def test_exit_status_0_1_2_and_help(tmp_path, capsys):
    write_report(tmp_path / "in" / "a.md")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 0
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    assert extract(tmp_path / "in", db) == 1
    assert extract(tmp_path / "nowhere", db) == 2
    with pytest.raises(SystemExit) as usage:
        main(["extract", str(tmp_path / "in"), "--jobs", "0"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "exit status:" in out and "1  some reports failed" in out


def test_empty_folder_symlink_loop_and_unreadable_folder_are_said(tmp_path, capsys, monkeypatch):
    (tmp_path / "empty").mkdir()
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "empty", db) == 0
    assert "no report (*.pdf, *.txt, *.md) found under" in capsys.readouterr().out
    write_report(tmp_path / "in" / "sub" / "a.md")
    (tmp_path / "in" / "sub" / "loop").symlink_to(tmp_path / "in")
    (tmp_path / "in" / "closed").mkdir()
    from pipeline import discover

    real = os.scandir
    monkeypatch.setattr(discover.os, "scandir", lambda p: (_ for _ in ()).throw(
        PermissionError(13, "Permission denied")) if str(p).endswith("closed") else real(p))
    assert extract(tmp_path / "in", db) == 0
    out = capsys.readouterr().out
    assert f"skipped sub/loop: links back to {tmp_path / 'in'}, already searched" in out
    assert "skipped closed: Permission denied" in out
    assert _names(db) == ["sub/a.md"]


def test_no_progress_bars_off_a_terminal_and_no_crash_on_an_ascii_terminal(tmp_path):
    folder = tmp_path / "in"
    write_report(folder / "laporan-ñ.md")
    with open(os.fsencode(folder) + b"/bad-\xff.md", "wb") as f:
        f.write((folder / "laporan-ñ.md").read_bytes().replace(b"KABUPATEN", b"KOTA"))
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder), "--db", str(tmp_path / "d.sqlite"),
                           "--out", str(tmp_path / "o")], cwd=ROOT, env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr and b"it/s" not in done.stderr and b"report/s" not in done.stderr
    assert b"ok     bad-?.md" in done.stdout and b"ok     laporan-?.md" in done.stdout


# 8. what goes out ----------------------------------------------------------------------------

def test_xlsx_cells_that_look_like_formulas_are_text(tmp_path):
    from openpyxl import load_workbook

    from pipeline.report import write_xlsx

    finding = {"source_file": "=cmd|' /C calc'!A0.pdf", "table_label": "+Tabel", "page": 1, "rule": "total_sum",
               "severity": "error", "subject": "-Program", "reported": -1.0, "expected": 2.0, "detail": "@SUM(A1:A9)"}
    path = tmp_path / "x.xlsx"
    write_xlsx([finding], [{"source_file": finding["source_file"]}], path)
    cells = [c for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert len(cells) == 9  # the file name on three sheets (all findings, summary, its own), label, subject, detail twice
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert [c.value for c in cells if c.value.startswith("-")] == ["-Program", "-Program"]


def test_tag_stripping_keeps_comparisons():
    from pipeline.rows import _clean

    assert _clean("Prevalensi stunting (TB/U <-2 SD)") == "Prevalensi stunting (TB/U <-2 SD)"
    assert _clean("kurang dari < 5 % dan > 2 %") == "kurang dari < 5 % dan > 2 %"
    assert _clean("nilai a <b dan c> d") == "nilai a <b dan c> d"
    assert _clean("Persentase<br>koperasi <span class='x'>aktif</span></li>") == "Persentase koperasi aktif"


# 9. run log ----------------------------------------------------------------------------------

def test_run_log_records_each_file_with_stage_and_outcome(tmp_path):
    write_report(tmp_path / "in" / "a.md")
    shutil.copy(tmp_path / "in" / "a.md", tmp_path / "in" / "copy.md")
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    db = tmp_path / "db.sqlite"
    assert extract(tmp_path / "in", db) == 1
    run = rows(db, "SELECT id, command, started_at IS NOT NULL, finished_at IS NOT NULL, exit_status FROM runs")
    assert run == [(1, "extract", 1, 1, 1)]
    assert sorted(rows(db, "SELECT source_file, stage, outcome, code FROM run_files WHERE run_id = 1")) == [
        ("a.md", "load", "loaded", None), ("a.md", "load", "new_location", None),
        ("broken.pdf", "extract", "failed", "unreadable")]
    assert extract(tmp_path / "in", db) == 1
    assert sorted(rows(db, "SELECT source_file, stage, outcome, code FROM run_files WHERE run_id = 2")) == [
        ("a.md", "discover", "unchanged", None), ("a.md", "discover", "unchanged", None),
        ("broken.pdf", "extract", "failed", "unreadable")]


def test_the_default_time_limit_grows_with_the_pages_an_explicit_one_does_not():
    from pipeline.workers import DEFAULT_TIMEOUT_PER_PAGE_S, DEFAULT_TIMEOUT_S, Limits

    default = Limits(timeout_per_page_s=DEFAULT_TIMEOUT_PER_PAGE_S)
    assert default.timeout_for(20) == DEFAULT_TIMEOUT_S
    assert default.timeout_for(142) == 142 * DEFAULT_TIMEOUT_PER_PAGE_S
    assert Limits(timeout_s=1).timeout_for(500) == 1
    assert Limits(timeout_s=0, timeout_per_page_s=10).timeout_for(500) == 0


def test_largest_reports_start_first():
    """Longest-first scheduling: a long report starts beside the short ones, not alone at the end."""
    from pipeline.models import SourceFile
    from pipeline.page_ranges import largest_first

    small, big, mid = (SourceFile(f"/x/{n}.pdf", f"{n}.pdf", n * 64, size, "pdf")
                       for n, size in (("a", 10), ("b", 900), ("c", 300)))
    assert [s.name for s in largest_first([small, big, mid])] == ["b.pdf", "c.pdf", "a.pdf"]
