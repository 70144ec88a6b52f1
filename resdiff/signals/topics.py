"""Topic mentions in a clause, and the qualifiers attached to each."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from resdiff.model import Mention, Span
from resdiff.signals.compiled import QualifierHit, TermHit
from resdiff.signals.lens import Lens

#: A qualifier further than this many words from a mention is not attached to it.
MAX_WORDS = 10
#: A qualifier after its noun ("release ... immediately") counts this much farther away.
AFTER_PENALTY = 1.5
#: Crossing a comma costs this many words: little before the noun (lists of adjectives,
#: "full, rapid, safe and unhindered access"), more after it (a new phrase begins).
COMMA_BEFORE = 1
COMMA_AFTER = 3

_WORD = re.compile(r"[\w'-]+")
#: Long gaps of a clause counted word by word before its words are indexed.
COUNTED = 4
#: ", and" / ", or" starts a new coordinated phrase: it costs as much as a comma after.
_JOIN = re.compile(r",\s+(?:and|or)\b")
#: Right after a noun, "and"/"or" opens a new phrase: what follows does not qualify it.
_STARTS_NEW = re.compile(r"\s*,?\s*(?:and|or|as well as)\b")


def find_mentions(original: str, hits: list[TermHit]) -> list[Mention]:
    """Mentions from the scanner's term hits (non-overlapping, in text order)."""
    return [Mention(topic=topic, text=original[s:e], span=Span(s, e)) for s, e, topic in hits]


def _gap(low: str, start: int, end: int, comma: int) -> float:
    """Words between two offsets, plus the cost of commas; inf across a sentence end."""
    between = low[start:end]
    if ";" in between or ". " in between:
        return float("inf")
    joins = len(_JOIN.findall(between))
    return len(_WORD.findall(between)) + comma * (between.count(",") - joins) + COMMA_AFTER * joins


class _WordCounter:
    """Whether more than ``MAX_WORDS`` words lie between two offsets (then ``_gap``
    counts more too, and every mention farther away is too far as well), in log time,
    so that a long clause is not rescanned for every qualifier (that made signals
    quadratic in the length of a paragraph). Most gaps are a few characters long and
    need no count; the first few others are counted up to the limit, and the clause's
    words are indexed only when more come (a dense clause asks hundreds of times, most
    clauses twice or never)."""

    def __init__(self, low: str) -> None:
        self._low = low
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._counted = 0

    def too_far(self, start: int, end: int) -> bool:
        if end - start <= 2 * MAX_WORDS:
            return False  # n words need 2n - 1 characters
        if self._starts is None and self._counted < COUNTED:
            self._counted += 1
            counted = _WORD.finditer(self._low, start, end)
            return next(islice(counted, MAX_WORDS, None), None) is not None
        if self._starts is None:
            found = list(_WORD.finditer(self._low))
            self._starts = [m.start() for m in found]
            self._ends = [m.end() for m in found]
        # Words lying wholly inside low[start:end] (each is a word there too).
        inside = bisect_right(self._ends, end) - bisect_left(self._starts, start)
        return inside > MAX_WORDS


def attach_qualifiers(
    low: str, mentions: list[Mention], hits: list[QualifierHit], lens: Lens
) -> dict[str, tuple[str, ...]]:
    """Each qualifier occurrence goes to the nearest mention of a topic that lists it.

    Before the noun is preferred to after it (English adjectives precede), so in "a
    ceasefire and immediate humanitarian access" "immediate" qualifies the access. A
    qualifier inside another topic's mention ("humanitarian" in "international
    humanitarian law") is part of that term, not a qualifier.
    """
    if not (mentions and hits):
        return {}
    c = lens.compiled
    starts = [m.span.start for m in mentions]
    words = _WordCounter(low)
    found: dict[str, dict[str, None]] = {}
    for qs, qe, idx in hits:
        meanings = c.qualifier_meanings[idx]
        best: tuple[float, int] | None = None
        inside = False
        # Mentions do not overlap: only the last one starting at or before qs can hold it.
        j = bisect_right(starts, qs) - 1
        if j >= 0 and qe <= mentions[j].span.end:
            inside = True
            if mentions[j].topic in meanings:
                best = (0.0, j)
        if inside and best is None:
            continue
        if best is None:
            k = bisect_left(starts, qe)
            for i in range(k, len(mentions)):  # mentions after: nearest of each topic
                m = mentions[i]
                if words.too_far(qe, m.span.start):
                    break  # this one and every later one are too far
                if m.topic in meanings:
                    d = _gap(low, qe, m.span.start, COMMA_BEFORE)
                    if d <= MAX_WORDS and (best is None or d < best[0]):
                        best = (d, i)
                    break
            for i in range(k - 1, -1, -1):
                m = mentions[i]
                if m.span.end > qs:
                    continue
                if words.too_far(m.span.end, qs):
                    break  # this one and every earlier one are too far
                if m.topic in meanings:
                    if _STARTS_NEW.match(low, m.span.end):
                        break  # "coal power and phase-out of ...": a new phrase begins
                    d = _gap(low, m.span.end, qs, COMMA_AFTER) * AFTER_PENALTY
                    if d <= MAX_WORDS * AFTER_PENALTY and (best is None or d < best[0]):
                        best = (d, i)
                    break
        if best is None:
            continue
        topic = mentions[best[1]].topic
        _group, qual = meanings[topic]
        found.setdefault(topic, {})[qual] = None
    return {t: tuple(q) for t, q in found.items()}
