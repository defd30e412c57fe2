"""A column headed as a target whose cells say when, not how much: a schedule, not a value.

A Renstra's frameworks print their plans as tables headed like targets: the regulation framework
("Kerangka Regulasi": … | Unit Penanggung Jawab | Target Penyelesaian) gives each regulation the year it is
to be finished ("2022"), the institutional framework ("Kerangka Kelembagaan": … | TARGET › 2020 … 2024)
ticks the year each change is made ("v", "√"). Their rows are no indicators and their cells no targets. A
target / realisasi / capaian column whose every printed cell is a bare year or a tick mark is read as a
schedule: the values decide, the word "Target" is evidence only.

In:  the table's ColumnRoles (after the roles and years are decided) and the table.
Out: those columns' role set to other, with the evidence in words (one line a column). A column with any
     quantity, percent, amount or word in it keeps its role; an empty column is not judged.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.grid import text_of
from pipeline.models import RawTable

if TYPE_CHECKING:
    from pipeline.classify import ColumnRole

# A bare year, alone or as a span, as a completion date prints: "2022", "Tahun 2023", "2021-2022", "TW IV 2022"
# is no bare year.
WHEN_YEAR = re.compile(r"^(?:tahun\s+)?(?:19[89]\d|20\d\d)(?:\s*[-–—/]\s*(?:19[89]\d|20\d\d))?$", re.IGNORECASE)
# A tick in a schedule's year cell: the letter v (typed for a check mark), a check mark or a square root sign
# a font draws for one.
TICK = re.compile(r"^(?:v|V|√|✓|✔|☑|\u221a)$")
# The roles a schedule's column was read as.
VALUE_ROLES = ("target", "realization", "achievement")


def _says_when(text: str) -> bool:
    return bool(WHEN_YEAR.match(text) or TICK.match(text))


def _printed_cells(table: RawTable, j: int) -> list[str]:
    return [t for row in table.body if j < len(row) for t in [text_of(row[j])] if t and t not in ("-", "–")]


def schedule_columns(columns: list[ColumnRole], table: RawTable) -> list[str]:
    """Set the value columns whose every printed cell is a year or a tick to other; the evidence of each."""
    evidence = []
    for c in columns:
        if c.role not in VALUE_ROLES:
            continue
        cells = _printed_cells(table, c.index)
        if cells and all(_says_when(t) for t in cells):
            kind = "ticks" if all(TICK.match(t) for t in cells) else "years"
            evidence.append(f"col {c.index}: headed '{c.path}' but its {len(cells)} printed cells are {kind} "
                            f"(when, not how much: a schedule): {c.role} -> other")
            c.role = "other"
    return evidence
