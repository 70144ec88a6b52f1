"""Pick a reader for an input and return its ``SourceText``.

The format is told by content (``detect.detect_format``); each binary format has its
own module, imported only when such a file is read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from resdiff.errors import InputError
from resdiff.ingest import SourceText
from resdiff.ingest.detect import detect_format

DOCX_CHANGES_ENV = "RESDIFF_DOCX_CHANGES"


def default_docx_changes() -> str:
    """ "accept", unless ``RESDIFF_DOCX_CHANGES=reject`` (how ``resdiff open
    --docx-changes`` reaches the app's own loading without changing its signature)."""
    value = os.environ.get(DOCX_CHANGES_ENV, "accept")
    return value if value in ("accept", "reject") else "accept"


def read_source(path: str, docx_changes: str | None = None) -> SourceText:
    """Read one input; ``docx_changes`` ("accept"/"reject") resolves tracked changes in .docx."""
    if docx_changes is None:
        docx_changes = default_docx_changes()
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(exc.strerror or "cannot read", path) from exc
        name = path
    return read_bytes(data, name, docx_changes)


def read_bytes(data: bytes, name: str, docx_changes: str = "accept") -> SourceText:
    fmt = detect_format(data, name)
    if fmt == "docx":
        from resdiff.ingest.docx import CHANGES, read_docx

        for mode in CHANGES:
            if mode == docx_changes:
                return read_docx(data, name, mode)
        raise ValueError(f"docx_changes must be one of {CHANGES}, not {docx_changes!r}")
    if fmt == "pdf":
        from resdiff.ingest.pdf import read_pdf

        return read_pdf(data, name)
    if fmt == "html":
        from resdiff.ingest.html import read_html

        return read_html(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", name) from exc
    return SourceText(source=name, format=fmt, text=text.replace("\r\n", "\n").replace("\r", "\n"))
