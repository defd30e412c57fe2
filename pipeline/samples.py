"""Generate small, realistic LKjIP reports with known answers (for data/raw/ and the tests).

In:  a `SampleSpec` (agency, region, year, performance rows, budget programs) and a style:
     "ruled" (Word export: all borders, merged header cells, landscape page for the wide table)
     or "borderless" (a rule under the header only).
Out: a PDF laid out like a real report: cover page, narrative, captioned tables with two-row
     headers and spanning cells, a budget table long enough to continue on the next page with its
     header repeated. The spec itself is the answer key; `plant` helpers make inconsistent copies.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)


@dataclass
class Indicator:
    sasaran: str
    name: str
    unit: str
    target: str  # as printed
    realization: str
    achievement: str
    previous: tuple[str, str, str] | None = None  # last year's target, realisasi, capaian
    target_in_comparison: str | None = None  # planted: Tabel 3.2 prints another target than Tabel 3.1


@dataclass
class BudgetLine:
    code: str
    name: str
    pagu: int
    realization: int
    pct: str  # as printed
    children: list["BudgetLine"] = field(default_factory=list)


@dataclass
class SampleSpec:
    agency: str
    region: str
    year: int
    indicators: list[Indicator]
    programs: list[BudgetLine]
    narrative: list[str] = field(default_factory=list)
    total_delta: int = 0  # planted error in the TOTAL row's pagu
    after_first_table: list[str] = field(default_factory=list)  # sentences printed right below Tabel 3.1
    budget_codes: bool = True  # False: no codes; programs in bold, kegiatan indented
    legend: list[tuple[str, str]] = field(default_factory=list)  # (grade, band): a grading scale before BAB III


def fmt_rupiah(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def fmt_pct(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _budget(code: str, name: str, pagu: int, real: int, children=None) -> BudgetLine:
    return BudgetLine(code, name, pagu, real, fmt_pct(real / pagu * 100) if pagu else "0", children or [])


def default_spec(agency: str = "Dinas Perdagangan dan Perindustrian", region: str = "Kota Sukamaju",
                 year: int = 2023) -> SampleSpec:
    """A consistent report: every capaian, % and total adds up."""
    indicators = [
        Indicator("Meningkatnya akuntabilitas kinerja", "Nilai AKIP Perangkat Daerah", "Nilai", "75 (BB)", "72,25 (BB)",
                  "96,33%", ("74 (BB)", "71,86 (BB)", "97,11%")),
        Indicator("Meningkatnya daya saing industri kecil", "Persentase pertumbuhan Industri Kecil dan Menengah", "%",
                  "9", "8,10", "90,00", ("8", "6,00", "75,00")),
        Indicator("Meningkatnya daya saing perdagangan", "Persentase pertumbuhan PDRB sektor perdagangan", "%", "4",
                  "6,42", "160,50", ("4", "4,06", "101,50")),
        Indicator("Terkendalinya harga bahan pokok", "Persentase ketersediaan bahan pokok", "%", "100", "98,50",
                  "98,50", ("100", "100", "100,00")),
        Indicator("Meningkatnya tertib ukur", "Jumlah alat UTTP yang ditera ulang", "Unit", "1.200", "1.380",
                  "115,00", ("1.100", "1.210", "110,00")),
    ]
    programs = []
    names = [
        ("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
         ["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Administrasi Keuangan Perangkat Daerah",
          "Administrasi Umum Perangkat Daerah", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
          "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"]),
        ("PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN",
         ["Pembangunan dan Pengelolaan Sarana Distribusi Perdagangan",
          "Pembinaan terhadap Pengelola Sarana Distribusi Perdagangan Masyarakat di Wilayah Kerjanya"]),
        ("PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING",
         ["Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah Kabupaten/Kota"]),
        ("PROGRAM STANDARDISASI DAN PERLINDUNGAN KONSUMEN",
         ["Pelaksanaan Metrologi Legal, Berupa Tera, Tera Ulang, dan Pengawasan",
          "Pengawasan dan Penyuluhan Metrologi Legal"]),
        ("PROGRAM PERENCANAAN DAN PEMBANGUNAN INDUSTRI",
         ["Penyusunan dan Evaluasi Rencana Pembangunan Industri Kabupaten/Kota",
          "Pemberdayaan Industri dan Peran Serta Masyarakat", "Pembangunan Sumber Daya Industri"]),
    ]
    seed = 7
    for p_index, (program, kegiatan) in enumerate(names):
        children = []
        for k_index, name in enumerate(kegiatan, start=1):
            seed = (seed * 7919 + 104729) % 1000003
            pagu = 50_000_000 + seed * 1_000 + k_index * 12_500_000
            real = pagu - (seed % 97) * 137_000
            children.append(_budget(str(k_index), name, pagu, real))
        programs.append(_budget(chr(ord("A") + p_index), program, sum(c.pagu for c in children),
                                sum(c.realization for c in children), children))
    narrative = [
        "Laporan Kinerja Instansi Pemerintah (LKjIP) ini disusun sebagai wujud pertanggungjawaban kinerja "
        f"{agency} {region} Tahun Anggaran {year} sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014.",
        "Capaian kinerja diukur dengan membandingkan realisasi terhadap target setiap indikator sasaran.",
    ]
    return SampleSpec(agency, region, year, indicators, programs, narrative)


def total_of(programs: list[BudgetLine]) -> BudgetLine:
    pagu = sum(p.pagu for p in programs)
    real = sum(p.realization for p in programs)
    return BudgetLine("", "TOTAL", pagu, real, fmt_pct(real / pagu * 100))


# ---------------------------------------------------------------- planted inconsistencies
def plant_wrong_capaian(spec: SampleSpec, index: int, printed: str) -> SampleSpec:
    out = copy.deepcopy(spec)
    out.indicators[index].achievement = printed
    return out


def plant_wrong_program_pagu(spec: SampleSpec, index: int, delta: int) -> SampleSpec:
    """The program's printed pagu no longer equals the sum of its kegiatan."""
    out = copy.deepcopy(spec)
    out.programs[index].pagu += delta
    return out


def plant_wrong_total(spec: SampleSpec, delta: int) -> SampleSpec:
    """The TOTAL row's pagu no longer equals the sum of the programs."""
    out = copy.deepcopy(spec)
    out.total_delta = delta
    return out


def plant_other_target_in_comparison(spec: SampleSpec, index: int, printed: str) -> SampleSpec:
    """Tabel 3.2 prints the indicator's current target differently from Tabel 3.1 (cross_table)."""
    out = copy.deepcopy(spec)
    out.indicators[index].target_in_comparison = printed
    return out


def with_capaian_legend(spec: SampleSpec) -> SampleSpec:
    """The report prints the grading scale of its capaian before the results (a table of bands)."""
    bands = [("Sangat Baik", "85 - 100"), ("Baik", "70 - 84,99"), ("Cukup", "55 - 69,99"), ("Kurang", "< 55")]
    return replace(spec, legend=bands)


def plant_decimal_point(spec: SampleSpec, index: int) -> SampleSpec:
    """The realisasi is printed with a decimal point ("8.10" for 8,10): a format anomaly."""
    out = copy.deepcopy(spec)
    out.indicators[index].realization = out.indicators[index].realization.replace(",", ".")
    return out


def plant_narrative_realisasi(spec: SampleSpec, index: int, printed: str) -> SampleSpec:
    """The text below Tabel 3.1 states another realisasi for the indicator than the table."""
    out = copy.deepcopy(spec)
    ind = out.indicators[index]
    out.after_first_table.append(f"Pada tahun {out.year} indikator {ind.name} mencapai target dengan realisasi "
                                 f"sebesar {printed}.")
    return out


def plant_wrong_budget_pct(spec: SampleSpec, program: int, child: int, printed: str) -> SampleSpec:
    out = copy.deepcopy(spec)
    out.programs[program].children[child].pct = printed
    return out


def plain_program_name(name: str) -> str:
    """'PROGRAM PENUNJANG URUSAN …' -> 'Penunjang Urusan …': a program named without its prefix, as
    tables that show levels only by bold and indentation print them."""
    return name.removeprefix("PROGRAM ").capitalize()


# ---------------------------------------------------------------- rendering
def _styles():
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("t", parent=base["Title"], fontSize=18, leading=24),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontSize=13),
        "body": ParagraphStyle("b", parent=base["BodyText"], fontSize=10.5, leading=14),
        "caption": ParagraphStyle("c", parent=base["BodyText"], fontName="Helvetica-Bold", fontSize=10.5, leading=13,
                                  alignment=1),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontSize=8, leading=9.5),
        "indented": ParagraphStyle("indented", parent=base["BodyText"], fontSize=8, leading=9.5, leftIndent=12),
        "head": ParagraphStyle("head", parent=base["BodyText"], fontName="Helvetica-Bold", fontSize=8, leading=9.5,
                               alignment=1),
    }


def _table(data, widths, header_rows: int, spans: list, style: str, s) -> Table:
    def paragraph(text: str, r: int):
        if r < header_rows:
            return Paragraph(text, s["head"])
        if text.startswith("<indent>"):
            return Paragraph(text[len("<indent>"):], s["indented"])
        return Paragraph(text, s["cell"])

    wrapped = [[paragraph(str(c), r) if c != "" else "" for c in row] for r, row in enumerate(data)]
    table = Table(wrapped, colWidths=widths, repeatRows=header_rows)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")] + [("SPAN",) + span for span in spans]
    if style == "ruled":
        commands += [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                     ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#fde9d9"))]
    else:
        commands += [("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.75, colors.black),
                     ("LINEBELOW", (0, -1), (-1, -1), 0.75, colors.black)]
    table.setStyle(TableStyle(commands))
    return table


def _caption(label: str, title: str, s) -> list:
    return [Paragraph(label, s["caption"]), Paragraph(title, s["caption"]), Spacer(1, 4)]


def build_story(spec: SampleSpec, style: str) -> list:
    s = _styles()
    story = [Spacer(1, 120), Paragraph("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", s["title"]),
             Paragraph(f"{spec.agency.upper()} {spec.region.upper()}", s["title"]),
             Paragraph(f"TAHUN {spec.year}", s["title"]), PageBreak(),
             Paragraph("BAB I PENDAHULUAN", s["h1"])]
    story += [Paragraph(p, s["body"]) for p in spec.narrative]
    if spec.legend:  # the scale the capaian are graded on, printed as a table of bands
        data = [["No", "Kategori", "Rentang Capaian (%)"]] + [[str(i), grade, band] for i, (grade, band)
                                                               in enumerate(spec.legend, start=1)]
        story += _caption("Tabel 2.1", "Kategori Capaian Kinerja", s)
        story += [_table(data, [30, 150, 120], 1, [], style, s), Spacer(1, 6)]
    story += [Paragraph("BAB III AKUNTABILITAS KINERJA", s["h1"]),
              Paragraph("Capaian indikator kinerja sasaran tahun ini disajikan pada tabel berikut.", s["body"]),
              Spacer(1, 6)]
    # Tabel 3.1: two-row header, year spanning Target / Realisasi / Capaian
    data = [["No.", "Sasaran", "Indikator Sasaran", "Satuan", str(spec.year), "", ""],
            ["", "", "", "", "Target", "Realisasi", "Capaian"]]
    for i, ind in enumerate(spec.indicators, start=1):
        data.append([f"{i}.", ind.sasaran, ind.name, ind.unit, ind.target, ind.realization, ind.achievement])
    spans = [((4, 0), (6, 0))] + [((c, 0), (c, 1)) for c in range(4)]
    story += _caption("Tabel 3.1", f"Target, Realisasi dan Capaian Indikator Kinerja Sasaran Tahun {spec.year}", s)
    story += [_table(data, [26, 105, 125, 40, 50, 55, 54], 2, spans, style, s), Spacer(1, 6),
              Paragraph(f"Sumber: Data diolah, {spec.year}", s["body"])]
    story += [Paragraph(p, s["body"]) for p in spec.after_first_table]
    # Tabel 3.2: two years side by side, landscape in the ruled style
    story += [NextPageTemplate("landscape" if style == "ruled" else "portrait"), PageBreak(),
              Paragraph("Perbandingan capaian dengan tahun sebelumnya disajikan pada tabel berikut.", s["body"])]
    story += _caption("Tabel 3.2", f"Perbandingan Capaian Kinerja Tahun {spec.year - 1} dan Tahun {spec.year}", s)
    prev, cur = str(spec.year - 1), str(spec.year)
    data = [["No", "Indikator Sasaran", "Satuan", f"Tahun {prev}", "", "", f"Tahun {cur}", "", ""],
            ["", "", "", "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian"]]
    for i, ind in enumerate(spec.indicators, start=1):
        pt, pr, pc = ind.previous or ("-", "-", "-")
        data.append([str(i), ind.name, ind.unit, pt, pr, pc, ind.target_in_comparison or ind.target, ind.realization,
                     ind.achievement])
    spans = [((3, 0), (5, 0)), ((6, 0), (8, 0))] + [((c, 0), (c, 1)) for c in range(3)]
    widths = [24, 170, 45, 50, 55, 52, 50, 55, 52] if style == "ruled" else [24, 110, 44, 40, 48, 44, 40, 48, 44]
    story += [_table(data, widths, 2, spans, style, s)]
    # Tabel 3.3: budget, long enough to continue on the next page
    story += [NextPageTemplate("portrait"), PageBreak(),
              Paragraph("Alokasi dan realisasi anggaran per program dan kegiatan disajikan pada tabel berikut.",
                        s["body"])] + [Paragraph(p, s["body"]) for p in spec.narrative] * 6
    story += _caption("Tabel 3.3", f"Alokasi dan Realisasi Anggaran Tahun {spec.year}", s)
    data = [["No", "Program/ Kegiatan", "Pagu Anggaran (Rp)", "Realisasi Anggaran", ""],
            ["", "", "", "(Rp)", "%"]]
    for p in spec.programs:
        if spec.budget_codes:
            data.append([p.code, p.name, fmt_rupiah(p.pagu), fmt_rupiah(p.realization), p.pct])
            data += [[c.code, c.name, fmt_rupiah(c.pagu), fmt_rupiah(c.realization), c.pct] for c in p.children]
        else:  # levels shown by bold and indentation only
            data.append(["", f"<b>{plain_program_name(p.name)}</b>", fmt_rupiah(p.pagu), fmt_rupiah(p.realization),
                         p.pct])
            data += [["", f"<indent>{c.name}", fmt_rupiah(c.pagu), fmt_rupiah(c.realization), c.pct] for c in p.children]
    total = total_of(spec.programs)
    data.append(["", "TOTAL", fmt_rupiah(total.pagu + spec.total_delta), fmt_rupiah(total.realization), total.pct])
    spans = [((3, 0), (4, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1))]
    story += [_table(data, [25, 220, 85, 85, 45], 2, spans, style, s),
              Paragraph(f"Sumber: Sub Bagian Keuangan, {spec.year}", s["body"])]
    return story


def render_pdf(spec: SampleSpec, path: str | Path, style: str = "ruled") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    def running_header(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Oblique", 8)
        w, h = doc.pagesize
        canvas.drawRightString(w - 50, h - 30, f"LKjIP {spec.agency} {spec.region} Tahun {spec.year}")
        canvas.drawCentredString(w / 2, 25, str(doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, title=f"LKjIP {spec.agency} {spec.region} Tahun {spec.year}",
                          author="Sample generator")
    pw, ph = A4
    lw, lh = landscape(A4)
    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(60, 50, pw - 120, ph - 110)], onPage=running_header, pagesize=A4),
        PageTemplate("landscape", [Frame(60, 50, lw - 120, lh - 110)], onPage=running_header, pagesize=landscape(A4)),
    ])
    doc.build(build_story(spec, style))
    return path


def write_samples(out_dir: str | Path = "data/raw") -> list[Path]:
    out = Path(out_dir)
    first = default_spec()
    second = plant_wrong_capaian(default_spec("Dinas Perindustrian dan Perdagangan", "Kabupaten Sukamaju", 2022), 1,
                                 "95,00")
    return [render_pdf(first, out / "sample_kota_sukamaju_2023.word.pdf", "ruled"),
            render_pdf(second, out / "sample_kab_sukamaju_2022.plain.pdf", "borderless")]
