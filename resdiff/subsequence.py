"""Sequence helpers shared by alignment and the tracked-changes plan."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def increasing_subsequence(values: Sequence[int]) -> list[int]:
    """Positions of one longest strictly increasing subsequence of ``values``.

    Patience sorting, O(n log n). Items off this subsequence are the ones that moved:
    deciding "moved" this way keeps one moved paragraph from marking its neighbours.
    """
    tails: list[int] = []  # tails[k]: value ending the best run of length k+1
    tails_at: list[int] = []  # position of that value
    back = [-1] * len(values)
    for pos, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_at.append(pos)
        else:
            tails[k] = v
            tails_at[k] = pos
        back[pos] = tails_at[k - 1] if k > 0 else -1
    out: list[int] = []
    pos = tails_at[-1] if tails_at else -1
    while pos != -1:
        out.append(pos)
        pos = back[pos]
    out.reverse()
    return out
