"""Tell an input's format from its bytes first and its file name second.

Drafts are mailed around renamed, saved from browsers with the wrong extension, or piped
through standard input with no name at all, so content decides: ``%PDF-`` is a PDF, a zip
holding ``word/document.xml`` is a Word document, markup that opens like a web page is HTML.
The extension only breaks ties between the plain-text formats (``.md`` vs ``.txt``).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

from resdiff.errors import InputError

Format = Literal["pdf", "docx", "html", "md", "txt"]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_MD_EXTENSIONS = (".md", ".markdown")
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")


def detect_format(data: bytes, source: str) -> Format:
    """The reader to use for ``data``; raises ``InputError`` for a zip that is not Word."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data, source)
    lower = source.lower()
    if _HTML_START.match(head) or (lower.endswith(_HTML_EXTENSIONS) and b"<" in head):
        return "html"
    if lower.endswith(".docx"):
        raise InputError("not a Word document (the file is not a zip archive)", source)
    if lower.endswith(".pdf"):
        raise InputError("not a PDF (no %PDF- header)", source)
    if lower.endswith(_MD_EXTENSIONS):
        return "md"
    return "txt"


def _zip_format(data: bytes, source: str) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise InputError(f"corrupt or truncated Word document ({exc})", source) from exc
    if "word/document.xml" in names:
        return "docx"
    raise InputError("not a Word document (zip of something else)", source)
