"""A ruled table as `lattice.FoundTable` holds it (rows and box computed once, its cells read from the
characters inside its box) answers as pdfplumber's own `Table` does, on a generated Word-like ruled
report: the same box, rows and cell texts, with the settings the lattice reader uses."""
from __future__ import annotations

import pdfplumber

from extractors.fast_objects import feed
from extractors.lattice import SETTINGS, FoundTable, RulesByHeight


def test_found_table_answers_as_pdfplumbers_table(ruled_pdf):
    compared = 0
    with pdfplumber.open(ruled_pdf) as pdf:
        for page in pdf.pages:
            feed(page)
            for table in page.find_tables(SETTINGS):
                found = FoundTable(table)
                assert found.bbox == table.bbox
                assert [r.cells for r in found.rows] == [r.cells for r in table.rows]
                assert found.extract(x_tolerance=2, y_tolerance=3) == table.extract(x_tolerance=2, y_tolerance=3)
                compared += 1
    assert compared > 0


def test_rules_by_height_finds_what_a_pass_over_all_finds():
    rules = [{"top": top, "x0": 0.0, "x1": 10.0} for top in (5.0, 7.0, 7.0000001, 9.0, 9.5, 30.0, 2.999999)]
    level = RulesByHeight(rules)
    for y in (5.0, 7.0, 11.0, 1.0, 28.0, 100.0):
        expected = [r for r in rules if abs(r["top"] - y) <= 2.0]
        assert sorted(map(id, level.near(y, 2.0))) == sorted(map(id, expected))
