"""The aligner's faster candidate search and IDF, held to the ones they replaced.

Issue 16 rewrote the candidate search (postings for rare terms only, scores kept per
clause) and the IDF (summed from per-sequence counts kept between alignments). Neither
may change an alignment, so each is checked here against the earlier code, kept below
as the reference, on random clause sequences built to exercise the indexed path (rare
terms shared by a few clauses, exact copies, clauses of no words).
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align.match import Pairing, _Matcher
from resdiff.align.params import DEFAULT, AlignParams
from resdiff.align.terms import (
    ClauseTerms,
    Idf,
    Vector,
    clause_terms,
    full_terms,
    sequence_terms,
)
from tests.align_fixtures import make_document

# A small vocabulary with a heavy head, so that some terms are rare and some common.
VOCAB = [f"w{k}" for k in range(40)]
stems = st.lists(st.sampled_from(VOCAB[:6]) | st.sampled_from(VOCAB), min_size=0, max_size=14)
sequences = st.lists(stems, min_size=0, max_size=30)


def reference_candidates(m: _Matcher) -> set[tuple[int, int]]:
    """``_Matcher._candidates`` as it was before issue 16: postings for every term."""
    p = m.p
    free_a = [i for i, j in enumerate(m.a_to_b) if j < 0]
    free_b = [j for j, i in enumerate(m.b_to_a) if i < 0]
    if len(free_a) * len(free_b) <= p.all_pairs_limit:
        return {(i, j) for i in free_a for j in free_b}
    post_a: dict[str, list[tuple[int, float]]] = defaultdict(list)
    post_b: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i in free_a:
        for t, w in m.ta[i].vector.items():
            post_a[t].append((i, w))
    for j in free_b:
        for t, w in m.tb[j].vector.items():
            post_b[t].append((j, w))
    partial: dict[tuple[int, int], float] = defaultdict(float)
    limit = p.rare_posting_max
    for t, pa in post_a.items():
        pb = post_b.get(t)
        if not pb or len(pa) > limit or len(pb) > limit:
            continue
        for i, wa in pa:
            for j, wb in pb:
                partial[i, j] += wa * wb
    best_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), s in partial.items():
        best_a[i].append((s, j))
        best_b[j].append((s, i))
    k = p.candidates_per_clause
    cands: set[tuple[int, int]] = set()
    for i, lst in best_a.items():
        lst.sort(reverse=True)
        cands.update((i, j) for _, j in lst[:k])
    for j, lst in best_b.items():
        lst.sort(reverse=True)
        cands.update((i, j) for _, i in lst[:k])
    nb, w = len(m.tb), p.position_window
    for i in free_a:
        centre = round(m.expected[i])
        for j in range(max(0, centre - w), min(nb, centre + w + 1)):
            if m.b_to_a[j] < 0:
                cands.add((i, j))
    return cands


class _ReferenceMatcher(_Matcher):
    def _candidates(self) -> set[tuple[int, int]]:
        return reference_candidates(self)


def matcher(
    a: list[list[str]], b: list[list[str]], params: AlignParams
) -> tuple[list[ClauseTerms], list[ClauseTerms], Idf]:
    idf = Idf([*a, *b])
    return [clause_terms(s, idf) for s in a], [clause_terms(s, idf) for s in b], idf


indexed = st.builds(
    lambda limit, k, window: replace(
        DEFAULT,
        all_pairs_limit=0,
        rare_posting_max=limit,
        candidates_per_clause=k,
        position_window=window,
        min_similarity=0.3,
        min_similarity_in_gap=0.1,
    ),
    st.integers(1, 5),
    st.integers(1, 4),
    st.integers(0, 2),
)


@given(sequences, sequences, indexed)
@settings(max_examples=150, deadline=None)
def test_candidates_are_the_reference_ones(
    a: list[list[str]], b: list[list[str]], params: AlignParams
) -> None:
    ta, tb, idf = matcher(a, b, params)
    m = _Matcher(ta, tb, idf, params)
    m._exact()
    m._expected_positions()
    found, reference = m._candidates(), reference_candidates(m)
    assert found == reference
    # The same order too: pairs are scored in it, and a tie between two wholes holding
    # one part goes to the one scored first.
    assert list(found) == list(reference)


@given(sequences, sequences, indexed)
@settings(max_examples=100, deadline=None)
def test_matching_is_the_reference_matching(
    a: list[list[str]], b: list[list[str]], params: AlignParams
) -> None:
    new = _Matcher(*matcher(a, b, params), params)
    ref_ta, ref_tb, ref_idf = matcher(a, b, params)
    reference = _ReferenceMatcher(ref_ta, ref_tb, ref_idf, params)
    units: list[Pairing] = new.run()
    assert units == reference.run()
    assert list(new.sims.items()) == list(reference.sims.items())


def _old_vector(stems: list[str], idf: Idf) -> Vector:
    counts = Counter(stems)
    vec = {t: (1.0 + math.log(c)) * idf(t) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm > 0 else vec


texts = st.lists(
    st.lists(st.sampled_from(["Decides", "to", "extend", "the", "mandate", "mission", "Urges"]))
    .map(" ".join)
    .filter(bool),
    min_size=1,
    max_size=8,
)


@given(texts, texts)
@settings(max_examples=100, deadline=None)
def test_idf_from_kept_sequence_counts_is_the_counted_idf(a: list[str], b: list[str]) -> None:
    """Summing each sequence's kept counts weighs every term as counting the clauses
    of both drafts did, so the vectors are the same to the bit."""
    da = make_document("A", [(f"OP{k}", t) for k, t in enumerate(a, 1)])
    db = make_document("B", [(f"OP{k}", t) for k, t in enumerate(b, 1)])
    counted = Idf([*(full_terms(c) for c in da.clauses), *(full_terms(c) for c in db.clauses)])
    summed = Idf.of_sequences(sequence_terms(da.clauses), sequence_terms(db.clauses))
    for clause in (*da.clauses, *db.clauses):
        stems = full_terms(clause)
        for t in stems:
            assert summed(t) == counted(t)
            assert summed.df(t) == counted.df(t)
        assert clause_terms(stems, summed).vector == _old_vector(stems, counted)


def _random_drafts(seed: int, n: int) -> tuple[list[list[str]], list[list[str]]]:
    """Two long sequences of random clauses over a skewed vocabulary, ``b`` made from
    ``a`` by rewording, dropping and inserting clauses: big enough for the candidate
    set to hold hundreds of pairs (small sets rarely show an order difference)."""
    rng = random.Random(seed)
    vocab = [f"t{k}" for k in range(400)]
    weights = [1.0 / (k + 1) for k in range(400)]

    def clause() -> list[str]:
        return rng.choices(vocab, weights, k=rng.randint(4, 30))

    a = [clause() for _ in range(n)]
    b: list[list[str]] = []
    for stems in a:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.5:
            stems = [w if rng.random() < 0.7 else rng.choice(vocab) for w in stems]
        b.append(stems)
        if rng.random() < 0.1:
            b.append(clause())
    return a, b


@pytest.mark.parametrize("seed", range(12))
def test_long_drafts_score_the_reference_pairs_in_the_reference_order(seed: int) -> None:
    a, b = _random_drafts(seed, 300)
    new = _Matcher(*matcher(a, b, DEFAULT), DEFAULT)
    reference = _ReferenceMatcher(*matcher(a, b, DEFAULT), DEFAULT)
    assert new.run() == reference.run()
    assert list(new.sims.items()) == list(reference.sims.items())
