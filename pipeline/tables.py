"""`python -m pipeline tables FILE [--pages 1,3-4] [--json | --roles]`: the tables the extractor found.

In:  one PDF (or text report) and, optionally, the pages to read (camelot-style "1", "1,3", "2-4").
Out: each table's pages, label, caption, then its header rows and body rows; with --json a list of
     {"pages", "label", "caption", "method", "header_rows", "rows"} where a cell covered by a spanning
     cell is null; with --roles each table's kind and every column's (role, year) with the evidence
     (from a PDF, or from an extracted report's JSON). Lets a user (and ../shared/eval/peer_score.py)
     see what was read and why each column means what it does.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from pipeline.models import RawTable


def parse_pages(spec: str | None) -> set[int] | None:
    """'1,3,5-7' -> {1, 3, 5, 6, 7}; None or 'all' -> None (every page)."""
    if spec is None or spec.strip().lower() in ("", "all"):
        return None
    pages: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+|end)", part)
        if m:
            last = int(m.group(2)) if m.group(2) != "end" else 100_000
            pages.update(range(int(m.group(1)), last + 1))
        elif part.isdigit():
            pages.add(int(part))
        elif part:
            raise ValueError(f"not a page number or range: {part!r}")
    return pages


def table_rows(table: RawTable) -> list[list[str | None]]:
    """Header rows then body rows as printed text; None where a spanning cell covers the cell."""
    return [[c.text for c in row] for row in table.header + table.body]


def read_file_tables(path: str, pages: set[int] | None = None) -> list[RawTable]:
    """The `RawTable`s the extract stage reads from `path` (only `pages` of a PDF when given)."""
    if Path(path).suffix.lower() == ".pdf":
        from extractors.pdf import read_pdf

        return read_pdf(path, pages=pages).tables
    from extractors.text_report import read_text_report

    tables, _ = read_text_report(path)
    return [t for t in tables if pages is None or set(t.pages) & pages]


def as_json(tables: list[RawTable]) -> list[dict]:
    return [{"pages": t.pages, "label": t.label, "caption": t.caption, "method": t.method,
             "header_rows": len(t.header), "rows": table_rows(t)} for t in tables]


def as_text(tables: list[RawTable]) -> str:
    out = []
    for n, t in enumerate(tables, start=1):
        title = " ".join(x for x in (t.label, t.caption) if x) or "(no caption)"
        out.append(f"#{n} pages {','.join(map(str, t.pages))} [{t.method}] {title}")
        for k, row in enumerate(table_rows(t)):
            mark = "H" if k < len(t.header) else " "
            out.append(f"  {mark} " + " | ".join("^" if c is None else c.replace("\n", " ") for c in row))
        out.append("")
    return "\n".join(out)


def roles_text(data: dict) -> str:
    """Each table's kind and every column's role and year with the evidence, from an extracted report's
    JSON (`ExtractedReport.to_json()`, as written under OUT/extracted/)."""
    out = []
    kinds = {int(k): v for k, v in data.get("table_kinds", {}).items()}
    evidence = {int(k): v for k, v in data.get("role_evidence", {}).items()}
    roles = {int(k): v for k, v in data.get("column_roles", {}).items()}
    meta = data.get("meta") or {}
    out.append(f"{data.get('source', {}).get('name', '')}: fiscal year {meta.get('report_year')}, "
               f"{len(data.get('tables', []))} tables")
    for table in data.get("tables", []):
        k = table["index"]
        title = " ".join(x for x in (table.get("label"), table.get("caption")) if x) or "(no caption)"
        out.append(f"#{k} pages {','.join(map(str, table['pages']))} [{kinds.get(k, 'not classified')}] {title[:90]}")
        for column in roles.get(k, []):
            year = f" {column['year']}" if column.get("year") else ""
            out.append(f"    col {column['index']:>2}  {column['role'] + year:<22} {column['header'][:90]!r}")
        for line in evidence.get(k, []):
            out.append(f"    because {line}")
    return "\n".join(out)


def _roles_of(path: str) -> dict:
    """The extracted report of `path`: its JSON when given one, else the file read and classified now."""
    if path.endswith(".json"):
        return json.loads(Path(path).read_text(encoding="utf-8"))
    from pipeline.extract import extract_report
    from pipeline.models import SourceFile

    source = SourceFile(path=path, name=Path(path).name, sha256="", size=Path(path).stat().st_size,
                        kind="pdf" if path.lower().endswith(".pdf") else "text")
    report, _ = extract_report(source)
    return report.to_json()


def cmd_tables(args) -> int:
    from extractors.pdf import PdfReadError

    try:
        pages = parse_pages(args.pages)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not Path(args.file).exists():
        print(f"error: {args.file} does not exist", file=sys.stderr)
        return 2
    try:
        if args.roles:
            print(roles_text(_roles_of(args.file)))
            return 0
        tables = read_file_tables(args.file, pages)
    except PdfReadError as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(as_json(tables), ensure_ascii=False))
    else:
        print(as_text(tables) if tables else "no tables found")
    return 0


def add_parser(sub) -> None:
    """Register the `tables` subcommand on the CLI's subparsers."""
    p = sub.add_parser("tables", help="print the tables the extractor finds in one file")
    p.add_argument("file", help="a PDF (or a *.txt / *.md text report)")
    p.add_argument("--pages", help='pages to read, camelot-style: "1", "1,3", "2-4" (default all)')
    p.add_argument("--json", action="store_true", help="a JSON list of tables (covered cells null)")
    p.add_argument("--roles", action="store_true",
                   help="each table's kind and every column's role and year with the evidence (FILE may also be "
                        "an extracted report's JSON from OUT/extracted/)")
    p.set_defaults(func=cmd_tables)
