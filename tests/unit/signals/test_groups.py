"""Key differences grouped by clause pair: one entry per pair, related entries merged."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from resdiff.model import Change, ChangeKind, PairwiseComparison
from resdiff.pipeline import compare, load_all
from resdiff.signals.groups import group_changes
from tests.golden.cases import DEMO, ROOT


@cache
def _demo() -> PairwiseComparison:
    docs = load_all([str(ROOT / p) for p in DEMO])
    return compare(*docs).comparisons[0]


def _change(kind: ChangeKind, a: tuple[str, ...], b: tuple[str, ...], weight: float) -> Change:
    return Change(kind, None, None, a, b, None, None, None, weight, f"{kind} {a} {b}")


def test_seed_pair_has_one_entry_per_clause_pair_leading_with_the_linkage() -> None:
    pc = _demo()
    groups = group_changes(pc.changes)
    keys = [(g.a, g.b) for g in groups]
    assert len(keys) == len(set(keys))
    assert len(groups) <= 13 < len(pc.changes)
    first = groups[0]
    assert (first.a, first.b) == (("OP1",), ("OP1",))
    assert first.lead.kind == "linkage" and "no longer conditional" in first.lead.summary
    # The topic newly mentioned in B's OP1 is a facet of OP1, not an entry of its own.
    assert any(ch.kind == "topic-added" for ch in first.changes)


def test_a_demotion_leads_the_verb_change_it_brings() -> None:
    (group,) = [g for g in group_changes(_demo().changes) if g.b == ("PP7",)]
    assert [ch.kind for ch in group.changes] == ["kind-change", "verb-strength"]
    assert group.lead.direction == "weaker"


def test_a_removed_clause_leads_the_actor_it_took_with_it() -> None:
    (group,) = [g for g in group_changes(_demo().changes) if g.a == ("PP10",) and not g.b]
    assert [ch.kind for ch in group.changes] == ["clause-removed", "actor-removed"]


def test_the_headers_changes_are_one_entry_saying_how_many_sponsors() -> None:
    from resdiff.present import keydiffs

    (group,) = [g for g in group_changes(_demo().changes) if g.a == ("header",)]
    assert len(group.changes) == 13  # 10 sponsors joined, 1 left, symbol, date
    assert keydiffs.kind(group).id == "header"
    assert keydiffs.title(group) == "10 sponsors added, 1 removed; symbol and date changed"
    facets = keydiffs.facets(group)
    assert facets[0].startswith("sponsors added: Algeria, Ecuador, ")
    assert facets[1] == "no longer sponsors: United States of America"
    assert len(facets) == 4
    assert keydiffs.headline(group, facets).startswith("Header: 10 sponsors added")


def test_the_header_title_counts_one_sponsor_in_the_singular() -> None:
    from resdiff.model import ChangeGroup
    from resdiff.present import keydiffs

    gone = _change("sponsor-removed", ("header",), ("header",), 1.0)
    date = _change("date-changed", ("header",), ("header",), 0.5)
    group = ChangeGroup(("header",), ("header",), (gone, date), (0, 1))
    assert keydiffs.title(group) == "1 sponsor removed; date changed"
    alone = ChangeGroup(("header",), ("header",), (gone,), (0,))
    assert keydiffs.title(alone) == gone.summary and keydiffs.facets(alone) == ()


def test_a_change_over_several_pairs_stays_on_its_own() -> None:
    changes = [
        _change("clause-removed", ("OP7",), (), 5.0),
        _change("actor-removed", ("PP10", "OP7"), (), 4.0),
        _change("clause-removed", ("PP10",), (), 3.0),
    ]
    groups = group_changes(changes)
    assert [g.positions for g in groups] == [(0,), (1,), (2,)]


def test_a_linkage_keeps_the_lead_over_a_demotion() -> None:
    changes = [
        _change("linkage", ("OP3",), ("PP5",), 9.0),
        _change("verb-strength", ("OP3",), ("PP5",), 5.0),
        _change("kind-change", ("OP3",), ("PP5",), 4.0),
    ]
    (group,) = group_changes(changes)
    assert group.positions == (0, 1, 2)


_IDS = st.sampled_from(["PP1", "PP2", "OP1", "OP2", "OP3(a)"])
_SIDES = st.lists(_IDS, max_size=2, unique=True).map(tuple)
_KINDS = st.sampled_from(
    (
        "linkage",
        "verb-strength",
        "kind-change",
        "qualifier-added",
        "topic-added",
        "actor-removed",
        "clause-added",
        "clause-removed",
    )
)


@given(st.lists(st.tuples(_KINDS, _SIDES, _SIDES), max_size=30))
def test_every_change_is_in_exactly_one_group_in_rank_order(
    specs: list[tuple[ChangeKind, tuple[str, ...], tuple[str, ...]]],
) -> None:
    changes = [_change(k, a, b, 100.0 - i) for i, (k, a, b) in enumerate(specs)]
    groups = group_changes(changes)
    seen = sorted(p for g in groups for p in g.positions)
    assert seen == list(range(len(changes)))
    firsts = [min(g.positions) for g in groups]
    assert firsts == sorted(firsts)
    assert all(g.changes == tuple(changes[p] for p in g.positions) for g in groups)
    assert group_changes(changes) == groups
