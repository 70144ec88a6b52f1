"""Invariants of ranked changes on generated drafts: a draft compared with itself has no
changes; swapping the drafts mirrors every direction and from/to; order is by weight."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.model import Change, ClauseKind, ClausePair, Document
from resdiff.pipeline import SignalsMemo, document_signals
from resdiff.signals.changes import find_changes
from resdiff.signals.extract import clause_signals
from resdiff.signals.lens import Lens
from tests.unit.signals.conftest import clause, document

OPENERS = ["Demands", "Calls upon all parties to", "Encourages", "Condemns", "Notes", "Urges"]
PIECES = [
    "an immediate ceasefire",
    "a lasting ceasefire",
    "the release of all hostages",
    "the unconditional release of hostages",
    "in connection with",
    "and also demands",
    "leading to",
    "humanitarian access",
    "Hamas",
    "the Secretary-General",
    "within 30 days",
    "resolution 2720 (2023)",
    "and",
    "civilians",
]

texts = st.tuples(
    st.sampled_from(OPENERS), st.lists(st.sampled_from(PIECES), min_size=1, max_size=8)
).map(lambda t: " ".join([t[0], *t[1]]) + ";")
drafts = st.lists(texts, min_size=1, max_size=5)


def _doc(doc_id: str, paragraphs: list[str]) -> Document:
    return document(doc_id, [clause(f"OP{i + 1}", t) for i, t in enumerate(paragraphs)])


def _changes(a: Document, b: Document, lens: Lens) -> tuple[Change, ...]:
    pairs = [
        ClausePair((x.id,), (y.id,), "modified", False, 0.5, ())
        for x, y in zip(a.clauses, b.clauses, strict=False)
    ]
    pairs += [
        ClausePair((x.id,), (), "removed", False, 0.0, ()) for x in a.clauses[len(b.clauses) :]
    ]
    pairs += [ClausePair((), (y.id,), "added", False, 0.0, ()) for y in b.clauses[len(a.clauses) :]]
    sa = {c.id: clause_signals(c, lens) for c in a.walk()}
    sb = {c.id: clause_signals(c, lens) for c in b.walk()}
    return find_changes(a, b, pairs, sa, sb, lens)


@settings(max_examples=40, deadline=None)
@given(drafts)
def test_a_draft_against_itself_has_no_changes(lens: Lens, paragraphs: list[str]) -> None:
    doc = _doc("A", paragraphs)
    assert _changes(doc, doc, lens) == ()


MIRROR = {
    "stronger": "weaker",
    "weaker": "stronger",
    "qualifier-added": "qualifier-removed",
    "qualifier-removed": "qualifier-added",
    "actor-added": "actor-removed",
    "actor-removed": "actor-added",
    "reference-added": "reference-removed",
    "reference-removed": "reference-added",
    "topic-added": "topic-removed",
    "topic-removed": "topic-added",
}


@settings(max_examples=40, deadline=None)
@given(drafts, drafts)
def test_swapping_drafts_mirrors_changes(lens: Lens, pa: list[str], pb: list[str]) -> None:
    pb = pb[: len(pa)]
    pa = pa[: len(pb)]
    a, b = _doc("A", pa), _doc("B", pb)
    forward, backward = _changes(a, b, lens), _changes(b, a, lens)
    assert [c.weight for c in forward] == sorted((c.weight for c in forward), reverse=True)

    def key(c: Change, mirror: bool) -> tuple[object, ...]:
        kind = MIRROR.get(c.kind, c.kind) if mirror else c.kind
        direction = MIRROR.get(c.direction or "", c.direction) if mirror else c.direction
        ends = (c.to, c.from_) if mirror else (c.from_, c.to)
        return (kind, c.a if not mirror else c.b, direction, *ends)

    def pair_level(cs: tuple[Change, ...]) -> list[Change]:
        return [
            c
            for c in cs
            if c.kind
            in (
                "verb-strength",
                "kind-change",
                "linkage",
                "number-changed",
                "qualifier-added",
                "qualifier-removed",
            )
        ]

    assert sorted(map(str, (key(c, False) for c in pair_level(forward)))) == sorted(
        map(str, (key(c, True) for c in pair_level(backward)))
    )


KINDS: st.SearchStrategy[ClauseKind] = st.sampled_from(["operative", "preambular", "other"])
Row = tuple[str, str, ClauseKind, ClauseKind, bool]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, texts, KINDS, KINDS, st.booleans()), min_size=1, max_size=6))
def test_pairs_read_alike_are_skipped_without_changing_the_answer(
    lens: Lens, rows: list[Row]
) -> None:
    """Pairs whose clauses share one reading are not asked (``changes._read_alike``); the
    changes are those found when every pair is asked (signals read separately, so no
    two are the same object). Half the pairs of two kinds are marked demoted."""
    a_clauses, b_clauses, pairs = [], [], []
    for i, (ta, tb, ka, kb, same) in enumerate(rows):
        cid = f"OP{i + 1}"
        a_clauses.append(clause(cid, ta, kind=ka))
        b_clauses.append(clause(cid, ta if same else tb, kind=kb))
        kind_change = (ka, kb) if ka != kb and i % 2 else None
        pairs.append(ClausePair((cid,), (cid,), "modified", False, 0.5, (), (), kind_change))
    a, b = document("A", a_clauses), document("B", b_clauses)
    memo: SignalsMemo = {}
    shared = (document_signals(a, lens, memo), document_signals(b, lens, memo))
    apart = (document_signals(a, lens), document_signals(b, lens))
    if any(same for *_, same in rows):
        assert any(shared[0][c.id] is shared[1][c.id] for c in a_clauses)
    assert find_changes(a, b, pairs, *shared, lens) == find_changes(a, b, pairs, *apart, lens)
