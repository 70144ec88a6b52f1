"""Document text is data: strip what a terminal would act on before it is printed."""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences, then any remaining C0/C1 control except \n and \t.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_terminal(text: str) -> str:
    """Remove escape sequences and control characters (keeps newlines and tabs)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))
