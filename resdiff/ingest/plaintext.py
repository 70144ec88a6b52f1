"""Plain text (.txt and anything not recognised as another format)."""

from __future__ import annotations

from resdiff.ingest import SourceText
from resdiff.ingest.decode import decode_bytes


def read_text(data: bytes, source: str) -> SourceText:
    return SourceText(source=source, format="txt", text=decode_bytes(data, source))
