"""`pipeline bench`: bench.json holds every figure make bench promises, each computed from measured CPU seconds."""
from __future__ import annotations

import json

from pipeline.cli import main
from pipeline.samples import default_spec, render_pdf


def test_bench_writes_every_figure(tmp_path, capsys):
    render_pdf(default_spec(), tmp_path / "in" / "laporan.word.pdf", "ruled")
    assert main(["bench", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    result = json.loads((tmp_path / "out" / "bench.json").read_text())
    assert result["pages"] >= 1 and result["cpu_seconds"] > 0 and result["peak_rss_mb"] > 0
    assert result["ms_per_page"] == round(1000 * result["cpu_seconds"] / result["pages"], 1)
    assert result["speedup"] > 0 and result["floor_ratio"] > 0
    assert set(result["workers"]) == {"1", "2", "speedup_2_over_1", "cores_busy"}
    assert set(result["workers"]["cores_busy"]) == {"1", "2"} and result["workers"]["cores_busy"]["1"] > 0
    assert [s["times"] for s in result["scaling"]] == [1, 2, 4]
    assert [s["pages"] for s in result["scaling"]] == [result["pages"] * k for k in (1, 2, 4)]
    assert "floor_ratio" in capsys.readouterr().out
