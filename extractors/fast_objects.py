"""A page's PDF objects in pdfplumber's very dicts, built without resolving what needs no resolving.

In:  a pdfplumber page (its pdfminer layout: the characters, rules, boxes, curves and images pdfminer
     read from the content stream).
Out: `{"char": [...], "line": [...], "rect": [...], "curve": [...], "image": [...]}`: what pdfplumber's
     `Page.objects` would hold, key by key, value by value and in the same order (`page_objects`);
     `feed` puts it in the page's object cache, so words, text lines, edges and the table finder run
     on it unchanged.

Why: pdfplumber's `Page.process_object` resolves every attribute of every object recursively
(`resolve_all`: a generator per tuple, a type test per float) and decodes every colour-space name
through PDFDocEncoding: a third of the time of reading a text-layer page. Here a value that cannot hold
a PDF reference (a number, a string, a tuple of numbers) is taken as it is, a colour-space name is
decoded once per name, and anything else goes through pdfplumber's own `resolve_all`, so the result is
the same. `tests/test_fast_objects.py` compares both on generated PDFs, `python -m
extractors.compare_objects` on any folder.
"""
from __future__ import annotations

import re
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem, LTTextContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

from extractors.fast_content import layout

Obj = dict[str, Any]

# Values of these types hold no PDF reference: pdfplumber's resolve_all returns them unchanged.
PLAIN_TYPES = frozenset({float, int, str, bool, type(None)})
_kinds: dict[type, str] = {}  # layout class -> pdfplumber's object_type ("LTChar" -> "char")
_names: dict[Any, Any] = {}  # colour-space name -> its decoded form


def _resolved(value: Any) -> Any:
    """pdfplumber's `resolve_all(value)`, without walking plain values and tuples of numbers."""
    kind = type(value)
    if kind in PLAIN_TYPES:
        return value
    if kind is tuple and all(type(v) in PLAIN_TYPES for v in value):
        return value
    return resolve_all(value)


def _kind(obj: LTItem) -> str:
    cls = type(obj)
    kind = _kinds.get(cls)
    if kind is None:
        kind = _kinds[cls] = re.sub(r"^LT", "", cls.__name__).lower()
    return kind


def _decoded_name(name: Any) -> Any:
    """pdfplumber's `resolve_and_decode` of a colour space's name, once per name."""
    if not isinstance(name, str):
        return resolve_and_decode(name)
    decoded = _names.get(name)
    if decoded is None:
        decoded = _names[name] = resolve_and_decode(name)
    return decoded


def _as_tuple(colour: Any) -> tuple:
    return colour if isinstance(colour, tuple) else (colour,)


def process_object(page, obj: LTItem) -> Obj:
    """pdfplumber's `Page.process_object`, step by step, with `_resolved` for `resolve_all`."""
    plain = PLAIN_TYPES
    attr: Obj = {k: v if type(v) in plain or k == "pts" else _resolved(v)
                 for k, v in obj.__dict__.items() if k in ALL_ATTRS}
    attr["object_type"] = _kind(obj)
    attr["page_number"] = page.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = _decoded_name(getattr(obj, cs).name)
    if isinstance(obj, (LTChar, LTTextContainer)):
        text = obj.get_text()
        norm = page.pdf.unicode_norm
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = _as_tuple(gs.scolor)
        attr["non_stroking_color"] = _as_tuple(gs.ncolor)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        point = page.point2coord
        attr["pts"] = [point(p) for p in attr["pts"]]  # points pdfminer computed: numbers, nothing to resolve
        attr["path"] = [(cmd, *map(point, pts)) for cmd, *pts in obj.original_path]  # type: ignore[union-attr]
        attr["dash"] = obj.dashing_style
    mb_x0, mb_top = page.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (page.height - attr["y1"]) + mb_top
        attr["bottom"] = (page.height - attr["y0"]) + mb_top
        attr["doctop"] = page.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


def _layout_objects(page, objs: list) -> list[Obj]:
    """pdfplumber's `iter_layout_objects`: containers (figures) give their children, and themselves
    when the document was opened with layout analysis."""
    out: list[Obj] = []
    with_containers = page.pdf.laparams is not None
    for obj in objs:
        if isinstance(obj, LTContainer):
            if with_containers:
                out.append(process_object(page, obj))
            out += _layout_objects(page, obj._objs)
        else:
            out.append(process_object(page, obj))
    return out


def page_objects(page) -> dict[str, list[Obj]]:
    """In: a pdfplumber page. Out: its `objects` (pdfplumber's `parse_objects`, the same dicts)."""
    objects: dict[str, list[Obj]] = {}
    for obj in _layout_objects(page, layout(page)._objs):
        kind = obj["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(obj)
    return objects


def feed(page) -> None:
    """Fill the page's object cache (pdfplumber's `Page.objects` then returns it) unless it is filled."""
    if not hasattr(page, "_objects"):
        page._objects = page_objects(page)
