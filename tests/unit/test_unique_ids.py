"""Clause ids asked for twice get the first free ``-k`` suffix; the builder remembers where
each base's search stopped (issue 16: 24,000 paragraphs numbered 1-999), which must give
the ids the plain search from 2 gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.parse.lexicon import load_lexicon
from resdiff.parse.structure import _TreeBuilder

# Bases that collide with each other's suffixed ids ("OP1-2" asked for as a base too).
_BASES = st.sampled_from(["OP1", "OP1-2", "OP1-3", "OP2", "OP1-2-2", "PP1", "1", "1-2"])


def _plain(requests: list[str]) -> list[str]:
    ids: set[str] = set()
    out = []
    for base in requests:
        new = base
        k = 2
        while new in ids:
            new = f"{base}-{k}"
            k += 1
        ids.add(new)
        out.append(new)
    return out


@settings(max_examples=300)
@given(st.lists(_BASES, max_size=60))
def test_same_ids_as_the_plain_search(requests: list[str]) -> None:
    builder = _TreeBuilder("", "un", load_lexicon())
    assert [builder._unique(base) for base in requests] == _plain(requests)


def test_many_repeats_are_numbered_in_order() -> None:
    builder = _TreeBuilder("", "un", load_lexicon())
    assert [builder._unique("OP7") for _ in range(5)] == ["OP7", *(f"OP7-{k}" for k in range(2, 6))]
