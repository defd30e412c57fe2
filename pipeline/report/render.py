"""The templates: one autoescaping jinja2 environment over pipeline/templates/, and number formats.

In:  a template name and its context; numbers to print.
Out: the rendered text; numbers as the reader's language prints them (Indonesian 1.234,5; English 1,234.5).
"""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.report.texts import SCALES


def environment() -> Environment:
    """Templates shipped as package data (pipeline/templates), HTML escaped unless marked safe."""
    env = Environment(loader=PackageLoader("pipeline", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = fmt_number
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def fmt_number(value: float | None, lang: str = "id") -> str:
    """In: a number (or None). Out: it printed whole or with up to 4 decimals, grouped by thousands in the
    convention of `lang` ("" for None)."""
    if value is None:
        return ""
    if abs(value - round(value)) < 1e-9:
        english = f"{value:,.0f}"
    else:
        english = f"{value:,.4f}".rstrip("0").rstrip(".")
    if lang == "en":
        return english
    return english.replace(",", "_").replace(".", ",").replace("_", ".")


def fmt_rupiah(value: float | None, lang: str = "id") -> str:
    """In: a Rupiah amount. Out: it in whole Rupiah, grouped by thousands ("" for None). An amount printed
    under a scale ("40.734.422,17" in thousands) is stored multiplied out, with the float's trailing digits;
    budgets are counted in whole Rupiah."""
    return "" if value is None else fmt_number(round(value), lang)


def fmt_amount(value: float | None, lang: str = "id") -> str:
    """In: a Rupiah amount. Out: it shortened with the language's scale word and 3 significant digits
    ("2,12 M" for 2.122.940.000 in Indonesian, "2.12 bn" in English); under a million, whole."""
    if value is None:
        return ""
    for size, word in SCALES[lang]:
        if abs(value) >= size:
            short = value / size
            return f"{fmt_number(round(short, 2 if abs(short) < 100 else 0), lang)} {word}"
    return fmt_number(round(value), lang)
