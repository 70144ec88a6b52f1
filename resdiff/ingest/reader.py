"""Pick a reader for an input and return its ``SourceText``. (Stub: UTF-8 text only.)"""

from __future__ import annotations

import sys
from pathlib import Path

from resdiff.errors import InputError
from resdiff.ingest import SourceText


def read_source(path: str) -> SourceText:
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(exc.strerror or "cannot read", path) from exc
        name = path
    text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(source=name, format="txt", text=text)
