"""Clause signals. (Stub.)"""

from __future__ import annotations

from resdiff.model import Clause, ClauseSignals
from resdiff.signals.lens import Lens


def clause_signals(clause: Clause, lens: Lens) -> ClauseSignals:
    return ClauseSignals()
