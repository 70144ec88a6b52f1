"""The seed pair modelled on March 2024, compared end to end: the top change is the
ceasefire-hostages linkage on OP1 (conditional -> parallel), then that clause's verb.

tests/unit/signals/test_changes.py checks the same on the OP1 texts alone.
"""

from __future__ import annotations

from resdiff import compare, load
from resdiff.seeds import demo_paths


def test_seed_pair_ranks_linkage_then_verb() -> None:
    path_a, path_b = demo_paths()
    a, b = load(path_a), load(path_b)
    assert a.parse.structure == b.parse.structure == "un"
    changes = compare(a, b).comparisons[0].changes
    top, second = changes[0], changes[1]
    assert (top.kind, top.topic, top.related) == ("linkage", "ceasefire", "hostages")
    assert (top.a, top.b, top.from_, top.to) == (("OP1",), ("OP1",), "conditional", "parallel")
    assert (second.kind, second.a, second.direction) == ("verb-strength", ("OP1",), "stronger")
    on_op1 = {(c.kind, c.from_ or c.to) for c in changes if c.a == ("OP1",)}
    assert ("qualifier-removed", "sustained") in on_op1
    assert ("qualifier-added", "lasting") in on_op1
    assert ("qualifier-added", "unconditional") in on_op1
