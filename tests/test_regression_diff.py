"""`pipeline diff OLD NEW`: a re-run of the same report shows no change; a planted change of one value
shows as one row lost and one gained, in that report only."""
from __future__ import annotations

import sqlite3

from pipeline.cli import main
from pipeline.regression import diff, format_diff, save_copy
from pipeline.samples import default_spec, plant_wrong_capaian, render_pdf


def extracted_db(spec, tmp_path, name) -> str:
    folder = tmp_path / name
    render_pdf(spec, folder / "in" / "report.word.pdf", "ruled")
    db = str(folder / "lkjip.sqlite")
    assert main(["extract", str(folder / "in"), "--db", db, "--out", str(folder / "out"), "--quiet"]) == 0
    return db


def test_same_run_twice_shows_no_change(tmp_path):
    db = extracted_db(default_spec(), tmp_path, "a")
    copy = str(tmp_path / "copy.sqlite")
    save_copy(db, copy)
    reports = diff(db, copy)
    assert reports and not any(r.changed for r in reports)
    assert "0 of 1 reports changed" in format_diff(reports)


def test_one_changed_value_is_one_row_lost_and_one_gained(tmp_path):
    before = extracted_db(default_spec(), tmp_path, "a")
    after = extracted_db(plant_wrong_capaian(default_spec(), 0, "55,55"), tmp_path, "b")
    with sqlite3.connect(before) as a, sqlite3.connect(after) as b:
        assert a.execute("SELECT COUNT(*) FROM performance").fetchone() == b.execute("SELECT COUNT(*) FROM performance").fetchone()
    [report] = diff(before, after)
    perf = report.views["performance"]
    assert len(perf.lost) == len(perf.gained) >= 1
    lost_capaian = {row[-1] for row in perf.lost}
    gained_capaian = {row[-1] for row in perf.gained}
    assert lost_capaian != gained_capaian  # the capaian is what changed
    assert report.source_file in format_diff([report], show=1)


def test_a_database_without_the_views_counts_as_empty(tmp_path):
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    db = extracted_db(default_spec(), tmp_path, "a")
    [report] = diff(str(empty), db)
    assert report.views["performance"].gained and not report.views["performance"].lost
