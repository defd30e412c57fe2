"""A file under a .pdf name that is no PDF fails alone with what it really is, in plain words: an empty
file, a web page, a ZIP archive, an image, a PDF cut short (not pdfminer's "No /Root object!")."""
from __future__ import annotations

import io
import shutil
import zipfile

import pytest

from extractors.file_kind import FileKind, judge
from pipeline.cli import main


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("laporan.txt", "x")
    return buffer.getvalue()


CASES = {
    "empty.pdf": (b"", FileKind.EMPTY, "an empty file"),
    "page.pdf": (b"\n<!DOCTYPE html><html><body>404</body></html>", FileKind.HTML, "a web page (HTML)"),
    "archive.pdf": (_zip_bytes(), FileKind.ZIP, "a ZIP archive"),
    "photo.pdf": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, FileKind.IMAGE, "a PNG image"),
    "letter.pdf": (b"Dear reader, this is plain text.", FileKind.NOT_PDF, "does not begin with the PDF signature"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_the_file_is(tmp_path, name):
    content, kind, words = CASES[name]
    path = tmp_path / name
    path.write_bytes(content)
    verdict = judge(str(path))
    assert verdict.kind is kind and words in verdict.message


def test_a_pdf_cut_short_is_told_apart_from_a_damaged_one(tmp_path, ruled_pdf):
    whole = ruled_pdf.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    assert judge(str(cut)).kind is FileKind.TRUNCATED_PDF
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\ngarbage\n%%EOF\n")
    assert judge(str(damaged)).kind is FileKind.DAMAGED_PDF


def test_each_bad_file_fails_alone_with_one_plain_line(tmp_path, ruled_pdf, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ruled_pdf, folder / "good.pdf")
    for name, (content, _, _) in CASES.items():
        (folder / name).write_bytes(content)
    whole = ruled_pdf.read_bytes()
    (folder / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    code = main(["extract", str(folder), "--db", str(tmp_path / "db.sqlite"), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == 1  # some reports failed, the good one loaded
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("FAILED")]
    assert len(failed) == len(CASES) + 1
    for name, (_, _, words) in CASES.items():
        assert any(line.startswith(f"FAILED {name}:") and words in line for line in failed), name
    assert any(line.startswith("FAILED cut.pdf:") and "cut short" in line for line in failed)
    assert not any("No /Root" in line for line in failed)
    assert "1 extracted" in out
