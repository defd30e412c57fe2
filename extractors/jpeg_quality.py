"""How hard a scan's JPEG was compressed, told from the quantization table in its stream.

In:  the raw bytes of a JPEG (a PDF image's DCTDecode stream, undecoded).
Out: `jpeg_quality`: the IJG (libjpeg) quality setting, 1-100, that makes its luminance quantization table,
     or None when the stream holds no table (not a JPEG, or a truncated one).

Scanners and their "send by e-mail" / "upload" presets write JPEGs with the IJG scaling of the standard
tables (ISO/IEC 10918-1 Annex K) at one quality setting; the quality is what the scaling did to them.
A low setting (below ~50) puts the 8x8 blocks' edges and ringing along every stroke: what OCR reads
as ragged letters once the page is enlarged (`extractors.ocr.smooth_enlarged_pixels`).
"""
from __future__ import annotations

# The standard luminance table (Annex K.1), the IJG library's base for quality 50.
STANDARD_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)
DQT_MARKER = b"\xff\xdb"
TABLE_VALUES = 64


def first_table(data: bytes) -> list[int] | None:
    """The 64 values of the stream's first quantization table (the luminance one), in stream order."""
    start = data.find(DQT_MARKER)
    if start < 0 or start + 5 > len(data):
        return None
    precision = data[start + 4] >> 4  # 0: 8-bit values, 1: 16-bit
    body = data[start + 5:]
    if precision == 0:
        values = list(body[:TABLE_VALUES])
    else:
        values = [int.from_bytes(body[2 * k:2 * k + 2], "big") for k in range(TABLE_VALUES)]
    return values if len(values) == TABLE_VALUES else None


def jpeg_quality(data: bytes) -> int | None:
    """The IJG quality (1-100) whose scaling of the standard table gives the stream's luminance table:
    the scale is the table's sum over the standard's (the order of the values does not change a sum),
    100 % at quality 50, 200 - 2q above it and 5000 / q below."""
    table = first_table(data)
    if table is None or not any(table):
        return None
    scale = 100.0 * sum(table) / sum(STANDARD_LUMINANCE)
    quality = (200.0 - scale) / 2.0 if scale <= 100.0 else 5000.0 / scale
    return max(1, min(100, round(quality)))
