"""Extract reports on a Dask cluster (`pipeline extract --dask ADDRESS`, or `--dask local`).

In:  `SourceFile`s, a scheduler address ("tcp://host:8786") or "local" (a `LocalCluster` of `jobs`
     worker processes on this machine), the per-report `Limits` and the password.
Out: one `workers.Outcome` per report as its task ends, with `worker` naming the Dask worker that
     extracted it; the caller loads each into the database as before (one writer, one transaction per
     report), so re-runs and failures keep the database semantics of a local run.

Each task extracts one report on a Dask worker in the same kind of fresh subprocess a local run uses,
under the same memory and time limits, so a report that needs too much fails alone there. A worker
that dies in a task (killed, out of memory) makes the scheduler run the task again on another worker
once (`ALLOWED_FAILURES`); a second death fails that report alone, with the reason.

The files must be readable at the same path on every worker (a shared or copied folder). Dask
workers must be allowed to start processes: the local cluster is started with
`distributed.worker.daemon: False`; for `dask worker` processes started by hand set
`DASK_DISTRIBUTED__WORKER__DAEMON=False` (and `DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1` for
the scheduler).
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator

from pipeline.models import SourceFile
from pipeline.page_ranges import largest_first
from pipeline.workers import Failure, FailureCode, Limits, Outcome, failure_of, run_workers

# A task whose worker dies is run once more on another worker; the second death fails the report.
ALLOWED_FAILURES = 1
LOCAL = "local"


def extract_task(source: SourceFile, limits: Limits, password: str) -> Outcome:
    """Run on a Dask worker: one report in a fresh subprocess under the limits, and which worker ran it."""
    from distributed import get_worker

    outcome = next(iter(run_workers([source], 1, limits, password)))
    outcome.worker = get_worker().address
    return outcome


@contextlib.contextmanager
def _client(address: str, jobs: int):
    import dask
    from distributed import Client, LocalCluster

    settings = {"distributed.scheduler.allowed-failures": ALLOWED_FAILURES, "distributed.worker.daemon": False}
    with dask.config.set(settings):
        if address == LOCAL:
            with LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                yield client
        else:
            with Client(address) as client:
                yield client


def run_dask(sources: Iterable[SourceFile], address: str, jobs: int, limits: Limits,
             password: str = "", task: Callable[[SourceFile, Limits, str], Outcome] = extract_task) -> Iterator[Outcome]:
    """Submit one `task` per report, the largest first (Dask priority); yield each `Outcome` as it completes
    (a lost task as a failure)."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    sources = largest_first(sources)
    with _client(address, jobs) as client:
        futures = {client.submit(task, source, limits, password, pure=False, priority=len(sources) - k,
                                 key=f"lkjip-extract-{k}-{source.sha256[:12]}"): source
                   for k, source in enumerate(sources)}
        for future in as_completed(futures):
            source = futures[future]
            try:
                yield future.result()
            except KilledWorker:
                yield Outcome(source, None, 0, Failure(
                    FailureCode.WORKER_DIED, "its Dask worker died twice (retried once on another worker)"))
            except Exception as exc:  # noqa: BLE001 - one task's failure is its report's
                yield Outcome(source, None, 0, failure_of(exc))
