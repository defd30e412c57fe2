"""Precision and recall of the indicator catalogue on cross-report pairs, against hand-made groups.

In:  a database written by `pipeline extract` / `rebuild` over ../shared/real (SQLite path or
     SQLAlchemy URL), and `indicator_groups.shared_real.handmade.csv` beside this script.
Out: printed figures: of the pairs of annotated names from DIFFERENT reports, how many the catalogue
     puts under one `indicator_canonical` (predicted), how many a person put in one group (gold), how
     many both; precision = both / predicted, recall = both / gold; and per gold group the pairs missed.

The groups were made by hand by a helper session (2026-12-06) reading the distinct indicator names of
the baseline database of ../shared/real (the performance view): every name of the two Purbalingga
Setwan reports, the two Bakamla reports, the Grobogan DPUPR reports, the 2022 and 2023 Sidoarjo PKs
and the Bangka scan, plus the names of the other reports that carry a recurring concept (satisfaction
index, SAKIP / AKIP, BPK opinion, PDRB, budget absorption, SPIP) or a counterpart of those names.
Names measuring the same quantity got one group id; a name with no counterpart its own ("alone_N").
They were read, not produced by the catalogue; they are one person's judgement, not a gold standard.
Names absent from the database (a report not extracted, a name read differently) are counted and skipped.

`--recompute` rebuilds the catalogue of a copy of the database with the code of this tree first (the
database given is not changed), to measure a change of `normalizers/` without re-extracting.
`--metadata ../shared/real/metadata.json` instead of `--db` measures without a database: the catalogue of
the annotated names alone, each with its report's agency from the metadata and read by OCR when its file is
a scan. On the database of main at 413eb19 both ways give the same figures (277/277, 277/379); report
texts (abbreviations spelled out, the words of the OCR vocabulary) are what the database adds.
"""
from __future__ import annotations

import argparse
import csv
import itertools
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

# The code of the tree this script sits in (not an installed copy of the package).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
GROUPS_FILE = Path(__file__).with_name("indicator_groups.shared_real.handmade.csv")
# How ../shared/real names its scanned reports (read by OCR: their names carry OCR slips).
SCANNED = ".scan."
# Pairs listed per missed group in the printout: enough to see what is missing, short enough to read.
SHOW_MISSED = 3
# The evidence of the catalogue's later steps (normalizers.catalogue, steps 5 and 6): the pairs that rest on
# each are counted apart, so a step's precision can be read on its own.
STEP_EVIDENCE = {"OCR slips": "read by OCR", "cut names": "cut in its cell"}


def read_groups(path: Path) -> dict[tuple[str, str], str]:
    """(source_file, indicator) -> group id."""
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["source_file"], r["indicator"]): r["group"] for r in csv.DictReader(f)}


def read_canonicals(url: str) -> dict[tuple[str, str], str]:
    """(source_file, indicator) -> the canonical name most of its rows carry in the performance view."""
    from sqlalchemy import text

    from pipeline.db import engine_for

    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with engine_for(url).connect() as conn:
        for source_file, indicator, canonical in conn.execute(text(
                "SELECT source_file, indicator, COALESCE(indicator_canonical, indicator) FROM performance")):
            votes[(source_file, indicator)][canonical] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def read_evidence(url: str) -> dict[tuple[str, str], str]:
    """(source_file, indicator) -> the catalogue's evidence for the canonical it carries (all of them joined)."""
    from sqlalchemy import text

    from pipeline.db import engine_for

    with engine_for(url).connect() as conn:
        by_variant: dict[tuple[str, str], list[str]] = defaultdict(list)
        for variant, canonical, evidence in conn.execute(text(
                "SELECT variant, canonical, evidence FROM indicator_catalogue")):
            by_variant[(variant, canonical)].append(evidence or "")
        rows = conn.execute(text("SELECT DISTINCT source_file, indicator, indicator_canonical FROM performance")).all()
    return {(f, i): " | ".join(by_variant.get((i, c), [])) for f, i, c in rows}


def by_step(pairs: set[frozenset[tuple[str, str]]], evidence: dict[tuple[str, str], str]) -> dict[str, int]:
    """How many of `pairs` have a member placed by each of the later steps (`STEP_EVIDENCE`)."""
    return {step: sum(1 for pair in pairs if any(mark in evidence.get(member, "") for member in pair))
            for step, mark in STEP_EVIDENCE.items()}


def labelled_pairs(labels: dict[tuple[str, str], str], cross: bool = True) -> set[frozenset[tuple[str, str]]]:
    """Every pair of names that carry the same label: from different reports (cross), or from one report."""
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, label in labels.items():
        by_label[label].append(key)
    return {frozenset((a, b)) for members in by_label.values()
            for a, b in itertools.combinations(members, 2) if (a[0] != b[0]) == cross}


def score(groups: dict[tuple[str, str], str], canonicals: dict[tuple[str, str], str],
          cross: bool = True) -> dict[str, object]:
    """The pair counts, precision and recall over the annotated names found in the database."""
    present = {k: g for k, g in groups.items() if k in canonicals}
    gold = labelled_pairs(present, cross)
    predicted = labelled_pairs({k: canonicals[k] for k in present}, cross)
    both = gold & predicted
    return {"names": len(groups), "found": len(present), "gold": len(gold), "predicted": len(predicted),
            "both": len(both), "both_pairs": both, "predicted_pairs": predicted, "precision": len(both) / len(predicted) if predicted else 1.0,
            "recall": len(both) / len(gold) if gold else 1.0,
            "missed": sorted(gold - predicted, key=sorted), "wrong": sorted(predicted - gold, key=sorted)}


def names_only(groups: dict[tuple[str, str], str], metadata: Path) -> tuple[dict[tuple[str, str], str],
                                                                           dict[tuple[str, str], str]]:
    """(canonicals, evidence) of the catalogue built from the annotated names alone (see the module)."""
    import json

    from normalizers.catalogue import PrintedName, build

    reports = json.loads(metadata.read_text(encoding="utf-8"))
    names = [PrintedName(name, file, (reports.get(Path(file).stem) or {}).get("agency"), ocr=SCANNED in file,
                         region=(reports.get(Path(file).stem) or {}).get("region"))
             for file, name in groups]
    rows = build(names)
    return ({(r.report, r.variant): r.canonical for r in rows}, {(r.report, r.variant): r.evidence for r in rows})


def recomputed_copy(url: str, workdir: str) -> str:
    """A copy of the SQLite database with its catalogue rebuilt by this tree's code."""
    from pipeline.db import engine_for
    from pipeline.finalize import update_catalogue
    from pipeline.regression import save_copy

    copy = str(Path(workdir) / "catalogue.sqlite")
    if Path(url).exists():
        save_copy(url, copy)
    else:
        shutil.copy(url, copy)
    update_catalogue(engine_for(copy), synonyms_path=None)
    return copy


def show(pairs: list[frozenset[tuple[str, str]]], groups: dict[tuple[str, str], str],
         canonicals: dict[tuple[str, str], str], limit: int) -> None:
    for pair in pairs[:limit]:
        a, b = sorted(pair)
        print(f"    {groups[a]:<32} {a[0][:28]:<28} {a[1][:60]!r}  [{canonicals[a][:40]!r}]")
        print(f"    {groups[b]:<32} {b[0][:28]:<28} {b[1][:60]!r}  [{canonicals[b][:40]!r}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", help="database of ../shared/real (path or SQLAlchemy URL)")
    source.add_argument("--metadata", help="../shared/real/metadata.json: measure on the annotated names alone")
    parser.add_argument("--groups", default=str(GROUPS_FILE), help="the hand-made groups (CSV)")
    parser.add_argument("--recompute", action="store_true", help="rebuild the catalogue of a copy first")
    parser.add_argument("--show", type=int, default=0, help="list this many missed and wrong pairs")
    args = parser.parse_args(argv)
    groups = read_groups(Path(args.groups))
    if args.metadata:
        canonicals, evidence = names_only(groups, Path(args.metadata))
    else:
        with tempfile.TemporaryDirectory() as workdir:
            url = recomputed_copy(args.db, workdir) if args.recompute else args.db
            canonicals = read_canonicals(url)
            evidence = read_evidence(url)
    result = score(groups, canonicals)
    print(f"indicator catalogue, cross-report pairs of hand-made groups ({result['found']}/{result['names']} "
          f"annotated names in the database): precision {result['precision']:.1%} "
          f"({result['both']}/{result['predicted']}), recall {result['recall']:.1%} ({result['both']}/{result['gold']})")
    printed = score({k: g for k, g in groups.items() if SCANNED not in k[0]}, canonicals)
    print(f"  names of text-layer reports only (no '{SCANNED}' file): precision {printed['precision']:.1%} "
          f"({printed['both']}/{printed['predicted']}), recall {printed['recall']:.1%} ({printed['both']}/{printed['gold']})")
    right = by_step(result["both_pairs"], evidence)  # type: ignore[arg-type]
    made = by_step(result["predicted_pairs"], evidence)  # type: ignore[arg-type]
    print("  pairs resting on a later step (right / put together): "
          + ", ".join(f"{step} {right[step]}/{made[step]}" for step in STEP_EVIDENCE))
    within = score(groups, canonicals, cross=False)
    print(f"  pairs within one report (variants of one indicator in its tables): precision {within['precision']:.1%} "
          f"({within['both']}/{within['predicted']}), recall {within['recall']:.1%} ({within['both']}/{within['gold']})")
    if args.show:
        print("  missed (same group, different canonical):")
        show(result["missed"], groups, canonicals, args.show)  # type: ignore[arg-type]
        print("  wrong (one canonical, different groups):")
        show(result["wrong"], groups, canonicals, args.show)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
