"""Alignment against hand-labelled UN-style pairs the code was not tuned on.

Each fixture in tests/fixtures/align/ carries my labels of which clause became which.
A clause counts as correctly paired when the pair holding it has exactly the labelled
clauses on both sides (so a split found as modified + added is wrong for all three).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from resdiff.align import DEFAULT, align
from resdiff.model import ClausePair
from tests.align_fixtures import Label, LabelledPair, labelled_pairs

PAIRS = labelled_pairs()


def correctly_paired(pairs: tuple[ClausePair, ...], labels: tuple[Label, ...]) -> tuple[int, int]:
    got = {(p.a, p.b) for p in pairs}
    total = sum(len(a) + len(b) for a, b in labels)
    right = sum(len(a) + len(b) for a, b in labels if (a, b) in got)
    return right, total


def test_fixtures_are_big_enough_and_labels_cover_every_clause() -> None:
    assert len(PAIRS) >= 4
    for lp in PAIRS:
        assert len(lp.a.clauses) >= 15 and len(lp.b.clauses) >= 15, lp.name
        labelled_a = sorted(x for a, _ in lp.labels for x in a)
        labelled_b = sorted(x for _, b in lp.labels for x in b)
        assert labelled_a == sorted(c.id for c in lp.a.clauses), lp.name
        assert labelled_b == sorted(c.id for c in lp.b.clauses), lp.name


@pytest.mark.parametrize("all_pairs_limit", [DEFAULT.all_pairs_limit, 0])
def test_at_least_95_percent_of_clauses_paired_as_labelled(all_pairs_limit: int) -> None:
    """Also with candidate generation forced on (limit 0), as on long documents."""
    params = replace(DEFAULT, all_pairs_limit=all_pairs_limit)
    right = total = 0
    for lp in PAIRS:
        r, t = correctly_paired(align(lp.a, lp.b, params=params), lp.labels)
        assert r / t >= 0.9, f"{lp.name}: {r}/{t}"
        right, total = right + r, total + t
    assert right / total >= 0.95, f"{right}/{total}"


def _pair(lp: LabelledPair, a: tuple[str, ...], b: tuple[str, ...]) -> ClausePair:
    for p in align(lp.a, lp.b):
        if p.a == a and p.b == b:
            return p
    raise AssertionError(f"{lp.name}: no pair {a} -> {b}")


def _by_name(stem: str) -> LabelledPair:
    return next(lp for lp in PAIRS if lp.name.startswith(stem))


def test_demotion_records_the_kind_change_and_the_verb_edit() -> None:
    p = _pair(_by_name("02"), ("OP3",), ("PP6",))
    assert p.kind_change == ("operative", "preambular")
    assert p.status == "modified" and p.moved
    assert p.text_a().startswith("Condemns attacks") and p.text_b().startswith("Condemning")
    assert any(r.op == "-" and "Condemns" in r.text for r in p.diff)


def test_promotion_split_and_merge_statuses() -> None:
    lp = _by_name("04")
    assert _pair(lp, ("PP4",), ("OP2",)).kind_change == ("preambular", "operative")
    split = _pair(lp, ("PP3",), ("PP3", "PP4"))
    assert split.status == "split"
    assert split.text_b() == "\n".join(lp.b.clause(x).text for x in ("PP3", "PP4"))
    merged = _pair(lp, ("OP3", "OP4"), ("OP4",))
    assert merged.status == "merged"
    assert merged.text_a() == "\n".join(lp.a.clause(x).text for x in ("OP3", "OP4"))


def test_renumbered_but_identical_paragraphs_are_unchanged_and_not_moved() -> None:
    lp = _by_name("02")
    p = _pair(lp, ("OP4",), ("OP3",))
    assert (p.status, p.moved, p.similarity) == ("unchanged", False, 1.0)
    assert not p.changed


def test_sub_paragraphs_align_within_their_parent() -> None:
    p = _pair(_by_name("03"), ("OP2",), ("OP2",))
    kids = {(c.a, c.b): c for c in p.children}
    assert set(kids) == {
        (("OP2(a)",), ("OP2(a)",)),
        (("OP2(b)",), ("OP2(c)",)),
        (("OP2(c)",), ("OP2(b)",)),
        ((), ("OP2(d)",)),
    }
    assert kids[("OP2(c)",), ("OP2(b)",)].status == "modified"
    assert kids[(), ("OP2(d)",)].status == "added"
    assert sum(c.moved for c in p.children) == 1
    assert p.status == "unchanged" and p.changed
