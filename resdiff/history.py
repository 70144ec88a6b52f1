"""History of a series of drafts. (Stub.)"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.model import ClauseHistory, CompareOptions, Document


def build_history(docs: Sequence[Document], options: CompareOptions) -> tuple[ClauseHistory, ...]:
    return ()
