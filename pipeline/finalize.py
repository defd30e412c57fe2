"""Cross-report steps after loading: the indicator catalogue, the validator, and the region of a
report that prints none.

In:  the database.
Out: `indicator_catalogue` rebuilt over every report (with reviewed synonyms from
     `synonyms.csv` when present), `indicator_canonical` filled in, the findings replaced, and a
     region given to a report without one when its file name's words name it in the others
     (`pipeline.metadata.siblings`).
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from normalizers.names import build_catalogue, read_synonyms
from pipeline import db
from pipeline.metadata.siblings import fill_regions_from_siblings
from pipeline.validate import validate_database

SYNONYMS_FILE = "synonyms.csv"


def update_catalogue(engine: Engine, synonyms_path: str | Path | None = SYNONYMS_FILE) -> int:
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(select(db.performance_values.c.indicator)) if r[0]]
    entries = build_catalogue(names, synonyms=read_synonyms(synonyms_path))
    db.replace_catalogue(engine, [asdict(e) for e in entries])
    return len({e.canonical for e in entries})


def finalize(engine: Engine, out_dir: str | Path = "data/out", catalogue: bool = True) -> int:
    """Rebuild the catalogue (unless catalogue=False) and replace all findings; returns their count."""
    if catalogue:
        update_catalogue(engine)
    fill_regions_from_siblings(engine)
    findings = validate_database(engine)
    db.replace_findings(engine, findings)
    return len(findings)
