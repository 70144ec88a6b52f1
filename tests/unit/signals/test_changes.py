"""Ranked changes: linkage first, then verb strength; qualifiers, demotion, topics, actors,
references, numbers and whole clauses; deterministic order."""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.model import Change, ClauseKind, ClausePair, Document
from resdiff.signals.changes import find_changes
from resdiff.signals.extract import clause_signals
from resdiff.signals.lens import Lens
from tests.unit.signals.conftest import OP1_DEMANDS, OP1_TIED, clause, document


def pair(
    a: Sequence[str],
    b: Sequence[str],
    status: str = "modified",
    kind_change: tuple[ClauseKind, ClauseKind] | None = None,
) -> ClausePair:
    return ClausePair(tuple(a), tuple(b), status, False, 0.5, (), kind_change=kind_change)  # type: ignore[arg-type]


def run(a: Document, b: Document, pairs: Sequence[ClausePair], lens: Lens) -> tuple[Change, ...]:
    sa = {c.id: clause_signals(c, lens) for c in a.walk()}
    sb = {c.id: clause_signals(c, lens) for c in b.walk()}
    return find_changes(a, b, pairs, sa, sb, lens)


def test_op1_linkage_then_verb_then_qualifiers(lens: Lens) -> None:
    a = document("A", [clause("OP1", OP1_TIED)])
    b = document("B", [clause("OP1", OP1_DEMANDS)])
    changes = run(a, b, [pair(["OP1"], ["OP1"])], lens)
    top, second = changes[0], changes[1]
    assert (top.kind, top.topic, top.related) == ("linkage", "ceasefire", "hostages")
    assert (top.from_, top.to) == ("conditional", "parallel")
    assert top.summary.startswith(
        "OP1: the ceasefire is no longer conditional on hostage release ('in connection with' "
        "-> 'also demands"
    )
    assert (second.kind, second.direction) == ("verb-strength", "stronger")
    assert (second.from_, second.to) == ("Determines the imperative of", "Demands")
    assert (
        second.summary == "OP1: verb strengthened from 'Determines the imperative of' to 'Demands'"
    )
    added = {(c.topic, c.to) for c in changes if c.kind == "qualifier-added"}
    removed = {(c.topic, c.from_) for c in changes if c.kind == "qualifier-removed"}
    assert {("ceasefire", "lasting"), ("ceasefire", "sustainable")} <= added
    assert {("ceasefire", "for the month of Ramadan"), ("hostages", "unconditional")} <= added
    assert ("ceasefire", "sustained") in removed
    assert [c.weight for c in changes] == sorted((c.weight for c in changes), reverse=True)


def test_verb_weakened_with_renumbered_address(lens: Lens) -> None:
    a = document("A", [clause("OP3", "Demands that all parties allow humanitarian access;")])
    b = document("B", [clause("OP4", "Calls upon all parties to allow humanitarian access;")])
    changes = run(a, b, [pair(["OP3"], ["OP4"])], lens)
    verb = [c for c in changes if c.kind == "verb-strength"]
    assert len(verb) == 1
    assert verb[0].direction == "weaker"
    assert verb[0].summary == "OP3 -> OP4: verb weakened from 'Demands' to 'Calls upon'"


def test_same_strength_synonym_is_no_change(lens: Lens) -> None:
    a = document("A", [clause("OP3", "Calls for humanitarian access;")])
    b = document("B", [clause("OP3", "Calls upon all parties to allow humanitarian access;")])
    assert [c.kind for c in run(a, b, [pair(["OP3"], ["OP3"])], lens)] == ["actor-added"]


def test_demotion_is_weaker_twice(lens: Lens) -> None:
    a = document("A", [clause("OP8", "Condemns all attacks against civilians;")])
    b = document(
        "B", [clause("PP7", "Condemning all attacks against civilians,", kind="preambular")]
    )
    changes = run(a, b, [pair(["OP8"], ["PP7"], kind_change=("operative", "preambular"))], lens)
    kinds = {c.kind: c for c in changes}
    assert kinds["kind-change"].direction == "weaker"
    assert (
        kinds["kind-change"].summary
        == "OP8 -> PP7: demoted from the operative part to the preamble"
    )
    assert kinds["verb-strength"].direction == "weaker"


def test_kind_change_read_from_openers_when_parser_gives_other(lens: Lens) -> None:
    a = document("A", [clause("P1", "Condemns all attacks against civilians;", kind="other")])
    b = document("B", [clause("P1", "Condemning all attacks against civilians,", kind="other")])
    changes = run(a, b, [pair(["P1"], ["P1"])], lens)
    kind = next(c for c in changes if c.kind == "kind-change")
    assert (kind.from_, kind.to, kind.direction) == ("operative", "preambular", "weaker")


def test_document_level_topic_and_actor_and_clause_changes(lens: Lens) -> None:
    a = document(
        "A",
        [
            clause("OP1", "Demands a ceasefire;"),
            clause("OP2", "Condemns the terrorist attacks carried out by Hamas;"),
        ],
    )
    b = document(
        "B",
        [
            clause("OP1", "Demands a ceasefire;"),
            clause("OP2", "Requests monitoring within 15 days;"),
        ],
    )
    pairs = [pair(["OP1"], ["OP1"], "unchanged"), pair(["OP2"], []), pair([], ["OP2"])]
    changes = run(a, b, pairs, lens)
    by_kind = {c.kind: c for c in changes}
    assert by_kind["topic-removed"].topic == "terrorism"
    assert by_kind["topic-removed"].summary == (
        "Terrorism is no longer mentioned anywhere in b.txt (was in OP2)"
    )
    assert by_kind["topic-added"].topic == "monitoring-reporting"
    assert (
        by_kind["actor-removed"].summary
        == "Hamas is no longer named anywhere in b.txt (was in OP2)"
    )
    assert by_kind["clause-removed"].summary.startswith("OP2 removed: 'Condemns the terrorist")
    assert by_kind["clause-added"].summary == "new OP2: 'Requests monitoring within 15 days;'"
    assert not [c for c in changes if c.a == ("OP1",)]


def test_numbers_and_references(lens: Lens) -> None:
    a = document(
        "A", [clause("OP4", "Requests a report within 30 days under resolution 2720 (2023);")]
    )
    b = document(
        "B", [clause("OP6", "Requests a report within 15 days under resolution 2728 (2024);")]
    )
    changes = run(a, b, [pair(["OP4"], ["OP6"])], lens)
    got = {(c.kind, c.from_, c.to) for c in changes}
    assert ("number-changed", "within 30 days", "within 15 days") in got
    assert ("reference-removed", "resolution 2720 (2023)", None) in got
    assert ("reference-added", None, "resolution 2728 (2024)") in got


def test_split_compares_the_union(lens: Lens) -> None:
    a = document(
        "A",
        [
            clause(
                "OP2",
                "Demands that all parties protect civilians, and stresses the need to protect "
                "humanitarian personnel;",
            )
        ],
    )
    b = document(
        "B",
        [
            clause("OP2", "Demands that all parties protect civilians;"),
            clause("OP3", "Stresses the need to protect humanitarian personnel;"),
        ],
    )
    changes = run(a, b, [pair(["OP2"], ["OP2", "OP3"], "split")], lens)
    # Same verb at the head, same topics and actors on both sides: nothing in substance.
    assert changes == ()


def test_order_is_deterministic_and_ties_follow_clause_order(lens: Lens) -> None:
    a = document(
        "A",
        [
            clause("OP1", "Calls upon all parties to allow humanitarian access;"),
            clause("OP2", "Calls upon all parties to allow humanitarian assistance;"),
        ],
    )
    b = document(
        "B",
        [
            clause("OP1", "Demands that all parties allow humanitarian access;"),
            clause("OP2", "Demands that all parties allow humanitarian assistance;"),
        ],
    )
    pairs = [pair(["OP1"], ["OP1"]), pair(["OP2"], ["OP2"])]
    first = run(a, b, pairs, lens)
    assert first == run(a, b, pairs, lens)
    assert [c.a for c in first] == [("OP1",), ("OP2",)]


def test_linked_in_one_draft_separate_in_the_other(lens: Lens) -> None:
    a = document(
        "A", [clause("OP1", "Supports a ceasefire in connection with the release of hostages;")]
    )
    b = document(
        "B",
        [clause("OP1", "Demands a ceasefire;"), clause("OP2", "Demands the release of hostages;")],
    )
    forward = run(a, b, [pair(["OP1"], ["OP1"]), pair([], ["OP2"], "added")], lens)
    assert (forward[0].kind, forward[0].from_, forward[0].to) == ("linkage", "conditional", None)
    assert forward[0].summary == (
        "OP1: the ceasefire is no longer conditional on hostage release "
        "('in connection with' dropped; hostage release is now separate, in OP2)"
    )
    backward = run(b, a, [pair(["OP1"], ["OP1"]), pair(["OP2"], [], "removed")], lens)
    assert backward[0].summary == (
        "OP1: the ceasefire is now conditional on hostage release "
        "('in connection with'; hostage release was separate, in OP2)"
    )


def test_every_change_kind_has_a_detector() -> None:
    from typing import get_args

    from resdiff.model import HEADER_CHANGE_KINDS, ChangeKind
    from resdiff.signals.detectors import DOCUMENT, HEADER, PAIRED, UNPAIRED

    assert set(PAIRED) | set(UNPAIRED) | set(DOCUMENT) | set(HEADER) == set(get_args(ChangeKind))
    assert tuple(HEADER) == HEADER_CHANGE_KINDS
