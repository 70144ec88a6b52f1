"""Pick a reader for an input by its content and return its ``SourceText``.

Formats are recognised by what the bytes are (``%PDF``, a zip holding
``word/document.xml``, an HTML start tag), then by extension (.md), else read as plain
text. Readers are registered by name in ``READERS`` as ``"module:function"`` strings,
imported only when used, so ``import resdiff`` stays cheap. Adding a format is one line:

    READERS["docx"] = "resdiff.ingest.docx:read_docx"

A reader takes ``(data: bytes, source: str)`` and returns a ``SourceText``; it raises
``InputError(problem, source)`` for input it cannot read. The Word reader also takes
``changes`` ("accept" or "reject"): how tracked changes inside the file are resolved
(``--docx-changes``).
"""

from __future__ import annotations

import errno
import importlib
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from resdiff.errors import InputError
from resdiff.ingest import SourceText

Reader = Callable[[bytes, str], SourceText]

#: Largest input we read (bytes). Real drafts are well under 1 MB.
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Largest total a Word file (a zip) may unpack to: a few hundred KB of zip can hold GBs.
MAX_UNPACKED_BYTES = 10 * MAX_INPUT_BYTES
#: Largest total of a Word file's XML parts. Reading costs time and memory per element:
#: 8 MB of the tiniest paragraphs (a 30 KB zip) is about 230,000 of them, as many as in
#: 1 MB of plain text, and takes seconds. A real draft's XML is a few hundred KB.
MAX_WORD_XML_BYTES = 8 * 1024 * 1024

#: Most lines a draft may have once read (paragraphs, list items, printed lines). The
#: longest resolutions have a few thousand; a 1 MB file of 200,000 list items made a
#: comparison of 106 s and 2 GB. Readers that could spend long before the text exists
#: (Markdown, Word, PDF) check it early too, through ``check_lines``.
MAX_LINES = 25_000

#: Format name -> "module:function" of its reader.
READERS: dict[str, str] = {
    "txt": "resdiff.ingest.plaintext:read_text",
    "md": "resdiff.ingest.markdown:read_markdown",
    "docx": "resdiff.ingest.docx:read_docx",
    "pdf": "resdiff.ingest.pdf:read_pdf",
    "html": "resdiff.ingest.html:read_html",
}

#: How tracked changes in a .docx are read when nobody says (``--docx-changes``).
DOCX_CHANGES = ("accept", "reject")

MARKDOWN_EXTENSIONS = (".md", ".markdown")
STDIN_NAME = "<stdin>"


def read_source(path: str, docx_changes: str = "accept") -> SourceText:
    """Read one input (``-`` is standard input) with the reader its content calls for.

    ``docx_changes`` ("accept" or "reject") resolves tracked changes in a Word file; all
    of them one way, never mixed.
    """
    if docx_changes not in DOCX_CHANGES:
        raise ValueError(f"docx_changes must be one of {DOCX_CHANGES}, not {docx_changes!r}")
    if path == "-":
        data = _read_stdin()
        source = STDIN_NAME
    else:
        data = _read_file(path)
        source = path
    if not data.strip():
        raise InputError("empty file", source)
    fmt = detect_format(data, path, source)
    reader = get_reader(fmt)
    # Only the Word reader takes an option; the others keep the plain reader signature.
    options = (docx_changes,) if fmt == "docx" else ()
    result = reader(data, source, *options)
    if not result.text.strip():
        raise InputError("empty file (no text found)", source)
    check_lines(nonblank_lines(result.text), source)
    return result


def nonblank_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def check_lines(count: int, source: str) -> None:
    """Refuse a draft of more than ``MAX_LINES`` lines or paragraphs, in one line."""
    if count > MAX_LINES:
        raise InputError(
            f"more than {MAX_LINES:,} lines or paragraphs: too long to compare as one draft",
            source,
        )


def get_reader(fmt: str) -> Reader:
    """The reader registered for ``fmt`` (every format ``detect_format`` returns has one),
    imported on first use."""
    module_name, _, func_name = READERS[fmt].partition(":")
    reader: Reader = getattr(importlib.import_module(module_name), func_name)
    return reader


def detect_format(data: bytes, path: str = "", source: str | None = None) -> str:
    """Format by content first (PDF, Word, HTML), then by extension (Markdown), else text.

    Drafts get renamed and piped, so bytes decide: ``%PDF-`` is a PDF, a zip holding
    ``word/document.xml`` is Word. A zip without it, a broken zip, or a non-zip named
    .docx/.pdf is an ``InputError`` - read as text it would only be noise.
    """
    source = source or path or None
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    ext = os.path.splitext(path)[1].lower()
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data, source)
    if ext == ".docx":
        raise InputError("not a Word document (the file is not a zip archive)", source)
    head = _text_head(data)
    if _HTML_START.match(head):
        return "html"
    if ext in (".html", ".htm", ".xhtml") and head.startswith("<"):
        return "html"
    if ext == ".pdf":
        raise InputError("not a PDF (no %PDF- header)", source)
    if ext in MARKDOWN_EXTENSIONS:
        return "md"
    return "txt"


_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_START = re.compile(r"(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.S)


def _zip_format(data: bytes, source: str | None) -> str:
    import zipfile  # only a zip (a Word file) needs it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            xml = sum(
                info.file_size
                for info in archive.infolist()
                if info.filename.lower().endswith((".xml", ".rels"))
            )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a zip needing a newer version or an unknown feature.
        raise InputError(f"corrupt or truncated Word document ({exc})", source) from exc
    # zipfile stops at the declared sizes, so these bound what reading it could cost.
    if unpacked > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise InputError(f"Word document unpacks to more than {limit} MB", source)
    if xml > MAX_WORD_XML_BYTES:
        limit = MAX_WORD_XML_BYTES // (1024 * 1024)
        raise InputError(
            f"Word document's XML unpacks to more than {limit} MB (a draft's is far smaller)",
            source,
        )
    if "word/document.xml" in names:
        return "docx"
    raise InputError("not a Word document (zip of something else)", source)


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


def check_readable(path: str) -> None:
    """Raise the ``InputError`` reading ``path`` would raise for a missing file, a
    folder or a file without read permission, without reading it (the app checks its
    files this way before it takes over the terminal)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory, not a file", path)
        p.stat()
        if not os.access(p, os.R_OK):
            raise InputError("permission denied", path)
    except OSError as exc:
        raise InputError(_os_problem(exc), path) from exc


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
    mb = 1024 * 1024
    limit = f"{MAX_INPUT_BYTES // mb} MB" if mb <= MAX_INPUT_BYTES else f"{MAX_INPUT_BYTES}-byte"
    return f"file is larger than the {limit} limit"


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    return f"cannot read: {(exc.strerror or str(exc)).lower()}"
