"""Text views for matching that keep every offset: spans found in them are spans of the
clause text as written.

``resdiff.ingest.normalize.normalize_for_matching`` folds the same typographic variants
but may change the length (it drops zero-width characters and expands ligatures), so
signals use this one-for-one version instead: ``fold`` straightens quotes, dashes and odd
spaces, and turns invisible characters into a hyphen (so "cease<soft hyphen>fire" still
reads as "cease-fire"); ``lower`` also lower-cases, character by character where a plain
``lower()`` would change the length.
"""

from __future__ import annotations

import re

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_SPACES = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t"
)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

_FOLD = str.maketrans(
    {
        **{c: "'" for c in _SINGLE_QUOTES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: " " for c in _SPACES},
        **{c: "-" for c in _INVISIBLE + _DASHES},
    }
)

#: A paragraph label the stub parser leaves in the text: "1.", "12)", "(a)", "(iv)", "a)".
LABEL = re.compile(r"\s*(?:\d+[.)]|\((?:[a-z]{1,2}|[ivxlc]+|\d+)\)|[a-z]\))\s+")

#: Where a sentence (or a semicolon-separated part) ends: links never cross it.
BOUNDARY = re.compile(r";|[.!?](?=\s+[A-Z0-9(\"'])|[.!?]\s*\Z|\n\s*\n")


def fold(text: str) -> str:
    """Same length as ``text``; typographic variants made plain."""
    return text.translate(_FOLD)


def lower(text: str) -> str:
    """``fold`` then lower-case, keeping the length."""
    folded = fold(text)
    low = folded.lower()
    if len(low) == len(folded):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def label_end(text: str) -> int:
    """Offset just past a leading paragraph label, or 0."""
    m = LABEL.match(text)
    return m.end() if m else 0


def boundaries(text: str) -> list[int]:
    """Offsets of sentence ends, ascending (for same-sentence tests)."""
    return [m.start() for m in BOUNDARY.finditer(text)]
