"""Value cells that name what they measure: a cell listing several named quantities (no single value),
and rows ruled as the parts of one indicator, each value cell naming its part before the number
(pipeline/part_rows.py)."""
from __future__ import annotations

from normalizers.numbers import FormatNote, parse_number
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import performance_records


def cells(*texts: str | None) -> list[Cell]:
    return [Cell(t, 1) for t in texts]


def test_a_cell_listing_named_quantities_holds_no_single_value():
    """"Benih A : 1.500 ekor, benih B : 300 ekor": several quantities, none of them the value; one
    acronym before its number is still that number."""
    listed = parse_number("Benih A : 1.500 ekor , benih B : 300 ekor, induk : 20 ekor,")
    assert listed.value is None and listed.format_note is FormatNote.SEVERAL_QUANTITIES
    assert parse_number("BDKT : 1.528 buah").value == 1528


def test_a_figure_printed_before_its_named_parts_is_the_value():
    """"48,20% - Sektor A: 18,10% - Sektor B: 30,10%": the share of the whole comes first; its parts
    after it do not take the value away."""
    assert parse_number("48,20% - Sektor A: 18,10% - Sektor B: 30,10%").value == 48.2


def _table(body: list[list[Cell]]) -> RawTable:
    header = [cells("No", "Indikator", "Target 2022", "Target 2023")]
    return RawTable(index=0, pages=[1], label="Tabel 1", caption=None, header=header, body=body, method="lattice")


def _records(table: RawTable) -> list[tuple[str, int | None, float | None]]:
    layout = classify(table, 2022)
    return sorted((r.indicator, r.year, r.target) for r in performance_records(table, layout, "f.pdf"))


def test_rows_ruled_as_parts_of_one_indicator_are_one_indicator_per_part():
    """One name cell spans two rows; every value cell of the first prints "Padi …", of the second
    "Jagung …": each row measures its part, named after the indicator."""
    table = _table([cells("1", "Produksi lahan percontohan (padi, jagung)", "Padi 1.200 Ton", "Padi 1.250 Ton"),
                    cells("", None, "Jagung 800 ton", "Jagung 820 ton")])
    name = "Produksi lahan percontohan (padi, jagung)"
    assert _records(table) == [(f"{name} - Jagung", 2022, 800.0), (f"{name} - Jagung", 2023, 820.0),
                               (f"{name} - Padi", 2022, 1200.0), (f"{name} - Padi", 2023, 1250.0)]


def test_one_row_whose_cells_print_a_word_before_the_number_is_no_set_of_parts():
    """A word before every figure of a row with its own name ("Minimal 80 %") names no part: no row is
    split off and the name stays as printed."""
    table = _table([cells("1", "Persentase layanan tepat waktu", "Minimal 80 %", "Minimal 85 %")])
    assert {r[0] for r in _records(table)} <= {"Persentase layanan tepat waktu"}
