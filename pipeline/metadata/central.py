"""Whether a report is a central (national) institution's, whose region is "Pusat", weighed from the
words such a report prints against those a regional agency's prints.

In:  the `Source`s of a report, the agency decided and the region decision (its votes).
Out: a `Decision` whose value is "central" or "regional", each vote a word and where it stands.

A central agency's name need not say so ("Badan Contoh" is as often national as regional). Its report
prints what a regional one does not: the Republic, the President it answers to, a Kementerian as its
parent, the state budget (APBN, DIPA) and its Satuan Kerja, "RI" after a name ("Kepala Badan Contoh RI"
signs). A regional agency's report prints its region, the APBD, "perangkat daerah", the head of the region
(Bupati, Wali Kota, Gubernur), the DPRD; some agencies exist only in regions (a Dinas, a Kecamatan, an
RSUD) or say so in their name ("... Daerah"). Words are evidence: a regional report cites ministries
too, so each side is summed and the heavier wins.
"""
from __future__ import annotations

import re

from pipeline.metadata.agency import LEGAL_BASIS_RE
from pipeline.metadata.evidence import Decision, Source, Where
from pipeline.metadata.year import CITATION_RE

CENTRAL = "central"
REGIONAL = "regional"
# Words a central institution's report prints of itself.
CENTRAL_WORDS: tuple[re.Pattern[str], ...] = (
    # the Republic; not after "Kesatuan" (the unitary state's full name), which a region's vision prints too
    re.compile(r"(?<!kesatuan )\brepublik\s+indonesia\b", re.IGNORECASE),
    re.compile(r"\bnon[\s-]?kementerian\b", re.IGNORECASE),  # a lembaga pemerintah nonkementerian (LPNK)
    re.compile(r"\b(?:kepada|bawah)\s+presiden\b", re.IGNORECASE),  # answers to the President
    re.compile(r"(?<!non)(?<!non-)(?<!non )\bkementerian\b", re.IGNORECASE),  # a ministry, its parent
    re.compile(r"\bapbn\b|\banggaran\s+pendapatan\s+dan\s+belanja\s+negara\b", re.IGNORECASE),  # the state budget
    re.compile(r"\bdipa\b", re.IGNORECASE),  # the state budget's spending authority
    re.compile(r"\bsatuan\s+kerja\b(?!\s+perangkat)", re.IGNORECASE),  # a central budget unit (not SKPD)
    re.compile(r"\b[A-Z][A-Za-z]+\s+RI\b"),  # "Badan Contoh RI", "Kepala Badan ... RI"
)
# Words a regional agency's report prints of itself.
REGIONAL_WORDS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bapbd\b|\banggaran\s+pendapatan\s+dan\s+belanja\s+daerah\b", re.IGNORECASE),  # the regional budget
    re.compile(r"\bperangkat\s+daerah\b|\bskpd\b|\bopd\b", re.IGNORECASE),  # a regional agency
    re.compile(r"\bbupati\b|\bwali\s?kota\b|\bgubernur\b", re.IGNORECASE),  # the head of the region
    re.compile(r"\bdprd\b", re.IGNORECASE),  # the regional parliament
    re.compile(r"\bpemerintah\s+daerah\b|\bpemda\b|\bpemkab\b|\bpemkot\b|\bpemprov\b", re.IGNORECASE),
)
# Agencies that exist in regions only, or whose name says they are a region's ("... Daerah").
REGIONAL_AGENCY_RE = re.compile(r"^(?:dinas|kecamatan|kelurahan|rsud|blud|uptd|bappeda|satuan\s+polisi\s+pamong|"
                                r"sekretariat\s+(?:daerah|dprd))\b|\bdaerah\b", re.IGNORECASE)
# Agencies whose name says they are the state's ("Badan … Negara", "Arsip Nasional") or that only the
# central government has (a Kementerian, a Lembaga: regions name theirs Dinas, Badan, Kantor).
CENTRAL_AGENCY_RE = re.compile(r"\b(?:negara|nasional)\b|^(?:kementerian|lembaga)\b", re.IGNORECASE)
# An agency's name that says it is a region's (or the state's) weighs as much as a region named ten times
# on the first pages (the weight that makes a region the agency's own, OWN_REGION_WEIGHT): words cited in
# passing do not outweigh it.
REGIONAL_AGENCY_WEIGHT = 10.0
# The texts that speak of the report itself: its titles and its first pages (not later pages, tables).
READ = (Where.COVER, Where.PDF_TITLE, Where.RUNNING_HEAD, Where.PAGE)


def _text(source: Source) -> str:
    kept = [line for line in source.lines if not LEGAL_BASIS_RE.match(line)]  # a legal-basis item cites laws
    return CITATION_RE.sub(" ", "\n".join(kept))


def central_votes(sources: list[Source], agency: str | None, region: Decision) -> Decision:
    """"central" or "regional" by the heavier evidence; None when neither side has any (then the region stays
    unknown: the report's siblings may still name it, `metadata.siblings`)."""
    decision = Decision()
    for source in sources:
        if source.kind not in READ or source.weight < 1:
            continue
        text = _text(source)
        for side, patterns in ((CENTRAL, CENTRAL_WORDS), (REGIONAL, REGIONAL_WORDS)):
            for pattern in patterns:
                for m in pattern.finditer(text):
                    decision.add(side, source.weight, source.where, text[max(0, m.start() - 30):m.end() + 30])
    for value, weight, where, text in region.votes:
        decision.add(REGIONAL, weight, where, f"a region named: {value} ({text})")
    if agency and REGIONAL_AGENCY_RE.search(agency):
        decision.add(REGIONAL, REGIONAL_AGENCY_WEIGHT, "agency", f"an agency of a region: {agency}")
    elif agency and CENTRAL_AGENCY_RE.search(agency):
        decision.add(CENTRAL, REGIONAL_AGENCY_WEIGHT, "agency", f"an agency of the state: {agency}")
    totals = decision.totals()
    central, regional = totals.get(CENTRAL, 0.0), totals.get(REGIONAL, 0.0)
    if central > regional:
        decision.value = CENTRAL
        decision.rule = f"central {central:g} against regional {regional:g}"
    elif regional:
        decision.value = REGIONAL
    return decision
