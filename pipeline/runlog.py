"""The run log: one row per run in `runs`, one row per file and stage in `run_files`.

In:  the engine, the command and its folder, then each file's stage and outcome as it happens.
Out: rows written at once, each in its own short transaction, so a run that is killed leaves its
     log up to the moment it died (`finished_at` stays NULL: the run did not finish).
"""
from __future__ import annotations

import enum
import json
from datetime import datetime, timezone

from sqlalchemy import insert, update
from sqlalchemy.engine import Engine

from pipeline import db


class Stage(enum.Enum):
    DISCOVER = "discover"
    EXTRACT = "extract"
    LOAD = "load"
    PRUNE = "prune"


class FileOutcome(enum.Enum):
    LOADED = "loaded"
    REPLACED = "replaced"
    NEW_LOCATION = "new_location"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    GONE = "gone"
    PRUNED = "pruned"


class RunLog:
    def __init__(self, engine: Engine, command: str, folder: str | None, options: dict):
        self.engine = engine
        with db.writing(engine) as conn:
            key = conn.execute(insert(db.runs).values(
                command=command, folder=folder, options=json.dumps(options, default=str),
                started_at=datetime.now(timezone.utc))).inserted_primary_key
            assert key is not None  # an insert into a table with an integer primary key returns it
            self.run_id = key[0]

    def file(self, path: str | None, source_file: str | None, sha256: str | None, stage: Stage,
             outcome: FileOutcome, code: str | None = None, detail: str | None = None) -> None:
        with db.writing(self.engine) as conn:
            conn.execute(insert(db.run_files).values(
                run_id=self.run_id, path=path, source_file=source_file, sha256=sha256, stage=stage.value,
                outcome=outcome.value, code=code, detail=detail, at=datetime.now(timezone.utc)))

    def files(self, entries: list[dict]) -> None:
        """Many files in one transaction (the unchanged ones of a large folder); keys as `file`."""
        if not entries:
            return
        now = datetime.now(timezone.utc)
        with db.writing(self.engine) as conn:
            conn.execute(insert(db.run_files), [
                {"run_id": self.run_id, "code": None, "detail": None, **e, "stage": e["stage"].value,
                 "outcome": e["outcome"].value, "at": now} for e in entries])

    def finish(self, exit_status: int, summary: dict) -> None:
        with db.writing(self.engine) as conn:
            conn.execute(update(db.runs).where(db.runs.c.id == self.run_id).values(
                finished_at=datetime.now(timezone.utc), exit_status=exit_status, summary=json.dumps(summary)))
