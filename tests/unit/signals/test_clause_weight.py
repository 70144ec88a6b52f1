"""How a whole paragraph added or removed is weighed (``[ranking.clause]``), and how a
copy cut short discounts what it may merely lack (``[ranking] partial_factor``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import align
from resdiff.ingest import SourceText
from resdiff.model import Change, ClauseKind, ClausePair, Document
from resdiff.parse.structure import parse_source
from resdiff.signals.changes import find_changes
from resdiff.signals.extract import clause_signals
from resdiff.signals.lens import ClauseWeights, Lens
from tests.unit.signals.conftest import clause, document

OPENERS = ["Demands", "Notes", "Decides", "Encourages", "Condemns", "Recalling", "Deploring"]
PIECES = [
    "an immediate ceasefire",
    "the release of all hostages",
    "in exchange for",
    "humanitarian access",
    "the forced displacement of civilians",
    "Hamas",
    "the Secretary-General",
    "resolution 2720 (2023)",
    "international humanitarian law",
    "and",
    "the matter",
]
paragraphs = st.tuples(
    st.sampled_from(OPENERS), st.lists(st.sampled_from(PIECES), min_size=1, max_size=7)
).map(lambda t: " ".join([t[0], *t[1]]) + ";")


def _kind(text: str) -> ClauseKind:
    return "preambular" if text.split()[0].endswith("ing") else "operative"


def _added(text: str, lens: Lens) -> Change:
    """The change a paragraph makes when it is new (B has it, A not)."""
    a = document("A", [clause("OP1", "Decides to remain seized of the matter.")])
    kind = _kind(text)
    new = clause("PP1" if kind == "preambular" else "OP2", text, kind=kind)
    b = document("B", [*a.clauses, new])
    pairs = [ClausePair(("OP1",), ("OP1",), "unchanged", False, 1.0, ())]
    pairs.append(ClausePair((), (new.id,), "added", False, 0.0, ()))
    changes = _changes(a, b, pairs, lens)
    return next(c for c in changes if c.kind == "clause-added")


def _changes(
    a: Document, b: Document, pairs: Sequence[ClausePair], lens: Lens
) -> tuple[Change, ...]:
    sa = {c.id: clause_signals(c, lens) for c in a.walk()}
    sb = {c.id: clause_signals(c, lens) for c in b.walk()}
    return find_changes(a, b, pairs, sa, sb, lens)


def _old_weight(text: str, lens: Lens) -> float:
    """The rule before ``[ranking.clause]``: kind weight times the weightiest topic."""
    signals = clause_signals(clause("X", text), lens)
    topics = [lens.topic_weight(t) for t in signals.topic_ids]
    return lens.kind_weights["clause-added"] * (max(topics) if topics else 0.3)


@settings(max_examples=60, deadline=None)
@given(paragraphs)
def test_without_clause_weights_a_paragraph_weighs_its_weightiest_topic(
    lens: Lens, text: str
) -> None:
    """The old rule is the new one with ``[ranking.clause]`` left out."""
    bare = replace(lens, clause_weights=ClauseWeights())
    assert _added(text, bare).weight == round(_old_weight(text, bare), 4)


@settings(max_examples=60, deadline=None)
@given(paragraphs)
def test_a_paragraph_weighs_at_least_its_weightiest_topic_and_at_most_the_cap(
    lens: Lens, text: str
) -> None:
    """What else a paragraph says only adds to its weightiest topic, up to the cap (and
    the strongest operative verb's share above it)."""
    w = lens.clause_weights
    weight = _added(text, lens).weight
    assert weight >= round(_old_weight(text, lens), 4)
    assert weight <= round(lens.kind_weights["clause-added"] * w.cap * w.operative, 4)


def test_a_paragraph_saying_more_outranks_one_naming_a_topic(lens: Lens) -> None:
    plain = _added("Recalling the ceasefire;", lens)
    full = _added(
        "Deploring the shelling of hospitals and the forced displacement of civilians, and "
        "stressing that the taking of hostages is prohibited under international law;",
        lens,
    )
    assert full.weight > plain.weight


def test_a_strong_operative_verb_outweighs_a_weak_one(lens: Lens) -> None:
    demands = _added("Demands humanitarian access;", lens)
    notes = _added("Notes humanitarian access;", lens)
    recalling = _added("Recalling humanitarian access;", lens)
    assert demands.weight > notes.weight > recalling.weight


def _cut_pair() -> tuple[Document, Document, list[ClausePair]]:
    """B stops after OP1 (it ends with ';'): A's OP2 and OP3 lie beyond its end; A's
    PP2 does not (a copy with an operative part has its whole preamble)."""
    a = document(
        "A",
        [
            clause("PP1", "Recalling its resolutions,", kind="preambular"),
            clause("PP2", "Condemning the taking of hostages,", kind="preambular"),
            clause("OP1", "Calls for a ceasefire;"),
            clause("OP2", "Stresses that a ceasefire shall follow the release of hostages;"),
            clause("OP3", "Requests humanitarian access;"),
        ],
    )
    b = document(
        "B",
        [
            clause("PP1", "Recalling its resolutions,", kind="preambular"),
            clause("OP1", "Demands a ceasefire;"),
        ],
    )
    pairs = [
        ClausePair(("PP1",), ("PP1",), "unchanged", False, 1.0, ()),
        ClausePair(("PP2",), (), "removed", False, 0.0, ()),
        ClausePair(("OP1",), ("OP1",), "modified", False, 0.5, ()),
        ClausePair(("OP2",), (), "removed", False, 0.0, ()),
        ClausePair(("OP3",), (), "removed", False, 0.0, ()),
    ]
    return a, b, pairs


def test_what_a_cut_copy_may_lack_counts_partial_factor(lens: Lens) -> None:
    a, b, pairs = _cut_pair()
    whole = replace(lens, partial_factor=1.0)
    cut = {(c.kind, c.a, c.topic): c.weight for c in _changes(a, b, pairs, lens)}
    full = {(c.kind, c.a, c.topic): c.weight for c in _changes(a, b, pairs, whole)}
    assert cut.keys() == full.keys()
    assert any(cut[key] < full[key] for key in full)
    for key, weight in full.items():
        beyond = set(key[1]) <= {"OP2", "OP3"} and bool(key[1])
        expected = round(weight * lens.partial_factor, 4) if beyond else weight
        assert cut[key] == expected, key
    assert ("clause-removed", ("PP2",), "hostages") in cut  # the preamble: not discounted
    assert (
        cut[("clause-removed", ("PP2",), "hostages")]
        == full[("clause-removed", ("PP2",), "hostages")]
    )


def test_a_complete_copy_discounts_nothing(lens: Lens) -> None:
    a, b, pairs = _cut_pair()
    b = replace(b, clauses=(*b.clauses[:1], clause("OP1", "Demands a ceasefire.")))
    whole = replace(lens, partial_factor=1.0)
    assert _changes(a, b, pairs, lens) == _changes(a, b, pairs, whole)


def test_a_copy_cut_inside_a_list_discounts_the_rest_of_the_list(lens: Lens) -> None:
    """B stops inside OP1(b): A's OP1(c) and OP2 lie beyond its end; OP1(a), which both
    copies show, does not."""
    head = "The Security Council,\n\nRecalling its resolution 4012 (2031),\n\n"
    a = _parsed(
        "A",
        head + "1. Requests the Mission to:\n\n(a) report on Tarnholm within 90 days;\n\n"
        "(b) monitor the ceasefire along the river;\n\n"
        "(c) release all hostages held in Tarnholm;\n\n2. Decides to remain seized.\n",
    )
    b = _parsed(
        "B",
        head + "1. Requests the Mission to:\n\n(a) report on Tarnholm within 120 days;\n\n"
        "(b) monitor the ceasefire along the ri\n",
    )
    pairs = align(a, b)
    whole = replace(lens, partial_factor=1.0)
    cut = {(c.kind, c.a, c.topic): c.weight for c in _changes(a, b, pairs, lens)}
    full = {(c.kind, c.a, c.topic): c.weight for c in _changes(a, b, pairs, whole)}
    removed = {key for key in full if key[0] == "clause-removed"}
    assert {key[1] for key in removed} == {("OP1(c)",), ("OP2",)}
    for key in removed:
        assert cut[key] == round(full[key] * lens.partial_factor, 4), key
    shown = [key for key in full if key[1] == ("OP1(a)",)]
    assert shown
    assert all(cut[key] == full[key] for key in shown)


def _parsed(doc_id: str, text: str) -> Document:
    return parse_source(SourceText(f"{doc_id}.txt", "txt", text), doc_id)


def test_a_paragraph_with_no_word_adds_nothing(lens: Lens) -> None:
    """A page's "[^]" link read as a paragraph of its own is no paragraph added."""
    a = document("A", [clause("OP1", "Decides to remain seized of the matter.")])
    b = document("B", [*a.clauses, clause("X1", "[^]", kind="other")])
    pairs = [
        ClausePair(("OP1",), ("OP1",), "unchanged", False, 1.0, ()),
        ClausePair((), ("X1",), "added", False, 0.0, ()),
    ]
    assert _changes(a, b, pairs, lens) == ()
    b = document("B", [*a.clauses, clause("X1", "[1]", kind="other")])
    assert [c.kind for c in _changes(a, b, pairs, lens)] == ["clause-added"]
