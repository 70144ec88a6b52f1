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
from dataclasses import dataclass, field, replace

from resdiff.align.terms import Idf, Vector, clause_terms, cosine, terms
from resdiff.corpus.entries import paragraph_entry
from resdiff.corpus.keys import content_key, exact_key
from resdiff.corpus.model import (
    ClausePrecedents,
    Copy,
    Precedent,
    Precedents,
    PrecedentStatus,
)
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
    """One clause of the draft while it is looked up: its identical paragraphs, and the
    candidates scored so far as (similarity, paragraph) at or above the threshold."""

    clause: Clause
    entry: ParagraphEntry
    vector: Vector
    identical_total: int
    identical: list[StoredParagraph]
    adapted: list[tuple[float, StoredParagraph]] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)


def find_precedents(
    draft: Document,
    store: CorpusStore,
    params: PrecedentParams = DEFAULT,
    lens: Lens | None = None,
) -> Precedents:
    """The precedents of every clause of ``draft`` (clauses without words are left out).

    Only earlier texts count: documents dated after the draft (when both dates are known)
    and the draft itself, if it is in the corpus, are not searched. Full-text search (the
    costliest) runs only for clauses that neither an exact key nor a shared phrase
    matched.
    """
    search = _Search(draft, store, params)
    queries = search.queries()
    search.score(
        queries,
        [store.phrase_candidates(q.entry.fingerprints, params.phrase_candidates) for q in queries],
    )
    unmatched = [q for q in queries if not q.identical and not q.adapted]
    search.score(
        unmatched, [store.word_candidates(q.entry.stems, params.word_candidates) for q in unmatched]
    )
    matcher = _Matcher(lens or load_lens(()))
    out = []
    for q in queries:
        _most_similar_first(q.adapted)
        room = max(0, params.top - len(q.identical))
        matches = [matcher.match(q.clause, p, "identical", 1.0) for p in q.identical]
        for s, p, copies in _same_text_together(q.adapted)[:room]:
            matches.append(replace(matcher.match(q.clause, p, "adapted", s), copies=copies))
        status: PrecedentStatus = "identical" if q.identical else "adapted" if q.adapted else "new"
        out.append(ClausePrecedents(q.clause.id, status, tuple(matches), q.identical_total))
    documents, paragraphs = store.size()
    return Precedents(draft, tuple(out), documents, paragraphs, params)


class _Search:
    """The state of one search: paragraphs fetched, their TF-IDF vectors, and the corpus's
    document frequencies of every word met so far (fetched in batches)."""

    def __init__(self, draft: Document, store: CorpusStore, params: PrecedentParams) -> None:
        self.draft = draft
        self.store = store
        self.params = params
        self.scope = Scope(exclude=content_key(draft.text), until=draft.date)
        self.fetched: dict[int, StoredParagraph | None] = {}
        self.stems: dict[int, list[str]] = {}
        self.vectors: dict[int, Vector] = {}
        self.df: dict[str, int] = {}
        self.idf = Idf.from_counts(0, {})

    def _learn(self, words: set[str]) -> None:
        """Fetch the document frequencies of words not met before."""
        unknown = words - self.df.keys()
        if unknown:
            n, df = self.store.frequencies(unknown)
            self.df.update(dict.fromkeys(unknown, 0))
            self.df.update(df)
            self.idf = Idf.from_counts(n, self.df)

    def queries(self) -> list[_Query]:
        entries = [(c, e) for c in self.draft.walk() if (e := paragraph_entry(c)) is not None]
        if not entries:
            raise InputError(
                "no clauses found in the draft (nothing to look up)", self.draft.source
            )
        self._learn({t for _, e in entries for t in e.stems})
        out = []
        limit = self.params.identical_limit
        for clause, entry in entries:
            total, same = self.store.identical(entry.exact, self.scope, limit)
            vector = clause_terms(entry.stems, self.idf).vector
            out.append(_Query(clause, entry, vector, total, same))
        return out

    def score(self, queries: Sequence[_Query], candidates: Sequence[list[int]]) -> None:
        """Score each query's new candidates; keep those at or above the threshold."""
        wanted = {pid for ids in candidates for pid in ids} - self.fetched.keys()
        got = self.store.paragraphs(wanted, self.scope)
        for pid in wanted:
            para = self.fetched[pid] = got.get(pid)
            if para is not None:
                self.stems[pid] = terms(para.text)
        self._learn({t for pid in wanted if pid in self.stems for t in self.stems[pid]})
        threshold = self.params.adapted_min_similarity
        for q, ids in zip(queries, candidates, strict=True):
            for pid in ids:
                para = self.fetched.get(pid)
                if para is None or pid in q.seen:
                    continue  # out of scope, or already scored
                q.seen.add(pid)
                if exact_key(para.text) == q.entry.exact:
                    continue  # identical: listed from the exact-key lookup
                similarity = cosine(q.vector, self._vector(pid))
                if similarity >= threshold:
                    q.adapted.append((similarity, para))

    def _vector(self, pid: int) -> Vector:
        found = self.vectors.get(pid)
        if found is None:
            found = self.vectors[pid] = clause_terms(self.stems[pid], self.idf).vector
        return found


def _same_text_together(
    found: Sequence[tuple[float, StoredParagraph]],
) -> list[tuple[float, StoredParagraph, tuple[Copy, ...]]]:
    """One entry per distinct text (the first in order), with the other paragraphs that
    hold the very same words as its copies: a paragraph carried unchanged from one
    resolution to the next is one precedent, not several."""
    firsts: dict[int, int] = {}
    out: list[tuple[float, StoredParagraph, list[Copy]]] = []
    for similarity, para in found:
        key = exact_key(para.text)
        if key in firsts:
            out[firsts[key]][2].append(Copy(para.document, para.clause))
        else:
            firsts[key] = len(out)
            out.append((similarity, para, []))
    return [(s, p, tuple(c)) for s, p, c in out]


def _most_similar_first(found: list[tuple[float, StoredParagraph]]) -> None:
    """Most similar first; among equals the newest (the latest version of the language
    is the likeliest origin), undated last, then by symbol or file name."""
    found.sort(key=lambda sp: (sp[1].document.label, sp[1].clause))
    found.sort(key=lambda sp: sp[1].document.date or "", reverse=True)  # stable
    found.sort(key=lambda sp: -round(sp[0], 6))


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
