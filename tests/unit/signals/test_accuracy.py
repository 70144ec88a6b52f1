"""Accuracy on the hand-labelled set (tests/fixtures/signals/labelled.toml): link
precision and recall at least 0.9, and every changed opener read in the right direction.
The full table (tune and held-out apart) is printed by bench/signals_accuracy.py."""

from __future__ import annotations

from bench.signals_accuracy import load_labelled, score_clauses, score_openers, select
from resdiff.signals.lens import Lens


def test_labelled_set_is_big_enough_and_has_negatives() -> None:
    data = load_labelled()
    clauses = data["clause"]
    assert len(clauses) >= 60
    assert len({c["id"] for c in clauses}) == len(clauses)
    assert sum(1 for c in clauses if not c["links"] and len(c["topics"]) >= 2) >= 10
    assert {c["set"] for c in clauses} == {"tune", "held-out"}
    for rel in ("conditional", "sequence", "parallel"):
        assert sum(1 for c in clauses for x in c["links"] if x[2] == rel) >= 4


def test_link_precision_and_recall(lens: Lens) -> None:
    scores = score_clauses(load_labelled()["clause"], lens)
    link = scores["link"]
    assert link.precision >= 0.9, link.errors
    assert link.recall >= 0.9, link.errors


def test_verb_topic_qualifier_quality(lens: Lens) -> None:
    scores = score_clauses(load_labelled()["clause"], lens)
    for name in ("verb", "topic", "qualifier"):
        assert scores[name].precision >= 0.9, scores[name].errors
        assert scores[name].recall >= 0.9, scores[name].errors


def test_every_changed_opener_direction(lens: Lens) -> None:
    changes = load_labelled()["opener_change"]
    right, total, errors = score_openers(changes, lens)
    assert total >= 20
    assert right == total, errors
    assert select(changes, "held-out")
