"""Header repair, unnamed rows and notes from the text: the extraction-side helpers on small inputs."""
from __future__ import annotations

from extractors.grid import column_paths
from normalizers.numbers import parse_number
from pipeline.models import Cell, PerformanceRecord, Provenance, RawTable, TextLine
from pipeline.narrative import malformed_number_notes
from pipeline.rows import UNNAMED_INDICATOR, restore_unnamed_indicators


def cells(*texts):
    return [Cell(t, 1) for t in texts]


def test_quarter_headings_centred_over_their_blocks():
    # "TW I" printed over the middle of its three columns; sub-headings only under the first block
    header = [cells("No", "Indikator", "", "TW I", "", "", "TW II", "", "", "TW III", ""),
              cells("No", "Indikator", "Target", "Realisasi", "Capaian", "", "", "", "", "", "")]
    paths = column_paths(header)
    assert paths[2:5] == ["TW I › Target", "TW I › Realisasi", "TW I › Capaian"]
    assert paths[8:11] == ["TW III › Target", "TW III › Realisasi", "TW III › Capaian"]


def test_headings_at_block_starts_are_left_alone():
    header = [cells("No", "Indikator", "2022", "", "2023", "", "2024", ""),
              cells("", "", "Target", "Realisasi", "Target", "Realisasi", "Target", "Realisasi")]
    assert column_paths(header)[2:4] == ["2022 › Target", "2022 › Realisasi"]
    assert column_paths(header)[6:] == ["2024 › Target", "2024 › Realisasi"]


def record(table, row, name, year, target, real, ach):
    return PerformanceRecord(Provenance("f.pdf", 1, table, f"Tabel {table}", row), "program", None, name, "%", year,
                             target, str(target), real, str(real), ach, str(ach))


def test_unnamed_row_takes_the_name_printed_for_the_same_targets():
    named = [record(1, 0, "Persentase Pemanfaatan SKA", y, t, None, None) for y, t in ((2023, 60), (2024, 61))]
    other = [record(1, 1, "Persentase Lain", y, t, None, None) for y, t in ((2023, 60), (2024, 70))]
    unnamed = [record(2, 5, f"{UNNAMED_INDICATOR} Program Perizinan", y, t, r, a)
               for y, t, r, a in ((2023, 60, 63, 105.0), (2024, 61, 69, 114.75))]
    restore_unnamed_indicators([*named, *other, *unnamed])
    assert {r.indicator for r in unnamed} == {"Persentase Pemanfaatan SKA"}
    assert "named as in Tabel 1" in unnamed[0].format_notes[-1]


def test_malformed_number_in_the_text_becomes_a_note():
    table = RawTable(index=0, pages=[3], label="Tabel 3.9", caption=None, header=[], body=[], method="lattice",
                     bbox=(0, 0, 1, 1))
    lines = [TextLine(4, "PDRB sektor industri sebesar Rp.37.241,44,94 miliar, dari 2,3,4 triwulan")]
    notes = malformed_number_notes(lines, [table], "f.pdf")
    assert [(n.printed, n.value, n.prov.table_label) for n in notes] == [("37.241,44,94", 37241.4494, "Tabel 3.9")]


def test_damaged_print_with_leading_zeros_is_noted():
    assert "leading zero" in parse_number("00.097.400.400").format_note
    assert parse_number("0,094").format_note is None


def test_budget_absorption_and_its_complement_in_the_text():
    import json

    from pipeline.narrative import absorption_complements
    from pipeline.validate import aggregate_findings

    lines = [TextLine(9, "Pada aspek keuangan, penyerapan anggaran Dinas mencapai 74,65 %. Tidak terserapnya"),
             TextLine(9, "anggaran yang sebesar 15,35 % tersebut merupakan hasil efisiensi.")]
    facts = absorption_complements(lines, [], "f.pdf")
    assert [(f.kind, f.value, f.part_values) for f in facts] == [("complement", 15.35, [74.65])]
    rows = [(f.kind, "f.pdf", None, None, f.prov.page, None, f.column_path, f.subject, f.printed, f.value,
             json.dumps(f.parts), json.dumps(f.part_values), f.parts_decimals) for f in facts]
    found = aggregate_findings(rows, {})
    assert [(f.rule, f.reported, f.expected) for f in found] == [("cross_table", 15.35, 25.35)]


def test_a_year_cut_at_a_cell_border_is_rejoined():
    header = [cells("No", "Indikator", "TAHUN 2023", "", "TAHUN 202", "4"),
              cells("", "", "Target", "Realisasi", "Target", "Realisasi")]
    assert column_paths(header)[4:] == ["TAHUN 2024 › Target", "TAHUN 2024 › Realisasi"]


def test_row_named_only_by_its_sasaran_takes_the_indicator_with_the_same_numbers():
    iku = [record(1, 0, "Persentase Peningkatan Omset", y, 1.0, r, a) for y, r, a in ((2022, 4.166, 416.6),)]
    iku += [record(1, 0, "Persentase Peningkatan Omset", 2023, 1.0, None, None)]
    other = [record(1, 1, "Persentase Peningkatan Produksi", 2022, 0.1, 0.094, 94.0)]
    by_sasaran = [record(2, 0, "Meningkatnya Penjualan Produk Sektor Unggulan", 2022, 1.0, 4.166, 416.6)]
    for r in by_sasaran:
        r.level = "sasaran"
    restore_unnamed_indicators([*iku, *other, *by_sasaran])
    assert by_sasaran[0].indicator == "Persentase Peningkatan Omset"
    assert by_sasaran[0].sasaran == "Meningkatnya Penjualan Produk Sektor Unggulan"


def test_a_heading_of_its_own_after_the_last_years_block_keeps_its_name():
    # "2015" and "2016" each over a block, then "Target / Renstra / Tahun / 2018" of its own
    header = [cells("No", "Indikator", "", "2015", None, None, None, "2016", None, None, "Target"),
              cells(None, None, "Target", None, "Realisasi", "Capaian", "Target", "Realisasi", "Capaian", None, "Renstra"),
              cells(None, None, None, None, None, None, None, None, None, None, "Tahun"),
              cells(None, None, None, None, None, None, None, None, None, None, "2018")]
    assert column_paths(header)[-1] == "Target › Renstra › Tahun › 2018"


def test_a_heading_spans_only_over_columns_under_its_own_headings():
    # "Indikator" in a lower header row, its neighbours covered from above by "Realisasi" / "Target":
    # it does not span over them
    header = [cells("No", "Sasaran", "", "Realisasi", None, "Target"),
              cells(None, None, "Indikator", None, None, None),
              cells(None, None, "", "2015", "2016", "2018")]
    assert column_paths(header)[2:] == ["Indikator", "Realisasi › 2015", "Realisasi › 2016", "Target › 2018"]


def test_a_grade_in_a_value_cell_does_not_shift_its_row():
    """'Nilai IPP | B', 'Nilai SKM | BAIK' under a sasaran spanning them: a value printed as a word (a grade, a
    rating) is a target like a number (Readings settled 4), so the row is not moved a column left and joined to
    the one above."""
    from extractors.grid import realign_rows
    rows = [[Cell(t, 1) for t in ("1", "Meningkatnya tata kelola", "Nilai SAKIP", "81,00")],
            [Cell(None, 1), Cell(None, 1), Cell("Nilai IPP", 1), Cell("B", 1)],
            [Cell(None, 1), Cell(None, 1), Cell("Nilai SKM", 1), Cell("BAIK", 1)]]
    assert realign_rows(rows, [None, "text", "text", "number"]) == rows
