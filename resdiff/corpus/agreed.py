"""Agreed language in a comparison: the precedents of each later draft's clauses.

``resdiff report --corpus`` and ``resdiff A B --corpus`` search the corpus once per draft
after the first (the drafts a reader weighs against the base) and keep the answer on each
pairwise comparison (``PairwiseComparison.precedents``), so every face renders the same
value: a section in the reports, a key in the app, a field in JSON.
"""

from __future__ import annotations

from dataclasses import replace

from resdiff.corpus.model import Precedents
from resdiff.corpus.params import DEFAULT, PrecedentParams
from resdiff.corpus.precedents import find_precedents
from resdiff.corpus.store import CorpusStore
from resdiff.model import Comparison


def with_precedents(
    comparison: Comparison, store: CorpusStore, params: PrecedentParams = DEFAULT
) -> Comparison:
    """``comparison`` with the precedents of each pairwise comparison's draft ``b``
    (each draft looked up once, whatever the number of comparisons it is in)."""
    found: dict[str, Precedents] = {}
    for pc in comparison.comparisons:
        if pc.b not in found:
            found[pc.b] = find_precedents(comparison.document(pc.b), store, params)
    return replace(
        comparison,
        comparisons=tuple(replace(pc, precedents=found[pc.b]) for pc in comparison.comparisons),
    )
