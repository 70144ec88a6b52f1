"""Precedent search: for each clause of a draft, the earlier paragraphs it reuses.

Candidates come from the store (identical language by exact key; near-copies by shared
phrase fingerprints; reworded paragraphs by their rarest words), in one batch for the
whole draft. Each is then scored with the aligner's similarity (``align.terms``: TF-IDF
cosine of stems, with the corpus's document frequencies as IDF), and each match gets the
one word diff (``resdiff.diff``) and the signal changes (``signals.changes``) from the
precedent to the draft, as a comparison gets them for an aligned pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from resdiff.align.terms import Idf, clause_terms, cosine, terms
from resdiff.corpus.entries import paragraph_entry
from resdiff.corpus.keys import content_key, exact_key
from resdiff.corpus.model import ClausePrecedents, Precedent, Precedents, PrecedentStatus
from resdiff.corpus.params import DEFAULT, PrecedentParams
from resdiff.corpus.store import CorpusStore, ParagraphEntry, Scope, StoredParagraph
from resdiff.diff import diff_texts
from resdiff.errors import InputError
from resdiff.model import (
    Change,
    Clause,
    ClausePair,
    ClauseSignals,
    CompareOptions,
    Document,
    Run,
    Span,
)
from resdiff.signals.changes import pair_changes
from resdiff.signals.extract import clause_signals
from resdiff.signals.lens import Lens, load_lens

#: Identical means equal up to case, quotes and whitespace: the diff shows those as minor.
DIFF_OPTIONS = CompareOptions(ignore_case=True)


@dataclass(slots=True)
class _Query:
    """One clause of the draft while it is looked up."""

    clause: Clause
    entry: ParagraphEntry
    identical_total: int
    identical: list[StoredParagraph]
    candidates: list[int]


def find_precedents(
    draft: Document,
    store: CorpusStore,
    params: PrecedentParams = DEFAULT,
    lens: Lens | None = None,
) -> Precedents:
    """The precedents of every clause of ``draft`` (clauses without words are left out).

    Only earlier texts count: documents dated after the draft (when both dates are known)
    and the draft itself, if it is in the corpus, are not searched.
    """
    scope = Scope(exclude=content_key(draft.text), until=draft.date)
    queries = _queries(draft, store, scope, params)
    fetched = store.paragraphs({pid for q in queries for pid in q.candidates}, scope)
    stems = {pid: terms(p.text) for pid, p in fetched.items()}
    vocabulary = {t for s in stems.values() for t in s}
    vocabulary.update(t for q in queries for t in q.entry.stems)
    n, df = store.frequencies(vocabulary)
    idf = Idf.from_counts(n, df)
    matcher = _Matcher(lens or load_lens(()))
    out = []
    for q in queries:
        vector = clause_terms(q.entry.stems, idf).vector
        scored = []
        for pid in dict.fromkeys(q.candidates):
            para = fetched.get(pid)
            if para is None or exact_key(para.text) == q.entry.exact:
                continue  # out of scope, or identical (listed from the exact-key lookup)
            similarity = cosine(vector, clause_terms(stems[pid], idf).vector)
            if similarity >= params.adapted_min_similarity:
                scored.append((similarity, para))
        scored.sort(key=lambda sp: (-round(sp[0], 6), *_age(sp[1])))
        room = max(0, params.top - len(q.identical))
        matches = [matcher.match(q.clause, p, "identical", 1.0) for p in q.identical]
        matches += [matcher.match(q.clause, p, "adapted", s) for s, p in scored[:room]]
        status: PrecedentStatus = "identical" if q.identical else "adapted" if scored else "new"
        out.append(ClausePrecedents(q.clause.id, status, tuple(matches), q.identical_total))
    documents, paragraphs = store.size()
    return Precedents(draft, tuple(out), documents, paragraphs, params)


def _queries(
    draft: Document, store: CorpusStore, scope: Scope, params: PrecedentParams
) -> list[_Query]:
    queries = []
    for clause in draft.walk():
        entry = paragraph_entry(clause)
        if entry is None:
            continue
        total, same = store.identical(entry.exact, scope, params.identical_limit)
        candidates = store.phrase_candidates(entry.fingerprints, params.phrase_candidates)
        candidates += store.word_candidates(entry.stems, params.word_candidates)
        queries.append(_Query(clause, entry, total, same, candidates))
    if not queries:
        raise InputError("no clauses found in the draft (nothing to look up)", draft.source)
    return queries


def _age(p: StoredParagraph) -> tuple[bool, str, str, str]:
    """Oldest first, undated last; then by symbol or file name."""
    d = p.document
    return (d.date is None, d.date or "", d.label, p.clause)


_Found = tuple[tuple[Run, ...], tuple[Change, ...]]


class _Matcher:
    """Builds matches; signals and changes are computed once per distinct text."""

    def __init__(self, lens: Lens) -> None:
        self.lens = lens
        self._signals: dict[tuple[str, str | None], ClauseSignals] = {}
        self._done: dict[tuple[str, str, str, str | None], _Found] = {}

    def match(
        self, clause: Clause, para: StoredParagraph, status: str, similarity: float
    ) -> Precedent:
        key = (clause.id, para.text, para.kind, para.opener)
        found = self._done.get(key)
        if found is None:
            diff = diff_texts(para.text, clause.text, DIFF_OPTIONS)
            found = self._done[key] = (diff, self._changes(clause, para, diff))
        return Precedent(
            status="identical" if status == "identical" else "adapted",
            document=para.document,
            clause=para.clause,
            kind=para.kind,
            text=para.text,
            similarity=round(similarity, 4),
            diff=found[0],
            changes=found[1],
        )

    def _signals_of(self, clause: Clause) -> ClauseSignals:
        key = (clause.text, clause.opener)
        found = self._signals.get(key)
        if found is None:
            found = self._signals[key] = clause_signals(clause, self.lens)
        return found

    def _changes(
        self, clause: Clause, para: StoredParagraph, diff: Sequence[Run]
    ) -> tuple[Change, ...]:
        """The changes a comparison reports for an aligned pair, with the precedent as
        side a and the clause (without its sub-paragraphs, which are looked up on their
        own) as side b."""
        before = Clause(
            id=para.clause,
            kind=para.kind,
            number=None,
            label=None,
            opener=para.opener,
            text=para.text,
            span=Span(0, len(para.text)),
        )
        after = replace(clause, children=())
        pair = ClausePair(
            a=(before.id,),
            b=(after.id,),
            status="modified",
            moved=False,
            similarity=0.0,
            diff=tuple(diff),
            kind_change=None if before.kind == after.kind else (before.kind, after.kind),
        )
        signals_a = {before.id: self._signals_of(before)}
        signals_b = {after.id: self._signals_of(after)}
        return pair_changes(before, after, pair, signals_a, signals_b, self.lens)
