"""End to end on generated reports: every row of the answer key comes back, re-runs change
nothing, and bad files fail alone with a clear message."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from pipeline.cli import main
from pipeline.samples import total_of


def rows(db_path, sql):
    with sqlite3.connect(db_path) as db:
        return db.execute(sql).fetchall()


def extract(folder, db_path, *extra):
    return main(["extract", str(folder), "--db", db_path, "--out", str(folder / "_out"), "--quiet", *extra])


@pytest.mark.parametrize("fixture", ["ruled_pdf", "borderless_pdf"])
def test_every_performance_and_budget_row(fixture, request, tmp_path, db_path, consistent_spec):
    pdf = request.getfixturevalue(fixture)
    shutil.copy(pdf, tmp_path / pdf.name)
    assert extract(tmp_path, db_path) == 0
    spec = consistent_spec
    perf = rows(db_path, "SELECT indicator, year, target, realization, achievement_pct, target_text, page, table_label "
                         "FROM performance")
    current = {(r[0], r[2], r[3], r[4]) for r in perf if r[1] == spec.year and r[7] == "Tabel 3.1"}
    for ind in spec.indicators:
        from normalizers.numbers import parse_number
        key = (ind.name, parse_number(ind.target).value, parse_number(ind.realization).value,
               parse_number(ind.achievement).value)
        assert key in current, f"{key} missing from {current}"
    # the two-year table expands into one row per (indicator, year)
    years = {r[1] for r in perf if r[7] == "Tabel 3.2"}
    assert years == {spec.year - 1, spec.year}
    assert all(r[5] is not None and r[6] >= 1 for r in perf)  # printed text and page kept

    budget = rows(db_path, "SELECT name, pagu, realization, realization_pct, level FROM budget WHERE table_label = 'Tabel 3.3'")
    found = {(r[0], r[1], r[2]) for r in budget}
    for program in spec.programs:
        assert (program.name, program.pagu, program.realization) in found
        for child in program.children:
            assert (child.name, child.pagu, child.realization) in found
    total = total_of(spec.programs)
    assert ("TOTAL", total.pagu, total.realization) in found
    levels = {r[0]: r[4] for r in budget}
    assert levels[spec.programs[0].name] == "program"
    assert levels[spec.programs[0].children[0].name] == "kegiatan"
    assert levels["TOTAL"] == "total"


def test_rerun_changes_nothing_and_force_replaces(tmp_path, db_path, ruled_pdf):
    shutil.copy(ruled_pdf, tmp_path / ruled_pdf.name)
    extract(tmp_path, db_path)
    before = rows(db_path, "SELECT COUNT(*) FROM performance_values")[0][0], rows(db_path, "SELECT COUNT(*) FROM budget_values")[0][0]
    extract(tmp_path, db_path)
    extract(tmp_path, db_path, "--force")
    after = rows(db_path, "SELECT COUNT(*) FROM performance_values")[0][0], rows(db_path, "SELECT COUNT(*) FROM budget_values")[0][0]
    assert before == after and before[0] > 0


def test_bad_files_fail_alone(tmp_path, db_path, ruled_pdf, capsys):
    shutil.copy(ruled_pdf, tmp_path / "good.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf at all")
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert extract(tmp_path, db_path) == 1  # some reports failed (issue 9: exit status 1)
    out = capsys.readouterr().out
    assert "broken.pdf" in out and "empty.pdf" in out and "failed" in out
    assert rows(db_path, "SELECT source_file FROM reports") == [("good.pdf",)]


def test_encrypted_pdf_is_reported(tmp_path, db_path, ruled_pdf, capsys):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(ruled_pdf)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(tmp_path / "locked.pdf", "wb") as f:
        writer.write(f)
    extract(tmp_path, db_path)
    out = capsys.readouterr().out
    assert "locked.pdf" in out and ("encrypted" in out or "password" in out.lower())


def test_metadata_from_cover(tmp_path, db_path, ruled_pdf, consistent_spec):
    shutil.copy(ruled_pdf, tmp_path / ruled_pdf.name)
    extract(tmp_path, db_path)
    agency, region, year = rows(db_path, "SELECT DISTINCT agency, region, report_year FROM performance")[0]
    assert (agency, region, year) == (consistent_spec.agency, consistent_spec.region, consistent_spec.year)


def test_rebuild_from_intermediate_json_gives_the_same_rows(tmp_path, db_path, ruled_pdf):
    extract(ruled_pdf.parent, db_path)
    before = rows(db_path, "SELECT indicator, year, target, realization, achievement_pct FROM performance ORDER BY 1, 2")
    budget = rows(db_path, "SELECT name, pagu, realization FROM budget ORDER BY 1")
    rebuilt = str(tmp_path / "rebuilt.sqlite")
    assert main(["rebuild", "--db", rebuilt, "--out", str(ruled_pdf.parent / "_out"), "--quiet"]) == 0
    assert rows(rebuilt, "SELECT indicator, year, target, realization, achievement_pct FROM performance ORDER BY 1, 2") == before
    assert rows(rebuilt, "SELECT name, pagu, realization FROM budget ORDER BY 1") == budget


@pytest.mark.parametrize("style", ["ruled", "borderless"])
def test_levels_from_bold_and_indentation(tmp_path, style, consistent_spec):
    import copy

    from pipeline.samples import plain_program_name, render_pdf

    spec = copy.deepcopy(consistent_spec)
    spec.budget_codes = False
    render_pdf(spec, tmp_path / "in" / f"nocodes.{style}.pdf", style)
    db_path = str(tmp_path / "t.sqlite")
    assert main(["extract", str(tmp_path / "in"), "--db", db_path, "--out", str(tmp_path / "o"), "--quiet"]) == 0
    levels = dict(rows(db_path, "SELECT name, level FROM budget"))
    for program in spec.programs:
        assert levels[plain_program_name(program.name)] == "program", program.name
        for child in program.children:
            assert levels[child.name] in ("kegiatan", "sub_kegiatan"), child.name
    assert rows(db_path, "SELECT rule FROM findings") == []  # the children add up to their programs
