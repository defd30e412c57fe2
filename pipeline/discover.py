"""Find the reports in a folder.

In:  a folder (searched recursively) or a single file.
Out: `SourceFile`s for every *.pdf, and every *.txt / *.md report already converted to text,
     fingerprinted by SHA-256 of their content so unchanged files can be skipped.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.models import SourceFile

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md"}
IGNORED_NAMES = {"readme.md", "readme.txt", "notes.md"}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(folder: str | Path, include_text: bool = True) -> list[SourceFile]:
    root = Path(folder)
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    found = []
    for p in paths:
        suffix = p.suffix.lower()
        if p.name.lower() in IGNORED_NAMES or p.name.lower().endswith(".notes.md"):
            continue
        if suffix in PDF_SUFFIXES or (include_text and suffix in TEXT_SUFFIXES):
            found.append(SourceFile(path=str(p), name=p.name, sha256=sha256_of(p), size=p.stat().st_size,
                                    kind="pdf" if suffix in PDF_SUFFIXES else "text"))
    return found
