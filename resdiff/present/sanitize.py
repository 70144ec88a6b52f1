"""Document text is data: strip what a terminal would act on before it is printed."""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences, then any remaining C0/C1 control except \n and \t.
# A string sequence (OSC, DCS...) ends at its terminator or, if it has none, at the end of
# the line: an unterminated one must not hide the document text on the lines after it.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates reorder what is displayed after them
# ("Trojan Source"): a draft could show one wording and hold another. They are shown as
# a visible code point instead, so a reader sees that they are there.
#: The BiDi embeddings, overrides and isolates.
BIDI_CHARACTERS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CONTROLS = re.compile(f"[{BIDI_CHARACTERS}]")


def _visible(match: re.Match[str]) -> str:
    return f"\u27e6U+{ord(match.group()):04X}\u27e7"


# Any character the three passes below act on (ESC and the 8-bit CSI are controls too):
# most text has none, and one search is a third of the cost of three substitutions.
_ANY = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CHARACTERS}]")


def clean_terminal(text: str) -> str:
    """Remove escape sequences and control characters (keeps newlines and tabs); show
    bidirectional override characters as their code point (e.g. ⟦U+202E⟧)."""
    if _ANY.search(text) is None:
        return text
    return _BIDI_CONTROLS.sub(_visible, _CONTROLS.sub("", _ESCAPES.sub("", text)))
