"""summary.html: per agency and year, how the indicators did, where the budget went, what was found.

In:  the `performance` and `budget` views, the ranked finding rows, the reports, the language.
Out: one offline page: a table of every report (indicators met / not met, pagu and realisasi, findings),
     findings per report as a stacked bar chart, then a section per report with its capaian against
     100 % and its programs' pagu against realisasi as inline SVG bar charts.

Only the report's fiscal year is charted (a Renstra prints five years; the fiscal year is the one the
report accounts for), one value per indicator or program (the first table printing it). A report with
hundreds of indicators shows the `TOP_N` lowest capaian (the ones an auditor asks about) and says how
many it left out; its counts cover them all.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from markupsafe import Markup

from pipeline.report.charts import LEVEL_COLOURS, MET, NOT_MET, PAGU, Bar, bar_chart, stacked_chart
from pipeline.report.render import fmt_amount, fmt_number, fmt_rupiah, render
from pipeline.report.texts import texts

TOP_N = 25  # bars per chart: a screen's height; the rest are counted, not drawn
CAPAIAN_SCALE_MAX = 150.0  # % at the right edge: 100 % sits at two thirds; a longer bar is cut and labelled
MET_FROM = 100.0  # a capaian of at least 100 % meets its target


@dataclass
class ReportSection:
    report: dict
    year: int | None
    capaian: list[tuple[str, float]] = field(default_factory=list)  # (indicator, capaian %)
    no_capaian: int = 0
    programs: list[tuple[str, float, float | None]] = field(default_factory=list)  # (program, pagu, realisasi)
    findings: int = 0
    capaian_chart: Markup | None = None
    budget_chart: Markup | None = None

    @property
    def met(self) -> int:
        return sum(1 for _, v in self.capaian if v >= MET_FROM)

    @property
    def not_met(self) -> int:
        return len(self.capaian) - self.met

    @property
    def pagu(self) -> float:
        return sum(p for _, p, _ in self.programs)

    @property
    def realisasi(self) -> float | None:
        """None when no program prints a realisasi (a plan: Renstra, PK, Renja)."""
        printed = [r for _, _, r in self.programs if r is not None]
        return sum(printed) if printed else None


def _fiscal_year(report: dict, years: list[int | None]) -> int | None:
    """The report's fiscal year, else the year most of its rows print."""
    if report.get("report_year"):
        return report["report_year"]
    counted = Counter(y for y in years if y)
    return counted.most_common(1)[0][0] if counted else None


def _first_per_name(rows: list[dict], name_key: str) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        key = " ".join(str(r.get(name_key) or "").lower().split())
        if key and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def build_sections(performance: list[dict], budget: list[dict], finding_rows: list[dict], reports: list[dict]) -> list[ReportSection]:
    """One section per report, sorted by agency, region and year."""
    perf_by: dict[str, list[dict]] = defaultdict(list)
    budget_by: dict[str, list[dict]] = defaultdict(list)
    for r in performance:
        perf_by[r["source_file"]].append(r)
    for r in budget:
        budget_by[r["source_file"]].append(r)
    findings = Counter(f["source_file"] for f in finding_rows)
    sections = []
    for report in reports:
        perf, money = perf_by.get(report["source_file"], []), budget_by.get(report["source_file"], [])
        year = _fiscal_year(report, [r.get("year") for r in perf + money])
        indicators = _first_per_name([r for r in perf if r.get("year") == year], "indicator")
        programs = _first_per_name([r for r in money if r.get("year") == year and r.get("level") == "program"
                                    and r.get("pagu")], "name")
        sections.append(ReportSection(
            report=report, year=year, findings=findings.get(report["source_file"], 0),
            capaian=[(r["indicator"], r["achievement_pct"]) for r in indicators if r.get("achievement_pct") is not None],
            no_capaian=sum(1 for r in indicators if r.get("achievement_pct") is None),
            programs=[(r["name"], r["pagu"], r.get("realization")) for r in programs]))
    sections.sort(key=lambda s: (not s.report.get("agency"), str(s.report.get("agency") or ""),  # unnamed agencies last
                                 str(s.report.get("region") or ""), s.year or 0, s.report["source_file"]))
    return sections


def _capaian_chart(section: ReportSection, lang: str) -> Markup | None:
    if not section.capaian:
        return None
    lowest = sorted(section.capaian, key=lambda c: c[1])[:TOP_N]
    bars = [Bar(name, value, MET if value >= MET_FROM else NOT_MET, f"{fmt_number(round(value, 2), lang)} %")
            for name, value in lowest]
    return bar_chart(bars, CAPAIAN_SCALE_MAX, reference=MET_FROM, reference_label="100 %")


def _budget_chart(section: ReportSection, lang: str, absorption: str) -> Markup | None:
    if not section.programs:
        return None
    largest = sorted(section.programs, key=lambda p: -p[1])[:TOP_N]
    top = max(p for _, p, _ in largest)
    bars = []
    for name, pagu, real in largest:
        share = f" · {fmt_number(round(real / pagu * 100, 1), lang)} % {absorption}" if real is not None and pagu else ""
        note = f"{fmt_amount(real, lang) or '–'} / {fmt_amount(pagu, lang)}{share}"
        bars.append(Bar(name, pagu, PAGU, note, second=real,
                        title=f"{fmt_rupiah(real, lang) or '–'} / {fmt_rupiah(pagu, lang)}{share}"))
    return bar_chart(bars, top)


def render_summary_page(performance: list[dict], budget: list[dict], finding_rows: list[dict], reports: list[dict],
                        lang: str = "id") -> str:
    words = texts(lang)
    sections = build_sections(performance, budget, finding_rows, reports)
    for s in sections:
        s.capaian_chart = _capaian_chart(s, lang)
        s.budget_chart = _budget_chart(s, lang, words["page"]["absorption"])
    levels = ["error", "warning", "to_check", "info"]
    by_report: dict[str, Counter] = defaultdict(Counter)
    for f in finding_rows:
        by_report[f["source_file"]][f["level"]] += 1
    findings_chart = stacked_chart([(s.report["source_file"], [(lv, by_report[s.report["source_file"]][lv]) for lv in levels])
                                    for s in sections], LEVEL_COLOURS, words["levels"])
    return render("summary.html.j2", t=words, p=words["page"], sections=sections, findings_chart=findings_chart,
                  levels=levels, colours={"met": MET, "not_met": NOT_MET, "pagu": PAGU, **LEVEL_COLOURS}, top_n=TOP_N,
                  lang=lang, generated=f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M}")
