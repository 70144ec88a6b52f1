"""The precedent list: the one value ``resdiff precedents`` computes and every format renders.

For each clause of a draft: its status (``identical``, ``adapted`` or ``new``) and the
earlier paragraphs it takes its language from, each with the word diff from the
precedent to the draft (``resdiff.diff``, as every face shows it) and the changes in
substance (``resdiff.signals``, as a comparison reports them for an aligned pair).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resdiff.corpus.params import PrecedentParams
from resdiff.corpus.store import StoredDocument
from resdiff.model import Change, ClauseKind, Document, Run

PrecedentStatus = Literal["identical", "adapted", "new"]
MatchStatus = Literal["identical", "adapted"]
PRECEDENT_STATUSES: tuple[PrecedentStatus, ...] = ("identical", "adapted", "new")


@dataclass(frozen=True, slots=True)
class Copy:
    """Another paragraph with the very same words as a precedent (``clause`` of
    ``document``)."""

    document: StoredDocument
    clause: str


@dataclass(frozen=True, slots=True)
class Precedent:
    """An earlier paragraph whose language the clause reuses.

    ``diff`` turns ``text`` (the precedent) into the draft clause's text; ``changes`` are
    read with the precedent as side ``a`` and the draft as ``b``. ``similarity`` is the
    aligner's TF-IDF cosine with the corpus's word weights (1.0 for identical language).
    ``copies`` are other paragraphs with exactly this text (adapted matches only: one
    paragraph carried unchanged through several resolutions is one precedent).
    """

    status: MatchStatus
    document: StoredDocument
    clause: str
    kind: ClauseKind
    text: str
    similarity: float
    diff: tuple[Run, ...]
    changes: tuple[Change, ...]
    copies: tuple[Copy, ...] = ()


@dataclass(frozen=True, slots=True)
class ClausePrecedents:
    """One clause of the draft: identical matches first (oldest first), then adapted ones
    (most similar first). ``identical`` counts every paragraph of the corpus with the
    same language, which may be more than the matches listed."""

    clause: str
    status: PrecedentStatus
    matches: tuple[Precedent, ...]
    identical: int = 0


@dataclass(frozen=True, slots=True)
class Precedents:
    """Where the language of every clause of ``document`` comes from, in a corpus of
    ``corpus_documents`` documents (``corpus_paragraphs`` paragraphs)."""

    document: Document
    clauses: tuple[ClausePrecedents, ...]
    corpus_documents: int
    corpus_paragraphs: int
    params: PrecedentParams

    def count(self, status: PrecedentStatus) -> int:
        return sum(1 for c in self.clauses if c.status == status)

    def of(self, clause_id: str) -> ClausePrecedents | None:
        """The precedents of one clause (``None`` for a clause without words)."""
        return next((c for c in self.clauses if c.clause == clause_id), None)
