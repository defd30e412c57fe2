"""A header printed on a dark band under a table's top rule (a spreadsheet's table style): the band's foot
is the rule under the header.

In:  the page's painted boxes (`PageText.fills`), its words, and its horizontal rules as (y, x0, x1).
Out: `band_foot_rules(page, rules)`: (y, x0, x1) of a rule at the foot of each dark band that hangs from
     a rule (its top at the rule, as wide as it together), holds headings, and has no rule drawn at its
     foot already.

Why: such a style draws light rules between the body's rows and none under the header: the band's edge
is what the reader sees as the header's underline. The borderless reader looks for the rule under a
header; without this one it takes the first row rule, and the band's headings and the first row
together, for the header.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.grid import is_pure_number
from extractors.page_source import Fill, PageText, luminance

Span = tuple[float, float, float]  # y, x0, x1


@dataclass(frozen=True)
class HeaderFillSettings:
    # A fill darker than this (luminance, 0 black .. 1 white) carries light text: a header's band. A zebra
    # stripe or a light cell shading is lighter.
    dark: float = 0.5
    # Boxes whose tops and feet lie this close (points), side by side this close, paint one band (a box
    # per header cell).
    same_edge: float = 1.5
    # The band hangs from a rule whose height is within this (points) of the band's top, whose ends lie
    # within this of the band's ends (a border's width apart, never a column's: `stream.SAME_WIDTH_PT`).
    same_end: float = 8.0
    # Headings hold few numbers (a year): less than this share of the band's words are numbers.
    number_share: float = 0.35


SETTINGS = HeaderFillSettings()


def _bands(fills: tuple[Fill, ...], settings: HeaderFillSettings) -> list[tuple[float, float, float, float]]:
    """(x0, x1, top, bottom) of each run of dark boxes side by side with one top and one foot."""
    dark = sorted((f for f in fills if (lum := luminance(f.colour)) is not None and lum < settings.dark),
                  key=lambda f: (round(f.top), f.x0))
    bands: list[list[float]] = []
    for f in dark:
        last = bands[-1] if bands else None
        if last is not None and abs(f.top - last[2]) <= settings.same_edge and abs(f.bottom - last[3]) <= settings.same_edge \
                and f.x0 <= last[1] + settings.same_edge:
            last[1] = max(last[1], f.x1)
            continue
        bands.append([f.x0, f.x1, f.top, f.bottom])
    return [(a, b, t, u) for a, b, t, u in bands]


def band_foot_rules(page: PageText, rules: list[Span], settings: HeaderFillSettings = SETTINGS) -> list[Span]:
    """The rules under headers printed on dark bands (see the module's docstring)."""
    out: list[Span] = []
    for x0, x1, top, bottom in _bands(page.fills, settings):
        hangs = any(abs(y - top) <= settings.same_edge and abs(a - x0) < settings.same_end
                    and abs(b - x1) < settings.same_end for y, a, b in rules)
        drawn = any(abs(y - bottom) <= settings.same_edge and a < x1 and b > x0 for y, a, b in rules)
        words = [w for w in page.words if top < (w.top + w.bottom) / 2 < bottom and x0 <= (w.x0 + w.x1) / 2 <= x1]
        if hangs and not drawn and words \
                and sum(1 for w in words if is_pure_number(w.text)) < settings.number_share * len(words):
            out.append((bottom, x0, x1))
    return out
