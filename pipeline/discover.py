"""Find the reports in a folder.

In:  a folder (searched recursively, symlinked folders followed once) or a single file.
Out: a `Discovery`: `SourceFile`s for every *.pdf, and every *.txt / *.md report already converted
     to text, fingerprinted by SHA-256 of their content; each file's `Location` (absolute path,
     the folder given, the path relative to it: the report's name); and `Problem`s for what could
     not be looked at (an unreadable file or folder, a symlink loop), each costing only itself.

Names that are not valid UTF-8 keep their real path for opening; the name stored and printed is
`printable(...)`, with the undecodable bytes shown as U+FFFD.
"""
from __future__ import annotations

import enum
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.db import Location
from pipeline.models import SourceFile

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md"}
IGNORED_NAMES = {"readme.md", "readme.txt", "notes.md"}
CHUNK = 1 << 20  # hash files in 1 MiB reads: memory stays flat whatever the file's size


class ProblemCode(enum.Enum):
    UNREADABLE_FILE = "unreadable_file"
    UNREADABLE_FOLDER = "unreadable_folder"
    SYMLINK_LOOP = "symlink_loop"
    BROKEN_LINK = "broken_link"


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    path: str  # absolute, printable
    name: str  # relative to the folder given, printable
    detail: str
    is_report: bool  # a report file (counts as failed) rather than a folder or link skipped


@dataclass
class Discovery:
    root: str  # the folder given, absolute and printable
    sources: list[SourceFile] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)  # SourceFile.path -> its location
    problems: list[Problem] = field(default_factory=list)

    @property
    def seen_paths(self) -> set[str]:
        """Printable absolute paths of every report file found, read or not."""
        return {loc.path for loc in self.locations.values()} | {p.path for p in self.problems if p.is_report}


def printable(path: str) -> str:
    """The path as text that can be stored and printed: bytes that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_report(name: str, include_text: bool) -> bool:
    low = name.lower()
    if low in IGNORED_NAMES or low.endswith(".notes.md"):
        return False
    suffix = os.path.splitext(low)[1]
    return suffix in PDF_SUFFIXES or (include_text and suffix in TEXT_SUFFIXES)


def _relname(path: str, root: str) -> str:
    return printable(os.path.relpath(path, root)).replace(os.sep, "/")


def _problem(code: ProblemCode, path: str, root: str, detail: str, is_report: bool = False) -> Problem:
    return Problem(code, printable(path), _relname(path, root), detail, is_report)


def _walk(root: str, problems: list[Problem]) -> list[str]:
    """Every file path under `root`, following symlinked folders but never one already visited."""
    files: list[str] = []
    visited: set[tuple[int, int]] = set()

    def visit(folder: str) -> None:
        try:
            st = os.stat(folder)
        except OSError as exc:
            problems.append(_problem(ProblemCode.UNREADABLE_FOLDER, folder, root, exc.strerror or str(exc)))
            return
        if (st.st_dev, st.st_ino) in visited:
            problems.append(_problem(ProblemCode.SYMLINK_LOOP, folder, root,
                                     f"links back to {printable(os.path.realpath(folder))}, already searched"))
            return
        visited.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(_problem(ProblemCode.UNREADABLE_FOLDER, folder, root, exc.strerror or str(exc)))
            return
        for entry in entries:
            try:
                if entry.is_dir():
                    visit(entry.path)
                elif entry.is_file():
                    files.append(entry.path)
                elif entry.is_symlink():
                    problems.append(_problem(ProblemCode.BROKEN_LINK, entry.path, root, "symbolic link to nothing"))
            except OSError as exc:
                problems.append(_problem(ProblemCode.UNREADABLE_FILE, entry.path, root, exc.strerror or str(exc)))

    visit(root)
    return files


def scan(folder: str | Path, include_text: bool = True) -> Discovery:
    """The reports under `folder` (or the single file `folder`), with the problems met on the way."""
    given = os.path.abspath(os.fspath(folder))
    single = os.path.isfile(given)
    root = os.path.dirname(given) if single else given
    found = Discovery(root=printable(root))
    paths = [given] if single else _walk(root, found.problems)
    for path in paths:
        name = os.path.basename(path)
        if not _is_report(name, include_text):
            continue
        shown, relpath = printable(path), _relname(path, root)
        try:
            sha, size = sha256_of(Path(path)), os.stat(path).st_size
        except OSError as exc:
            found.problems.append(_problem(ProblemCode.UNREADABLE_FILE, path, root,
                                           f"cannot read the file ({exc.strerror or exc})", True))
            continue
        suffix = os.path.splitext(name.lower())[1]
        source = SourceFile(path=path, name=relpath, sha256=sha, size=size,
                            kind="pdf" if suffix in PDF_SUFFIXES else "text")
        found.sources.append(source)
        found.locations[path] = Location(path=shown, root=found.root, relpath=relpath)
    return found


def discover(folder: str | Path, include_text: bool = True) -> list[SourceFile]:
    """The readable reports under `folder` (see `scan` for the problems too)."""
    return scan(folder, include_text).sources
