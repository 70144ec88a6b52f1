"""Text as compared, not as shown: typographic variants folded so they do not count.

``normalize_for_matching`` is for alignment and signals only. What resdiff displays,
and what spans index into, is always the text as written.
"""

from __future__ import annotations

import unicodedata

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_SPACES = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}

_TABLE: dict[int, str | None] = {
    **{ord(c): "'" for c in _SINGLE_QUOTES},
    **{ord(c): '"' for c in _DOUBLE_QUOTES},
    **{ord(c): " " for c in _SPACES},
    **{ord(c): None for c in _INVISIBLE},
    **{ord(c): "-" for c in _DASHES},
    **{ord(k): v for k, v in _LIGATURES.items()},
}


def normalize_for_matching(text: str) -> str:
    """NFC; straight quotes; plain spaces and hyphens; no soft hyphens or zero-width
    characters; ``\\n`` line endings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    folded = unicodedata.normalize("NFC", text).translate(_TABLE)
    return unicodedata.normalize("NFC", folded)  # removals can leave uncomposed pairs
