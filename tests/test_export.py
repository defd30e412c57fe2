"""`pipeline export`: every view as CSV, Parquet and a workbook sheet, each reading back equal to the view."""
from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from pipeline.export import export


@pytest.fixture(scope="module")
def exported(sample_database):
    db, out = sample_database
    return db, export(db, out), out / "export"


def _view(db: str, view: str) -> pd.DataFrame:
    with sqlite3.connect(db) as con:
        return pd.read_sql(f"SELECT * FROM {view}", con)


def test_every_contract_view_is_exported(exported):
    _, done, _ = exported
    assert {"performance", "budget", "findings"} <= {d.view for d in done}
    assert next(d for d in done if d.view == "performance").rows > 0


@pytest.mark.parametrize("view", ["performance", "budget"])
def test_csv_and_parquet_read_back_equal_to_the_view(exported, view):
    db, _, folder = exported
    expected = _view(db, view)
    parquet = pd.read_parquet(folder / f"{view}.parquet")
    pd.testing.assert_frame_equal(parquet, expected, check_dtype=False)
    csv = pd.read_csv(folder / f"{view}.csv", encoding="utf-8-sig")
    assert list(csv.columns) == list(expected.columns) and len(csv) == len(expected)
    for column in ("target", "pagu"):
        if column in expected:
            assert csv[column].tolist() == pytest.approx(expected[column].tolist(), nan_ok=True)


def test_workbook_has_a_sheet_per_view_with_a_frozen_filtered_header(exported):
    from openpyxl import load_workbook

    db, done, folder = exported
    book = load_workbook(folder / "lkjip.xlsx")
    assert [d.view for d in done] == book.sheetnames
    sheet = book["performance"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.max_row == len(_view(db, "performance")) + 1
