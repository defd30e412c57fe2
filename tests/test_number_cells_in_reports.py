"""No printed cell fails a report: any text in the value cells of a performance or budget table goes through
every stage after extraction (classify, rows, checks of the text) without an exception, and a cell the
parser cannot read is a value None, never a crash. Synthetic tables; no PDF is read."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers.numbers import FormatNote
from pipeline.extract import build_report
from pipeline.models import Cell, RawTable, SourceFile, TextLine

SOURCE = SourceFile(path="synthetic.pdf", name="synthetic.pdf", sha256="0" * 64, size=0, kind="pdf")
LINES = [TextLine(1, "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023"), TextLine(1, "DINAS CONTOH KOTA CONTOH")]
PERFORMANCE_HEADER = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]
BUDGET_HEADER = ["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "%"]
CELL = st.one_of(st.text(max_size=30), st.text(alphabet="0123456789.,% -()*Rp", max_size=30),
                 st.sampled_from(["6.264.744.698,006.213.614.698,00", "1.,60", "37.241,44,94", "Rp", "9" * 400]))


def table(header: list[str], body: list[list[str]], label: str) -> RawTable:
    return RawTable(0, [1], label, None, [[Cell(t, 1) for t in header]], [[Cell(t, 1) for t in row] for row in body],
                    "lattice")


def test_run_together_amounts_give_none_not_a_failed_report():
    body = [["1", "Program A", "6.264.744.698,006.213.614.698,00", "1.000.000", "50"]]
    report = build_report(SOURCE, [table(BUDGET_HEADER, body, "Tabel 3.1")], LINES, None, 1)
    [record] = report.budget
    assert (record.pagu, record.pagu_text, record.realization) == (None, body[0][2], 1000000)


def test_run_together_target_is_noted_by_its_code():
    body = [["1", "Indikator A", "%", "6.264.744.698,006.213.614.698,00", "80", "90"]]
    [record] = build_report(SOURCE, [table(PERFORMANCE_HEADER, body, "Tabel 3.1")], LINES, None, 1).performance
    assert (record.target, record.realization, record.achievement_pct) == (None, 80, 90)
    assert record.format_notes == [f"target: {FormatNote.RUN_TOGETHER}"]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=4))
def test_any_value_cells_never_fail_a_performance_table(cells):
    body = [[str(i + 1), f"Indikator {i}", "%", *values] for i, values in enumerate(cells)]
    build_report(SOURCE, [table(PERFORMANCE_HEADER, body, "Tabel 3.1")], LINES, None, 1)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=4))
def test_any_value_cells_never_fail_a_budget_table(cells):
    body = [[str(i + 1), f"Program {i}", *values] for i, values in enumerate(cells)]
    build_report(SOURCE, [table(BUDGET_HEADER, body, "Tabel 3.2")], LINES, None, 1)
