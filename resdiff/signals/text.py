"""Text views for matching that keep every offset: spans found in them are spans of the
clause text as written.

``fold`` straightens quotes, dashes and odd spaces one character for one character;
``lower`` also lower-cases (character by character where a plain ``lower()`` would change
the length). Once the parser's ``normalize_for_matching`` lands with the same guarantee,
these can delegate to it.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00ad": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\t": " ",
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
