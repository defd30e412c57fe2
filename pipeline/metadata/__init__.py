"""Read a report's agency, region, fiscal year, kind and plan period from all its evidence.

In:  the narrative `TextLine`s, the PDF's title, the file name and the tables (captions, cells).
Out: `ReportMeta`, whose `evidence` keeps each decision's votes in words (which texts voted, with
     what weight, and the rule that decided).

Each decision is a module: `kind` (what document it is), `year` (fiscal year and plan period),
`region`, `agency`, `central` (whether a report that names no region of its own is a central institution's:
region "Pusat"); `evidence` gathers the texts and weighs them.
"""
from __future__ import annotations

from normalizers.names import agency_key, region_key
from pipeline.metadata.agency import WHOLE_GOVERNMENT, agency_votes, is_central, whole_government
from pipeline.metadata.central import CENTRAL, central_votes
from pipeline.metadata.evidence import Decision, Source, Where, gather, read_by
from pipeline.metadata.kind import kind_votes
from pipeline.metadata.region import region_votes
from pipeline.metadata.signing import last_year_reported
from pipeline.metadata.year import (
    CITATION_RE,
    PLAN_KINDS,
    fiscal_year,
    fiscal_year_of,
    period_votes,
    plausible_year,
    renstra_end,
    table_year_votes,
)
from pipeline.models import RawTable, ReportMeta, TextLine

__all__ = ["read_metadata", "fiscal_year", "plausible_year", "renstra_end", "CENTRAL_REGION", "CITATION_RE"]

CENTRAL_REGION = "Pusat"  # the region of a central institution's documents (CONTRACT.md, documents)


def read_metadata(lines: list[TextLine], pdf_title: str | None = None, table_headings: list[str] | None = None,
                  file_name: str | None = None, tables: list[RawTable] | None = None,
                  margin_lines: list[TextLine] | None = None) -> ReportMeta:
    """`table_headings`: the captions and header texts of the report's tables, read when the texts
    name no fiscal year; `file_name`: the report's file name, whose words are evidence too; `margin_lines`:
    the first pages' lines in their margins, where a running head or foot names the report."""
    sources = gather(lines, pdf_title, file_name, tables, margin_lines)
    kind = kind_votes(sources)
    texts = [s for s in sources if s.kind not in (Where.EVERY_CELL, Where.WHOLE_TEXT)]
    period = period_votes(texts)
    named_period = period.winner()
    period.value = named_period if kind.value in PLAN_KINDS else None
    year = fiscal_year_of(texts, str(kind.value), period.value, table_year_votes(table_headings or []),
                          named_period=named_period, last_year=last_year_reported(texts, str(kind.value)))
    agency = agency_decision(sources, str(kind.value))
    region, central = region_decision(sources, agency.value)
    title = next((l.text for l in lines[:60] if _titled(l.text)), pdf_title)
    return ReportMeta(agency=agency.value, region=region.value, report_year=year.value,
                      agency_key=agency_key(agency.value), region_key=region_key(region.value), title=title,
                      renstra_end=plan_end(period.value) or renstra_end([l.text for l in lines]), kind=str(kind.value), period=period.value,
                      evidence={"agency": agency.readable(), "region": region.readable(),
                                "report_year": year.readable(), "kind": kind.readable(), "period": period.readable(),
                                **({"central": central.readable()} if central else {})})


def plan_end(period: str | None) -> int | None:
    """The last year of a plan's own period ("2021-2026" -> 2026): a Renstra's "target akhir" year."""
    return int(period[-4:]) if period else None


def agency_decision(sources: list[Source], kind: str) -> Decision:
    """The agency; "Pemerintah Daerah" for a document of the whole regional government."""
    why = whole_government(kind, sources)
    if why:
        return Decision(value=WHOLE_GOVERNMENT, rule=why)
    return agency_votes(sources, kind)


def region_decision(sources: list[Source], agency: str | None) -> tuple[Decision, Decision | None]:
    """The region; "Pusat" for a central institution that names no region of its own: its cover or
    title names one (Republik Indonesia, Kementerian, Polri ...), or what its texts print weighs more
    for a central institution than for a regional one (`central.central_votes`, the second decision
    returned, None when the region is the report's own: named on its cover or title, or often on its first pages)."""
    decision = region_votes([s for s in sources if s.kind is not Where.EVERY_CELL])
    if decision.value is None:
        decision = region_votes(read_by(sources, Where.EVERY_CELL))
        decision.rule = "no text names a region: the one the tables' cells name"
    if _own_region(decision):
        return decision, None
    central = central_votes(sources, agency, decision)
    if is_central(sources):
        decision.value = CENTRAL_REGION
        decision.rule = "a central institution (Republik Indonesia, Kementerian, Polri ...) names no region of its own"
    elif central.value == CENTRAL:
        decision.value = CENTRAL_REGION
        decision.rule = f"a central institution by what its texts print ({central.rule}) names no region of its own"
    return decision, central


# A region the cover or the title names, or one its texts name with at least this weight (ten mentions
# on the first pages): the agency's own, not a place a central report talks about.
OWN_REGION_WEIGHT = 10.0


def _own_region(decision: Decision) -> bool:
    if decision.value is None:
        return False
    return decision.totals().get(decision.value, 0.0) >= OWN_REGION_WEIGHT or any(
        value == decision.value and where in (Where.COVER.value, Where.PDF_TITLE.value)
        for value, _, where, _ in decision.votes)


def _titled(text: str) -> bool:
    from pipeline.metadata.kind import kinds_in
    return bool(kinds_in(text)) and len(text) <= 90
