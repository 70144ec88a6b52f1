"""Many drafts, less work, same results: the matrix without alignment, signals shared by
drafts that repeat a clause, the series reusing the alignment it already has."""

from __future__ import annotations

from resdiff.model import CompareOptions
from resdiff.pipeline import compare, document_signals, load_all, positions
from resdiff.signals.lens import load_lens
from tests.conftest import SEEDS

DRAFTS = [
    str(SEEDS / "s-2024-9000-earlier.txt"),
    str(SEEDS / "s-2024-9001-tied.txt"),
    str(SEEDS / "s-2024-9002-demands.txt"),
    str(SEEDS / "s-2024-9001-rev1-tied.txt"),
]


def test_positions_matrix_is_the_comparisons() -> None:
    docs = load_all(DRAFTS)
    full = compare(*docs)
    only = positions(*docs)
    assert only.matrix == full.matrix
    assert only.signals == full.signals
    assert only.documents == full.documents
    assert only.comparisons == () and only.history == ()


def test_shared_signals_are_each_drafts_own() -> None:
    docs = load_all(DRAFTS)
    lens = load_lens()
    memo: dict = {}
    shared = [document_signals(d, lens, memo) for d in docs]
    assert shared == [document_signals(d, lens) for d in docs]
    clauses = sum(1 for d in docs for _ in d.walk())
    assert len(memo) < clauses  # the revisions repeat clauses of the earlier drafts


def test_series_history_is_the_same_with_the_first_alignment_reused() -> None:
    docs = load_all(DRAFTS[:3])
    series = compare(*docs, options=CompareOptions(series=True))
    from resdiff.align import align
    from resdiff.history import build_history

    assert series.history == build_history(series.documents, series.options, align)


def test_topics_by_id_as_a_search_in_order_finds_them() -> None:
    lens = load_lens()
    for place, topic in enumerate(lens.topics):
        if lens.topics.index(topic) == place:
            assert lens.topic(topic.id) is next(t for t in lens.topics if t.id == topic.id)
            assert lens.topic_order(topic.id) == next(
                i for i, t in enumerate(lens.topics) if t.id == topic.id
            )
    assert lens.topic("no-such-topic") is None
    assert lens.topic_order("no-such-topic") == len(lens.topics)
