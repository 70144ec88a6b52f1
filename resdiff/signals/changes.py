"""Ranked changes. (Stub.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from resdiff.model import Change, ClausePair, ClauseSignals, Document
from resdiff.signals.lens import Lens


def find_changes(
    a: Document,
    b: Document,
    pairs: Sequence[ClausePair],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
    lens: Lens,
) -> tuple[Change, ...]:
    return ()
