"""`python -m pipeline.bench_ocr PDF...`: the CPU cost of our OCR of a scanned page against bare Tesseract.

In:  scanned PDFs (their pages that need OCR, `extractors.ocr_page.pages_needing_ocr`); `--every K`
     measures every K-th such page only (a quicker sample).
Out: OUT/bench_ocr.json and a printed summary. Per document and over all:
       pages                      pages measured
       ours_cpu_s                 CPU seconds per page of our reading: the page rendered at `OcrSettings.dpi`
                                  (`render`), then `ocr_image`, split into its stages (`stages`: the turn and
                                  deskew, dark fills, binarising, rules, the page's recognition, the cells read
                                  again, the numbers read again, the rest)
       bare_cpu_s                 CPU seconds per page of the `tesseract` program on the same image at the same
                                  dpi and language (a PNG written from the rendered page; its default page
                                  segmentation), a whole process each
       bare_api_cpu_s             the same recognition in this process (tesserocr, model loaded once, defaults)
       ratio = ours / bare, ratio_api = ours / bare_api
       cell_rereads, number_rereads  how many cells and numbers were read a second time, per page
       turn_reads                 how many times Tesseract's orientation detection ran, per page (a sideways
                                  page's turn: once)
Every figure is CPU seconds (user + system: this process's own for ours, the child's for the program), so
it does not depend on what else the machine runs; OpenCV and Tesseract run single-threaded as in the
pipeline's OCR workers.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# The stages of `ocr_image`, as the functions it calls (module attribute names in extractors.ocr).
STAGES = ("page_turn", "skew_angle", "rotate", "invert_dark_fills", "binarize", "find_rules", "text_image",
          "read_words", "reread_cells", "reread_number", "bullet_marks", "_orientation")


@dataclass
class PageFigures:
    document: str
    page: int
    render_s: float
    ours_s: float  # render + ocr_image
    bare_s: float
    bare_api_s: float
    stages: dict[str, float] = field(default_factory=dict)
    cell_rereads: int = 0
    number_rereads: int = 0
    turn_reads: int = 0


@dataclass
class Summary:
    pages: int
    ours_cpu_s: float
    bare_cpu_s: float
    bare_api_cpu_s: float
    ratio: float
    ratio_api: float
    render_s: float
    stages: dict[str, float]
    cell_rereads: float
    number_rereads: float
    turn_reads: float


class StageClock:
    """CPU seconds spent in each wrapped function called by no other wrapped one (`reread_cells` calls
    `read_words`: that time is the cells', not the page's), and how often each was called at all."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._depth = 0

    def wrap(self, name: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            self._depth += 1
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self._depth -= 1
                if not self._depth:
                    self.spent[name] = self.spent.get(name, 0.0) + time.process_time() - start
        return timed

    def reset(self) -> None:
        self.spent, self.calls = {}, {}


def _instrument(clock: StageClock) -> None:
    from extractors import ocr

    for name in STAGES:
        setattr(ocr, name, clock.wrap(name, getattr(ocr, name)))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare_program(image_path: str, dpi: int, language: str) -> float:
    """CPU seconds of `tesseract IMAGE - -l LANGUAGE --dpi DPI` (a whole process)."""
    before = _children_cpu()
    subprocess.run(["tesseract", image_path, "-", "-l", language, "--dpi", str(dpi)], capture_output=True,
                   check=False, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return _children_cpu() - before


def bare_api(image, dpi: int, language: str) -> float:
    """CPU seconds of Tesseract's recognition of the image in this process, its default settings."""
    import tesserocr

    from extractors.ocr import tessdata_dir

    key = ("bare", language)
    if key not in _BARE:
        _BARE[key] = tesserocr.PyTessBaseAPI(path=tessdata_dir() or "", lang=language)
    api = _BARE[key]
    start = time.process_time()
    data = image.tobytes()
    api.SetImageBytes(data, image.shape[1], image.shape[0], 1, image.shape[1])
    api.SetSourceResolution(dpi)
    api.GetUTF8Text()
    return time.process_time() - start


_BARE: dict = {}


def measure_page(path: str, number: int, clock: StageClock, scratch: str) -> PageFigures:
    import cv2

    from extractors import ocr

    settings = ocr.SETTINGS
    clock.reset()
    start = time.process_time()
    grey, width, height = ocr.page_for_ocr(path, number - 1, settings)
    rendered = time.process_time()
    ocr.ocr_image(grey, width, height, number, settings)
    done = time.process_time()
    stages = dict(clock.spent)
    stages["other"] = max(0.0, done - rendered - sum(stages.values()))
    image_path = os.path.join(scratch, "page.png")
    cv2.imwrite(image_path, grey)
    return PageFigures(Path(path).name, number, round(rendered - start, 3), round(done - start, 3),
                       round(bare_program(image_path, settings.dpi, settings.language), 3),
                       round(bare_api(grey, settings.dpi, settings.language), 3),
                       {k: round(v, 3) for k, v in stages.items()},
                       max(0, clock.calls.get("read_words", 0) - 1), clock.calls.get("reread_number", 0),
                       clock.calls.get("_orientation", 0))


def summarise(pages: list[PageFigures]) -> Summary:
    n = max(1, len(pages))
    ours = sum(p.ours_s for p in pages) / n
    bare = sum(p.bare_s for p in pages) / n
    bare_api_s = sum(p.bare_api_s for p in pages) / n
    stages: dict[str, float] = {}
    for p in pages:
        for k, v in p.stages.items():
            stages[k] = stages.get(k, 0.0) + v / n
    return Summary(len(pages), round(ours, 3), round(bare, 3), round(bare_api_s, 3), round(ours / max(bare, 1e-9), 3),
                   round(ours / max(bare_api_s, 1e-9), 3), round(sum(p.render_s for p in pages) / n, 3),
                   {k: round(v, 3) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
                   round(sum(p.cell_rereads for p in pages) / n, 2), round(sum(p.number_rereads for p in pages) / n, 2),
                   round(sum(p.turn_reads for p in pages) / n, 2))


def bench_ocr(paths: list[str], every: int = 1, progress: bool = True) -> dict:
    """Measure every `every`-th scanned page of each PDF. Out: the figures as bench_ocr.json holds them."""
    import cv2

    from extractors.ocr import SETTINGS, api_for
    from extractors.ocr_page import pages_needing_ocr

    cv2.setNumThreads(1)  # as in the OCR workers (`extractors.ocr`)
    api_for(SETTINGS)
    api_for(SETTINGS, SETTINGS.number_language)  # models loaded before the clock runs
    clock = StageClock()
    _instrument(clock)
    per_document: dict[str, list[PageFigures]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for path in paths:
            numbers = pages_needing_ocr(path)[::max(1, every)]
            figures = per_document.setdefault(Path(path).name, [])
            for number in numbers:
                figures.append(measure_page(path, number, clock, scratch))
                if progress:
                    f = figures[-1]
                    print(f"{f.document} p{f.page}: ours {f.ours_s:.2f} s, bare {f.bare_s:.2f} s", file=sys.stderr)
    everything = [p for pages in per_document.values() for p in pages]
    return {"settings": {"dpi": SETTINGS.dpi, "language": SETTINGS.language, "every": every},
            "all": asdict(summarise(everything)),
            "documents": {name: asdict(summarise(pages)) for name, pages in per_document.items()},
            "pages": [asdict(p) for p in everything]}


def summary_text(result: dict) -> str:
    lines = []
    for name, s in [("all", result["all"]), *result["documents"].items()]:
        lines.append(f"{name}: {s['pages']} pages, ours {s['ours_cpu_s']:.2f} CPU s/page, bare tesseract "
                     f"{s['bare_cpu_s']:.2f} ({s['ratio']:.2f}x), in-process {s['bare_api_cpu_s']:.2f} "
                     f"({s['ratio_api']:.2f}x); cells re-read {s['cell_rereads']}, numbers {s['number_rereads']}, "
                     f"orientation read {s['turn_reads']} times per page")
    stages = result["all"]["stages"]
    lines.append("stages (CPU s/page): render " + f"{result['all']['render_s']:.2f}, "
                 + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench_ocr", description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", help="scanned PDFs")
    parser.add_argument("--out", default="data/out", help="folder for bench_ocr.json (default data/out)")
    parser.add_argument("--every", type=int, default=1, help="measure every K-th scanned page (default 1: all)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    result = bench_ocr(args.pdfs, args.every, not args.quiet)
    out = Path(args.out) / "bench_ocr.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(summary_text(result))
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
