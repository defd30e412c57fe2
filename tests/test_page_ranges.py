"""Long reports read in page ranges by several workers come out exactly as read whole (pipeline/page_ranges.py)."""
from __future__ import annotations

import hashlib
from dataclasses import replace

from pipeline.models import SourceFile
from pipeline.page_ranges import SplitSettings, plan_tasks, ranges
from pipeline.samples import default_spec, render_pdf
from pipeline.workers import Limits, run_inline, run_workers


def _source(path) -> SourceFile:
    data = path.read_bytes()
    return SourceFile(str(path), path.name, hashlib.sha256(data).hexdigest(), len(data), "pdf")


def _sources(sizes: dict[str, int]) -> list[SourceFile]:
    return [SourceFile(f"/in/{name}", name, name * 8, size, "pdf") for name, size in sizes.items()]


def test_ranges_cover_every_page_once_in_order():
    assert ranges(10, 3) == [(1, 3), (4, 7), (8, 10)]
    assert ranges(7, 2) == [(1, 4), (5, 7)]


def test_only_a_report_longer_than_its_fair_share_is_split():
    pages = {"long.pdf": 150, "a.pdf": 40, "b.pdf": 30, "c.pdf": 30}
    tasks = plan_tasks(_sources({n: p * 1000 for n, p in pages.items()}), 2, pages_of=lambda s: pages[s.name])
    split = [t for t in tasks if t.parts > 1]
    assert [(t.source.name, t.first, t.last) for t in split] == [("long.pdf", 1, 75), ("long.pdf", 76, 150)]
    assert tasks[0].source.name == "long.pdf"  # the largest work starts first


def test_nothing_is_split_with_one_worker_or_short_reports():
    pages = {"a.pdf": 150, "b.pdf": 30}
    assert all(t.parts == 1 for t in plan_tasks(_sources({"a.pdf": 9, "b.pdf": 1}), 1, pages_of=lambda s: pages[s.name]))
    short = {"a.pdf": 30, "b.pdf": 3}
    tasks = plan_tasks(_sources({"a.pdf": 9, "b.pdf": 1}), 2, pages_of=lambda s: short[s.name])
    assert all(t.parts == 1 for t in tasks)  # 30 pages hold no two ranges of 20


def test_a_report_read_in_page_ranges_comes_out_as_read_whole(tmp_path):
    """A measurement table running over several pages under a running head and page numbers: its
    continuation, captions, narrative and every record are the same whichever worker read which pages."""
    spec = default_spec(agency="Dinas Contoh", region="Kabupaten Sukamaju", year=2031)
    spec.indicators = [replace(ind, name=f"{ind.name} wilayah {k}") for k in range(14) for ind in spec.indicators]
    source = _source(render_pdf(spec, tmp_path / "in" / "panjang.pdf"))
    whole = run_inline(source)
    assert whole.report is not None and whole.n_pages >= 6
    split = list(run_workers([source], 2, Limits(), split=SplitSettings(min_range_pages=2)))
    assert len(split) == 1 and split[0].failure is None and split[0].report is not None
    assert split[0].report.to_json() == whole.report.to_json()
    assert len(split[0].report.performance) == len(whole.report.performance) > 60


def test_a_broken_range_fails_its_report_alone(tmp_path, monkeypatch):
    import pipeline.workers as workers

    spec = default_spec(agency="Dinas Contoh", region="Kabupaten Sukamaju", year=2031)
    spec.indicators = [replace(ind, name=f"{ind.name} wilayah {k}") for k in range(14) for ind in spec.indicators]
    long = _source(render_pdf(spec, tmp_path / "in" / "panjang.pdf"))
    short = _source(render_pdf(default_spec(year=2031), tmp_path / "in" / "pendek.pdf"))
    real_read_part = workers.read_part

    def failing_second_half(task, password="", page_progress=None):
        if task.part == 1:
            raise RuntimeError("a range that cannot be read")
        return real_read_part(task, password, page_progress)

    monkeypatch.setattr(workers, "read_part", failing_second_half)
    outcomes = {o.source.name: o for o in run_workers([long, short], 2, Limits(), split=SplitSettings(min_range_pages=2))}
    assert outcomes["pendek.pdf"].failure is None
    assert outcomes["panjang.pdf"].report is None and outcomes["panjang.pdf"].failure is not None


def test_a_join_whose_worker_dies_fails_its_report_alone(tmp_path, monkeypatch):
    """The ranges of a split report are joined in a worker process of their own, not in the run's own
    process: a join that kills its process costs that report only, with the worker's death as reason."""
    import os

    import pipeline.workers as workers

    spec = default_spec(agency="Dinas Contoh", region="Kabupaten Sukamaju", year=2031)
    spec.indicators = [replace(ind, name=f"{ind.name} wilayah {k}") for k in range(14) for ind in spec.indicators]
    long = _source(render_pdf(spec, tmp_path / "in" / "panjang.pdf"))
    short = _source(render_pdf(default_spec(year=2031), tmp_path / "in" / "pendek.pdf"))

    def dying_join(parts):
        os._exit(3)

    monkeypatch.setattr(workers, "join_parts", dying_join)
    outcomes = {o.source.name: o for o in run_workers([long, short], 2, Limits(), split=SplitSettings(min_range_pages=2))}
    assert outcomes["pendek.pdf"].failure is None and outcomes["pendek.pdf"].report is not None
    failure = outcomes["panjang.pdf"].failure
    assert failure is not None and failure.code is workers.FailureCode.WORKER_DIED and "status 3" in failure.reason


def test_the_next_report_starts_before_the_caller_loads_the_last(tmp_path):
    """One worker: when a report is handed to the caller (who then loads it), the next report's worker is
    already running, so loading never leaves the core idle."""
    import multiprocessing

    first = _source(render_pdf(default_spec(year=2031), tmp_path / "in" / "a.pdf"))
    second = _source(render_pdf(default_spec(year=2032), tmp_path / "in" / "b.pdf"))
    running_at_each_yield = [len(multiprocessing.active_children()) for _ in run_workers([first, second], 1, Limits())]
    assert running_at_each_yield == [1, 0]
