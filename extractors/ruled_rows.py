"""Where a borderless table with ruled rows ends, when a cell merged down interrupts its row rules.

In:  the page's horizontal rules (`stream.Rule`, top to bottom), the index of the rule under the header
     (`head`), the index of the first rule below it as wide as it (`bottom`), and the page's words.
Out: `ruled_rows_end(...)`: the index of the table's last rule: `bottom`, or a rule further down when
     the rows go on under it.

Why: a table drawn with a rule under every row and no column rules (an outer frame, or none), whose
sasaran cell spans several rows: inside the merged cell there is no rule, so the row rules there start
right of it (or end left of it) and are narrower than the header rule. The first rule as wide as the
header rule is then the rule under the merged cell, between two rows of the body, not the table's
bottom. The rows go on while the next rule shares an end with the header rule, follows at a row's
pitch, and what lies between is a row (no caption, no heading set larger).
"""
from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from extractors.captions import parse_label
from extractors.page_source import PageText, Word


class RuleLike(Protocol):
    y: float
    x0: float
    x1: float


@dataclass(frozen=True)
class RuledRowSettings:
    # Two rule ends within this (points) are one end: the same as `stream.SAME_WIDTH_PT` (a border's
    # width apart, never a column's).
    same_end: float = 8.0
    # The next rule is a row's rule when it follows within this many times the tallest row so far (a row
    # of the body wraps to a line or two more than another; a caption and a new header lie further down).
    row_pitch_factor: float = 1.6
    # A word set larger than the body's by more than this (points) is a heading, not a row.
    heading_size: float = 0.6
    # Words whose tops differ by less than this (points) stand on one line.
    same_line: float = 2.0


SETTINGS = RuledRowSettings()


def _shares_an_end(rule: RuleLike, head: RuleLike, settings: RuledRowSettings) -> bool:
    """Within the header rule's span, one end at one of its ends."""
    inside = rule.x0 >= head.x0 - settings.same_end and rule.x1 <= head.x1 + settings.same_end
    return inside and (abs(rule.x0 - head.x0) < settings.same_end or abs(rule.x1 - head.x1) < settings.same_end)


def _interrupted(rule: RuleLike, head: RuleLike, settings: RuledRowSettings) -> bool:
    """A row rule stopped by a merged cell: one end at the header rule's, the other short of its other end."""
    return _shares_an_end(rule, head, settings) and (
        rule.x0 > head.x0 + settings.same_end or rule.x1 < head.x1 - settings.same_end)


def _lines(words: list[Word], settings: RuledRowSettings) -> list[str]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(w.top - lines[-1][0].top) < settings.same_line:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines]


def _is_a_row(page: PageText, upper: RuleLike, lower: RuleLike, head: RuleLike, size: float,
              settings: RuledRowSettings) -> bool:
    """Words between the two rules, within the header rule's span, none set as a heading or a caption."""
    words = [w for w in page.words if upper.y < (w.top + w.bottom) / 2 < lower.y
             and w.x0 >= head.x0 - settings.same_end and w.x1 <= head.x1 + settings.same_end]
    return bool(words) and all(w.size <= size + settings.heading_size for w in words) \
        and not any(parse_label(line) for line in _lines(words, settings))


def ruled_rows_end(page: PageText, rules: Sequence[RuleLike], head: int, bottom: int,
                   settings: RuledRowSettings = SETTINGS) -> int:
    """The index of the table's last rule (see the module's docstring); `bottom` unless the rules between
    `head` and `bottom` are row rules interrupted by a merged cell."""
    header = rules[head]
    if not any(_interrupted(r, header, settings) for r in rules[head + 1:bottom]):
        return bottom
    body = [w for w in page.words if header.y < (w.top + w.bottom) / 2 < rules[bottom].y]
    if not body:
        return bottom
    size = statistics.median(w.size for w in body)
    pitch = max(b.y - a.y for a, b in zip(rules[head:bottom], rules[head + 1:bottom + 1]))
    end = bottom
    while end + 1 < len(rules):
        nxt = rules[end + 1]
        if not _shares_an_end(nxt, header, settings) or nxt.y - rules[end].y > settings.row_pitch_factor * pitch \
                or not _is_a_row(page, rules[end], nxt, header, size, settings):
            break
        pitch = max(pitch, nxt.y - rules[end].y)
        end += 1
    return end
