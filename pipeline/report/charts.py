"""Inline SVG bar charts drawn in Python (no script, no network): the page stays one offline file.

In:  labelled values.
Out: `Markup` holding one <svg> element; every label is escaped, the full label is the bar's tooltip.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

LABEL_CHARS = 44  # a label longer than this is cut (the tooltip keeps it whole): up to 8 px a character at 12 px
LABEL_WIDTH = 360  # px for the labels left of the bars
BAR_HEIGHT = 16
GAP = 6
PLOT_WIDTH = 460
NOTE_WIDTH = 300  # px right of the plot for each bar's note (its value), in a column of its own
MET, NOT_MET, PAGU, REALISASI = "#2e7d32", "#c62828", "#9fb7d9", "#1f5fae"
LEVEL_COLOURS = {"error": "#b3261e", "warning": "#e0a100", "to_check": "#5b8fd0", "info": "#aab8d6"}


@dataclass
class Bar:
    label: str
    value: float
    colour: str
    note: str = ""  # printed right of the bar
    second: float | None = None  # a thinner bar drawn over the first (realisasi over pagu)
    title: str = ""  # the tooltip's value when the note is shortened (whole Rupiah)


def _cut(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "\u2026"


def bar_chart(bars: list[Bar], scale_max: float, reference: float | None = None, reference_label: str = "",
              second_colour: str = REALISASI) -> Markup:
    """Horizontal bars, one per line, scaled to `scale_max` (a longer bar is cut at the edge), each bar's
    note (its value) in a column right of the plot; an optional vertical reference line (100 %)."""
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP + (18 if reference is not None else 0)
    width = LABEL_WIDTH + PLOT_WIDTH + NOTE_WIDTH
    top = 18 if reference is not None else 0
    scale = PLOT_WIDTH / scale_max if scale_max > 0 else 0.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" font-family="system-ui,sans-serif" font-size="12">']
    for k, bar in enumerate(bars):
        y = top + GAP + k * (BAR_HEIGHT + GAP)
        length = max(0.0, min(bar.value, scale_max)) * scale
        parts.append(f'<g><title>{escape(" ".join(bar.label.split()))}: {escape(bar.title or bar.note)}</title>'
                     f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 4}" text-anchor="end" fill="#1d2330">'
                     f'{escape(_cut(bar.label))}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{bar.colour}"/>')
        if bar.second is not None:
            inner = max(0.0, min(bar.second, scale_max)) * scale
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{inner:.1f}" height="{BAR_HEIGHT - 8}" '
                         f'fill="{second_colour}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 8}" y="{y + BAR_HEIGHT - 4}" fill="#5b6475">'
                     f'{escape(bar.note)}</text></g>')
    if reference is not None and scale:
        x = LABEL_WIDTH + reference * scale
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="12" y2="{height}" stroke="#1d2330" stroke-dasharray="4 3"/>'
                     f'<text x="{x:.1f}" y="10" text-anchor="middle" fill="#1d2330">{escape(reference_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_chart(rows: list[tuple[str, list[tuple[str, float]]]], colours: dict[str, str],
                  labels: dict[str, str]) -> Markup:
    """One horizontal bar per row made of coloured parts (findings per report by level), total at its end."""
    total_max = max((sum(v for _, v in parts) for _, parts in rows), default=0) or 1
    scale = PLOT_WIDTH / total_max
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" font-family="system-ui,sans-serif" font-size="12">']
    for k, (label, parts) in enumerate(rows):
        y = GAP + k * (BAR_HEIGHT + GAP)
        x = float(LABEL_WIDTH)
        out.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 4}" text-anchor="end" fill="#1d2330">'
                   f'{escape(_cut(label))}</text>')
        for name, value in parts:
            if value <= 0:
                continue
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{value * scale:.1f}" height="{BAR_HEIGHT}" '
                       f'fill="{colours.get(name, "#888")}"><title>{escape(label)}: {escape(labels.get(name, name))} {value:g}</title></rect>')
            x += value * scale
        out.append(f'<text x="{x + 4:.1f}" y="{y + BAR_HEIGHT - 4}" fill="#5b6475">{sum(v for _, v in parts):g}</text>')
    out.append("</svg>")
    return Markup("".join(out))
