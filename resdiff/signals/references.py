"""References (resolutions, document symbols, the Charter, the ICJ, bodies of law) and
numbers and deadlines ("within 30 days", "by 31 March 2024"), read by the lens's patterns."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from resdiff.signals.lens import Lens

#: One item of a list a ``{*}`` label expands: a number, with or without its year.
_LIST_ITEM = re.compile(r"\d+(?: \(\d{4}\))?")
#: A trailing year in a label ("resolution 2712 (2023)").
_YEAR = re.compile(r" \(\d{4}\)$")


def same_reference(label: str) -> str:
    """What two labels share when they name one reference: "resolution 2712" and
    "resolution 2712 (2023)" are the same resolution."""
    return _YEAR.sub("", label)


def fill(template: str, m: re.Match[str]) -> str:
    """A pattern's label with ``{1}``, ``{2}``... replaced by its groups."""
    out = template
    for i in range(1, (m.re.groups or 0) + 1):
        out = out.replace(f"{{{i}}}", m.group(i) or "")
    return " ".join(out.split())


def find_references(folded: str, lens: Lens) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
    """Reference labels in order of appearance, and the spans they cover."""
    hits: list[tuple[int, int, str]] = []
    for pattern in lens.compiled.references.candidates(folded):
        label = pattern.entry.label
        for m in pattern.regex.finditer(folded):
            if "{*}" in label:  # one reference per item of a list ("2712 and 2720")
                for item in _LIST_ITEM.findall(m.group(1) or ""):
                    hits.append((m.start(), m.end(), label.replace("{*}", item)))
                continue
            hits.append((m.start(), m.end(), fill(label, m) if label else m.group(0)))
    hits.sort()
    return tuple(dict.fromkeys(h[2] for h in hits)), [(s, e) for s, e, _ in hits]


class _Spans:
    """Offsets already taken, kept as sorted disjoint ranges so that an overlap test is a
    bisect (testing every taken span made a clause with many numbers quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in spans:
            self.add(s, e)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.ends, s + 1)  # the first range ending after s
        return i < len(self.starts) and self.starts[i] < e

    def add(self, s: int, e: int) -> None:
        if s >= e:
            return
        lo = bisect_left(self.ends, s)  # ranges ending at or after s may touch it
        hi = bisect_right(self.starts, e)  # ranges starting at or before e may touch it
        if lo < hi:
            s, e = min(s, self.starts[lo]), max(e, self.ends[hi - 1])
        self.starts[lo:hi] = [s]
        self.ends[lo:hi] = [e]


def find_numbers(
    folded: str, low: str, lens: Lens, taken: list[tuple[int, int]]
) -> tuple[str, ...]:
    """Numbers and deadlines as written; earlier patterns win over overlapping later ones,
    and nothing inside a reference (a resolution number) counts."""
    spans = _Spans(taken)
    hits: list[tuple[int, int, str]] = []
    for pattern in lens.compiled.numbers.candidates(low):
        for m in pattern.regex.finditer(folded):
            s, e = m.span()
            if spans.overlaps(s, e):
                continue
            spans.add(s, e)
            hits.append((s, e, " ".join(m.group(0).split())))
    hits.sort()
    return tuple(dict.fromkeys(h[2] for h in hits))
