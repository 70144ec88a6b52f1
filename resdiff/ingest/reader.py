"""Pick a reader for an input by its content and return its ``SourceText``.

Formats are recognised by what the bytes are (``%PDF``, a zip holding
``word/document.xml``, an HTML start tag), then by extension (.md), else read as plain
text. Readers are registered by name in ``READERS`` as ``"module:function"`` strings,
imported only when used, so ``import resdiff`` stays cheap. Adding a format is one line:

    READERS["docx"] = "resdiff.ingest.docx:read_docx"

A reader takes ``(data: bytes, source: str)`` and returns a ``SourceText``; it raises
``InputError(problem, source)`` for input it cannot read.
"""

from __future__ import annotations

import errno
import importlib
import io
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from resdiff.errors import InputError
from resdiff.ingest import SourceText

Reader = Callable[[bytes, str], SourceText]

#: Largest input we read (bytes). Real drafts are well under 1 MB.
MAX_INPUT_BYTES = 20 * 1024 * 1024

#: Format name -> "module:function" of its reader.
READERS: dict[str, str] = {
    "txt": "resdiff.ingest.text:read_text",
    "md": "resdiff.ingest.markdown:read_markdown",
}

#: Formats we can recognise, whether or not a reader is registered for them yet.
KNOWN_FORMATS = ("txt", "md", "docx", "pdf", "html")

MARKDOWN_EXTENSIONS = (".md", ".markdown")
STDIN_NAME = "<stdin>"


def read_source(path: str) -> SourceText:
    """Read one input (``-`` is standard input) with the reader its content calls for."""
    if path == "-":
        data = _read_stdin()
        source = STDIN_NAME
    else:
        data = _read_file(path)
        source = path
    if not data.strip():
        raise InputError("empty file", source)
    fmt = detect_format(data, path)
    result = get_reader(fmt, source)(data, source)
    if not result.text.strip():
        raise InputError("empty file (no text found)", source)
    return result


def get_reader(fmt: str, source: str = "") -> Reader:
    """The reader registered for ``fmt``, imported on first use."""
    target = READERS.get(fmt)
    if target is None:
        raise InputError(f"{fmt} input is not supported yet", source or None)
    module_name, _, func_name = target.partition(":")
    reader: Reader = getattr(importlib.import_module(module_name), func_name)
    return reader


def detect_format(data: bytes, path: str = "") -> str:
    """Format by content first (PDF, Word, HTML), then by extension (Markdown), else text."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    head = _text_head(data)
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    ext = os.path.splitext(path)[1].lower()
    if ext in (".html", ".htm") and head.startswith("<"):
        return "html"
    if ext in MARKDOWN_EXTENSIONS:
        return "md"
    return "txt"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _text_head(data: bytes) -> str:
    """The first few hundred characters, lower-cased, for sniffing markup."""
    head = data[:1024]
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="ignore").lstrip().lower()
    return head.decode("latin-1").lstrip().lower()


def _read_file(path: str) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory, not a file", path)
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(_too_large(), path)
        with p.open("rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(_os_problem(exc), path) from exc
    if len(data) > MAX_INPUT_BYTES:  # grew while we read, or a device file
        raise InputError(_too_large(), path)
    return data


def _read_stdin() -> bytes:
    try:
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(_os_problem(exc), STDIN_NAME) from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_too_large(), STDIN_NAME)
    return data


def _too_large() -> str:
    return f"file is larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit"


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    return f"cannot read: {(exc.strerror or str(exc)).lower()}"
