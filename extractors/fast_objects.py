"""A page's PDF objects in pdfplumber's very dicts, built faster.

In:  a pdfplumber page.
Out: `{"char": [...], "line": [...], "rect": [...], "curve": [...], "image": [...]}`: what pdfplumber's
     `Page.objects` would hold, key by key, value by value and in the same order (`page_objects`);
     `feed` puts it in the page's object cache, so words, text lines, edges and the table finder run
     on it unchanged. One difference by design: drawings painted under a clip of upright rectangles
     are cut to it (`clip_paths`; pdfplumber ignores clipping), those wholly outside it left out.

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

from extractors.clip_paths import ClippingInterpreter, ClipRecorder, clipped

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


class CharRecordingAggregator(ClipRecorder, PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, keeping a `CharRecord` for each character instead of an `LTChar`; a string
    of a horizontal font goes straight to pdfplumber's dicts (`render_string_horizontal`); each drawing
    marked with the clip it is painted under (`clip_paths.ClipRecorder`)."""

    def __init__(self, frame: Frame, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frame = frame
        self.glyphs: dict[Any, dict[int, tuple[str, float]]] = {}  # font -> cid -> (text, width)

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:  # type: ignore[override]
        text = self._text(font, cid)
        record = CharRecord(matrix, font, fontsize, scaling, rise, text, font.char_width(cid),
                            font.char_disp(cid), ncs, graphicstate)
        self.cur_item._objs.append(record)  # type: ignore[arg-type]  # what LTContainer.add does
        self.tag_cur_item()
        return record.attr["adv"]

    def _text(self, font, cid: int) -> str:
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        return text

    def _glyph(self, font, cid: int) -> tuple[str, float]:
        """(text, width) of a character code of a font, read once per page (both depend on the two only)."""
        known = self.glyphs.get(font)
        if known is None:
            known = self.glyphs[font] = {}
        glyph = known.get(cid)
        if glyph is None:
            glyph = known[cid] = (self._text(font, cid), font.char_width(cid))
        return glyph

    def tag_cur_item(self) -> None:
        """pdfplumber's hook: the current marked content's id and tag on the last object (a character
        already made a dict gets them, resolved as `CharRecord.finish` resolves them)."""
        objs: list[Any] = self.cur_item._objs  # LTComponents, and the characters made dicts here
        if objs and type(objs[-1]) is dict:
            char: Obj = objs[-1]
            mcid, tag = self.cur_mcid, self.cur_tag
            char["mcid"] = mcid if type(mcid) in PLAIN_TYPES else resolve_all(mcid)
            char["tag"] = tag if type(tag) in PLAIN_TYPES else resolve_all(tag)
            return
        super().tag_cur_item()

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,  # type: ignore[override]
                                 rise, dxscale, ncs, graphicstate):
        """pdfminer's loop over a string's characters, each character made at once into the dict
        `CharRecord(...).finish` makes (the same arithmetic in the same order: `translate_matrix`, the
        glyph's box from the font's descent, `apply_matrix_rect`, `Frame.place`); what is the same for
        every character of the string (font name, colours, colour space, uprightness) is read once."""
        (x, y) = pos
        plain = PLAIN_TYPES
        frame = self.frame
        (a, b, c, d, e, f) = matrix
        if not set(map(type, matrix)) <= plain:  # a matrix holding something else: one at a time, as before
            return super().render_string_horizontal(seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                                    rise, dxscale, ncs, graphicstate)
        fontname = font.fontname
        if type(fontname) not in plain:
            fontname = resolve_all(fontname)
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        upright = a * d * scaling > 0 and b * c <= 0
        descent = font.get_descent() * fontsize
        low, high = descent + rise, descent + rise + fontsize
        ncs_name = _decoded_name(ncs.name)
        stroking, non_stroking = _as_tuple(graphicstate.scolor), _as_tuple(graphicstate.ncolor)
        norm = frame.unicode_norm
        page_number, height, mb_x0, mb_top, doctop0 = (frame.page_number, frame.height, frame.mb_x0, frame.mb_top,
                                                       frame.initial_doctop)
        add = self.cur_item._objs.append
        glyphs = self.glyphs.get(font)
        if glyphs is None:
            glyphs = self.glyphs[font] = {}
        # the marked content's id and tag, as `tag_cur_item` sets them; one not plain is resolved per character
        mcid, tag = self.cur_mcid, self.cur_tag
        tagged = type(mcid) in plain and type(tag) in plain
        # the products that are the same for every character of the string, each computed as in the sums
        # below (Python adds from the left: `a * 0 + c * low + e1` is `(a * 0 + c * low) + e1`)
        y_c, y_d = y * c, y * d
        c_low, d_low, c_high, d_high = c * low, d * low, c * high, d * high
        left_low, foot_low = a * 0 + c_low, b * 0 + d_low
        left_high, foot_high = a * 0 + c_high, b * 0 + d_high
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:  # `_glyph`: read once per page
                        glyph = glyphs[cid] = (self._text(font, cid), font.char_width(cid))
                    text, textwidth = glyph
                    adv = textwidth * fontsize * scaling
                    e1, f1 = x * a + y_c + e, x * b + y_d + f  # translate_matrix
                    # apply_matrix_rect of (0, low, adv, high): its four corners, apply_matrix_pt each
                    left1, bottom1 = left_low + e1, foot_low + f1
                    right1, bottom2 = a * adv + c_low + e1, b * adv + d_low + f1
                    right2, top1 = a * adv + c_high + e1, b * adv + d_high + f1
                    left2, top2 = left_high + e1, foot_high + f1
                    x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
                    y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
                    if x1 < x0:
                        (x0, x1) = (x1, x0)
                    if y1 < y0:
                        (y0, y1) = (y1, y0)
                    width, glyph_height = x1 - x0, y1 - y0
                    top = (height - y1) + mb_top
                    char: Obj = {
                        "matrix": (a, b, c, d, e1, f1), "fontname": fontname, "adv": adv, "upright": upright,
                        "x0": x0 + mb_x0 if mb_x0 != 0 else x0, "y0": y0,
                        "x1": x1 + mb_x0 if mb_x0 != 0 else x1, "y1": y1,
                        "width": width, "height": glyph_height, "size": glyph_height, "mcid": mcid, "tag": tag,
                        "object_type": "char", "page_number": page_number, "ncs": ncs_name,
                        "text": normalize_unicode(norm, text) if norm is not None else text,
                        "stroking_color": stroking, "non_stroking_color": non_stroking,
                        "top": top, "bottom": (height - y0) + mb_top, "doctop": doctop0 + top}
                    add(char)  # type: ignore[arg-type]  # what LTContainer.add does
                    if not tagged:
                        self.tag_cur_item()
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                super().render_string_horizontal([obj], matrix, (x, y), font, fontsize, scaling, charspace, wordspace,
                                                 rise, dxscale, ncs, graphicstate)  # pdfminer's warning
        return (x, y)


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
        if type(obj) is dict:  # a character of a horizontal string, made a dict already
            out.append(obj)
        elif type(obj) is CharRecord:
            out.append(obj.finish(frame))
        elif isinstance(obj, LTContainer):
            out += _layout_objects(frame, obj._objs)
        elif (shown := clipped(obj)) is not None:  # a drawing cut to its clip; none of it shown: left out
            out.append(process_object(frame, shown))
    return out


def _recorded_layout(page, frame: Frame):
    """pdfplumber's `Page.layout`, interpreted by `FastInterpreter` onto a `CharRecordingAggregator`, the
    drawings to be cut to their clips (`clip_paths.ClippingInterpreter`)."""
    device = CharRecordingAggregator(frame, page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
    interpreter = ClippingInterpreter(page.pdf.rsrcmgr, device)
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
    frame = Frame(page)
    for obj in _layout_objects(frame, _recorded_layout(page, frame)._objs):
        kind = obj["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(obj)
    return objects


def feed(page) -> None:
    """Fill the page's object cache (pdfplumber's `Page.objects` then returns it) unless it is filled."""
    if not hasattr(page, "_objects"):
        page._objects = page_objects(page)
