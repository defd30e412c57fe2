"""Readings settled 1: a column headed "Capaian" whose values are the achieved quantity (the target's
unit and scale) is the realisasi; one whose values are shares of the target stays the capaian.
Synthetic tables, one per structure."""
from __future__ import annotations

from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records


def _table(header: list[list[str | None]], body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [1], "Tabel 1", None, [[Cell(t, 1) for t in r] for r in header],
                    [[Cell(t, 1) for t in r] for r in body], "lattice")


def _records(table: RawTable):
    layout = classify(table, 2030)
    return layout, performance_records(table, layout, "synthetic.pdf")


COUNT_HEADER = [["No", "Kegiatan", "Jumlah Peserta", None], [None, None, "Target", "Capaian"]]


def test_count_table_whose_capaian_total_is_the_sum_of_its_rows_reads_realisasi():
    table = _table(COUNT_HEADER, [["1", "Pelatihan teknis kelompok A", "30", "26"],
                                  ["2", "Pelatihan teknis kelompok B", "45", "41"],
                                  ["Total", None, "75", "67"]])
    layout, records = _records(table)
    assert [c.role for c in layout.columns][2:] == ["target", "realization"]
    first = records[0]
    assert (first.target, first.realization, first.achievement_pct) == (30, 26, None)
    assert any("sum of the 2 rows" in e for e in layout.evidence)


def test_capaian_printing_the_targets_unit_word_reads_realisasi():
    table = _table([["Sasaran", "Indikator", "Target", "Capaian"]],
                   [["Layanan prima", "Indeks kepuasan pengguna", "3,50 Indeks", "3,62 Indeks"],
                    [None, "Nilai evaluasi internal", "70 Poin", "72 Poin"]])
    layout, records = _records(table)
    assert layout.columns[3].role == "realization"
    assert (records[0].target, records[0].realization, records[0].achievement_pct) == (3.5, 3.62, None)


def test_capaian_following_small_targets_row_by_row_reads_realisasi():
    table = _table(COUNT_HEADER, [["1", "Dokumen rencana kerja", "1", "1"],
                                  ["2", "Dokumen evaluasi", "2", "2"],
                                  ["3", "Kajian kebijakan", "4", "3"]])
    layout, _ = _records(table)
    assert layout.columns[3].role == "realization"


def test_capaian_in_percent_of_the_target_stays_capaian():
    table = _table([["Indikator", "Target", "Realisasi", "Capaian"]],
                   [["Jumlah dokumen", "4", "3", "75"], ["Jumlah kajian", "10", "10", "100"]])
    layout, _ = _records(table)
    assert [c.role for c in layout.columns][1:] == ["target", "realization", "achievement"]


def test_capaian_shares_beside_counts_without_realisasi_stays_capaian():
    table = _table([["Indikator", "Target", "Capaian"]],
                   [["Jumlah dokumen", "4", "75"], ["Jumlah kajian", "12", "92"], ["Jumlah peserta", "300", "101"]])
    layout, _ = _records(table)
    assert layout.columns[2].role == "achievement"


def test_percent_targets_and_percent_capaian_keep_the_heading_word():
    table = _table([["Indikator", "Target", "Capaian"]],
                   [["Persentase dokumen tepat waktu", "80 %", "80%"], ["Persentase temuan ditindaklanjuti", "20%", "18%"]])
    layout, _ = _records(table)
    assert layout.columns[2].role == "achievement"


def test_one_row_count_table_under_a_count_heading_reads_realisasi():
    table = _table(COUNT_HEADER, [["1", "Penyusunan pedoman teknis", "3", "3"], ["Total", None, "3", "3"]])
    layout, records = _records(table)
    assert layout.columns[3].role == "realization"
    assert (records[0].target, records[0].realization) == (3, 3)


def test_capaian_far_from_its_target_under_a_count_heading_stays_capaian():
    table = _table(COUNT_HEADER, [["1", "Penyusunan pedoman teknis", "3", "100"]])
    layout, _ = _records(table)
    assert layout.columns[3].role == "achievement"
