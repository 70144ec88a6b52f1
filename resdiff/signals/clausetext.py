"""The clause text as signals read it, keeping every offset: spans found in these views
are spans of the clause text as written.

``fold`` is ``resdiff.typography``'s same-length view (quotes, dashes, odd spaces and
invisible characters made plain); ``lower`` also lower-cases, character by character
where a plain ``lower()`` would change the length.
"""

from __future__ import annotations

import re

from resdiff.labels import Labels
from resdiff.typography import SAME_LENGTH, fold

__all__ = ["BOUNDARY", "LABEL", "boundaries", "flat_views", "fold", "label_end", "lower"]

#: A paragraph label left at the start of a text ("1.", "12)", "(1)", "(a)", "(iv)", "a)"):
#: clause texts come without one, but a text read on its own may carry it.
LABEL = Labels("number", "paren-number", "sub", "half-sub")

#: Where a sentence (or a semicolon-separated part) ends: links never cross it.
BOUNDARY = re.compile(r";|[.!?](?=\s+[A-Z0-9(\"'])|[.!?]\s*\Z|\n\s*\n")


def lower(text: str) -> str:
    """``fold`` then lower-case, keeping the length."""
    return _lower_folded(fold(text))


def _lower_folded(folded: str) -> str:
    low = folded.lower()
    if len(low) == len(folded):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


#: ``fold``'s table with line breaks and tabs read as spaces, so one ``translate`` does
#: both: a hard-wrapped "7\nOctober 2000" is the date it says.
_FOLD_FLAT = {**SAME_LENGTH, **{ord(c): " " for c in "\n\t\r"}}


def flat_views(text: str) -> tuple[str, str]:
    """The views signals read, both as long as ``text``: ``fold`` with line breaks as
    spaces, and that lower-cased as ``lower`` does (the text is folded once, not twice)."""
    folded = text.translate(_FOLD_FLAT)
    return folded, _lower_folded(folded)


def label_end(text: str) -> int:
    """Offset just past a leading paragraph label and the space after it, or 0."""
    start = len(text) - len(text.lstrip())
    found = LABEL.match(text, start)
    if found is None:
        return 0
    rest = text[found.end :]
    return len(text) - len(rest.lstrip())


def boundaries(text: str) -> list[int]:
    """Offsets of sentence ends, ascending (for same-sentence tests)."""
    return [m.start() for m in BOUNDARY.finditer(text)]
