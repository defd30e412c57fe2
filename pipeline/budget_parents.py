"""Where a budget row sits: the row above it that it is part of (its `parent_row`).

In:  each row of a budget table in printed order: its level (from `normalizers.levels`), name and code, and
     the state kept over the rows above (the open slots, the rows by their code, the numbered run).
Out: the row index of its parent, or None.

The evidence, strongest first: the row's code extends another's ("2.2.3.2" under "2.2.3"); the row is one of
a run numbered 1, 2, 3 … afresh after a dotted code ("A.2", then "1", "2"); else the nearest open row of a
level it can sit under (a kegiatan under its program, a program under the direct spending "BELANJA
LANGSUNG"), unless the two codes have as many parts (siblings). A total sits under nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.lexicon import DIRECT_SPENDING, SPENDING_SPLIT

# The separators of a budget or account code's parts ("2.2.3", "5735-BCE").
CODE_SEPARATORS = re.compile(r"[.\-]")


def code_key(code: str) -> str:
    """A code with its parts joined by "." ("5735-BCE" -> "5735.BCE")."""
    return ".".join(p for p in CODE_SEPARATORS.split(code.strip()) if p)


def code_parent(code: str | None, coded: dict[str, int]) -> int | None:
    """The row whose code the row's code extends ("2.2.3.2" under "2.2.3", else "2.2"), the longest such code
    printed above it in the table: a code's parts say where the row sits, whatever level its name gives.
    In: the row's code, the rows above by `code_key`. Out: that row's index, or None."""
    parts = code_key(code or "").split(".")
    for k in range(len(parts) - 1, 0, -1):
        parent = coded.get(".".join(parts[:k]))
        if parent is not None:
            return parent
    return None


# The rows a budget row can sit under, nearest first, by the slot they hold open (`Hierarchy._open`): a
# sub-kegiatan under its kegiatan (or its program when no kegiatan is printed), a kegiatan under its program,
# a program under the direct spending above it ("BELANJA LANGSUNG"), a kind within a kegiatan or within the
# indirect spending ("Belanja Pegawai") under that kegiatan, program or split row.
PARENT_SLOTS = {"sub_kegiatan": ("kegiatan", "program"), "kegiatan": ("program",), "program": ("direct",),
                "jenis_belanja": ("kegiatan", "program", "spending")}
# The slots a row closes: a program closes the kegiatan above it; a row of the split into direct and indirect
# spending (SPENDING_SPLIT) closes every slot (salaries hold no program); a kind within a kegiatan none.
CLOSES = {"program": ("kegiatan",), "split": ("program", "kegiatan", "spending", "direct")}


@dataclass
class OrdinalRun:
    """Rows numbered 1, 2, 3 … afresh under each row of a dotted code ("A.2" Kegiatan Alfa, then its
    sub-kegiatan "1", "2", "3"; a number may be skipped, "4" then "6"): the run sits under the coded row it
    starts right after, and goes on while the numbers rise. Fed every row of a table in order (`parent`), it
    keeps the last dotted code's row and the run's last number."""
    head: int | None = None  # the row of the last dotted code
    last: int | None = None  # the run's last number, None when no run is open
    row: int | None = None  # the row seen last

    def parent(self, code: str | None, i: int) -> int | None:
        """The coded row that row i (its code `code`) sits under as one of its run, else None."""
        code = (code or "").strip().rstrip(".")
        previous, self.row = self.row, i
        if code.isdigit() and self.head is not None and (
                (code == "1" and previous == self.head) or (self.last is not None and int(code) > self.last)):
            self.last = int(code)
            return self.head
        self.last = None
        if len(code_key(code).split(".")) >= 2:
            self.head = i
        return None


@dataclass
class Hierarchy:
    """Where each row of one budget table sits, fed its rows in printed order (`place`). It keeps the
    slots the rows above hold open, the rows above by their code (and each row's code), and the numbered
    run (`OrdinalRun`)."""
    slots: dict[str, int] = field(default_factory=dict)  # slot name ("program", "direct" …) -> row
    by_code: dict[str, int] = field(default_factory=dict)  # a row's code, parts joined by "." -> row
    code_of: dict[int, str] = field(default_factory=dict)  # row -> its code, parts joined by "."
    run: OrdinalRun = field(default_factory=OrdinalRun)

    def place(self, level: str, name: str, code: str | None, i: int) -> int | None:
        """The row that row i (its level, name and code) sits under, else None; then row i is seen."""
        in_run = self.run.parent(code, i) if level != "total" else None
        parent = self._parent(level, name, code, in_run)
        if code and level != "total":
            self.by_code[code_key(code)] = i
            self.code_of[i] = code_key(code)
        self._open(level, name, i)
        return parent

    def _parent(self, level: str, name: str, code: str | None, in_run: int | None) -> int | None:
        """The row whose code the row's code extends (`code_parent`), else the coded row its numbered run
        follows, else the nearest open slot of PARENT_SLOTS unless the two codes have as many parts
        (siblings); None for a total and for a row of the split into direct and indirect spending."""
        if level == "total":
            return None  # a total sits under nothing, whatever its code cell holds
        by_code = code_parent(code, self.by_code)
        if by_code is not None or in_run is not None:
            return by_code if by_code is not None else in_run
        if level == "jenis_belanja" and SPENDING_SPLIT.match(name):
            return None
        slot = next((self.slots[s] for s in PARENT_SLOTS.get(level, ()) if s in self.slots), None)
        return None if slot is not None and self._siblings(code, slot) else slot

    def _siblings(self, code: str | None, row: int) -> bool:
        """Whether the row's dotted code and the code of the row `row` above have as many parts ("5.1.05" and
        "5.1.02"): the codes say the two are siblings, whatever levels their names gave."""
        parts = len(code_key(code or "").split("."))
        above = self.code_of.get(row)
        return parts >= 2 and above is not None and len(above.split(".")) == parts

    def _open(self, level: str, name: str, i: int) -> None:
        """Row i closes the slots it ends (CLOSES) and holds its own open for the rows below it."""
        split = level == "jenis_belanja" and bool(SPENDING_SPLIT.match(name))
        for slot in CLOSES.get("split" if split else level, ()):
            self.slots.pop(slot, None)
        if level in ("program", "kegiatan"):
            self.slots[level] = i
        if split:
            self.slots["spending"] = i
            if DIRECT_SPENDING.match(name):
                self.slots["direct"] = i
