"""Reading the PDFs the platform writes, for the tests."""

from __future__ import annotations

import re
import zlib

TAGS = (b"/StructTreeRoot", b"/MarkInfo", b"/Lang")


def inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (object streams hold the catalogue)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(parts)
