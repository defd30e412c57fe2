"""Wide budget sheets as agencies print them (synthetic tables): a Renstra funding matrix (target and
Rupiah per year under a banner), a realisation sheet printed from a spreadsheet with each level's
ceiling in its own column, ordinal plan years ("Tahun ke-1 … 5")."""
from pipeline.classify import classify
from pipeline.models import Cell, RawTable
from pipeline.rows import budget_records


def _table(header: list[list[str | None]], body: list[list[str | None]], caption: str | None = None,
           method: str = "lattice") -> RawTable:
    def row(texts):
        return [Cell(t, 3) for t in texts]
    return RawTable(0, [3], None, caption, [row(r) for r in header], [row(r) for r in body], method)


def _roles(table: RawTable, report_year: int = 2021) -> list[tuple[str, int | None]]:
    return [(c.role, c.year) for c in classify(table, report_year).columns]


def _budget(table: RawTable, report_year: int = 2021) -> list[tuple]:
    return [(r.level, r.name, r.year, r.pagu, r.realization, r.realization_pct)
            for r in budget_records(table, classify(table, report_year), "x.pdf")]


# A Renstra funding matrix: the starting level under its own heading, then target and Rupiah per year
# under a banner; each year spans its Target | Rp pair.
FUNDING_HEADER = [
    ["Program", "Indikator", "Capaian Awal", "Target Kinerja dan Kerangka Pendanaan", None, None, None],
    [None, None, None, "2021", None, "2022", None],
    [None, None, "2020", "Target", "Rp", "Target", "Rp"],
]


def test_years_over_target_and_rupiah_pairs_stay_on_their_own_pair():
    table = _table(FUNDING_HEADER, [["Program Alpha", "Jumlah dokumen", "1", "2", "100.000.000", "3", "110.000.000"],
                                    ["Program Beta", "Jumlah laporan", "4", "5", "200.000.000", "6", "220.000.000"]])
    roles = _roles(table)
    assert roles[3:] == [("target", 2021), ("pagu", 2021), ("target", 2022), ("pagu", 2022)]
    assert [(name, year, pagu) for _, name, year, pagu, _, _ in _budget(table)] == [
        ("Program Alpha", 2021, 100000000.0), ("Program Alpha", 2022, 110000000.0),
        ("Program Beta", 2021, 200000000.0), ("Program Beta", 2022, 220000000.0)]


def test_zero_capaian_beside_amounts_is_no_evidence_of_a_ratio():
    # "0,00 %" at the start of the plan: a target of 90 % over an amount of hundreds of millions is
    # about 0 too, but that is no capaian: the words keep their roles
    header = [["Program", "Data Capaian Awal", "2021", None, "2022", None],
              [None, None, "Target", "Rupiah", "Target", "Rupiah"]]
    body = [["Program Alpha", "0,00%", "90%", "755.630.000", "90%", "831.193.000"],
            ["Program Beta", "0,00%", "80%", "394.150.000", "85%", "433.565.000"],
            ["Program Gamma", "0,00%", "80%", "261.580.000", "85%", "282.506.400"]]
    roles = _roles(_table(header, body))
    assert roles[2:] == [("target", 2021), ("pagu", 2021), ("target", 2022), ("pagu", 2022)]
