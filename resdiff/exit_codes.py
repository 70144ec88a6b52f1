"""Exit codes, as ``diff`` uses them, so resdiff can sit in scripts and checks."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    SAME = 0
    """The drafts do not differ (or, with ``--fail-on``, no change of that kind)."""

    DIFFERENT = 1
    """The drafts differ (or, with ``--fail-on``, a change of that kind was found)."""

    TROUBLE = 2
    """Bad input, bad arguments or an output that could not be written; nothing written."""
