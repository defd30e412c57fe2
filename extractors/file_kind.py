"""What a file that should be a PDF really is, told in plain words for the one-line failure message.

In:  a path whose PDF could not be opened (pdfminer says only "No /Root object!" or "Unexpected EOF").
Out: a `FileKind` code and a sentence a user understands: an empty file, a web page or a ZIP archive
     saved under a .pdf name, an image, a PDF cut short by an interrupted download. Judged from the
     first and last bytes only, so a large file costs nothing.
"""
from __future__ import annotations

import enum
import os
from dataclasses import dataclass

# Bytes read from each end: the magic numbers sit in the first few, and a PDF's end marker "%%EOF"
# in its last kilobyte (writers may add a trailing newline or padding; 1 KiB is what pdf.js allows).
HEAD_BYTES = 1024
TAIL_BYTES = 1024


class FileKind(enum.Enum):
    EMPTY = "empty"
    HTML = "html"
    ZIP = "zip"
    IMAGE = "image"
    TRUNCATED_PDF = "truncated_pdf"
    DAMAGED_PDF = "damaged_pdf"
    NOT_PDF = "not_pdf"


@dataclass(frozen=True)
class FileVerdict:
    kind: FileKind
    message: str


# Leading bytes of what is most often saved under a .pdf name by mistake (a web page served instead of
# the document, an archive of several reports, a photographed page).
IMAGE_MAGIC = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
               b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")


def _ends(path: str) -> tuple[bytes, bytes, int]:
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
        f.seek(max(0, size - TAIL_BYTES))
        tail = f.read(TAIL_BYTES)
    return head, tail, size


def judge(path: str) -> FileVerdict:
    """The kind of an unreadable .pdf file and the sentence to print (never raises for a readable path)."""
    head, tail, size = _ends(path)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if size == 0:
        return FileVerdict(FileKind.EMPTY, "an empty file (0 bytes): nothing was saved under this name")
    if start.startswith(HTML_STARTS):
        return FileVerdict(FileKind.HTML, "a web page (HTML) saved under a .pdf name, not a PDF: the download "
                                          "returned a page instead of the document")
    if head.startswith(ZIP_MAGIC):
        return FileVerdict(FileKind.ZIP, "a ZIP archive (or an Office file) under a .pdf name, not a PDF: "
                                         "unpack it and extract the PDFs inside")
    for magic, what in IMAGE_MAGIC.items():
        if head.startswith(magic):
            return FileVerdict(FileKind.IMAGE, f"{what} under a .pdf name, not a PDF")
    if b"%PDF-" not in head:
        return FileVerdict(FileKind.NOT_PDF, f"not a PDF: the file ({size:,} bytes) does not begin with the "
                                             "PDF signature %PDF-")
    if b"%%EOF" not in tail:
        return FileVerdict(FileKind.TRUNCATED_PDF, f"a PDF cut short ({size:,} bytes, no end marker): the "
                                                   "download or copy stopped early; fetch the file again")
    return FileVerdict(FileKind.DAMAGED_PDF, f"a damaged PDF ({size:,} bytes): its structure cannot be read")
