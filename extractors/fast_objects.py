"""A page's PDF objects in pdfplumber's very dicts, built faster.

In:  a pdfplumber page.
Out: `{"char": [...], "line": [...], "rect": [...], "curve": [...], "image": [...]}`: what pdfplumber's
     `Page.objects` would hold, key by key, value by value and in the same order (`page_objects`);
     `feed` puts it in the page's object cache, so words, text lines, edges and the table finder run
     on it unchanged.

Why: reading a text-layer page cost twice what the tables on it cost. pdfplumber has pdfminer build a
layout object per character (`LTChar`) and then turns each into a dict, resolving every attribute
recursively (`resolve_all`: a generator per tuple, a type test per float) and decoding every colour
space's name through PDFDocEncoding. Here:
  - the content stream is tokenised by PLAYA (`fast_content.FastInterpreter`); pdfminer still runs
    every operator;
  - a character goes straight from pdfminer's `render_char` arguments to its dict (`CharRecord`), with
    pdfminer's own arithmetic (`apply_matrix_rect`, font widths and descent), no `LTChar` in between;
  - other objects (rules, boxes, curves, images) are pdfminer's, turned into dicts as pdfplumber does,
    except that a value that cannot hold a PDF reference (a number, a string, a tuple of numbers) is
    taken as it is and a colour-space name is decoded once per name.
A document opened with layout analysis (`laparams`) is left to pdfplumber (characters must then be
`LTChar`s). `tests/test_fast_objects.py` compares both on generated PDFs, `python -m
extractors.compare_objects` on any folder.
"""
from __future__ import annotations

import re
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem, LTTextContainer
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect
from pdfplumber.page import ALL_ATTRS, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

from extractors.fast_content import FastInterpreter

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


class Frame:
    """How pdfplumber places a pdfminer object on the page (read once per page: pdfplumber computes its
    height on every call): top, bottom and doctop from the page's top, x shifted by the MediaBox."""

    def __init__(self, page) -> None:
        self.page_number = page.page_number
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.initial_doctop = page.initial_doctop
        self.unicode_norm = page.pdf.unicode_norm
        self.point2coord = page.point2coord

    def place(self, attr: Obj) -> None:
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + self.mb_top
            attr["bottom"] = (self.height - attr["y0"]) + self.mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and self.mb_x0 != 0:
            attr["x0"] = attr["x0"] + self.mb_x0
            attr["x1"] = attr["x1"] + self.mb_x0


class CharRecord:
    """A character as pdfminer's `LTChar` would hold it (the attributes pdfplumber keeps, in its order),
    made from `render_char`'s arguments; `mcid` and `tag` are set by pdfplumber's marked-content hook."""

    __slots__ = ("attr", "text", "graphicstate", "ncs", "mcid", "tag")

    def __init__(self, matrix, font, fontsize: float, scaling: float, rise: float, text: str,
                 textwidth: float, textdisp, ncs, graphicstate) -> None:
        adv = textwidth * fontsize * scaling
        if font.is_vertical():  # pdfminer's LTChar.__init__, line by line
            (vx, vy) = textdisp
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        (a, b, c, d, _e, _f) = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        width, height = x1 - x0, y1 - y0
        self.attr: Obj = {"matrix": matrix, "fontname": font.fontname, "adv": adv, "upright": upright,
                          "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": width, "height": height,
                          "size": width if font.is_vertical() else height}
        self.text = text
        self.ncs = ncs
        self.graphicstate = graphicstate
        self.mcid: Any = None
        self.tag: Any = None

    def finish(self, frame: Frame) -> Obj:
        """The dict pdfplumber's `process_object` makes of the character."""
        attr = self.attr
        plain = PLAIN_TYPES
        matrix = attr["matrix"]
        if not (type(matrix) is tuple and set(map(type, matrix)) <= plain):
            attr["matrix"] = resolve_all(matrix)
        for key in ("fontname", "adv"):
            if type(attr[key]) not in plain:
                attr[key] = resolve_all(attr[key])
        attr["mcid"] = self.mcid if type(self.mcid) in plain else resolve_all(self.mcid)
        attr["tag"] = self.tag if type(self.tag) in plain else resolve_all(self.tag)
        attr["object_type"] = "char"
        attr["page_number"] = frame.page_number
        attr["ncs"] = _decoded_name(self.ncs.name)
        norm = frame.unicode_norm
        attr["text"] = normalize_unicode(norm, self.text) if norm is not None else self.text
        gs = self.graphicstate
        attr["stroking_color"] = _as_tuple(gs.scolor)
        attr["non_stroking_color"] = _as_tuple(gs.ncolor)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        frame.place(attr)
        return attr


class CharRecordingAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, keeping a `CharRecord` for each character instead of an `LTChar`."""

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:  # type: ignore[override]
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        record = CharRecord(matrix, font, fontsize, scaling, rise, text, font.char_width(cid),
                            font.char_disp(cid), ncs, graphicstate)
        self.cur_item._objs.append(record)  # type: ignore[arg-type]  # what LTContainer.add does
        self.tag_cur_item()
        return record.attr["adv"]


def process_object(frame: Frame, obj: LTItem) -> Obj:
    """pdfplumber's `Page.process_object`, step by step, with `_resolved` for `resolve_all`."""
    plain = PLAIN_TYPES
    attr: Obj = {k: v if type(v) in plain or k == "pts" else _resolved(v)
                 for k, v in obj.__dict__.items() if k in ALL_ATTRS}
    attr["object_type"] = _kind(obj)
    attr["page_number"] = frame.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = _decoded_name(getattr(obj, cs).name)
    if isinstance(obj, (LTChar, LTTextContainer)):
        text = obj.get_text()
        norm = frame.unicode_norm
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = _as_tuple(gs.scolor)
        attr["non_stroking_color"] = _as_tuple(gs.ncolor)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        point = frame.point2coord
        attr["pts"] = [point(p) for p in attr["pts"]]  # points pdfminer computed: numbers, nothing to resolve
        attr["path"] = [(cmd, *map(point, pts)) for cmd, *pts in obj.original_path]  # type: ignore[union-attr]
        attr["dash"] = obj.dashing_style
    frame.place(attr)
    return attr


def _layout_objects(frame: Frame, objs: list) -> list[Obj]:
    """pdfplumber's `iter_layout_objects` (no layout analysis): a container (a figure) gives its children."""
    out: list[Obj] = []
    for obj in objs:
        if type(obj) is CharRecord:
            out.append(obj.finish(frame))
        elif isinstance(obj, LTContainer):
            out += _layout_objects(frame, obj._objs)
        else:
            out.append(process_object(frame, obj))
    return out


def _recorded_layout(page):
    """pdfplumber's `Page.layout`, interpreted by `FastInterpreter` onto a `CharRecordingAggregator`."""
    device = CharRecordingAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
    interpreter = FastInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e
    return device.get_result()


def page_objects(page) -> dict[str, list[Obj]]:
    """In: a pdfplumber page. Out: its `objects` (pdfplumber's `parse_objects`, the same dicts)."""
    if page.pdf.laparams is not None:  # layout analysis groups LTChars: pdfplumber's own way
        return page.parse_objects()
    objects: dict[str, list[Obj]] = {}
    for obj in _layout_objects(Frame(page), _recorded_layout(page)._objs):
        kind = obj["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(obj)
    return objects


def feed(page) -> None:
    """Fill the page's object cache (pdfplumber's `Page.objects` then returns it) unless it is filled."""
    if not hasattr(page, "_objects"):
        page._objects = page_objects(page)
