"""The clause text as signals read it, keeping every offset: spans found in these views
are spans of the clause text as written.

``fold`` is ``resdiff.typography``'s same-length view (quotes, dashes, odd spaces and
invisible characters made plain); ``lower`` also lower-cases, character by character
where a plain ``lower()`` would change the length.
"""

from __future__ import annotations

import re

from resdiff.labels import Labels
from resdiff.typography import fold

__all__ = ["BOUNDARY", "LABEL", "boundaries", "fold", "label_end", "lower"]

#: A paragraph label left at the start of a text ("1.", "12)", "(1)", "(a)", "(iv)", "a)"):
#: clause texts come without one, but a text read on its own may carry it.
LABEL = Labels("number", "paren-number", "sub", "half-sub")

#: Where a sentence (or a semicolon-separated part) ends: links never cross it.
BOUNDARY = re.compile(r";|[.!?](?=\s+[A-Z0-9(\"'])|[.!?]\s*\Z|\n\s*\n")


def lower(text: str) -> str:
    """``fold`` then lower-case, keeping the length."""
    folded = fold(text)
    low = folded.lower()
    if len(low) == len(folded):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


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
