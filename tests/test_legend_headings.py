"""Headings abbreviated to letters and spelled out by the legend printed with the table ("Keterangan: T = Target;
R = Realisasi; C = Capaian (%)"): pipeline/legend_headings.py. Synthetic tables."""
from __future__ import annotations

from pipeline.extract import build_report
from pipeline.legend_headings import legend, spell_out_headings
from pipeline.models import Cell, RawTable, SourceFile, TextLine

SOURCE = SourceFile(path="synthetic.pdf", name="synthetic.pdf", sha256="0" * 64, size=0, kind="pdf")
LINES = [TextLine(1, "LAPORAN KINERJA TAHUN 2023"), TextLine(1, "DINAS CONTOH KOTA CONTOH")]
HEADER = ["No", "Indikator", "Sat.", "T", "R", "C"]
BODY = [["1", "Tingkat penyelesaian aduan contoh", "%", "90", "92", "102,22"],
        ["2", "Jumlah produk contoh yang dipromosikan", "produk", "24", "27", "112,50"]]


def _table(context_after: str) -> RawTable:
    return RawTable(0, [1], "Tabel 3.4", "Capaian Kinerja Tahun 2023", [[Cell(t, 1) for t in HEADER]],
                    [[Cell(t, 1) for t in row] for row in BODY], "lattice", context_after=context_after)


def test_legend_entries_are_read_after_the_legends_opening_word():
    assert legend("Keterangan: T = Target; R = Realisasi; C = Capaian (%).") == {
        "t": "Target", "r": "Realisasi", "c": "Capaian (%)"}
    assert legend("Ket. T: Target, R: Realisasi, % : Capaian") == {"t": "Target", "r": "Realisasi", "%": "Capaian"}
    assert legend("Nilai X = Y dihitung setiap tahun") == {}  # a sentence, no legend


def test_headings_the_legend_defines_are_spelled_out_and_give_the_columns_roles():
    table = _table("Keterangan: T = Target; R = Realisasi; C = Capaian (%).")
    assert [c.text for c in spell_out_headings(table).header[0]][3:] == ["T = Target", "R = Realisasi", "C = Capaian (%)"]
    report = build_report(SOURCE, [table], LINES, None, 1)
    assert sorted((r.year, r.target, r.realization, r.achievement_pct) for r in report.performance) == [
        (2023, 24.0, 27.0, 112.5), (2023, 90.0, 92.0, 102.22)]


def test_without_a_legend_the_letters_stay():
    assert spell_out_headings(_table("Sumber: data olahan")) == _table("Sumber: data olahan")


def test_a_legend_with_dashes_as_ocr_reads_its_equal_signs():
    assert legend("Keterangan: T - Target, R - Realisasi: C - Capaian") == {"t": "Target", "r": "Realisasi", "c": "Capaian"}
