"""The fuzz suite's invariants, as functions: the tests and ``bench/fuzz_campaign.py``
check the same things.

1. No crash: reading any input gives a document or an ``InputError`` that names the file
   in one line - nothing else escapes a reader.
2. Bounded work: what a reader makes of an input stays in proportion to it (time is
   measured by the campaign; the tests check the size of the text read, which is what
   the resource bombs blew up).
3. Lossless parse: the header and clause spans tile the text read.
4. A visible change is reported: a word added to B where a reader sees it makes B differ
   from A, and the word is in an inserted run.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from resdiff.errors import InputError
from resdiff.model import Comparison, Document
from resdiff.parse.invariants import tiling_problems
from resdiff.pipeline import compare, load

_FOLDER = Path(tempfile.mkdtemp(prefix="resdiff-fuzz-"))


def saved(data: bytes, name: str) -> str:
    """The bytes written to a scratch file of that name (one per name, reused)."""
    path = _FOLDER / f"{os.getpid()}-{name}"
    path.write_bytes(data)
    return str(path)


def _unpacked_xml(data: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(i.file_size for i in archive.infolist() if i.filename.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def text_bound(data: bytes, fmt: str) -> int:
    """How long the text read from ``data`` may be: in proportion to what the file holds
    (the XML a Word file unpacks to; for the rest, its bytes), a few times over for
    labels and indentation."""
    if fmt == "docx":
        return 10 * max(len(data), _unpacked_xml(data)) + 1000
    if fmt == "pdf":
        return 200 * len(data) + 10_000  # compressed streams: pypdf bounds their inflation
    return 8 * len(data) + 1000


def read_checked(data: bytes, name: str) -> Document | None:
    """Load the input; None for a clean ``InputError``. Anything else fails the check."""
    path = saved(data, name)
    try:
        doc = load(path)
    except InputError as exc:
        message = str(exc)
        assert exc.path == path, f"error names {exc.path!r}, not the file"
        assert message.startswith(f"{path}: ") and exc.problem.strip(), message
        assert "\n" not in message and "\r" not in message, repr(message)
        return None
    fmt = doc.format
    assert len(doc.text) <= text_bound(data, fmt), (len(doc.text), len(data), fmt)
    problems = tiling_problems(doc)
    assert not problems, problems
    return doc


def inserted_words(comparison: Comparison) -> str:
    """Every word B has that A has not, as the comparison reports it."""
    (pc,) = comparison.comparisons
    b = comparison.documents[1]
    out: list[str] = []
    for top in pc.pairs:
        for pair in top.walk():
            if pair.status == "added":
                out.extend(b.clause(i).text for i in pair.b)
            out.extend(run.text for run in pair.diff if run.op == "+" and not run.minor)
    return " ".join(out)


def check_change_reported(a_data: bytes, b_data: bytes, name: str, marker: str) -> None:
    a_path, b_path = saved(a_data, f"a-{name}"), saved(b_data, f"b-{name}")
    a, b = load(a_path), load(b_path, doc_id="B")
    assert marker not in a.text and marker in b.text, (marker, b.text)
    result = compare(a, b)
    assert result.differs, f"{marker!r} added, but B does not differ from A"
    assert marker in inserted_words(result), (marker, inserted_words(result))
