"""Files written whole or not at all.

In:  a target path and a function that writes a file at a path it is given (or the text to write, whole
     or in chunks).
Out: the target replaced in one rename: a full disk, a crash or an exception in the writer leaves the
     old file or none, never half a file; the temporary file (".name.part" beside it) is removed.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path


def replace_whole(path: Path, write: Callable[[Path], object]) -> Path:
    """`write(tmp)` writes the file at a temporary path; it is flushed to disk and renamed over `path`."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        write(tmp)
        with open(tmp, "rb") as written:
            os.fsync(written.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_chunks_whole(path: Path, chunks: Iterable[str]) -> Path:
    """The text `chunks` (UTF-8, written one at a time: never joined in memory) as the whole content of
    `path`, replaced in one rename."""
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            for chunk in chunks:
                f.write(chunk)
    return replace_whole(path, write)
