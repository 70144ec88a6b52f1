"""The one rewrite rule and the before/after view every face uses for it."""

from __future__ import annotations

from resdiff.align.params import AlignParams
from resdiff.align.rewrite import is_rewritten
from resdiff.diff import diff_texts
from resdiff.model import ClausePair
from resdiff.present.segments import Segment, before_after


def _pair(a: str, b: str, *, ids_a: tuple[str, ...] = ("OP1",)) -> ClausePair:
    runs = diff_texts(a, b)
    kept = sum(len(r.text) for r in runs if r.op == "=")
    similarity = kept / max(len(a), len(b), 1)
    return ClausePair(ids_a, ("OP1",) if b else (), "modified", False, similarity, runs)


def test_a_light_edit_is_not_a_rewrite() -> None:
    pair = _pair("Demands an immediate ceasefire;", "Demands an immediate and lasting ceasefire;")
    assert not is_rewritten(pair)


def test_a_new_text_under_an_old_number_is_a_rewrite() -> None:
    pair = _pair(
        "Determines the imperative of an immediate and sustained ceasefire;",
        "Requests the Secretary-General to report to the Council within thirty days;",
    )
    assert is_rewritten(pair)
    assert not is_rewritten(pair, AlignParams(rewrite_below=0.0))


def test_one_sided_pairs_are_never_rewrites() -> None:
    added = ClausePair(
        (), ("OP2",), "added", False, 0.0, diff_texts("", "Decides to remain seized;")
    )
    assert not is_rewritten(added)


def test_before_after_shows_each_whole_side_once() -> None:
    a, b = "Calls upon all parties to comply;", "Demands that Israel comply at once;"
    old, new = before_after(_pair(a, b))
    assert old == (Segment("-", a),)
    assert new == (Segment("+", b),)
