"""Command line: `python -m pipeline extract|validate|report|samples …` (also installed as `lkjip`).

extract   FOLDER --db URL   read every report under FOLDER into the database, then validate
rebuild   --out DIR --db URL  re-run the stages after reading (classify, rows, checks) from the
                            intermediate JSON under DIR/extracted, without reading the PDFs again
validate  --db URL          re-run the arithmetic checks over the database (no re-extraction)
report    --db URL          write the auditors' inconsistency report (HTML + XLSX)
samples   --out DIR         generate the small sample reports shipped in data/raw/

In:  the command line. Out: what each command prints, and its exit status (`ExitStatus`).
Every error is one line; a database that cannot be used exits 2 before anything is read.
"""
from __future__ import annotations

import argparse
import dataclasses
import enum
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

DEFAULT_DB = "data/out/lkjip.sqlite"
DEFAULT_OUT = "data/out"
EXIT_HELP = """exit status:
  0  every report was loaded (or was unchanged)
  1  some reports failed (each is named, with the reason); the others were loaded
  2  bad usage: unknown option, missing folder, or a --db that cannot be used (or still busy)
  130  interrupted (Ctrl-C); what was loaded is kept
"""


INTERRUPTED = 130  # the shell's status for a run stopped by Ctrl-C (128 + SIGINT)


class ExitStatus(enum.IntEnum):
    OK = 0
    SOME_FAILED = 1
    USAGE = 2


@dataclass
class RunSummary:
    """What one extract run did, for the summary lines, the run log and the exit status."""
    extracted: int = 0
    unchanged: int = 0
    new_locations: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # name -> reason
    kinds: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)

    @property
    def status(self) -> ExitStatus:
        return ExitStatus.SOME_FAILED if self.failed else ExitStatus.OK


def _safe_output() -> None:
    """Printing a name the terminal cannot encode shows '?' instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a text stream; a replaced stream may lack it
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except ValueError:
                pass


def _bars_off(args) -> bool:
    """No progress bars when asked, or when stderr is not a terminal (logs, pipes, CI)."""
    return bool(getattr(args, "quiet", False)) or not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


class _PageBar:
    """The per-page bar of the report being read (one worker only: with several, pages interleave)."""

    def __init__(self, disabled: bool):
        self.disabled, self.current = disabled, None
        self.bar: tqdm | None = None

    def __call__(self, source, done: int, total: int) -> None:
        if self.disabled:
            return
        if self.current != source.path:
            self.close()
            self.bar = tqdm(desc=f"  {source.name[-40:]}", total=total or None, unit="page", leave=False)
            self.current = source.path
        if self.bar is not None:
            self.bar.total = total or None
            self.bar.n = done
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        self.bar, self.current = None, None


def _say_problems(found, log, summary: RunSummary) -> None:
    from pipeline.runlog import FileOutcome, Stage

    for p in found.problems:
        if p.is_report:
            summary.failed[p.name] = p.detail
            tqdm.write(f"FAILED {p.name}: {p.detail}")
            log.file(p.path, p.name, None, Stage.DISCOVER, FileOutcome.FAILED, p.code.value, p.detail)
        else:
            tqdm.write(f"skipped {p.name}: {p.detail}")


def _plan(engine, found, force: bool, log, summary: RunSummary):
    """(files to extract, same-content files to record after them) after skipping unchanged files
    and recording known content found under a new name."""
    from pipeline import db
    from pipeline.runlog import FileOutcome, Stage

    stored, hashes = db.stored_locations(engine), db.stored_hashes(engine)
    todo, later, first_of, unchanged = [], [], {}, []
    for source in found.sources:
        loc = found.locations[source.path]
        known = stored.get(loc.path)
        if not force and known is not None and known.sha256 == source.sha256:
            summary.unchanged += 1
            unchanged.append({"path": loc.path, "source_file": known.source_file, "sha256": source.sha256,
                              "stage": Stage.DISCOVER, "outcome": FileOutcome.UNCHANGED})
            continue
        if source.sha256 in first_of:
            later.append(source)
        elif not force and source.sha256 in hashes:
            _record_same(engine, source, loc, log, summary)
        else:
            first_of[source.sha256] = source
            todo.append(source)
    log.files(unchanged)
    return todo, later


def _record_same(engine, source, loc, log, summary: RunSummary) -> None:
    """A file whose content is stored already: one report, this file is another location of it."""
    from pipeline import db
    from pipeline.runlog import FileOutcome, Stage

    result = db.record_location(engine, source.sha256, loc)
    if result is None:
        why = "same content as a file that failed above"
        summary.failed[source.name] = why
        tqdm.write(f"FAILED {source.name}: {why}")
        log.file(loc.path, source.name, source.sha256, Stage.LOAD, FileOutcome.FAILED, "same_as_failed", why)
        return
    if result.outcome is db.StoreOutcome.UNCHANGED or result.same_as == source.name:  # (a database from
        summary.unchanged += 1                                          # before locations were recorded)
        return
    summary.new_locations += 1
    tqdm.write(f"same   {source.name}: the same content as {result.same_as}, recorded as another location of it")
    log.file(loc.path, result.source_file, source.sha256, Stage.LOAD, FileOutcome.NEW_LOCATION)


def _store(engine, args, outcome, loc, log, summary: RunSummary) -> None:
    """Write one extracted report (its JSON and its rows); a failure here costs this report only,
    except a database that cannot be used, which stops the run (DatabaseUnavailable)."""
    from sqlalchemy.exc import SQLAlchemyError

    from pipeline import db
    from pipeline.extract import write_intermediate
    from pipeline.runlog import FileOutcome, Stage

    report, source = outcome.report, outcome.source
    report.source = dataclasses.replace(source, path=loc.path)  # printable: JSON and database take it
    try:
        result = db.store_report(engine, report, loc, outcome.n_pages, replace=args.force)
    except SQLAlchemyError as exc:
        problem = db.problem_of(exc, args.db)
        if problem.problem is not db.DbProblem.FAILED:
            raise problem from exc
        why = f"could not be stored: {problem.message}"
        summary.failed[source.name] = why
        tqdm.write(f"FAILED {source.name}: {why}")
        log.file(loc.path, source.name, source.sha256, Stage.LOAD, FileOutcome.FAILED, "store", why)
        return
    if result.outcome in (db.StoreOutcome.UNCHANGED, db.StoreOutcome.NEW_LOCATION):  # another run loaded it meanwhile
        summary.unchanged += 1
        log.file(loc.path, result.source_file, source.sha256, Stage.LOAD, FileOutcome.UNCHANGED)
        return
    report.source = dataclasses.replace(report.source, name=result.source_file)  # its JSON is named as in the views
    try:
        write_intermediate(report, args.out)
    except (OSError, ValueError) as exc:
        tqdm.write(f"warning {result.source_file}: intermediate JSON not written ({exc})")
    summary.extracted += 1
    summary.kinds.update(report.table_kinds.values())
    summary.rows["performance"] += len(report.performance)
    summary.rows["budget"] += len(report.budget)
    log.file(loc.path, result.source_file, source.sha256, Stage.LOAD, FileOutcome(result.outcome.value),
             detail=f"worker {outcome.worker}" if outcome.worker else None)
    tqdm.write(f"ok     {result.source_file}: {outcome.n_pages} pages, {len(report.tables)} tables, "
               f"{len(report.performance)} performance + {len(report.budget)} budget rows"
               + (f" ({'; '.join(report.warnings)})" if report.warnings else ""))


def _fail(outcome, loc, log, summary: RunSummary) -> None:
    from pipeline.runlog import FileOutcome, Stage

    name, why = outcome.source.name, outcome.failure.reason
    summary.failed[name] = why
    tqdm.write(f"FAILED {name}: {why}")
    log.file(loc.path, name, outcome.source.sha256, Stage.EXTRACT, FileOutcome.FAILED, outcome.failure.code.value,
             why + (f" (worker {outcome.worker})" if outcome.worker else ""))


def _gone(engine, args, found, log) -> None:
    """Reports whose file is no longer in the folder keep their rows; --prune removes them."""
    from pipeline import db
    from pipeline.runlog import FileOutcome, Stage

    if not os.path.isdir(args.folder):
        return
    gone = db.gone_locations(engine, found.root, found.seen_paths)
    if not gone:
        return
    if not args.prune:
        print(f"{len(gone)} file(s) recorded under {args.folder} are no longer there; their reports are kept "
              f"(--prune removes them)")
        for g in gone:
            log.file(g.path, g.source_file, g.sha256, Stage.PRUNE, FileOutcome.GONE)
        return
    pruned = db.prune_locations(engine, [g.path for g in gone])
    for g in gone:
        log.file(g.path, g.source_file, g.sha256, Stage.PRUNE, FileOutcome.PRUNED)
    print(f"pruned {len(gone)} location(s) no longer under {args.folder}: {len(pruned)} report(s) removed"
          + (f" ({', '.join(pruned)})" if pruned else ""))


def _extract_all(engine, args, found, todo, log, summary: RunSummary) -> None:
    """Extract `todo` in worker processes and store each report as it comes back."""
    from pipeline.workers import DEFAULT_TIMEOUT_PER_PAGE_S, Limits, run_workers

    bar = tqdm(total=len(todo), unit="report", disable=_bars_off(args))
    pages = _PageBar(disabled=_bars_off(args) or args.jobs > 1)
    limits = (Limits(max_memory_mb=args.max_memory, timeout_s=args.timeout) if args.timeout is not None else
              Limits(max_memory_mb=args.max_memory, timeout_per_page_s=DEFAULT_TIMEOUT_PER_PAGE_S))
    if getattr(args, "dask", None):
        from pipeline.distributed import run_dask

        outcomes = run_dask(todo, args.dask, args.jobs, limits, args.password)
    else:
        outcomes = run_workers(todo, args.jobs, limits, args.password, on_page=pages)
    try:
        for outcome in outcomes:
            pages.close()
            bar.update(1)
            loc = found.locations[outcome.source.path]
            if outcome.failure is not None:
                _fail(outcome, loc, log, summary)
            else:
                _store(engine, args, outcome, loc, log, summary)
    finally:
        pages.close()
        bar.close()


def _checks(engine, args, summary: RunSummary) -> int:
    """The cross-report stage (catalogue, findings); returns the number of findings."""
    from sqlalchemy.exc import SQLAlchemyError

    from pipeline.finalize import finalize

    try:
        return finalize(engine, out_dir=args.out)
    except SQLAlchemyError:
        raise  # the database itself: one line and exit 2 (main)
    except Exception as exc:  # noqa: BLE001 - the reports are stored; say what stopped the checks, in one line
        _error(f"the checks after loading stopped ({type(exc).__name__}: {exc}); the reports are loaded, "
               f"run validate again")
        summary.failed["(checks)"] = f"{type(exc).__name__}: {exc}"
        return 0


def _print_summary(engine, args, summary: RunSummary, n_findings: int) -> None:
    from pipeline import db

    totals = db.counts(engine)
    print("\nSummary")
    print(f"  reports read:   {summary.extracted} extracted, {summary.unchanged} unchanged, "
          f"{summary.new_locations} already stored under another name, {len(summary.failed)} failed")
    print("  tables found:   " + (", ".join(f"{k} {v}" for k, v in sorted(summary.kinds.items()))
                                  or "none (no new report)"))
    print(f"  rows loaded:    {summary.rows['performance']} performance, {summary.rows['budget']} budget (this run)")
    print(f"  database:       {totals['reports']} reports, {totals['performance_values']} performance rows, "
          f"{totals['budget_values']} budget rows, {n_findings} findings  ->  {db.shown(args.db)}")
    for name, why in summary.failed.items():
        print(f"  failed: {name}: {why}")


def cmd_extract(args) -> int:
    from pipeline import db
    from pipeline.discover import scan
    from pipeline.runlog import RunLog

    folder = Path(args.folder)
    if not os.path.exists(folder):
        _error(f"{folder} does not exist")
        return ExitStatus.USAGE
    engine = db.open_database(args.db)
    found = scan(folder, include_text=not args.pdf_only)
    log = RunLog(engine, "extract", found.root, {"force": args.force, "prune": args.prune, "jobs": args.jobs,
                                                 "max_memory_mb": args.max_memory, "timeout_s": args.timeout})
    summary = RunSummary()
    _say_problems(found, log, summary)
    if not found.sources:
        print(f"no report (*.pdf{'' if args.pdf_only else ', *.txt, *.md'}) found under {folder}")
    todo, later = _plan(engine, found, args.force, log, summary)
    print(f"{len(found.sources)} report(s) under {folder}; {summary.unchanged} unchanged and skipped, "
          f"{len(todo)} to extract")
    _extract_all(engine, args, found, todo, log, summary)
    for source in later:
        _record_same(engine, source, found.locations[source.path], log, summary)
    _gone(engine, args, found, log)
    _print_summary(engine, args, summary, _checks(engine, args, summary))
    log.finish(int(summary.status), {"extracted": summary.extracted, "unchanged": summary.unchanged,
                                     "new_locations": summary.new_locations, "failed": len(summary.failed)})
    return summary.status


def cmd_rebuild(args) -> int:
    from pipeline import db
    from pipeline.extract import read_intermediate, write_intermediate
    from pipeline.finalize import finalize

    paths = sorted((Path(args.out) / "extracted").rglob("*.json"))
    if not paths:
        _error(f"no intermediate JSON under {Path(args.out) / 'extracted'} (run extract first)")
        return ExitStatus.USAGE
    engine = db.open_database(args.db)
    failed = 0
    for path in tqdm(paths, unit="report", disable=_bars_off(args)):
        try:
            report = read_intermediate(path)
        except (ValueError, KeyError, TypeError) as exc:  # a damaged or foreign JSON file
            tqdm.write(f"FAILED {path.name}: not an intermediate file of this version ({exc})")
            failed += 1
            continue
        except Exception as exc:  # noqa: BLE001 - one report's trouble costs that report only
            tqdm.write(f"FAILED {path.name}: unexpected {type(exc).__name__}: {exc}")
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
          f"{n_findings} findings  ->  {db.shown(args.db)}")
    return ExitStatus.SOME_FAILED if failed else ExitStatus.OK


def cmd_validate(args) -> int:
    from pipeline import db
    from pipeline.finalize import finalize

    engine = db.open_database(args.db, must_exist=True)
    n = finalize(engine, out_dir=args.out, catalogue=False)
    print(f"{n} findings written to the findings view of {db.shown(args.db)}")
    return ExitStatus.OK


def cmd_report(args) -> int:
    from pipeline import db
    from pipeline.report import write_reports

    engine = db.open_database(args.db, must_exist=True, schema=False)
    try:
        paths = write_reports(engine, args.out)
    except OSError as exc:
        _error(f"cannot write the report into {args.out} ({exc.strerror or exc})")
        return ExitStatus.USAGE
    for p in paths:
        print(f"wrote {p}")
    return ExitStatus.OK


def cmd_samples(args) -> int:
    from pipeline.samples import write_samples

    for p in write_samples(args.out):
        print(f"wrote {p}")
    return ExitStatus.OK


def _positive_int(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return n


def _limit(value: str) -> float:
    n = float(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return n


def _cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lkjip-pipeline")
    except PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    from pipeline.workers import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_PER_PAGE_S, DEFAULT_TIMEOUT_S

    invoked = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    prog = "lkjip" if invoked == "lkjip" else "python -m pipeline"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0],
                                     epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract every report under FOLDER into the database", epilog=EXIT_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", help="folder of reports (*.pdf, and *.txt/*.md already converted to text)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite path or SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"folder for intermediate JSON and reports (default {DEFAULT_OUT})")
    p.add_argument("--jobs", type=_positive_int, default=_cores(),
                   help=f"worker processes for extraction, one report each (default: the cores available, {_cores()})")
    p.add_argument("--max-memory", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MIB",
                   help=f"memory limit per report in MiB; a report over it fails alone (default "
                        f"{DEFAULT_MAX_MEMORY_MB}, 0 = none)")
    p.add_argument("--timeout", type=_limit, default=None, metavar="SECONDS",
                   help=f"time limit per report; a report over it fails alone (default {DEFAULT_TIMEOUT_S} s or "
                        f"{DEFAULT_TIMEOUT_PER_PAGE_S:g} s per page, whichever is longer; 0 = none)")
    p.add_argument("--password", default="", help="password for encrypted PDFs, tried on every encrypted file (default: none)")
    p.add_argument("--force", action="store_true", help="re-extract files even when unchanged")
    p.add_argument("--prune", action="store_true",
                   help="remove reports whose files are no longer under FOLDER (kept by default)")
    p.add_argument("--pdf-only", action="store_true", help="ignore *.txt / *.md reports")
    p.add_argument("--quiet", action="store_true", help="no progress bars (also off when output is not a terminal)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
                        "LocalCluster of --jobs workers (default: none, worker processes on this machine)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("rebuild", help="re-run the stages after reading from the intermediate JSON (no PDF read)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite path or SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"folder whose extracted/ holds the intermediate JSON (default {DEFAULT_OUT})")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("validate", help="re-run the arithmetic checks over the database")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite path or SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"folder for the run's outputs (default {DEFAULT_OUT})")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("report", help="write data/out/inconsistencies.html and .xlsx")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite path or SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"folder the report is written to (default {DEFAULT_OUT})")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("samples", help="generate the sample reports")
    p.add_argument("--out", default="data/raw", help="folder for the sample PDFs (default data/raw)")
    p.set_defaults(func=cmd_samples)

    from pipeline.tables import add_parser as add_tables_parser

    add_tables_parser(sub)
    from pipeline.regression import add_parser as add_diff_parser

    add_diff_parser(sub)
    from pipeline.export import add_parser as add_export_parser

    add_export_parser(sub)
    from pipeline.serve import add_parser as add_serve_parser

    add_serve_parser(sub)
    from pipeline.bench import add_parser as add_bench_parser

    add_bench_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from pipeline.db import DatabaseUnavailable, problem_of

    _safe_output()
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DatabaseUnavailable as exc:
        _error(exc.message)
    except SQLAlchemyError as exc:
        _error(problem_of(exc, getattr(args, "db", "")).message)
    except KeyboardInterrupt:
        _error("interrupted; reports loaded so far are kept, a new run goes on from there")
        return INTERRUPTED
    return ExitStatus.USAGE


if __name__ == "__main__":
    sys.exit(main())
