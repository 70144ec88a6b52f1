"""Text as compared, not as shown: typographic variants folded so they do not count.

``normalize_for_matching`` is for alignment only. What resdiff displays, and what spans
index into, is always the text as written. The variants are ``resdiff.typography``'s.
"""

from __future__ import annotations

import unicodedata

from resdiff.typography import MATCHING


def normalize_for_matching(text: str) -> str:
    """NFC; straight quotes; plain spaces and hyphens; no soft hyphens or zero-width
    characters; ligatures expanded; ``\\n`` line endings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    folded = unicodedata.normalize("NFC", text).translate(MATCHING)
    return unicodedata.normalize("NFC", folded)  # removals can leave uncomposed pairs
