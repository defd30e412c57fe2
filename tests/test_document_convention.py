"""A table too small to show how it prints numbers takes the whole report's convention (pipeline/extract.py)."""
from pipeline.extract import build_report
from pipeline.models import Cell, RawTable, SourceFile


def _table(index: int, header: list[str], body: list[list[str]]) -> RawTable:
    return RawTable(index, [index + 1], f"Tabel {index + 1}", None, [[Cell(t, index + 1) for t in header]],
                    [[Cell(t, index + 1) for t in r] for r in body], "lattice")


def test_small_table_in_an_english_report_raises_no_anomaly():
    big = _table(0, ["Program", "Anggaran", "Realisasi", "%"],
                 [[f"Program {k}", f"{k},250,000,000", f"{k},100,000,000", f"{88 + k}.{k}0"] for k in range(1, 7)])
    small = _table(1, ["Indikator", "Target", "Realisasi", "Capaian"], [["Indeks A", "89.68", "89.11", "99.36"]])
    report = build_report(SourceFile("x.pdf", "x.pdf", "0", 0, "pdf"), [big, small], [], None, 2)
    record = next(r for r in report.performance if r.indicator == "Indeks A")
    assert (record.target, record.realization, record.achievement_pct) == (89.68, 89.11, 99.36)
    assert not record.format_notes
