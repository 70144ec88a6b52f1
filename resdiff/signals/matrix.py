"""Positions matrix. (Stub.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from resdiff.model import ClauseSignals, Document, PositionsMatrix
from resdiff.signals.lens import Lens


def build_matrix(
    docs: Sequence[Document],
    signals: Mapping[str, Mapping[str, ClauseSignals]],
    lens: Lens,
) -> PositionsMatrix:
    return PositionsMatrix(topics=(), labels={}, documents=tuple(d.id for d in docs), cells={})
