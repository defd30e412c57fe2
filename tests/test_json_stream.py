"""A report's intermediate JSON written in chunks is the text json.dumps(asdict(...)) prints, byte for byte."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from enum import Enum

from pipeline.json_stream import json_chunks
from pipeline.models import SourceFile
from pipeline.samples import default_spec, render_pdf
from pipeline.workers import run_inline


class Colour(str, Enum):
    RED = "red"


@dataclasses.dataclass
class Inner:
    label: str | None
    values: list[float]
    pair: tuple[int, int] = (1, 2)


@dataclasses.dataclass
class Outer:
    name: str
    inner: Inner
    items: list[Inner]
    empty: list[Inner]
    by_index: dict[int, list[str]]
    nested: list[list[Inner]]
    colour: Colour = Colour.RED


def test_every_shape_of_value_prints_as_json_dumps_prints_it():
    obj = Outer("Dinas Contoh ✓", Inner(None, []), [Inner("a", [1.5, 2.0]), Inner("b", [3.0], (3, 4))], [],
                {3: ["x"], 1: []}, [[Inner("c", [0.1])], []])
    for indent in (1, 2):
        expected = json.dumps(dataclasses.asdict(obj), ensure_ascii=False, indent=indent)
        assert "".join(json_chunks(obj, indent=indent)) == expected


def test_a_generated_report_writes_the_same_json(tmp_path):
    from pipeline.extract import write_intermediate

    path = render_pdf(default_spec(year=2031), tmp_path / "in" / "laporan.pdf")
    data = path.read_bytes()
    outcome = run_inline(SourceFile(str(path), path.name, hashlib.sha256(data).hexdigest(), len(data), "pdf"))
    assert outcome.report is not None
    written = write_intermediate(outcome.report, tmp_path / "out")
    assert written.read_text(encoding="utf-8") == json.dumps(outcome.report.to_json(), ensure_ascii=False, indent=1)
