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


def _too_far(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` holds more than ``MAX_WORDS`` words as ``_gap`` counts
    them, so that ``_gap`` is too; reads at most ``MAX_WORDS + 1`` of them (rescanning a
    long clause for every qualifier made signals quadratic in its length, and indexing
    every word of every clause cost more than the few look-ups most clauses need)."""
    return next(islice(_WORD.finditer(low, start, end), MAX_WORDS, None), None) is not None


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
                if _too_far(low, qe, m.span.start):
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
                if _too_far(low, m.span.end, qs):
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
