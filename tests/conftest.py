"""Shared fixtures: sample reports generated in code (known answers), a temporary database."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.samples import default_spec, render_pdf

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def consistent_spec():
    return default_spec()


@pytest.fixture(scope="session")
def ruled_pdf(tmp_path_factory, consistent_spec) -> Path:
    return render_pdf(consistent_spec, tmp_path_factory.mktemp("ruled") / "ruled.word.pdf", "ruled")


@pytest.fixture(scope="session")
def borderless_pdf(tmp_path_factory, consistent_spec) -> Path:
    return render_pdf(consistent_spec, tmp_path_factory.mktemp("plain") / "borderless.plain.pdf", "borderless")


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "out" / "test.sqlite")


@pytest.fixture
def saved_tables(capsys):
    """A function: a reportlab drawing saved to `pdf`, and the tables `python -m pipeline tables --json`
    reads back from it (for tests that draw their own ruled or borderless tables)."""
    from pipeline.cli import main

    def read(c, pdf) -> list[dict]:
        c.showPage()
        c.save()
        capsys.readouterr()
        assert main(["tables", str(pdf), "--json"]) == 0
        return json.loads(capsys.readouterr().out)
    return read


@pytest.fixture
def ruled_table():
    """A function: a table ruled on every cell drawn on a reportlab canvas, `rows` (the header first) in cells
    whose left edges are `edges` (the last the right border), `row_height` apart from `top`, each cell's text put
    on the page by `draw(c, x, y, text, is_header)` at `baseline` below its row's top (default: drawString).
    Returns the table's bottom."""
    def draw_table(c, edges: list[float], rows: list[list[str]], top: float, row_height: float,
                   draw=None, baseline: float = 15.0) -> float:
        bottom = top - row_height * len(rows)
        for x in edges:
            c.line(x, top, x, bottom)
        for k in range(len(rows) + 1):
            c.line(edges[0], top - row_height * k, edges[-1], top - row_height * k)
        for k, row in enumerate(rows):
            for x, text in zip(edges, row):
                if draw is None:
                    c.drawString(x + 3, top - row_height * k - baseline, text)
                else:
                    draw(c, x + 3, top - row_height * k - baseline, text, k == 0)
        return bottom
    return draw_table


@pytest.fixture
def stream_paths_and_body(saved_tables):
    """A function: a reportlab drawing of one borderless table under a header rule saved to `pdf` -> its columns'
    header paths ("Group › Sub") and its body rows, as `python -m pipeline tables --json` reads them."""
    from extractors.grid import column_paths
    from pipeline.models import Cell

    def read(c, pdf) -> tuple[list[str], list[list[str | None]]]:
        [table] = [t for t in saved_tables(c, pdf) if t["method"] == "stream"]
        n = table["header_rows"]
        return column_paths([[Cell(text, 1) for text in row] for row in table["rows"][:n]]), table["rows"][n:]
    return read


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory) -> tuple[str, Path]:
    """The default sample report (ruled) extracted into its own database: (database path, out folder)."""
    from pipeline.cli import main

    root = tmp_path_factory.mktemp("sample_db")
    render_pdf(default_spec(), root / "in" / "laporan.word.pdf", "ruled")
    db = str(root / "lkjip.sqlite")
    assert main(["extract", str(root / "in"), "--db", db, "--out", str(root / "out"), "--quiet"]) == 0
    return db, root / "out"


def empty_database(url: str) -> None:
    """Drop every view and table of the pipeline's schema in the database at `url` (PostgreSQL tests)."""
    from sqlalchemy import text

    from pipeline import db

    engine = db.engine_for(url)
    with engine.begin() as conn:
        for view in db.VIEWS:
            conn.execute(text(f"DROP VIEW IF EXISTS {view}"))
    db.metadata.drop_all(engine)
    engine.dispose()


def picture_report(path, picture, caption: str, width: float, opening: tuple[str, str]) -> None:
    """One text page for the picture-table tests: two opening lines, the caption, the table as a picture `width`
    points wide (its height kept in proportion), a closing sentence."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 790, opening[0])
    c.drawString(60, 770, opening[1])
    c.drawString(60, 740, caption)
    height = width * picture.height / picture.width
    c.drawImage(ImageReader(picture), 50, 730 - height, width=width, height=height)
    c.drawString(60, 700 - height, "Capaian kinerja tersebut menunjukkan hasil yang baik.")
    c.showPage()
    c.save()


def draw_cells(c, rows, widths, top: float, row_pt: float, baseline: float, *, pad: float = 4.0,
               right_from: int | None = None, header_size: float | None = None, left: float = 60.0) -> None:
    """Rows of ruled cells drawn with reportlab's canvas `c` from `top` down, `row_pt` high, each text `pad` from its
    cell's left edge and `baseline` below its row's top; body cells from column `right_from` on set right-aligned;
    with `header_size`, the first row in bold and the others plain at that size (else the canvas's font)."""
    for r, row in enumerate(rows):
        x, y = left, top - r * row_pt
        if header_size is not None:
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", header_size)
        for j, (text, width) in enumerate(zip(row, widths)):
            c.rect(x, y - row_pt, width, row_pt)
            if right_from is not None and j >= right_from and r:
                c.drawRightString(x + width - pad, y - baseline, text)
            else:
                c.drawString(x + pad, y - baseline, text)
            x += width
