"""pdfminer's page interpreter, its content streams tokenised by PLAYA's compiled parser.

In:  a page's content streams (pdfminer's `process_page` on a `FastInterpreter`).
Out: the same calls on pdfminer's device (characters, paths, images, figures, marked content), in the
     same order, as pdfminer's own interpreter makes.

Why: half of the time pdfminer spends on a text-layer page goes to cutting the content stream into
tokens and objects (`psparser.nexttoken` / `nextobject`, pure Python). PLAYA (`playa-pdf`) parses the
same syntax in compiled code, several times faster. Only the tokens come from PLAYA: every operator is
still executed by pdfminer (`PDFPageInterpreter`, fonts, text positions, colours), so the objects are
pdfminer's own.

Each content stream is parsed whole before any operator runs; the objects are turned into pdfminer's
(`PSLiteral` / `PSKeyword` by name, `null` as pdfminer's keyword). A stream holding what pdfminer would
represent otherwise (an inline image, an object reference, a procedure, a name that is not ASCII) or
that PLAYA cannot parse is tokenised by pdfminer itself, as before (`Unmappable`); `fallbacks` counts
them. `python -m extractors.compare_objects` compares both readings page by page.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pdfminer import settings
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, keyword_name
from playa.parser import ObjectParser
from playa.pdftypes import PSKeyword as PlayaKeyword
from playa.pdftypes import PSLiteral as PlayaLiteral

log = logging.getLogger(__name__)
PLAIN_TOKENS = frozenset({int, float, bool, bytes})  # the same value in both parsers
NULL = KWD(b"null")  # pdfminer leaves `null` a keyword (an operator it does not know: skipped)
fallbacks: Counter = Counter()  # why content streams were tokenised by pdfminer, for the record


class Unmappable(Exception):
    """A content stream PLAYA parses into something pdfminer represents otherwise."""


_keywords: dict[PlayaKeyword, PSKeyword] = {}
_methods: dict[Any, str] = {}  # operator name -> the interpreter's method for it ("T*" -> "do_T_a")


def _keyword(token: PlayaKeyword) -> PSKeyword:
    found = _keywords.get(token)
    if found is None:
        if token.name in (b"{", b"}", b"BI", b"ID", b"EI", b"R"):
            raise Unmappable(f"keyword {token.name!r}")
        found = _keywords[token] = KWD(token.name)
    return found


def _miner(obj: Any) -> Any:
    """A PLAYA object as pdfminer's parser would give it."""
    kind = type(obj)
    if kind in PLAIN_TOKENS:
        return obj
    if kind is PlayaKeyword:
        return _keyword(obj)
    if kind is PlayaLiteral:
        if not isinstance(obj.name, str) or not obj.name.isascii():
            raise Unmappable(f"name {obj.name!r}")  # pdfminer keeps a name that is not UTF-8 as bytes
        return LIT(obj.name)
    if obj is None:
        return NULL
    if kind is list:
        return [_miner(v) for v in obj]
    if kind is dict:
        return {k: _miner(v) for k, v in obj.items()}
    raise Unmappable(f"object {kind.__name__}")


def content_objects(streams: Sequence[PDFStream]) -> list[Any]:
    """The top-level objects of the streams (operands and operators), in order, as pdfminer's."""
    out: list[Any] = []
    for stream in streams:
        out += [_miner(obj) for _, obj in ObjectParser(stream_value(stream).get_data(), strict=True)]
    return out


class FastInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter; `execute` runs the operators of objects parsed by PLAYA."""

    def execute(self, streams: Sequence[object]) -> None:
        valid = [stream_value(s) for s in streams]
        valid = [s for s in valid if s.objid is not None and s.objid not in self.parent_stream_ids]
        if len(valid) != len(streams):  # an inline or circular stream: pdfminer warns and skips it
            super().execute(streams)
            return
        try:
            objects = content_objects(valid)
        except Exception as exc:  # noqa: BLE001 - whatever PLAYA cannot map, pdfminer parses as before
            fallbacks[type(exc).__name__] += 1
            super().execute(streams)
            return
        self.stream_ids.clear()
        self.stream_ids.update(s.objid for s in valid if s.objid is not None)
        self.run(objects)

    def run(self, objects: list[Any]) -> None:
        """pdfminer's `execute` loop: operands pushed, each operator called with as many as it takes (each
        operator's method and its number of operands looked up once per interpreter class, `_operator`)."""
        cls = type(self)
        for obj in objects:
            if not isinstance(obj, PSKeyword):
                self.argstack.append(obj)  # pdfminer's `push`
                continue
            found = _operators.get((cls, obj))
            if found is None:
                found = _operators[(cls, obj)] = _operator(cls, obj)
            func, nargs = found
            if func is None:
                if settings.STRICT:
                    raise ValueError(f"Unknown operator: {keyword_name(obj)!r}")
            elif nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(self, *args)
            else:
                func(self)


_operators: dict[tuple[type, PSKeyword], tuple[Any, int]] = {}  # (class, operator) -> (its method, its operands)


def _operator(cls: type, keyword: PSKeyword) -> tuple[Any, int]:
    """In: an interpreter class and an operator. Out: the class's `do_…` function for it (None when it has
    none: the operator is skipped) and how many operands it takes, as pdfminer's `execute` finds them."""
    name = keyword_name(keyword)
    method = _methods.get(name)
    if method is None:
        method = _methods[name] = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
    func = getattr(cls, method, None)
    if func is None:
        return None, 0
    return func, func.__code__.co_argcount - 1
