"""Cross-report steps after loading: the indicator catalogue, the validator, and the region of a
report that prints none.

In:  the database.
Out: `indicator_catalogue` rebuilt over every report (with reviewed synonyms from
     `synonyms.csv` when present; `normalizers.catalogue` reads each name with its report's agency and
     texts, so one printed name may have one canonical per agency), `indicator_canonical` filled in
     per report and name, the findings replaced, and a
     region given to a report without one when its file name's words name it in the others
     (`pipeline.metadata.siblings`).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import and_, bindparam, select
from sqlalchemy.engine import Engine

from normalizers.catalogue import CatalogueRow, PrintedName, build
from normalizers.names import read_synonyms
from pipeline import db
from pipeline.metadata.siblings import fill_regions_from_siblings
from pipeline.validate import validate_database

SYNONYMS_FILE = "synonyms.csv"


def update_catalogue(engine: Engine, synonyms_path: str | Path | None = SYNONYMS_FILE) -> int:
    """Rebuild the catalogue over every report; returns the number of canonical names."""
    names, texts = _printed_names(engine)
    rows = build(names, report_texts=texts, synonyms=read_synonyms(synonyms_path))
    _store_catalogue(engine, rows)
    return len({r.canonical for r in rows})


def _printed_names(engine: Engine) -> tuple[list[PrintedName], dict[str, list[str]]]:
    """Every performance row's indicator with its report, agency and whether OCR read it, and each report's texts where an
    abbreviation may be spelled out (indicator names, sasaran, budget names, captions, the narrative
    below tables)."""
    pv, r, a, st, bv = (db.performance_values, db.reports, db.agencies, db.source_tables, db.budget_values)
    names: list[PrintedName] = []
    texts: dict[str, list[str]] = defaultdict(list)
    with engine.connect() as conn:
        query = (select(r.c.id, pv.c.indicator, pv.c.sasaran, a.c.agency, pv.c.ocr_confidence, a.c.region)
                 .select_from(pv.join(r, r.c.id == pv.c.report_id).outerjoin(a, a.c.id == r.c.agency_id)))
        for report_id, indicator, sasaran, agency, ocr_confidence, region in conn.execute(query):
            if indicator:
                names.append(PrintedName(indicator, str(report_id), agency, ocr=ocr_confidence is not None,
                                         region=region))
                texts[str(report_id)].append(indicator)
            if sasaran:
                texts[str(report_id)].append(sasaran)
        for report_id, name in conn.execute(select(bv.c.report_id, bv.c.name)):
            texts[str(report_id)].append(name or "")
        for report_id, caption, after in conn.execute(select(st.c.report_id, st.c.caption, st.c.context_after)):
            texts[str(report_id)].extend(t for t in (caption, after) if t)
    return names, texts


def _store_catalogue(engine: Engine, rows: list[CatalogueRow]) -> None:
    """The catalogue table (one row per distinct variant, canonical and evidence) and each report's
    `indicator_canonical`."""
    distinct = {(row.variant, row.canonical, row.score, row.evidence) for row in rows}
    entries = [dict(variant=v, canonical=c, score=s, evidence=e) for v, c, s, e in sorted(distinct)]
    pv = db.performance_values
    update = (pv.update().where(and_(pv.c.report_id == bindparam("report"), pv.c.indicator == bindparam("variant")))
              .values(indicator_canonical=bindparam("canonical")))
    with db.writing(engine) as conn:
        conn.execute(db.indicator_catalogue.delete())
        if entries:
            conn.execute(db.indicator_catalogue.insert(), entries)
        if rows:
            conn.execute(update, [dict(report=int(row.report), variant=row.variant, canonical=row.canonical)
                                  for row in rows])


def finalize(engine: Engine, out_dir: str | Path = "data/out", catalogue: bool = True) -> int:
    """Rebuild the catalogue (unless catalogue=False) and replace all findings; returns their count."""
    if catalogue:
        update_catalogue(engine)
    fill_regions_from_siblings(engine)
    findings = validate_database(engine)
    db.replace_findings(engine, findings)
    return len(findings)
