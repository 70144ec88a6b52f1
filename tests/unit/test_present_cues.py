"""Cue phrases marked in a pair's texts: found where the lens read them, and marking them
never changes what either text says."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from resdiff.model import ClausePair, Comparison, Run
from resdiff.pipeline import compare, load_all
from resdiff.present.cues import pair_cues
from resdiff.present.segments import (
    CueSpan,
    before_after,
    clause_texts,
    inline_segments,
    side_segments,
    split_at_cues,
)
from tests.golden.cases import DEMO, ROOT


@cache
def _demo() -> Comparison:
    return compare(*load_all([str(ROOT / p) for p in DEMO]))


def test_the_linkage_and_verb_cues_of_the_seed_op1_are_found_in_both_texts() -> None:
    comparison = _demo()
    pc = comparison.comparisons[0]
    pair = next(p for p in pc.pairs if p.a == ("OP1",))
    changes = [(c, c.kind) for c in pc.changes if (c.a, c.b) == (("OP1",), ("OP1",))]
    a, b = comparison.documents
    cues = pair_cues(
        pair,
        changes,
        (comparison.signals["A"], comparison.signals["B"]),
        (clause_texts(a), clause_texts(b)),
    )
    text = {"a": pair.text_a(), "b": pair.text_b()}
    found = {(c.side, text[c.side][c.start : c.end], c.note) for c in cues}
    assert ("a", "in connection with", "linkage") in found
    assert ("a", "Determines the imperative of", "verb-strength") in found
    assert {("b", "also demands", "linkage"), ("b", "immediate and unconditional", "linkage")} <= (
        found
    )
    assert ("b", "Demands", "verb-strength") in found


_OPS = st.sampled_from(["=", "-", "+"])
_TEXTS = st.text(alphabet="ab \n", min_size=1, max_size=6)
_RUNS = st.lists(st.tuples(_OPS, _TEXTS, st.booleans()), min_size=1, max_size=8)


@given(_RUNS, st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 30), st.integers(0, 8))))
def test_marking_cues_keeps_both_texts(
    specs: list[tuple[str, str, bool]], raw: list[tuple[str, int, int]]
) -> None:
    runs = tuple(Run(op, text, minor and op != "=") for op, text, minor in specs)  # type: ignore[arg-type]
    pair = ClausePair(("X",), ("Y",), "modified", False, 0.5, runs)
    cues = [CueSpan(side, s, s + n, f"n{k}") for k, (side, s, n) in enumerate(raw)]  # type: ignore[arg-type]
    pieces, notes = split_at_cues(runs, cues)
    assert "".join(r.text for r in pieces) == "".join(r.text for r in runs)
    assert len(pieces) == len(notes)

    def sides(segs: tuple[object, ...]) -> tuple[str, str]:
        """Both texts' words (tidying may move whitespace at the edge of a change)."""
        a = "".join(s.text for s in segs if s.op != "+")  # type: ignore[attr-defined]
        b = "".join(s.text for s in segs if s.op != "-")  # type: ignore[attr-defined]
        return " ".join(a.split()), " ".join(b.split())

    assert sides(inline_segments(pair, pieces, notes)) == sides(inline_segments(pair))
    for side in ("a", "b"):
        plain = side_segments(pair, side)  # type: ignore[arg-type]
        marked = side_segments(pair, side, pieces, notes)  # type: ignore[arg-type]
        assert "".join(s.text for s in marked) == "".join(s.text for s in plain)
    old, new = before_after(pair, pieces, notes)
    assert "".join(s.text for s in old) == pair.text_a()
    assert "".join(s.text for s in new) == pair.text_b()
    # a piece is marked exactly where a cue of one of its sides covers it
    pos = {"a": 0, "b": 0}
    for piece, note in zip(pieces, notes, strict=True):
        mine = [x for x in "ab" if piece.op != ("+" if x == "a" else "-")]
        covering = [
            c
            for c in cues
            if c.side in mine and c.start <= pos[c.side] < pos[c.side] + len(piece.text) <= c.end
        ]
        assert bool(note) == bool(covering)
        if note:
            assert cues[int(note[1:])] in covering
        for x in mine:
            pos[x] += len(piece.text)
