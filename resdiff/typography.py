"""The one typography table: characters that print differently but mean the same.

Three views are built from it, each for its own job, so they cannot drift apart:

- ``MATCHING`` (``resdiff.ingest.normalize.normalize_for_matching``, for alignment):
  every variant made plain; invisible characters dropped and ligatures expanded, so the
  length may change.
- ``SAME_LENGTH`` (``fold``, for signals, whose spans must index the text as written):
  the same one-for-one replacements, with invisible characters turned into a hyphen
  ("cease<soft hyphen>fire" reads as "cease-fire"); ligatures stay, since expanding one
  would shift every offset after it.
- ``QUOTES`` (the word diff's ``ignore_quotes`` key): the quotes only; the other options
  decide about spaces, and a dash is a change a reader sees.

Deliberate choices: the backtick is a single quote (in a draft it is only ever a
mistyped apostrophe or an opening quote, as in ``like this''), and so are the modifier
letter apostrophe U+02BC and the acute accent U+00B4 typed for an apostrophe. The tab is
an odd space. docs/format.md lists the sets.
"""

from __future__ import annotations

#: Become "'": curly, low and reversed single quotes, prime, modifier apostrophe, acute
#: accent, backtick.
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`"
#: Become '"': curly, low and reversed double quotes, double prime, guillemets.
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
#: Become "-": hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar,
#: minus sign, small and full-width hyphen-minus.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
#: Become " ": no-break, figure, narrow no-break, the en/em family, medium mathematical
#: and ideographic spaces, and the tab.
SPACES = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t"
)
#: Zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: The Latin ligatures a PDF's text layer keeps.
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}

_QUOTE_MAP = {**{c: "'" for c in SINGLE_QUOTES}, **{c: '"' for c in DOUBLE_QUOTES}}

QUOTES: dict[int, str] = str.maketrans(_QUOTE_MAP)
SAME_LENGTH: dict[int, str] = str.maketrans(
    {**_QUOTE_MAP, **{c: " " for c in SPACES}, **{c: "-" for c in INVISIBLE + DASHES}}
)
MATCHING: dict[int, str | None] = {
    **QUOTES,
    **{ord(c): " " for c in SPACES},
    **{ord(c): "-" for c in DASHES},
    **{ord(c): None for c in INVISIBLE},
    **{ord(k): v for k, v in LIGATURES.items()},
}


def fold(text: str) -> str:
    """Same length as ``text``; typographic variants made plain."""
    return text.translate(SAME_LENGTH)


def straighten_quotes(text: str) -> str:
    """Every quote variant as ``'`` or ``"``; nothing else changes."""
    return text.translate(QUOTES)
