"""Role-as-row tables (pipeline/role_rows.py): each indicator's Target / Realisasi / Capaian printed as sub-rows
with the years across, turned into one row per indicator before its columns are classified."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.role_rows import roles_down_the_rows
from pipeline.rows import performance_records


def _table(header: list[str], body: list[list[str | None]]) -> RawTable:
    return RawTable(0, [3], "Tabel 3.3", "Perkembangan Capaian Kinerja", [[Cell(t, 3) for t in header]],
                    [[Cell(t, 3) for t in r] for r in body], "lattice")


HEADER = ["No", "Indikator Kinerja", "Uraian", "2028", "2029", "2030"]
BODY = [["1", "Produksi benih contoh (ton)", "Target", "12.500", "13.000", "13.500"],
        [None, None, "Realisasi", "12.810", "12.455", "13.920"],
        [None, None, "Capaian (%)", "102,48", "95,81", "103,11"],
        ["2", "Jumlah kelompok contoh", "Target", "40", "42", "44"],
        [None, None, "Realisasi", "41", "40", "45"],
        [None, None, "Capaian (%)", "102,50", "95,24", "102,27"]]


def test_target_realisasi_and_capaian_sub_rows_under_years_are_one_row_per_indicator():
    table, evidence = roles_down_the_rows(_table(HEADER, BODY))
    assert evidence and "one row per indicator" in evidence
    records = performance_records(table, classify(table, 2030), "x.pdf")
    got = sorted((r.indicator, r.year, r.target, r.realization, r.achievement_pct) for r in records)
    assert got[:3] == [("Jumlah kelompok contoh", 2028, 40.0, 41.0, 102.5),
                       ("Jumlah kelompok contoh", 2029, 42.0, 40.0, 95.24),
                       ("Jumlah kelompok contoh", 2030, 44.0, 45.0, 102.27)]
    assert ("Produksi benih contoh (ton)", 2029, 13000.0, 12455.0, 95.81) in got and len(got) == 6


def test_a_table_with_a_role_word_in_one_row_only_stays_as_it_is():
    body = [["1", "Produksi benih contoh (ton)", "Target", "12.500", "13.000", "13.500"],
            ["2", "Jumlah kelompok contoh", "Jumlah", "40", "42", "44"]]
    table = _table(HEADER, body)
    assert roles_down_the_rows(table) == (table, None)


def test_a_name_wrapped_onto_the_realisasi_row_stays_with_its_block():
    """Read line by line, the name's second line stands beside "Realisasi": it is the same indicator, a block
    starts again only where a role comes back."""
    body = [["1", "Produksi benih contoh", "Target", "12.500", "13.000", "13.500"],
            [None, "(ton) per tahun", "Realisasi", "12.810", "12.455", "13.920"],
            ["2", "Jumlah kelompok contoh", "Target", "40", "42", "44"],
            [None, None, "Realisasi", "41", "40", "45"]]
    table, _ = roles_down_the_rows(_table(HEADER, body))
    assert [text for text in (r[1].text for r in table.body)] == ["Produksi benih contoh (ton) per tahun",
                                                                   "Jumlah kelompok contoh"]


def test_a_row_of_values_without_its_role_leaves_the_table_as_printed():
    body = BODY[:2] + [[None, None, None, "9", "9", "9"]] + BODY[3:]
    table = _table(HEADER, body)
    assert roles_down_the_rows(table) == (table, None)
