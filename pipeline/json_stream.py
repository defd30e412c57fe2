"""A dataclass written as JSON piece by piece, so a long report's JSON never sits in memory whole.

In:  a dataclass instance (an `ExtractedReport`) and the encoder's options.
Out: the chunks of exactly the text `json.dumps(dataclasses.asdict(obj), ...)` prints, for a file to
     take one at a time (`pipeline.files.write_chunks_whole`).

`asdict` copies the whole object into dicts before `json.dumps` joins one string of it (and writing a
str encodes a third copy): for a report several hundred pages long those copies were the run's peak
memory. Here a list is converted item by item as the encoder reaches it (`_LazyList`), so only the
item being written exists twice. The encoder with an indent is the pure-Python one either way, and it
only iterates lists and reads dicts' items, so the text is the same byte for byte.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any


class _LazyList(list):
    """Looks like a non-empty list to the encoder; yields each item converted only as it is encoded."""

    def __init__(self, items: list | tuple):
        super().__init__([None] if items else [])  # truthy exactly when the items are: `[]` stays `[]`
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        return (_plain(item) for item in self.items)


def _plain(value: Any) -> Any:
    """What `asdict` turns `value` into, with its lists left lazy."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return _LazyList(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def json_chunks(obj: Any, *, ensure_ascii: bool = False, indent: int = 1) -> Iterator[str]:
    """The JSON text of the dataclass `obj`, in chunks (see the module's docstring)."""
    if indent is None:  # the C encoder takes a list whole, not through its iterator
        raise ValueError("json_chunks needs an indent (the pure-Python encoder)")
    return json.JSONEncoder(ensure_ascii=ensure_ascii, indent=indent).iterencode(_plain(obj))
