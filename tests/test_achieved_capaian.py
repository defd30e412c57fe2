"""Readings settled 1: a column headed "Capaian" whose values are the achieved quantity (the target's
unit and scale) is the realisasi; one whose values are shares of the target stays the capaian.
Synthetic tables, one per structure."""
from __future__ import annotations

import pytest

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


BAND_HEADER = [["No", "Indikator Kinerja", "Satuan", "Target 2030", "Capaian Kinerja", None, None],
               [None, None, None, None, "2028", "2029", "2030"]]


def test_every_year_of_a_capaian_band_holds_what_its_read_year_holds():
    """A comparison of years: "Capaian Kinerja › 2028 | 2029 | 2030" beside this year's target; the values
    decide the year with a target, the band's other years hold the same quantity."""
    table = _table(BAND_HEADER, [["1", "Indeks layanan contoh", "Indeks", "0,40", "0,28", "0,33", "0,38"],
                                 ["2", "Jumlah desa contoh tertib", "Desa", "120", "64", "88", "117"]])
    layout, records = _records(table)
    assert [(c.role, c.year) for c in layout.columns][4:] == [("realization", 2028), ("realization", 2029),
                                                              ("realization", 2030)]
    assert sorted((r.year, r.realization) for r in records if r.indicator == "Indeks layanan contoh") == \
        [(2028, 0.28), (2029, 0.33), (2030, 0.38)]


@pytest.mark.parametrize("values, role", [
    # no single year tells (most targets near 100), the band's years together do: values that follow a target of
    # 14 year after year are no shares of it
    ((("95", "112", "104", "98"), ("14", "21,3", "17,8", "15,2"), ("95", "88,4", "91,7", "96,3")), "realization"),
    # shares of the target, year after year, stay capaian
    ((("95", "97,9", "101,2", "103,1"), ("14", "96,4", "99,0", "101,5"), ("35", "93,0", "98,2", "100,4")), "achievement"),
])
def test_a_capaian_band_weighed_together_against_the_one_target(values, role):
    names = (("Angka kasus contoh per 100.000", "Kasus"), ("Persentase balita contoh", "%"), ("Cakupan layanan contoh", "%"))
    body = [[str(k + 1), name, unit, *cells] for k, ((name, unit), cells) in enumerate(zip(names, values))]
    layout, _ = _records(_table(BAND_HEADER, body))
    assert [c.role for c in layout.columns][4:] == [role] * 3


def test_a_capaian_band_beside_a_plan_end_target_is_weighed_against_the_target_of_its_own_year():
    """"Capaian Kinerja › 2028 | 2029 | 2030 | Target 2030 | Target Akhir Renstra (2034)": the plan's end target is
    a target of another year; the band's years are weighed against the target of a year of the band."""
    header = [["No", "Indikator Kinerja", "Satuan", "Capaian Kinerja", None, None, "Target 2030", "Target Akhir Renstra (2034)"],
              [None, None, None, "2028", "2029", "2030", None, None]]
    body = [["1", "Persentase arsip contoh tertata", "%", "61", "63,89", "69,81", "72,74", "80,01"],
            ["2", "Persentase layanan contoh tepat waktu", "%", "65,70", "69,31", "71,88", "76,75", "84,42"],
            ["3", "Jumlah dusun contoh tertib", "dusun", "652", "709", "756", "719", "791"]]
    layout, records = _records(_table(header, body))
    assert [(c.role, c.year) for c in layout.columns][3:6] == [("realization", 2028), ("realization", 2029),
                                                               ("realization", 2030)]
    assert {(r.year, r.target, r.realization) for r in records if r.indicator == "Jumlah dusun contoh tertib"} >= \
        {(2028, None, 652), (2030, 719, 756)}


def test_a_capaian_that_says_percent_in_its_own_heading_is_no_year_of_a_band():
    """"Kinerja › Target 2030 | Capaian 2030 | Capaian 2029 (%)": the 2030 capaian holds the quantity, the 2029
    one says it is a percentage; they share a heading but are no band of bare years."""
    table = _table([["No", "Indikator Kinerja", "Kinerja", None, None], [None, None, "Target 2030", "Capaian 2030",
                                                                          "Capaian 2029 (%)"]],
                   [["1", "Indeks layanan contoh", "0,40 Indeks", "0,38 Indeks", "96,5"],
                    ["2", "Jumlah desa contoh tertib", "300 Desa", "290 Desa", "97,1"]])
    layout, _ = _records(table)
    assert [c.role for c in layout.columns][2:] == ["target", "realization", "achievement"]
