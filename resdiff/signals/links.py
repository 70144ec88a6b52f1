"""Links between two topics inside one clause: a cue phrase between two mentions of the
same sentence says how they relate (conditional, sequence, parallel).

A cue relates the nearest mention before it to the nearest mention after it. A cancelling
marker ("unconditional", "without preconditions") between two mentions, with no other cue,
makes them parallel: the second is demanded without condition. A negation right before a
conditional cue ("not conditional on") also makes it parallel. Mentions of one topic are
never linked to themselves, and nothing links across a sentence end.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from resdiff.model import Link, Mention, Relation, Span
from resdiff.signals.clausetext import boundaries
from resdiff.signals.compiled import CueHit
from resdiff.signals.lens import Lens

#: Which relation wins when one topic pair has several cues in a clause.
PRIORITY: dict[Relation, int] = {"conditional": 0, "sequence": 1, "parallel": 2}


def _sentence(bounds: list[int], offset: int) -> int:
    return bisect_right(bounds, offset)


def find_links(
    original: str,
    low: str,
    mentions: list[Mention],
    cues: list[CueHit],
    lens: Lens,
) -> tuple[Link, ...]:
    if len({m.topic for m in mentions}) < 2:
        return ()
    finder = _Finder(original, low, mentions, cues, lens)
    for cs, ce, (kind, _) in cues:
        if kind != "cancel":
            finder.cue(cs, ce, kind)
    for cs, ce, cue_text in finder.cancels:
        finder.cancel(cs, ce, cue_text)
    ordered = sorted(finder.found.values(), key=lambda x: x[1])
    return tuple(link for _, _, link in ordered)


class _Finder:
    """The links of one clause, gathered cue by cue; ``found`` keeps, per topic pair, the
    link of the strongest relation (then the earliest cue)."""

    def __init__(
        self, original: str, low: str, mentions: list[Mention], cues: list[CueHit], lens: Lens
    ) -> None:
        self.original, self.low, self.mentions = original, low, mentions
        self.negation = lens.compiled.negation
        self.bounds = boundaries(original)
        self.starts = [m.span.start for m in mentions]
        self.ends = [m.span.end for m in mentions]
        self.found: dict[frozenset[str], tuple[int, int, Link]] = {}
        self.cancels = [
            (cs, ce, " ".join(original[cs:ce].split()))
            for cs, ce, (kind, _) in cues
            if kind == "cancel"
        ]
        # Cues come in text order and do not overlap, so a bisect finds the first one at
        # or after ``start`` (scanning them all for every cue made long clauses quadratic).
        self.cancel_starts = [cs for cs, _, _ in self.cancels]
        self.others = [(cs, ce) for cs, ce, (kind, _) in cues if kind != "cancel"]
        self.other_starts = [cs for cs, _ in self.others]

    def cancel_between(self, start: int, end: int) -> tuple[int, int, str] | None:
        for k in range(bisect_left(self.cancel_starts, start), len(self.cancels)):
            cs, ce, text = self.cancels[k]
            if cs > end:
                break
            if ce <= end:
                return cs, ce, text
        return None

    def cue_between(self, start: int, end: int) -> bool:
        for k in range(bisect_left(self.other_starts, start), len(self.others)):
            cs, ce = self.others[k]
            if cs > end:
                break
            if ce <= end:
                return True
        return False

    def sentence(self, offset: int) -> int:
        return _sentence(self.bounds, offset)

    def neighbours(self, cs: int, ce: int) -> tuple[int | None, int | None]:
        """The nearest mentions before and after a cue, within its sentence."""
        mentions, bounds = self.mentions, self.bounds
        left = bisect_right(self.ends, cs) - 1
        right = bisect_left(self.starts, ce)
        sent = _sentence(bounds, cs)
        li = left if left >= 0 and _sentence(bounds, mentions[left].span.start) == sent else None
        ri = (
            right
            if right < len(mentions) and _sentence(bounds, mentions[right].span.start) == sent
            else None
        )
        return li, ri

    def add(
        self, li: int, ri: int, relation: Relation, cue: str, pos: int, spans: list[Span]
    ) -> None:
        a, b = self.mentions[li].topic, self.mentions[ri].topic
        if a == b:
            return
        key = frozenset((a, b))
        link = Link(topics=(a, b), relation=relation, cue=cue, spans=tuple(spans))
        old = self.found.get(key)
        if old is None or (PRIORITY[relation], pos) < (old[0], old[1]):
            self.found[key] = (PRIORITY[relation], pos, link)

    def cue(self, cs: int, ce: int, relation: Relation) -> None:
        """A cue relates the mention before it to the mention after it."""
        mentions = self.mentions
        cue_text = " ".join(self.original[cs:ce].split())
        spans = [Span(cs, ce)]
        li, ri = self.neighbours(cs, ce)
        if relation == "conditional":
            neg = self.negation.search(self.low, max(0, cs - 30), cs)
            if neg:
                relation = "parallel"
                cue_text = " ".join(self.original[neg.start() : ce].split())
                spans = [Span(neg.start(), ce)]
        if li is None and ri is not None and relation == "conditional":
            # "Provided that all hostages are released, ... a ceasefire": the condition
            # comes first; link it to the next mention of another topic.
            nxt = next(
                (
                    j
                    for j in range(ri + 1, len(mentions))
                    if mentions[j].topic != mentions[ri].topic
                ),
                None,
            )
            if nxt is not None and self.sentence(mentions[nxt].span.start) == self.sentence(cs):
                self.add(nxt, ri, relation, cue_text, cs, spans)
            return
        if li is None or ri is None:
            return
        if relation == "sequence" and _seen_before(mentions, li, mentions[ri].topic, self.bounds):
            # "pauses ... to allow aid, as a step towards a cessation of hostilities":
            # the sequence runs within one topic (pauses -> ceasefire), not from aid.
            return
        if relation == "parallel":
            extra = self.cancel_between(mentions[li].span.end, mentions[ri].span.start)
            if extra:
                cue_text = f"{cue_text} ... {extra[2]}"
                spans.append(Span(extra[0], extra[1]))
        self.add(li, ri, relation, cue_text, cs, spans)

    def cancel(self, cs: int, ce: int, cue_text: str) -> None:
        """A cancelling marker alone between two mentions says "no condition"."""
        li, ri = self.neighbours(cs, ce)
        if li is None or ri is None:
            return
        key = frozenset((self.mentions[li].topic, self.mentions[ri].topic))
        if key in self.found:
            return
        if self.cue_between(self.mentions[li].span.end, self.mentions[ri].span.start):
            return
        self.add(li, ri, "parallel", cue_text, cs, [Span(cs, ce)])


def _seen_before(mentions: list[Mention], last: int, topic: str, bounds: list[int]) -> bool:
    """Whether ``topic`` is mentioned at or before mention ``last`` in its sentence."""
    sent = _sentence(bounds, mentions[last].span.start)
    for j in range(last, -1, -1):
        if _sentence(bounds, mentions[j].span.start) != sent:
            return False
        if mentions[j].topic == topic:
            return True
    return False
