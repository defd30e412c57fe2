"""The database layer: SQLAlchemy tables, the three analyst views, and loading one report.

In:  an SQLAlchemy URL (or a plain path, taken as SQLite) and `ExtractedReport`s / `Finding`s.
Out: tables `agencies`, `reports`, `report_locations`, `source_tables`, `performance_values`,
     `budget_values`, `finding_records`, `indicator_catalogue`, the run log (`runs`, `run_files`), and
     the views `performance`, `budget`, `findings`, `documents` of shared/eval/CONTRACT.md.

A report's identity is its content (SHA-256, unique in `reports`); every place a file with that
content was found (absolute path, the folder given and the path relative to it) is a row of
`report_locations`. A report is written in one transaction, which re-checks what is stored under the
database's write lock, so a re-run or a second run at the same time never duplicates rows.

`open_database` turns every way a --db can be unusable into one `DatabaseUnavailable` with a
`DbProblem` code and a one-line message. SQLite runs in WAL mode with a busy timeout, and write
transactions take the write lock when they begin (BEGIN IMMEDIATE), so a second writer waits for
the first instead of failing half-way.
"""
from __future__ import annotations

import enum
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Insert,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from pipeline.chosen_views import CHOSEN_VIEWS
from pipeline.models import ExtractedReport, Finding, Provenance
from pipeline.ocr_provenance import record_confidence

# A second run writing into the same SQLite file waits this long for the write lock. One write is one
# report's rows or the findings of the whole database (a few seconds on the largest corpus), so two
# minutes covers a long queue of them; past that the database is reported busy, no file fails.
BUSY_TIMEOUT_S = 120
WRITE_OPTION = "lkjip_write"  # execution option marking a connection whose transaction will write
PG_WRITE_LOCK = 0x6C6B6A6970  # "lkjip": PostgreSQL advisory lock that makes writers take turns, as on SQLite

metadata = MetaData()

agencies = Table(
    "agencies", metadata,
    Column("id", Integer, primary_key=True),
    Column("agency_key", Text, nullable=False),
    Column("region_key", Text, nullable=False),
    Column("agency", Text), Column("region", Text),
)

reports = Table(
    "reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_file", String(500), nullable=False, unique=True),  # the first location's relative path
    Column("path", Text), Column("sha256", String(64), nullable=False, unique=True),
    Column("agency_id", Integer, ForeignKey("agencies.id")),
    Column("report_year", Integer), Column("title", Text),
    Column("n_pages", Integer), Column("loaded_at", DateTime(timezone=True)),
    Column("warnings", Text),
    Column("kind", String(40)),  # LKjIP, Renstra, RPJMD, Renja, PK, ... (CONTRACT.md, documents)
    Column("period", String(20)),  # a plan's period "2021-2026", else NULL
    Column("meta_evidence", Text),  # JSON: decision -> its votes and rule in words (pipeline.metadata)
)

report_locations = Table(
    "report_locations", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("path", String(1000), nullable=False, unique=True),  # absolute, as found (symlinks not resolved)
    Column("root", Text), Column("relpath", Text),  # the folder given and the path relative to it
    Column("seen_at", DateTime(timezone=True)),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("command", String(40)), Column("folder", Text), Column("options", Text),
    Column("started_at", DateTime(timezone=True)), Column("finished_at", DateTime(timezone=True)),
    Column("exit_status", Integer), Column("summary", Text),
)

run_files = Table(
    "run_files", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("path", Text), Column("source_file", Text), Column("sha256", String(64)),
    Column("stage", String(20)), Column("outcome", String(20)), Column("code", String(30)), Column("detail", Text),
    Column("at", DateTime(timezone=True)),
)

source_tables = Table(
    "source_tables", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_index", Integer, nullable=False),
    Column("label", Text), Column("caption", Text),
    Column("page", Integer), Column("pages", Text), Column("bbox", Text),
    Column("method", String(40)), Column("kind", String(40)),
    Column("n_rows", Integer), Column("column_paths", Text),
    Column("context_after", Text),  # the narrative printed right below the table
)

_provenance = lambda: [
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_id", Integer, ForeignKey("source_tables.id", ondelete="CASCADE")),
    Column("page", Integer), Column("row_index", Integer),
]

performance_values = Table(
    "performance_values", metadata, *_provenance(),
    Column("level", String(40)), Column("sasaran", Text), Column("indicator", Text),
    Column("indicator_canonical", Text), Column("unit", Text), Column("unit_kind", String(20)),
    Column("year", Integer),
    Column("target", Float), Column("target_text", Text),
    Column("realization", Float), Column("realization_text", Text),
    Column("achievement_pct", Float), Column("achievement_text", Text),
    Column("column_paths", Text), Column("format_notes", Text),
    Column("ocr_confidence", Float),  # 0-100 when the values were read by OCR (may be misread), else NULL
    # the values in base units (the unit without its scale word) and where their scale was read (base_values.py)
    Column("target_base", Float), Column("realization_base", Float), Column("base_unit", Text),
    Column("scale_source", String(20)), Column("scale_evidence", Text),
)

budget_values = Table(
    "budget_values", metadata, *_provenance(),
    Column("level", String(40)), Column("code", Text), Column("name", Text), Column("year", Integer),
    Column("pagu_initial", Float), Column("pagu_initial_text", Text),
    Column("pagu", Float), Column("pagu_text", Text),
    Column("realization", Float), Column("realization_text", Text),
    Column("realization_pct", Float), Column("realization_pct_text", Text),
    Column("achievement_pct", Float), Column("achievement_text", Text),
    Column("efficiency_pct", Float), Column("efficiency_text", Text),
    Column("parent_row", Integer), Column("is_total", Boolean),
    Column("ocr_confidence", Float),  # 0-100 when the values were read by OCR (may be misread), else NULL
    Column("pagu_initial_base", Float), Column("pagu_base", Float), Column("realization_base", Float),
    Column("scale_source", String(20)), Column("scale_evidence", Text),
)

cell_notes = Table(
    "cell_notes", metadata, *_provenance(),
    Column("column_path", Text), Column("subject", Text), Column("printed", Text), Column("value", Float),
    Column("note", Text),
)

printed_aggregates = Table(
    "printed_aggregates", metadata, *_provenance(),
    Column("kind", String(20)), Column("column_path", Text), Column("subject", Text), Column("printed", Text),
    Column("value", Float), Column("parts", Text), Column("part_values", Text), Column("parts_decimals", Integer),
)

finding_records = Table(
    "finding_records", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_index", Integer), Column("table_label", Text), Column("page", Integer),
    Column("row_index", Integer),
    Column("rule", String(40), nullable=False), Column("severity", String(20)),
    Column("subject", Text), Column("reported", Float), Column("expected", Float), Column("detail", Text),
)

indicator_catalogue = Table(
    "indicator_catalogue", metadata,
    Column("id", Integer, primary_key=True),
    Column("variant", Text, nullable=False), Column("canonical", Text, nullable=False),
    Column("score", Float), Column("evidence", Text),
)

VIEWS = {
    "performance": """
        SELECT r.source_file, a.agency, a.region, r.report_year, t.label AS table_label, v.page,
               v.level, v.sasaran, v.indicator, v.indicator_canonical, v.unit, v.unit_kind, v.year,
               v.target, v.target_text, v.realization, v.realization_text,
               v.achievement_pct, v.achievement_text,
               v.target_base, v.realization_base, v.base_unit, v.scale_source, v.scale_evidence,
               v.row_index, t.table_index, v.id AS value_id
        FROM performance_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_tables t ON t.id = v.table_id
        WHERE v.level <> 'total'""",
    "performance_totals": """
        SELECT r.source_file, t.label AS table_label, v.page, v.indicator AS label, v.year,
               v.target, v.realization, v.achievement_pct, v.achievement_text, v.row_index, t.table_index
        FROM performance_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN source_tables t ON t.id = v.table_id WHERE v.level = 'total'""",
    "budget": """
        SELECT r.source_file, a.agency, a.region, r.report_year, t.label AS table_label, v.page,
               v.level, v.code, v.name, v.year, v.pagu_initial, v.pagu, v.realization, v.realization_pct,
               v.pagu_initial_text, v.pagu_text, v.realization_text, v.realization_pct_text,
               v.pagu_initial_base, v.pagu_base, v.realization_base, v.scale_source, v.scale_evidence,
               v.row_index, t.table_index, v.id AS value_id
        FROM budget_values v JOIN reports r ON r.id = v.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_tables t ON t.id = v.table_id""",
    "documents": """
        SELECT r.source_file, a.agency, a.region, r.report_year, r.kind, r.period, r.n_pages AS pages,
               r.meta_evidence AS evidence
        FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id""",
    "findings": """
        SELECT r.source_file, f.table_label, f.page, f.rule, f.severity, f.subject, f.reported, f.expected,
               f.detail, a.agency, a.region, r.report_year, f.table_index, f.row_index, f.id AS finding_id
        FROM finding_records f JOIN reports r ON r.id = f.report_id
        LEFT JOIN agencies a ON a.id = r.agency_id""",
    **CHOSEN_VIEWS,  # one answer per (report, indicator, year) and (report, program, year): pipeline/chosen_views.py
}


class DbProblem(enum.Enum):
    """Why a --db cannot be used (the CLI prints the message and exits 2)."""
    UNKNOWN_DIALECT = "unknown_dialect"
    NO_DRIVER = "no_driver"
    IN_MEMORY = "in_memory"
    MISSING = "missing"
    NOT_A_DATABASE = "not_a_database"
    IS_DIRECTORY = "is_directory"
    READ_ONLY = "read_only"
    UNREACHABLE = "unreachable"
    BUSY = "busy"
    FAILED = "failed"


class DatabaseUnavailable(Exception):
    def __init__(self, problem: DbProblem, message: str):
        super().__init__(message)
        self.problem = problem
        self.message = message


def _sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database. A URI filename
    (`sqlite:///file:/data/x.sqlite?mode=ro&uri=true`) names the file after its "file:" scheme."""
    database = make_url(url).database
    if not database or database == ":memory:" or "mode=memory" in url:
        return None
    if database.startswith("file:"):
        return Path(urlparse(database).path)
    return Path(database)


def _url_of(db: str) -> str:
    return db if "://" in db else f"sqlite:///{Path(db).resolve()}"


def engine_for(db: str) -> Engine:
    """A path (data/out/lkjip.sqlite) or any SQLAlchemy URL (postgresql+psycopg://…), unchecked
    (`open_database` checks it)."""
    url = _url_of(db)
    if url.startswith("sqlite"):
        path = _sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        _sqlite_setup(engine)
        return engine
    return create_engine(url)


# How often a connection asks again to put a new file in WAL mode while another run is doing it.
WAL_RETRY_S = 0.05


def _journal_in_wal(dbapi_conn) -> None:
    """WAL mode, asked for on every connection. Two runs opening a new file together both ask: the one
    that comes second may be told "database is locked" at once (changing the journal mode does not wait
    for the busy timeout), so it asks again until BUSY_TIMEOUT_S have passed. A read-only file keeps its
    journal mode; a file that is no database is reported later, by the first query."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:
            message = str(exc)
            if "readonly" in message or "read-only" in message:
                return
            if "locked" not in message or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_S)


def _sqlite_setup(engine: Engine) -> None:
    """Foreign keys, WAL (readers never block the writer), and transactions begun by us: BEGIN
    IMMEDIATE for writes, so a writer waits for the lock up front instead of failing at commit."""
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _) -> None:
        dbapi_conn.isolation_level = None  # the driver starts no transaction of its own
        dbapi_conn.execute("PRAGMA foreign_keys=ON")
        _journal_in_wal(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction (on SQLite it holds the write lock from its first statement)."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield conn


def shown(db: str) -> str:
    """--db as it may be printed: a URL's password masked."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        return db


def problem_of(exc: BaseException, db: str) -> DatabaseUnavailable:
    """One line for any error the database raised."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    db = shown(db)
    orig = getattr(exc, "orig", None) or exc
    msg = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return DatabaseUnavailable(DbProblem.BUSY, f"database {db} is busy: another run held it for over "
                                                   f"{BUSY_TIMEOUT_S} s; try again when it has finished")
    if "not a database" in low or "malformed" in low:
        return DatabaseUnavailable(DbProblem.NOT_A_DATABASE, f"{db} is not a SQLite database ({msg})")
    if "readonly" in low or "read-only" in low or "permission" in low:
        return DatabaseUnavailable(DbProblem.READ_ONLY, f"cannot write to {db} ({msg})")
    if "unable to open" in low:
        return DatabaseUnavailable(DbProblem.READ_ONLY, f"cannot open or create {db} ({msg})")
    if isinstance(exc, DBAPIError) and getattr(exc, "connection_invalidated", False) or "connect" in low:
        return DatabaseUnavailable(DbProblem.UNREACHABLE, f"cannot connect to {db} ({msg})")
    return DatabaseUnavailable(DbProblem.FAILED, f"database {db}: {msg}")


def _check_sqlite_file(path: Path, db: str, must_exist: bool) -> None:
    if path.is_dir():
        raise DatabaseUnavailable(DbProblem.IS_DIRECTORY, f"--db {db} is a directory, not a database file")
    if must_exist and not path.exists():
        raise DatabaseUnavailable(DbProblem.MISSING, f"database {db} does not exist (run extract first)")
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(DbProblem.READ_ONLY, f"cannot create {db}: {exc.strerror}") from exc
        if not os.access(path.parent, os.W_OK):
            raise DatabaseUnavailable(DbProblem.READ_ONLY, f"cannot create {db}: folder {path.parent} is read-only")


def open_database(db: str, must_exist: bool = False, schema: bool = True) -> Engine:
    """An engine for --db that has been connected to, with the schema in place (`schema`); raises
    `DatabaseUnavailable` naming what is wrong. `must_exist`: refuse to create a new SQLite file."""
    url, given = _url_of(db), db
    db = shown(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(DbProblem.UNKNOWN_DIALECT, f"--db {db} is neither a path nor a database URL") from exc
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_path(url)
        if path is None:
            raise DatabaseUnavailable(DbProblem.IN_MEMORY, f"--db {db} is an in-memory database: nothing would be "
                                                           "kept; give a file path")
        _check_sqlite_file(path, db, must_exist)
    try:
        engine = engine_for(given)
    except NoSuchModuleError as exc:
        raise DatabaseUnavailable(DbProblem.UNKNOWN_DIALECT, f"--db {db}: unknown database kind "
                                  f"'{parsed.drivername}' (give a SQLite path or a URL such as "
                                  "postgresql+psycopg://user@host/lkjip)") from exc
    except ImportError as exc:
        raise DatabaseUnavailable(DbProblem.NO_DRIVER, f"--db {db}: the driver is not installed "
                                  f"({exc.name or exc}); for PostgreSQL: pip install '.[postgres]'") from exc
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT COUNT(*) FROM sqlite_master" if engine.dialect.name == "sqlite" else "SELECT 1"))
        if schema:
            create_schema(engine)
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise problem_of(exc, db) from exc
    return engine


def _views_current(conn: Connection) -> bool:
    """The views exist with today's definitions (SQLite keeps the CREATE text)."""
    if conn.dialect.name != "sqlite":
        return False
    stored: dict[str, str] = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'view'")).all())
    return all(stored.get(name) == f"CREATE VIEW {name} AS {sql}" for name, sql in VIEWS.items())


def _add_ocr_columns(conn: Connection) -> None:
    """A database made before OCR gets the `ocr_confidence` columns (create_all adds no columns)."""
    from sqlalchemy import inspect

    for table in (performance_values, budget_values):
        if "ocr_confidence" not in {c["name"] for c in inspect(conn).get_columns(table.name)}:
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN ocr_confidence FLOAT"))


# Columns added to tables after their first release: a database made before gets them (create_all adds
# tables, never columns).
ADDED_COLUMNS = (("reports", "kind", "VARCHAR(40)"), ("reports", "period", "VARCHAR(20)"),
                 ("reports", "meta_evidence", "TEXT"),
                 ("performance_values", "target_base", "FLOAT"), ("performance_values", "realization_base", "FLOAT"),
                 ("performance_values", "base_unit", "TEXT"), ("performance_values", "scale_source", "VARCHAR(20)"),
                 ("performance_values", "scale_evidence", "TEXT"),
                 ("budget_values", "pagu_initial_base", "FLOAT"), ("budget_values", "pagu_base", "FLOAT"),
                 ("budget_values", "realization_base", "FLOAT"), ("budget_values", "scale_source", "VARCHAR(20)"),
                 ("budget_values", "scale_evidence", "TEXT"))


def _add_columns(conn: Connection) -> None:
    from sqlalchemy import inspect

    for table, column, sql_type in ADDED_COLUMNS:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))


def create_schema(engine: Engine) -> None:
    """Tables and views, in one write transaction (two runs starting together take turns)."""
    with writing(engine) as conn:
        metadata.create_all(conn)
        _add_ocr_columns(conn)
        _add_columns(conn)
        if _views_current(conn):
            return
        for name, sql in VIEWS.items():
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
            conn.execute(text(f"CREATE VIEW {name} AS {sql}"))


def loaded_hash(engine: Engine, source_file: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(reports.c.sha256).where(reports.c.source_file == source_file)).scalar()


@dataclass(frozen=True)
class Location:
    """Where one file lies: `path` absolute (the key), `root` the folder given, `relpath` the path
    below it (the report's name in the views). All three printable (see discover.printable)."""
    path: str
    root: str
    relpath: str


class StoreOutcome(enum.Enum):
    LOADED = "loaded"  # new content, rows written
    REPLACED = "replaced"  # the file at this location changed, or --force: its rows rewritten
    NEW_LOCATION = "new_location"  # content already stored under another name: this place recorded
    UNCHANGED = "unchanged"  # this content at this place is stored already (another run loaded it)


@dataclass(frozen=True)
class StoreResult:
    outcome: StoreOutcome
    report_id: int
    source_file: str  # the name the report has in the views
    same_as: str | None = None  # for NEW_LOCATION: the name it is stored under


@dataclass(frozen=True)
class StoredLocation:
    path: str
    relpath: str
    report_id: int
    sha256: str
    source_file: str


def stored_locations(engine: Engine) -> dict[str, StoredLocation]:
    """Every recorded location by path, with its report's content hash and name."""
    loc, r = report_locations, reports
    with engine.connect() as conn:
        return {row.path: StoredLocation(row.path, row.relpath, row.report_id, row.sha256, row.source_file)
                for row in conn.execute(select(loc.c.path, loc.c.relpath, loc.c.report_id, r.c.sha256, r.c.source_file)
                                        .select_from(loc.join(r, r.c.id == loc.c.report_id)))}


def stored_hashes(engine: Engine) -> dict[str, str]:
    """sha256 -> the name of the report with that content."""
    with engine.connect() as conn:
        return dict(conn.execute(select(reports.c.sha256, reports.c.source_file)).all())


def _agency_id(conn, meta) -> int | None:
    """The agency's row (found by its key and region's), made when new; a report that names a region
    but no agency gets a row too (agency NULL), so its region reaches the views."""
    if not meta.agency_key and not meta.region_key:
        return None
    key = (meta.agency_key or "", meta.region_key or "")
    found = conn.execute(select(agencies.c.id).where(agencies.c.agency_key == key[0], agencies.c.region_key == key[1])).scalar()
    if found:
        return found
    return conn.execute(insert(agencies).values(agency_key=key[0], region_key=key[1], agency=meta.agency,
                                                region=meta.region)).inserted_primary_key[0]


def _delete_report_id(conn: Connection, report_id: int) -> None:
    for table in (finding_records, performance_values, budget_values, cell_notes, printed_aggregates, source_tables,
                  report_locations):
        conn.execute(delete(table).where(table.c.report_id == report_id))
    conn.execute(delete(reports).where(reports.c.id == report_id))


def _delete_report(conn, source_file: str) -> None:
    old = conn.execute(select(reports.c.id).where(reports.c.source_file == source_file)).scalar()
    if old is not None:
        _delete_report_id(conn, old)


def _n_locations(conn: Connection, report_id: int) -> int:
    return conn.execute(select(func.count()).select_from(report_locations)
                        .where(report_locations.c.report_id == report_id)).scalar_one()


def _put_location(conn: Connection, report_id: int, loc: Location) -> None:
    """Point `loc` at `report_id`; a report left with no location (its file now holds other content)
    is deleted, as a changed file's old rows always were."""
    now = datetime.now(timezone.utc)
    old = conn.execute(select(report_locations.c.report_id).where(report_locations.c.path == loc.path)).scalar()
    if old is None:
        conn.execute(insert(report_locations).values(report_id=report_id, path=loc.path, root=loc.root,
                                                     relpath=loc.relpath, seen_at=now))
        return
    conn.execute(update(report_locations).where(report_locations.c.path == loc.path)
                 .values(report_id=report_id, root=loc.root, relpath=loc.relpath, seen_at=now))
    if old != report_id and _n_locations(conn, old) == 0:
        _delete_report_id(conn, old)


def _free_name(conn: Connection, loc: Location, sha256: str) -> str:
    """The relative path, unless another report has that name already (the same relative path
    under another folder given): then the folder's name in front, else the hash."""
    root_name = Path(loc.root).name
    for name in (loc.relpath, f"{root_name}/{loc.relpath}" if root_name else None, f"{loc.relpath} ({sha256[:12]})"):
        if name and conn.execute(select(reports.c.id).where(reports.c.source_file == name)).scalar() is None:
            return name
    return f"{loc.relpath} ({sha256})"


def location_of(source) -> Location:
    """A location for a report read back from intermediate JSON (no folder known: the name is the path)."""
    return Location(path=source.path, root="", relpath=source.name)


def record_location(engine: Engine, sha256: str, loc: Location) -> StoreResult | None:
    """Record `loc` as another place of the stored report with this content; None if there is none
    (then the file must be extracted)."""
    with writing(engine) as conn:
        row = conn.execute(select(reports.c.id, reports.c.source_file).where(reports.c.sha256 == sha256)).first()
        if row is None:
            return None
        known = conn.execute(select(report_locations.c.report_id).where(report_locations.c.path == loc.path)).scalar()
        _put_location(conn, row.id, loc)
        outcome = StoreOutcome.UNCHANGED if known == row.id else StoreOutcome.NEW_LOCATION
        return StoreResult(outcome, row.id, row.source_file, same_as=row.source_file)


def store_report(engine: Engine, report: ExtractedReport, loc: Location, n_pages: int | None = None,
                 replace: bool = False) -> StoreResult:
    """Write one report in one transaction, deciding under the write lock: content already stored
    (by another run meanwhile) only gains this location unless `replace`; otherwise its rows are
    written, replacing the stored report of the same content, and the file's old content at `loc`."""
    sha = report.source.sha256
    with writing(engine) as conn:
        existing = conn.execute(select(reports.c.id, reports.c.source_file).where(reports.c.sha256 == sha)).first()
        if existing is not None and not replace:
            known = conn.execute(select(report_locations.c.report_id).where(report_locations.c.path == loc.path)).scalar()
            _put_location(conn, existing.id, loc)
            outcome = StoreOutcome.UNCHANGED if known == existing.id else StoreOutcome.NEW_LOCATION
            return StoreResult(outcome, existing.id, existing.source_file, same_as=existing.source_file)
        old_at_loc = conn.execute(select(report_locations.c.report_id).where(report_locations.c.path == loc.path)).scalar()
        kept_locations: list[dict] = []
        name = None
        if existing is not None:
            name = existing.source_file
            kept_locations = [dict(r._mapping) for r in conn.execute(
                select(report_locations.c.path, report_locations.c.root, report_locations.c.relpath)
                .where(report_locations.c.report_id == existing.id, report_locations.c.path != loc.path))]
            _delete_report_id(conn, existing.id)
        if old_at_loc is not None and (existing is None or old_at_loc != existing.id):
            conn.execute(delete(report_locations).where(report_locations.c.path == loc.path))
            if _n_locations(conn, old_at_loc) == 0:
                name = name or conn.execute(select(reports.c.source_file).where(reports.c.id == old_at_loc)).scalar()
                _delete_report_id(conn, old_at_loc)
        name = name or _free_name(conn, loc, sha)
        report_id = _insert_report(conn, report, name, n_pages)
        for kept in kept_locations:
            conn.execute(insert(report_locations).values(report_id=report_id, seen_at=datetime.now(timezone.utc), **kept))
        _put_location(conn, report_id, loc)
        replaced = existing is not None or old_at_loc is not None
        return StoreResult(StoreOutcome.REPLACED if replaced else StoreOutcome.LOADED, report_id, name)


def load_report(engine: Engine, report: ExtractedReport, n_pages: int | None = None) -> int:
    """Replace everything stored for this report's content with `report` (as `rebuild` does)."""
    return store_report(engine, report, location_of(report.source), n_pages, replace=True).report_id


def gone_locations(engine: Engine, root: str, seen: set[str]) -> list[StoredLocation]:
    """Recorded locations under `root` (the folder given) whose file this run did not find."""
    prefix = root.rstrip(os.sep) + os.sep
    return [loc for path, loc in stored_locations(engine).items() if path.startswith(prefix) and path not in seen]


def prune_locations(engine: Engine, paths: list[str]) -> list[str]:
    """Forget these locations; reports left with none are deleted (returns their names). A report
    that keeps another location takes that location's name if it is free."""
    pruned: list[str] = []
    with writing(engine) as conn:
        for path in paths:
            rid = conn.execute(select(report_locations.c.report_id).where(report_locations.c.path == path)).scalar()
            if rid is None:
                continue
            conn.execute(delete(report_locations).where(report_locations.c.path == path))
            name = conn.execute(select(reports.c.source_file).where(reports.c.id == rid)).scalar_one()
            left = conn.execute(select(report_locations.c.relpath).where(report_locations.c.report_id == rid)
                                .order_by(report_locations.c.relpath)).scalars().all()
            if not left:
                _delete_report_id(conn, rid)
                pruned.append(name)
            elif name not in left and conn.execute(
                    select(reports.c.id).where(reports.c.source_file == left[0])).scalar() is None:
                conn.execute(update(reports).where(reports.c.id == rid).values(source_file=left[0]))
    return pruned


def _inserted_id(conn: Connection, statement: Insert) -> int:
    """In: an INSERT of one row into a table keyed by an autoincrement id. Out: the id the row was given."""
    key = conn.execute(statement).inserted_primary_key
    if key is None:  # SQLAlchemy gives None only for a statement that inserted no row
        raise RuntimeError(f"no row inserted into {statement.table}")
    return key[0]


def _insert_report(conn: Connection, report: ExtractedReport, name: str, n_pages: int | None) -> int:
    report_id = _inserted_id(conn, insert(reports).values(
        source_file=name, path=report.source.path, sha256=report.source.sha256,
        agency_id=_agency_id(conn, report.meta), report_year=report.meta.report_year, title=report.meta.title,
        n_pages=n_pages if n_pages is not None else (report.n_pages or None), loaded_at=datetime.now(timezone.utc),
        warnings=json.dumps(report.warnings),
        kind=report.meta.kind, period=report.meta.period,
        meta_evidence=json.dumps(report.meta.evidence, ensure_ascii=False) if report.meta.evidence else None,
    ))
    table_ids: dict[int, int] = {}
    for t in report.tables:
        table_ids[t.index] = _inserted_id(conn, insert(source_tables).values(
            report_id=report_id, table_index=t.index, label=t.label, caption=t.caption, page=t.page,
            pages=",".join(map(str, t.pages)), bbox=json.dumps(t.bbox) if t.bbox else None, method=t.method,
            kind=report.table_kinds.get(t.index, "other"), n_rows=len(t.body),
            context_after=(t.context_after or "")[:3000],
        ))

    def table_id_of(prov: Provenance) -> int | None:
        """The stored table a value came from; None for a figure stated outside any table."""
        return None if prov.table_index is None else table_ids.get(prov.table_index)

    tables_by_index = {t.index: t for t in report.tables}
    perf_rows = [dict(
        report_id=report_id, table_id=table_id_of(r.prov), page=r.prov.page, row_index=r.prov.row_index,
        level=r.level, sasaran=r.sasaran, indicator=r.indicator, indicator_canonical=r.indicator_canonical,
        unit=r.unit, unit_kind=r.unit_kind, year=r.year, target=r.target, target_text=r.target_text,
        realization=r.realization,
        realization_text=r.realization_text, achievement_pct=r.achievement_pct, achievement_text=r.achievement_text,
        column_paths=json.dumps(r.column_paths, ensure_ascii=False), format_notes="; ".join(r.format_notes) or None,
        ocr_confidence=record_confidence(r, tables_by_index),
        target_base=r.target_base, realization_base=r.realization_base, base_unit=r.base_unit,
        scale_source=r.scale_source, scale_evidence=r.scale_evidence,
    ) for r in report.performance]
    budget_rows = [dict(
        report_id=report_id, table_id=table_id_of(r.prov), page=r.prov.page, row_index=r.prov.row_index,
        level=r.level, code=r.code, name=r.name, year=r.year, pagu_initial=r.pagu_initial,
        pagu_initial_text=r.pagu_initial_text, pagu=r.pagu, pagu_text=r.pagu_text, realization=r.realization,
        realization_text=r.realization_text, realization_pct=r.realization_pct,
        realization_pct_text=r.realization_pct_text, achievement_pct=r.achievement_pct,
        achievement_text=r.achievement_text, efficiency_pct=r.efficiency_pct, efficiency_text=r.efficiency_text,
        parent_row=r.parent_row, is_total=r.is_total, ocr_confidence=record_confidence(r, tables_by_index),
        pagu_initial_base=r.pagu_initial_base, pagu_base=r.pagu_base, realization_base=r.realization_base,
        scale_source=r.scale_source, scale_evidence=r.scale_evidence,
    ) for r in report.budget]
    if perf_rows:
        conn.execute(insert(performance_values), perf_rows)
    note_rows = [dict(report_id=report_id, table_id=table_id_of(n.prov), page=n.prov.page,
                      row_index=n.prov.row_index, column_path=n.column_path, subject=n.subject, printed=n.printed,
                      value=n.value, note=n.note) for n in report.cell_notes]
    if note_rows:
        conn.execute(insert(cell_notes), note_rows)
    aggregate_rows = [dict(
        report_id=report_id, table_id=table_id_of(a.prov), page=a.prov.page,
        row_index=a.prov.row_index, kind=a.kind, column_path=a.column_path, subject=a.subject, printed=a.printed,
        value=a.value, parts=json.dumps(a.parts, ensure_ascii=False), part_values=json.dumps(a.part_values),
        parts_decimals=a.parts_decimals) for a in report.aggregates]
    if aggregate_rows:
        conn.execute(insert(printed_aggregates), aggregate_rows)
    if budget_rows:
        conn.execute(insert(budget_values), budget_rows)
    return report_id


def replace_findings(engine: Engine, findings: list[Finding]) -> None:
    """Replace the findings of every report named in `findings` (and of those with none)."""
    with writing(engine) as conn:
        ids = dict(conn.execute(select(reports.c.source_file, reports.c.id)).all())
        conn.execute(delete(finding_records))
        rows = [dict(report_id=ids[f.source_file], table_index=f.table_index, table_label=f.table_label, page=f.page,
                     row_index=f.row_index, rule=f.rule, severity=f.severity, subject=f.subject,
                     reported=f.reported, expected=f.expected, detail=f.detail)
                for f in findings if f.source_file in ids]
        if rows:
            conn.execute(insert(finding_records), rows)


def replace_catalogue(engine: Engine, entries: list[dict]) -> None:
    with writing(engine) as conn:
        conn.execute(delete(indicator_catalogue))
        if entries:
            conn.execute(insert(indicator_catalogue), entries)
        for e in entries:
            conn.execute(performance_values.update().where(performance_values.c.indicator == e["variant"])
                         .values(indicator_canonical=e["canonical"]))


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {name: conn.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar_one()
                for name in ("reports", "source_tables", "performance_values", "budget_values", "finding_records")}
