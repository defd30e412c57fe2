"""`python -m pipeline bench FOLDER`: how fast extraction is, against a naive baseline and a floor.

In:  a folder of PDFs (every *.pdf under it; scans are measured by `make bench-ocr`, not here).
Out: OUT/bench.json and a printed summary, measured in this one run, each figure from CPU seconds of
     whole processes (user + system of the child processes, so the figure does not depend on what
     else the machine runs) and their peak resident memory:
       pages, cpu_seconds, ms_per_page, peak_rss_mb        our `pipeline extract --jobs 1`
       naive                                               pdfplumber's extract_tables on every page
       floor                                               pypdfium2: every page's text and character boxes
       speedup = naive / ours, floor_ratio = ours / floor  (ratios, never wall-clock promises)
       workers                                             pages per second of wall time with 1 and 2 workers,
                                                           and the CPU seconds per wall second of each run
                                                           (`cores_busy`: 2 workers on an idle 2-core machine
                                                           come near 2; far below, others took the cores)
       scaling                                             the longest report repeated 1x, 2x, 4x in one file:
                                                           CPU seconds and peak memory at each
Each measurement runs in a fresh subprocess (`resource.getrusage(RUSAGE_CHILDREN)` after it ends); its
CPU seconds include the interpreter's start-up (about a second), negligible over hundreds of pages.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

NAIVE = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
"""
FLOOR = """
import sys, pypdfium2
for path in sys.argv[1:]:
    pdf = pypdfium2.PdfDocument(path)
    for page in pdf:
        text = page.get_textpage()
        for i in range(text.count_chars()):
            text.get_charbox(i)
        text.close()
        page.close()
    pdf.close()
"""
REPEATS = (1, 2, 4)  # the scaling test: a long report this many times in one file
# The long report of the scaling test is the longest with at most this many pages: 4x stays within
# 600 pages, minutes rather than hours on a 2-core machine (a 323-page report 4x would be 1292).
SCALING_MAX_PAGES = 150
# One worker on an idle machine keeps a core busy nearly all of its wall time (measured 1.2 CPU s per
# wall second on the five-report set: its OCR pool adds a second process); below this, other jobs took
# its core and the `workers` figures say more about the machine's load than about the pipeline.
BUSY_MACHINE_CORES = 0.8


@dataclass
class Measure:
    """One subprocess run: CPU seconds (user + system), peak resident memory, wall seconds."""
    cpu_seconds: float
    peak_rss_mb: float
    wall_seconds: float


@dataclass
class BenchResult:
    pages: int
    cpu_seconds: float
    ms_per_page: float
    peak_rss_mb: float
    naive: dict = field(default_factory=dict)
    floor: dict = field(default_factory=dict)
    speedup: float = 0.0
    floor_ratio: float = 0.0
    workers: dict = field(default_factory=dict)
    scaling: list = field(default_factory=list)


def run_measured(command: list[str]) -> Measure:
    """Run a command to its end; its CPU time and peak memory from the children's resource usage.
    RUSAGE_CHILDREN's ru_maxrss is the largest child so far, so each measure runs in a fresh helper."""
    probe = ("import resource, subprocess, sys, time, json\n"
             "t = time.time(); code = subprocess.call(sys.argv[1:])\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(json.dumps([u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, time.time() - t, code]))")
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    cpu, rss, wall, code = json.loads(out.stdout.strip().splitlines()[-1])
    if code not in (0, 1):  # 1: some reports failed, which the extract summary says
        raise RuntimeError(f"{' '.join(command[:4])} … exited {code}: {out.stderr[-500:]}")
    return Measure(round(cpu, 2), round(rss, 1), round(wall, 2))


def count_pages(pdfs: list[Path]) -> int:
    import pypdfium2

    total = 0
    for path in pdfs:
        pdf = pypdfium2.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


def extract_command(folder: Path, work: Path, jobs: int) -> list[str]:
    db, out = work / f"bench-{jobs}-{time.monotonic_ns()}.sqlite", work / f"out-{time.monotonic_ns()}"
    return [sys.executable, "-m", "pipeline", "extract", str(folder), "--db", str(db), "--out", str(out),
            "--jobs", str(jobs), "--quiet", "--timeout", "0", "--max-memory", "0"]


def repeated_pdf(source: Path, times: int, target: Path) -> Path:
    """The pages of `source` `times` over in one file (a long report for the scaling test)."""
    import pypdfium2

    src = pypdfium2.PdfDocument(str(source))
    out = pypdfium2.PdfDocument.new()
    for _ in range(times):
        out.import_pages(src)
    out.save(str(target))
    src.close()
    out.close()
    return target


def bench(folder: Path, out_dir: Path, scaling: bool = True) -> BenchResult:
    pdfs = sorted(p for p in folder.rglob("*.pdf") if not p.name.endswith(".scan.pdf"))
    if not pdfs:
        raise SystemExit(f"error: {folder}: no text-layer PDF to measure")
    pages = count_pages(pdfs)
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as tmp:
        work = Path(tmp)
        links = work / "in"
        links.mkdir()
        for k, pdf in enumerate(pdfs):
            (links / f"{k:03d}-{pdf.name}").symlink_to(pdf.resolve())
        ours = run_measured(extract_command(links, work, 1))
        two = run_measured(extract_command(links, work, 2))
        naive = run_measured([sys.executable, "-c", NAIVE, *map(str, pdfs)])
        floor = run_measured([sys.executable, "-c", FLOOR, *map(str, pdfs)])
        result = BenchResult(
            pages=pages, cpu_seconds=ours.cpu_seconds, ms_per_page=round(1000 * ours.cpu_seconds / pages, 1),
            peak_rss_mb=ours.peak_rss_mb,
            naive={**asdict(naive), "ms_per_page": round(1000 * naive.cpu_seconds / pages, 1)},
            floor={**asdict(floor), "ms_per_page": round(1000 * floor.cpu_seconds / pages, 1)},
            speedup=round(naive.cpu_seconds / max(ours.cpu_seconds, 1e-9), 2),
            floor_ratio=round(ours.cpu_seconds / max(floor.cpu_seconds, 1e-9), 1),
            workers=workers_figures(pages, ours, two))
        if scaling:
            sizes = {p: count_pages([p]) for p in pdfs}
            longest = max((p for p in pdfs if sizes[p] <= SCALING_MAX_PAGES), key=sizes.__getitem__,
                          default=min(pdfs, key=sizes.__getitem__))
            for times in REPEATS:
                folder_k = work / f"scale{times}"
                folder_k.mkdir()
                repeated_pdf(longest, times, folder_k / f"{longest.stem}-x{times}.pdf")
                m = run_measured(extract_command(folder_k, work, 1))
                result.scaling.append({"times": times, "pages": times * count_pages([longest]), **asdict(m)})
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(asdict(result), indent=2))
    return result


def workers_figures(pages: int, one: Measure, two: Measure) -> dict:
    """Pages per wall second with 1 and 2 workers, their ratio, and how many cores each run kept busy."""
    def per_wall(m: Measure, value: float) -> float:
        return round(value / max(m.wall_seconds, 1e-9), 2)

    return {"1": per_wall(one, pages), "2": per_wall(two, pages),
            "speedup_2_over_1": round(one.wall_seconds / max(two.wall_seconds, 1e-9), 2),
            "cores_busy": {"1": per_wall(one, one.cpu_seconds), "2": per_wall(two, two.cpu_seconds)}}


def summary(result: BenchResult) -> str:
    lines = [f"pages {result.pages}: ours {result.cpu_seconds} CPU s = {result.ms_per_page} ms/page, peak {result.peak_rss_mb} MB",
             f"naive pdfplumber extract_tables {result.naive['ms_per_page']} ms/page: speedup {result.speedup}",
             f"floor pypdfium2 characters {result.floor['ms_per_page']} ms/page: floor_ratio {result.floor_ratio}",
             f"workers: {result.workers['1']} pages/s with 1, {result.workers['2']} with 2 ({result.workers['speedup_2_over_1']}x; "
             f"cores busy {result.workers['cores_busy']['1']} and {result.workers['cores_busy']['2']})"]
    if result.workers["cores_busy"]["1"] < BUSY_MACHINE_CORES:
        lines.append(f"  (one worker kept only {result.workers['cores_busy']['1']} of a core busy: the machine was shared, "
                     f"the workers figures are not comparable)")
    for s in result.scaling:
        lines.append(f"scaling {s['times']}x ({s['pages']} pages): {s['cpu_seconds']} CPU s, peak {s['peak_rss_mb']} MB")
    return "\n".join(lines)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure extraction speed against pdfplumber and pypdfium2 (writes OUT/bench.json)")
    p.add_argument("folder", help="folder of text-layer PDFs")
    p.add_argument("--out", default="data/out", help="folder for bench.json (default data/out)")
    p.add_argument("--no-scaling", action="store_true", help="skip the 1x/2x/4x long-report test")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    result = bench(Path(args.folder), Path(args.out), scaling=not args.no_scaling)
    print(summary(result))
    print(f"-> {Path(args.out) / 'bench.json'}")
    return 0

