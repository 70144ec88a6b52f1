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

from resdiff.model import Link, Mention, Span
from resdiff.signals.clausetext import boundaries
from resdiff.signals.lens import Lens

#: Which relation wins when one topic pair has several cues in a clause.
PRIORITY: dict[str, int] = {"conditional": 0, "sequence": 1, "parallel": 2}


def _sentence(bounds: list[int], offset: int) -> int:
    return bisect_right(bounds, offset)


def find_links(
    original: str,
    low: str,
    mentions: list[Mention],
    cues: list[tuple[int, int, object]],
    lens: Lens,
) -> tuple[Link, ...]:
    if len({m.topic for m in mentions}) < 2:
        return ()
    c = lens.compiled
    bounds = boundaries(original)
    starts = [m.span.start for m in mentions]
    ends = [m.span.end for m in mentions]
    found: dict[frozenset[str], tuple[int, int, Link]] = {}
    cancels = [
        (cs, ce, " ".join(original[cs:ce].split()))
        for cs, ce, value in cues
        if value[0] == "cancel"  # type: ignore[index]
    ]

    # Cues come in text order and do not overlap, so a bisect finds the first one at or
    # after ``start`` (scanning them all for every cue made long clauses quadratic).
    cancel_starts = [cs for cs, _, _ in cancels]
    others = [(cs, ce) for cs, ce, value in cues if value[0] != "cancel"]  # type: ignore[index]
    other_starts = [cs for cs, _ in others]

    def cancel_between(start: int, end: int) -> tuple[int, int, str] | None:
        for k in range(bisect_left(cancel_starts, start), len(cancels)):
            cs, ce, text = cancels[k]
            if cs > end:
                break
            if ce <= end:
                return cs, ce, text
        return None

    def cue_between(start: int, end: int) -> bool:
        for k in range(bisect_left(other_starts, start), len(others)):
            cs, ce = others[k]
            if cs > end:
                break
            if ce <= end:
                return True
        return False

    def neighbours(cs: int, ce: int) -> tuple[int | None, int | None]:
        left = bisect_right(ends, cs) - 1
        right = bisect_left(starts, ce)
        sent = _sentence(bounds, cs)
        li = left if left >= 0 and _sentence(bounds, mentions[left].span.start) == sent else None
        ri = (
            right
            if right < len(mentions) and _sentence(bounds, mentions[right].span.start) == sent
            else None
        )
        return li, ri

    def add(li: int, ri: int, relation: str, cue: str, pos: int, spans: list[Span]) -> None:
        a, b = mentions[li].topic, mentions[ri].topic
        if a == b:
            return
        key = frozenset((a, b))
        link = Link(topics=(a, b), relation=relation, cue=cue, spans=tuple(spans))  # type: ignore[arg-type]
        old = found.get(key)
        if old is None or (PRIORITY[relation], pos) < (old[0], old[1]):
            found[key] = (PRIORITY[relation], pos, link)

    for cs, ce, value in cues:
        relation = str(value[0])  # type: ignore[index]
        cue_text = " ".join(original[cs:ce].split())
        spans = [Span(cs, ce)]
        if relation == "cancel":
            continue
        li, ri = neighbours(cs, ce)
        if relation == "conditional":
            neg = c.negation.search(low, max(0, cs - 30), cs)
            if neg:
                relation = "parallel"
                cue_text = " ".join(original[neg.start() : ce].split())
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
            if nxt is not None and _sentence(bounds, mentions[nxt].span.start) == _sentence(
                bounds, cs
            ):
                add(nxt, ri, relation, cue_text, cs, spans)
            continue
        if li is not None and ri is not None:
            if relation == "sequence" and _seen_before(mentions, li, mentions[ri].topic, bounds):
                # "pauses ... to allow aid, as a step towards a cessation of hostilities":
                # the sequence runs within one topic (pauses -> ceasefire), not from aid.
                continue
            if relation == "parallel":
                extra = cancel_between(mentions[li].span.end, mentions[ri].span.start)
                if extra:
                    cue_text = f"{cue_text} ... {extra[2]}"
                    spans.append(Span(extra[0], extra[1]))
            add(li, ri, relation, cue_text, cs, spans)

    for cs, ce, cue_text in cancels:
        li, ri = neighbours(cs, ce)
        if li is None or ri is None:
            continue
        key = frozenset((mentions[li].topic, mentions[ri].topic))
        if key in found:
            continue
        # No other cue between these two mentions: the marker alone says "no condition".
        if cue_between(mentions[li].span.end, mentions[ri].span.start):
            continue
        add(li, ri, "parallel", cue_text, cs, [Span(cs, ce)])

    ordered = sorted(found.values(), key=lambda x: x[1])
    return tuple(link for _, _, link in ordered)


def _seen_before(mentions: list[Mention], last: int, topic: str, bounds: list[int]) -> bool:
    """Whether ``topic`` is mentioned at or before mention ``last`` in its sentence."""
    sent = _sentence(bounds, mentions[last].span.start)
    for j in range(last, -1, -1):
        if _sentence(bounds, mentions[j].span.start) != sent:
            return False
        if mentions[j].topic == topic:
            return True
    return False
