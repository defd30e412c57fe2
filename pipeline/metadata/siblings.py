"""The region of a document that prints none, read from the words its file name shares with the
documents loaded beside it.

In:  the loaded reports: each one's name (its path below the folder given) and region.
Out: for each report without a region, the region the other reports sharing a word of its name all
     have ("tangsel-2023-disnaker.pdf" beside "tangsel-2023-dinkes.pdf" and "tangsel-2023-dishub.pdf",
     both Kota Tangerang Selatan), with that evidence in words; nothing when they disagree.

A collection names its files after the region it comes from, often in a short form no rule can
expand ("tangsel", "jabar", "kab-bangka"); the documents that print their region teach what the
short form means. A word that documents of two regions share ("2023", "pk", "kab") means no region.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from normalizers.names import region_key
from pipeline import db
from pipeline.metadata.evidence import file_name_words

# A word names a region once this many documents with a region carry it, and all name the same one.
MIN_DOCUMENTS = 2
# A word shorter than this is a code or a kind ("pk", "rs"), not a region's name.
MIN_WORD_LENGTH = 4


def name_words(source_file: str) -> set[str]:
    """The words of a report's name that may name a region: no numbers, no short codes."""
    return {w.lower() for w in file_name_words(source_file).split()
            if len(w) >= MIN_WORD_LENGTH and not any(ch.isdigit() for ch in w)}


def regions_of_words(named: dict[str, str]) -> dict[str, tuple[str, int]]:
    """word -> (the region every document carrying it names, how many), for words MIN_DOCUMENTS or
    more documents carry and whose documents agree. `named`: source_file -> region."""
    by_word: dict[str, Counter] = defaultdict(Counter)
    for source_file, region in named.items():
        for word in name_words(source_file):
            by_word[word][region] += 1
    return {w: next(iter(c.items())) for w, c in by_word.items() if len(c) == 1 and sum(c.values()) >= MIN_DOCUMENTS}


def regions_from_siblings(named: dict[str, str], unnamed: list[str]) -> dict[str, tuple[str, str]]:
    """source_file -> (region, evidence in words) for the reports of `unnamed` whose name's words
    point to one region only."""
    meanings = regions_of_words(named)
    out = {}
    for source_file in unnamed:
        found = {w: meanings[w] for w in name_words(source_file) if w in meanings}
        regions = {region for region, _ in found.values()}
        if len(regions) == 1:
            region = regions.pop()
            why = "; ".join(f"the file name's word '{w}' is in {n} other documents, all of {r}" for w, (r, n) in found.items())
            out[source_file] = (region, why)
    return out


def fill_regions_from_siblings(engine: Engine) -> int:
    """Give each loaded report without a region the one its file name's words point to (the other
    reports teach them); returns how many reports got one. Its evidence is added to meta_evidence."""
    r, a = db.reports, db.agencies
    with engine.connect() as conn:
        rows = conn.execute(select(r.c.id, r.c.source_file, r.c.meta_evidence, a.c.agency, a.c.agency_key, a.c.region)
                            .select_from(r.outerjoin(a, a.c.id == r.c.agency_id))).all()
    named = {row.source_file: row.region for row in rows if row.region}
    found = regions_from_siblings(named, [row.source_file for row in rows if not row.region])
    if not found:
        return 0
    with db.writing(engine) as conn:
        for row in rows:
            if row.source_file not in found:
                continue
            region, why = found[row.source_file]
            key = (row.agency_key or "", region_key(region) or "")
            agency_id = conn.execute(select(a.c.id).where(a.c.agency_key == key[0], a.c.region_key == key[1])).scalar()
            if agency_id is None:
                inserted = conn.execute(insert(a).values(agency_key=key[0], region_key=key[1], agency=row.agency,
                                                         region=region)).inserted_primary_key
                agency_id = inserted[0] if inserted else None
            evidence = json.loads(row.meta_evidence) if row.meta_evidence else {}
            evidence["region"] = [f"rule: no text names a region; {why}"] + evidence.get("region", [])
            conn.execute(update(r).where(r.c.id == row.id).values(agency_id=agency_id,
                                                                  meta_evidence=json.dumps(evidence, ensure_ascii=False)))
    return len(found)
