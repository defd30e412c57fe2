"""Command line: `python -m pipeline extract|validate|report|samples …` (also installed as `lkjip`).

extract   FOLDER --db URL   read every report under FOLDER into the database, then validate
rebuild   --out DIR --db URL  re-run the stages after reading (classify, rows, checks) from the
                            intermediate JSON under DIR/extracted, without reading the PDFs again
validate  --db URL          re-run the arithmetic checks over the database (no re-extraction)
report    --db URL          write the auditors' inconsistency report (HTML + XLSX)
samples   --out DIR         generate the small sample reports shipped in data/raw/
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

DEFAULT_DB = "data/out/lkjip.sqlite"
DEFAULT_OUT = "data/out"


def _extract_one(source):
    """Worker entry point: returns (source, report or None, pages, error message or None)."""
    from pipeline.extract import ExtractionError, extract_report

    try:
        report, n_pages = extract_report(source)
        return source, report, n_pages, None
    except ExtractionError as exc:
        return source, None, 0, exc.reason
    except Exception as exc:  # a broken file must not stop the batch
        return source, None, 0, f"unexpected {type(exc).__name__}: {exc}"


def cmd_extract(args) -> int:
    from pipeline import db
    from pipeline.discover import discover
    from pipeline.extract import ExtractionError, extract_report, write_intermediate
    from pipeline.finalize import finalize

    folder = Path(args.folder)
    if not folder.exists():
        print(f"error: {folder} does not exist", file=sys.stderr)
        return 2
    engine = db.engine_for(args.db)
    db.create_schema(engine)
    sources = discover(folder, include_text=not args.pdf_only)
    todo = [s for s in sources if args.force or db.loaded_hash(engine, s.name) != s.sha256]
    skipped = len(sources) - len(todo)
    print(f"{len(sources)} report(s) under {folder}; {skipped} unchanged and skipped, {len(todo)} to extract")

    failed: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    loaded = Counter()
    bar = tqdm(total=len(todo), unit="report", disable=args.quiet)

    def handle(source, report, n_pages, error):
        bar.update(1)
        if error:
            failed[source.name] = error
            tqdm.write(f"FAILED {source.name}: {error}")
            return
        write_intermediate(report, args.out)
        db.load_report(engine, report, n_pages)
        kinds.update(report.table_kinds.values())
        loaded["performance"] += len(report.performance)
        loaded["budget"] += len(report.budget)
        tqdm.write(f"ok     {source.name}: {n_pages} pages, {len(report.tables)} tables, "
                   f"{len(report.performance)} performance + {len(report.budget)} budget rows"
                   + (f" ({'; '.join(report.warnings)})" if report.warnings else ""))

    if args.jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(_extract_one, s) for s in todo]
            for fut in as_completed(futures):
                handle(*fut.result())
    else:
        for source in todo:
            pages = tqdm(desc=f"  {source.name[:40]}", unit="page", leave=False, disable=args.quiet)
            try:
                report, n_pages = extract_report(source, page_progress=pages)
                handle(source, report, n_pages, None)
            except ExtractionError as exc:
                handle(source, None, 0, exc.reason)
            except Exception as exc:  # a broken file must not stop the batch
                handle(source, None, 0, f"unexpected {type(exc).__name__}: {exc}")
            finally:
                pages.close()
    bar.close()

    n_findings = finalize(engine, out_dir=args.out)
    totals = db.counts(engine)
    print("\nSummary")
    print(f"  reports read:   {len(todo) - len(failed)} extracted, {skipped} unchanged, {len(failed)} failed")
    print("  tables found:   " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none (no new report)"))
    print(f"  rows loaded:    {loaded['performance']} performance, {loaded['budget']} budget (this run)")
    print(f"  database:       {totals['reports']} reports, {totals['performance_values']} performance rows, "
          f"{totals['budget_values']} budget rows, {n_findings} findings  ->  {args.db}")
    for name, why in failed.items():
        print(f"  failed: {name}: {why}")
    return 1 if failed and len(failed) == len(todo) else 0


def cmd_rebuild(args) -> int:
    from pipeline import db
    from pipeline.extract import read_intermediate, write_intermediate
    from pipeline.finalize import finalize

    paths = sorted((Path(args.out) / "extracted").glob("*.json"))
    if not paths:
        print(f"error: no intermediate JSON under {Path(args.out) / 'extracted'} (run extract first)", file=sys.stderr)
        return 2
    engine = db.engine_for(args.db)
    db.create_schema(engine)
    failed = 0
    for path in tqdm(paths, unit="report", disable=args.quiet):
        try:
            report = read_intermediate(path)
        except (ValueError, KeyError, TypeError) as exc:  # a damaged or foreign JSON file
            tqdm.write(f"FAILED {path.name}: not an intermediate file of this version ({exc})")
            failed += 1
            continue
        write_intermediate(report, args.out)
        db.load_report(engine, report, report.n_pages)
        tqdm.write(f"ok     {report.source.name}: {len(report.performance)} performance + "
                   f"{len(report.budget)} budget rows")
    n_findings = finalize(engine, out_dir=args.out)
    totals = db.counts(engine)
    print(f"\n{len(paths) - failed} report(s) rebuilt from {Path(args.out) / 'extracted'}, {failed} failed; database: "
          f"{totals['performance_values']} performance rows, {totals['budget_values']} budget rows, "
          f"{n_findings} findings  ->  {args.db}")
    return 1 if failed == len(paths) else 0


def cmd_validate(args) -> int:
    from pipeline import db
    from pipeline.finalize import finalize

    engine = db.engine_for(args.db)
    db.create_schema(engine)
    n = finalize(engine, out_dir=args.out, catalogue=False)
    print(f"{n} findings written to the findings view of {args.db}")
    return 0


def cmd_report(args) -> int:
    from pipeline import db
    from pipeline.report import write_reports

    engine = db.engine_for(args.db)
    paths = write_reports(engine, args.out)
    for p in paths:
        print(f"wrote {p}")
    return 0


def cmd_samples(args) -> int:
    from pipeline.samples import write_samples

    for p in write_samples(args.out):
        print(f"wrote {p}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract every report under FOLDER into the database")
    p.add_argument("folder", help="folder of reports (*.pdf, and *.txt/*.md already converted to text)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite path or SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument("--out", default=DEFAULT_OUT, help="folder for intermediate JSON and reports")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for extraction (default 1)")
    p.add_argument("--force", action="store_true", help="re-extract files even when unchanged")
    p.add_argument("--pdf-only", action="store_true", help="ignore *.txt / *.md reports")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("rebuild", help="re-run the stages after reading from the intermediate JSON (no PDF read)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite path or SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument("--out", default=DEFAULT_OUT, help="folder whose extracted/ holds the intermediate JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("validate", help="re-run the arithmetic checks over the database")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("report", help="write data/out/inconsistencies.html and .xlsx")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("samples", help="generate the sample reports")
    p.add_argument("--out", default="data/raw")
    p.set_defaults(func=cmd_samples)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
