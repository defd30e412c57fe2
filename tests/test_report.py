"""The auditors' reports of a generated report with planted inconsistencies: a wrong capaian (its values
then marked as read by OCR, as a scanned table's are) and a wrong TOTAL (certain); the HTML escapes what
the documents print, speaks Indonesian or English, ranks the OCR finding after the certain one as "to
check", links each finding to its PDF page; the XLSX starts with every finding on a frozen, filtered
sheet; summary.html draws its charts inline."""
from __future__ import annotations

import re
import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline import db
from pipeline.cli import main
from pipeline.report.data import read_evidence, read_findings, read_reports
from pipeline.report.findings_page import finding_rows
from pipeline.report.sureness import Doubt, Evidence, ValueFacts, assess, note_names, roles_changed_by_arithmetic
from pipeline.samples import default_spec, plant_wrong_capaian, plant_wrong_total, render_pdf

OCR_CONFIDENCE = 61.0
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One extracted sample report; its capaian finding's values marked as OCR-read, the TOTAL finding's
    subject carrying a script tag; the reports written in both languages."""
    tmp = tmp_path_factory.mktemp("report")
    render_pdf(plant_wrong_total(plant_wrong_capaian(default_spec(), 1, "95,00"), 1_000), tmp / "in" / "laporan.pdf")
    path = tmp / "db.sqlite"
    assert main(["extract", str(tmp / "in"), "--db", str(path), "--out", str(tmp / "out"), "--quiet"]) == 0
    with sqlite3.connect(path) as conn:
        for table_index, row_index in conn.execute(
                "SELECT table_index, row_index FROM findings WHERE rule = 'achievement_ratio'").fetchall():
            conn.execute("UPDATE performance_values SET ocr_confidence = ? WHERE row_index = ? AND table_id = "
                         "(SELECT id FROM source_tables WHERE table_index = ?)", (OCR_CONFIDENCE, row_index, table_index))
        conn.execute("UPDATE finding_records SET subject = ? || subject WHERE rule = 'total_sum'", (SCRIPT,))
    assert main(["report", "--db", str(path), "--out", str(tmp / "out")]) == 0
    assert main(["report", "--db", str(path), "--out", str(tmp / "en"), "--lang", "en"]) == 0
    return tmp, path


def html_of(built, lang="id", name="inconsistencies.html") -> str:
    tmp, _ = built
    return (tmp / ("out" if lang == "id" else "en") / name).read_text(encoding="utf-8")


def test_the_three_files_are_written(built):
    tmp, _ = built
    assert {p.name for p in (tmp / "out").iterdir()} >= {"inconsistencies.html", "inconsistencies.xlsx", "summary.html"}


def test_a_subject_with_a_script_tag_is_escaped(built):
    page = html_of(built)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SCRIPT not in page
    assert page.count("<script>") == 1  # the page's own sorting / filtering script, inline


def test_indonesian_by_default_and_english_on_request(built):
    indonesian, english = html_of(built), html_of(built, "en")
    assert '<html lang="id">' in indonesian and "Semua temuan" in indonesian and "perlu dicek" in indonesian
    assert '<html lang="en">' in english and "All findings" in english and "to check" in english
    assert "Semua temuan" not in english and "All findings" not in indonesian


def _rows(page: str) -> list[tuple[str, str]]:
    """(level, rule) of each finding row, in the page's order."""
    return re.findall(r'<tr data-level="([a-z_]+)" data-rule="([a-z_]+)"', page)


def test_a_finding_on_ocr_values_is_to_check_and_sorts_after_the_certain_one(built):
    rows = _rows(html_of(built))
    assert ("error", "total_sum") in rows
    ocr = [k for k, (_, rule) in enumerate(rows) if rule == "achievement_ratio"]
    assert ocr and all(rows[k][0] == "to_check" for k in ocr)
    assert min(ocr) > rows.index(("error", "total_sum"))
    assert f"keyakinan {OCR_CONFIDENCE:.0f}/100" in html_of(built)
    assert f"confidence {OCR_CONFIDENCE:.0f}/100" in html_of(built, "en")


def test_each_finding_links_to_its_pdf_page(built):
    tmp, _ = built
    pdf = (tmp / "in" / "laporan.pdf").resolve()
    links = re.findall(r'href="(file://[^"]+)"', html_of(built))
    assert links and all(re.fullmatch(re.escape(pdf.as_uri()) + r"#page=\d+", link) for link in links)
    assert re.search(r'title="halaman tercetak">hlm\. \d+<', html_of(built))  # the sample prints page numbers at its foot


def test_the_xlsx_opens_on_every_finding_with_a_frozen_filtered_header(built):
    tmp, _ = built
    wb = load_workbook(tmp / "out" / "inconsistencies.xlsx")
    sheet = wb.worksheets[0]
    assert sheet.title == "Semua temuan" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:") and sheet.auto_filter.ref.endswith(str(sheet.max_row))
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Instansi", "Laporan"]
    assert all(sheet.column_dimensions[letter].width >= 7 for letter in "ABCDEFGHIJKL")
    levels = [row[header.index("Tingkat")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert levels[0] == "galat" and "perlu dicek" in levels and "galat" not in levels[levels.index("perlu dicek"):]
    page = sheet.cell(2, header.index("Hal. PDF") + 1)
    assert page.hyperlink is not None and "#page=" in page.hyperlink.target
    assert [ws.title for ws in wb.worksheets][1:] == ["Ringkasan", "laporan.pdf"]
    english = load_workbook(tmp / "en" / "inconsistencies.xlsx").worksheets[0]
    assert english.title == "All findings"


def test_summary_draws_its_charts_inline(built):
    page = html_of(built, name="summary.html")
    assert "<svg" in page and "100 %" in page
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Dinas Perdagangan dan Perindustrian" in page
    assert "Capaian indikator" in page and "Indicator capaian" in html_of(built, "en", "summary.html")


def test_evidence_read_from_the_database(built):
    _, path = built
    engine = db.open_database(str(path), must_exist=True, schema=False)
    rows = finding_rows(read_findings(engine), read_reports(engine), read_evidence(engine), "en")
    ocr = [r for r in rows if r["rule"] == "achievement_ratio"]
    assert ocr and all(r["sureness"].doubts == (Doubt.OCR_READ,) and r["level"] == "to_check" for r in ocr)
    assert [r["level"] for r in rows if r["rule"] == "total_sum"] == ["error"]


# the sureness rules on their own -----------------------------------------------------------

FINDING = {"source_file": "a.pdf", "table_index": 3, "row_index": 5, "page": 9, "rule": "achievement_ratio",
           "severity": "error", "subject": "Indikator X (2023)", "detail": "8 / 9 × 100 = 88,89, printed 95"}


def test_a_value_flagged_for_a_year_after_the_fiscal_year_puts_its_finding_in_doubt():
    evidence = Evidence()
    evidence.add("a.pdf", 3, 5, 9, ValueFacts(2023, None, frozenset()))
    evidence.add("a.pdf", 3, 5, 9, ValueFacts(2024, None, frozenset({"FUTURE_CAPAIAN"})))
    assert assess(FINDING, evidence).certain  # the flagged value is the next year's, not this finding's
    assert assess({**FINDING, "subject": "Indikator X (2024)"}, evidence).doubts == (Doubt.YEAR_AFTER_FISCAL,)
    assert assess({**FINDING, "subject": "Indikator X (2024)"}, evidence).level("error") == "to_check"


def test_format_notes_are_read_as_codes():
    assert note_names("target: decimal point instead of comma; realization: OCR letters read as digits") == {
        "DECIMAL_POINT", "OCR_DIGITS"}
    assert note_names("indicator: not printed in this row; named as in Tabel 4") == frozenset()


def test_a_column_role_arithmetic_gave_puts_the_findings_using_it_in_doubt():
    assert roles_changed_by_arithmetic("col 5 = col 4 / col 3 × 100 on 8 of 11 rows: other -> achievement") == {"achievement"}
    assert roles_changed_by_arithmetic("col 4 = col 3 / col 2 × 100 on 77 of 78 rows: "
                                       "pagu/budget_realization/other -> pagu/budget_realization/budget_pct") == {"budget_pct"}
    assert not roles_changed_by_arithmetic("col 5 = col 4 / col 3 × 100 on 7 of 7 rows: "
                                           "target/realization/achievement -> target/realization/achievement")
    assert not roles_changed_by_arithmetic("columns 0-3 repeat as 4-7: two lists side by side")
    evidence = Evidence(arithmetic_roles={("a.pdf", 3): frozenset({"achievement"})})
    sure = assess(FINDING, evidence)
    assert sure.doubts == (Doubt.ROLE_BY_ARITHMETIC,) and sure.rank("error") > assess(FINDING, Evidence()).rank("warning")
    # a sum of the pagu column does not rest on the capaian column's role
    assert assess({**FINDING, "rule": "children_sum"}, evidence).certain


def test_the_ocr_note_of_a_detail_is_a_doubt_when_no_value_says_so():
    finding = {**FINDING, "detail": FINDING["detail"] + " [read by OCR, confidence 40/100: the printed value may be misread]"}
    assert assess(finding, Evidence()).doubts == (Doubt.OCR_NOTE,)


def test_templates_are_package_data():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    assert (files("pipeline") / "templates" / "inconsistencies.html.j2").is_file()
    assert (files("pipeline") / "templates" / "summary.html.j2").is_file()
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "templates/*.j2" in project["tool"]["setuptools"]["package-data"]["pipeline"]
    assert "pipeline.report" in project["tool"]["setuptools"]["packages"]
    assert any(dep.startswith("jinja2") for dep in project["project"]["dependencies"])


# the page as printed -----------------------------------------------------------------------

def _paged_pdf(path: Path, footers: list[str]) -> Path:
    """A PDF whose page k prints footers[k] at its foot and a running heading with the year at its head."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for footer in footers:
        c.drawString(72, A4[1] - 40, "Laporan Kinerja Tahun 2023")
        c.drawString(72, A4[1] / 2, "Tabel 3.1 Capaian Kinerja")
        c.drawString(A4[0] / 2, 30, footer)
        c.showPage()
    c.save()
    return path


def test_the_printed_page_number_is_confirmed_by_a_neighbouring_page(tmp_path):
    from pipeline.report.printed_pages import printed_pages

    # roman front matter over two pages, then the body numbered from 1 (PDF page 3 prints "1")
    pdf = _paged_pdf(tmp_path / "a.pdf", ["i", "ii", "Halaman 1", "Halaman 2", "Halaman 3", "III - 4", "III - 5"])
    assert printed_pages(pdf, {1, 3, 4, 5, 6, 7}) == {3: "1", 4: "2", 5: "3", 6: "III-4", 7: "III-5"}


def test_a_number_no_neighbour_steps_from_is_no_page_number(tmp_path):
    from pipeline.report.printed_pages import printed_pages

    pdf = _paged_pdf(tmp_path / "b.pdf", ["Jumlah 17", "Jumlah 40", "Jumlah 3"])
    assert printed_pages(pdf, {1, 2, 3}) == {}
    assert printed_pages(tmp_path / "missing.pdf", {1}) == {}


def test_role_evidence_is_read_from_the_json_of_the_same_file(tmp_path):
    import json

    from pipeline.report.data import arithmetic_roles

    line = "col 5 = col 4 / col 3 × 100 on 8 of 11 rows: other -> achievement"
    (tmp_path / "a.pdf.json").write_text(json.dumps({"source": {"sha256": "abc"}, "role_evidence": {"4": [line]}}))
    (tmp_path / "b.pdf.json").write_text(json.dumps({"source": {"sha256": "old"}, "role_evidence": {"4": [line]}}))
    reports = [{"source_file": "a.pdf", "sha256": "abc"}, {"source_file": "b.pdf", "sha256": "new"},
               {"source_file": "c.pdf", "sha256": "x"}]
    assert arithmetic_roles(tmp_path, reports) == {("a.pdf", 4): frozenset({"achievement"})}


def test_amounts_scaled_from_thousands_show_in_whole_rupiah():
    """An amount printed in thousands with decimals ("12.345,6789" under "(Rp 000)") is stored multiplied out,
    carrying the float's trailing digits; the summary shows budgets in whole Rupiah."""
    from pipeline.report.render import fmt_rupiah

    scaled = 12_345.6789 * 1000
    assert fmt_rupiah(scaled) == "12.345.679" and fmt_rupiah(scaled, "en") == "12,345,679"
    assert fmt_rupiah(None) == ""
