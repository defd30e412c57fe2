"""`python -m pipeline export`: the analyst views as files for the tools analysts use.

In:  a database written by `pipeline extract` (SQLite path or SQLAlchemy URL) and an output folder.
Out: under OUT/export/, each view as `<view>.csv` (UTF-8 with a byte-order mark, so spreadsheet
     programs read the Indonesian names right) and `<view>.parquet`, and one workbook `lkjip.xlsx`
     with a sheet per view (header frozen and filtered). Written with pandas (pyarrow, openpyxl);
     numbers stay numbers, NULL stays empty. Each file is written under a temporary name and renamed,
     so a failed export never leaves half a file behind.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from pipeline.db import engine_for
from pipeline.files import replace_whole

# The views of CONTRACT.md first, in this order; any other view the database offers follows.
PREFERRED_ORDER = ("documents", "performance", "budget", "findings")
# Excel's sheet-name limit.
SHEET_NAME_MAX = 31


@dataclass
class ExportedView:
    view: str
    rows: int
    files: list[Path]


def view_names(engine: Engine) -> list[str]:
    """The database's views, the contract's first."""
    names = inspect(engine).get_view_names()
    return [v for v in PREFERRED_ORDER if v in names] + sorted(v for v in names if v not in PREFERRED_ORDER)


def read_views(db: str) -> dict[str, pd.DataFrame]:
    """Every view of the database as a DataFrame, read through one connection."""
    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            return {view: pd.read_sql(f"SELECT * FROM {view}", conn) for view in view_names(engine)}
    finally:
        engine.dispose()


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8-sig")  # with a BOM: spreadsheet programs read UTF-8 right


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    frame.to_parquet(path, index=False)


def _write_workbook(frames: dict[str, pd.DataFrame], path: Path) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for view, frame in frames.items():
            sheet = view[:SHEET_NAME_MAX]
            frame.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"
            if ws.max_row >= 1 and ws.max_column >= 1:
                ws.auto_filter.ref = ws.dimensions


def export(db: str, out_dir: str | Path) -> list[ExportedView]:
    """Every view as CSV and Parquet, and the workbook of them all, under `out_dir`/export."""
    folder = Path(out_dir) / "export"
    folder.mkdir(parents=True, exist_ok=True)
    frames = read_views(db)
    done = []
    for view, frame in frames.items():
        csv = replace_whole(folder / f"{view}.csv", partial(_write_csv, frame))
        parquet = replace_whole(folder / f"{view}.parquet", partial(_write_parquet, frame))
        done.append(ExportedView(view, len(frame), [csv, parquet]))
    workbook = replace_whole(folder / "lkjip.xlsx", partial(_write_workbook, frames))
    for item in done:
        item.files.append(workbook)
    return done


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the views as CSV, Parquet and one XLSX workbook under OUT/export/")
    p.add_argument("--db", default="data/out/lkjip.sqlite", help="SQLite path or SQLAlchemy URL (default data/out/lkjip.sqlite)")
    p.add_argument("--out", default="data/out", help="folder under which export/ is written (default data/out)")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    for item in export(args.db, args.out):
        print(f"{item.view:<22} {item.rows:>7} rows  ->  {', '.join(str(f) for f in item.files[:2])}")
    print(f"workbook: {Path(args.out) / 'export' / 'lkjip.xlsx'}")
    return 0
