"""`python -m pipeline diff OLD NEW`: the rows and findings one run gained and lost against another.

In:  two databases written by `pipeline extract` / `rebuild` (SQLite paths or SQLAlchemy URLs).
Out: per report, the performance rows, budget rows and findings found only in OLD (lost) and only in
     NEW (gained), compared as multisets of what an analyst sees (the values and where they stand, not
     internal ids); with --show N, the first N of each per report. Exit status 0 whatever changed.

`make eval` keeps the database of the run before and prints this diff, so every change to a rule is
seen report by report: a rule that helps one family and costs another shows both. A speed change must
show no line at all.
"""
from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import text

from pipeline.db import engine_for

# What identifies a row for the diff: the columns an analyst reads, in the order printed. Page and
# table are part of it (a value moving to another table is a change); row and value ids are not.
KEYS: dict[str, tuple[str, ...]] = {
    "performance": ("table_label", "page", "indicator", "year", "target", "realization", "achievement_pct"),
    "budget": ("table_label", "page", "name", "year", "pagu_initial", "pagu", "realization", "realization_pct"),
    "findings": ("rule", "table_label", "page", "subject", "reported", "expected"),
}
# Floats printed in the diff and compared: the views store parsed numbers; 6 significant digits
# keep two runs of the same parse equal while any real change of a value shows.
SIGNIFICANT_DIGITS = 6

Row = tuple[object, ...]


@dataclass
class ViewDiff:
    """One view of one report: the rows only the old run has and only the new run has."""
    lost: list[Row] = field(default_factory=list)
    gained: list[Row] = field(default_factory=list)


@dataclass
class ReportDiff:
    source_file: str
    views: dict[str, ViewDiff]

    @property
    def changed(self) -> bool:
        return any(v.lost or v.gained for v in self.views.values())


def save_copy(sqlite_path: str, destination: str) -> None:
    """A consistent copy of a SQLite database in WAL mode (the -wal file's pages included), to diff
    the next run against."""
    import sqlite3

    with sqlite3.connect(sqlite_path) as source, sqlite3.connect(destination) as copy:
        source.backup(copy)


def _normal(value: object) -> object:
    if isinstance(value, float):
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return value


def read_view(db: str, view: str) -> dict[str, Counter[Row]]:
    """source_file -> multiset of the view's rows (KEYS[view] columns); a view the database lacks is empty."""
    engine = engine_for(db)
    columns = ", ".join(("source_file",) + KEYS[view])
    out: dict[str, Counter[Row]] = {}
    try:
        with engine.connect() as conn:
            for row in conn.execute(text(f"SELECT {columns} FROM {view}")):
                out.setdefault(row[0], Counter())[tuple(_normal(v) for v in row[1:])] += 1
    except Exception:  # an older database without the view: everything in it counts as absent
        return {}
    finally:
        engine.dispose()
    return out


def diff(old_db: str, new_db: str) -> list[ReportDiff]:
    """Every report of either database, with its per-view difference."""
    old = {view: read_view(old_db, view) for view in KEYS}
    new = {view: read_view(new_db, view) for view in KEYS}
    files = sorted({f for view in KEYS for f in (*old[view], *new[view]) if f is not None})
    reports = []
    for source_file in files:
        views = {}
        for view in KEYS:
            before, after = old[view].get(source_file, Counter()), new[view].get(source_file, Counter())
            views[view] = ViewDiff(lost=sorted((before - after).elements(), key=str),
                                   gained=sorted((after - before).elements(), key=str))
        reports.append(ReportDiff(source_file, views))
    return reports


def format_diff(reports: list[ReportDiff], show: int = 0) -> str:
    """A table of -lost/+gained per report and view, only the reports that changed, then the totals."""
    lines = [f"{'report':<44}" + "".join(f"{view:>18}" for view in KEYS)]
    totals = {view: [0, 0] for view in KEYS}
    for report in reports:
        for view, d in report.views.items():
            totals[view][0] += len(d.lost)
            totals[view][1] += len(d.gained)
        if not report.changed:
            continue
        cells = "".join(f"{f'-{len(d.lost)} +{len(d.gained)}':>18}" for d in report.views.values())
        lines.append(f"{report.source_file[:43]:<44}{cells}")
        for view, d in report.views.items():
            for sign, rows in (("-", d.lost), ("+", d.gained)):
                for row in rows[:show]:
                    lines.append(f"    {sign} {view:<11} " + " | ".join("" if v is None else str(v) for v in row)[:160])
    changed = sum(r.changed for r in reports)
    lines.append(f"{'ALL (' + str(changed) + ' of ' + str(len(reports)) + ' reports changed)':<44}"
                 + "".join(f"{f'-{lost} +{gained}':>18}" for lost, gained in totals.values()))
    return "\n".join(lines)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="rows and findings gained and lost between two databases, per report")
    p.add_argument("old", help="the database of the earlier run (path or SQLAlchemy URL)")
    p.add_argument("new", help="the database of the later run")
    p.add_argument("--show", type=int, default=0, metavar="N", help="print up to N lost and N gained rows per report and view")
    p.set_defaults(func=cmd_diff)


def cmd_diff(args: argparse.Namespace) -> int:
    print(format_diff(diff(args.old, args.new), args.show))
    return 0
