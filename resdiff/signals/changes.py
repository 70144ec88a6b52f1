"""Ranked changes in substance between two drafts: linkage, verb strength, demotion,
qualifiers, topics, actors, references, numbers, whole clauses.

Each aligned pair (sub-paragraph pairs included) compares the union of the signals of
its clauses on each side (``sides.union``), so a split or merge is read as one
provision. The detectors, one per change kind, are in ``detectors``; topics and actors
that vanish from (or appear in) the whole document are reported once more at document
level. Weights come from the lens (``[ranking]``); ties keep document order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from resdiff.model import Change, Clause, ClausePair, ClauseSignals, Document
from resdiff.signals import summary
from resdiff.signals.detectors import DOCUMENT, PAIRED, UNPAIRED, Drafts, Found, Pair
from resdiff.signals.lens import CHANGE_KINDS, Lens
from resdiff.signals.sides import union


def find_changes(
    a: Document,
    b: Document,
    pairs: Sequence[ClausePair],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
    lens: Lens,
) -> tuple[Change, ...]:
    clauses_a = {c.id: c for c in a.walk()}
    clauses_b = {c.id: c for c in b.walk()}
    drafts = Drafts(
        lens=lens,
        label_b=b.label or b.id,
        signals_a=signals_a,
        signals_b=signals_b,
        topics_a=_mentions(clauses_a, signals_a, "topics"),
        topics_b=_mentions(clauses_b, signals_b, "topics"),
        actors_a=_mentions(clauses_a, signals_a, "actors"),
        actors_b=_mentions(clauses_b, signals_b, "actors"),
    )
    skip_actors = drafts.one_sided_actors
    found: list[tuple[Found, float]] = []
    for top in pairs:
        for clause_pair in top.walk():
            sa = union(clause_pair.a, clauses_a, signals_a)
            sb = union(clause_pair.b, clauses_b, signals_b)
            topics = tuple(dict.fromkeys((*sa.topics, *sb.topics)))
            pair = Pair(
                drafts=drafts,
                clauses=clause_pair,
                a=sa,
                b=sb,
                address=summary.address(sa.ids, sb.ids),
                topics=topics,
                clause_weight=drafts.topics_weight(topics),
                skip_actors=skip_actors,
            )
            # Changes inside preambular pairs weigh less.
            factor = lens.preambular_factor if sa.role == sb.role == "preambular" else 1.0
            table = PAIRED if clause_pair.a and clause_pair.b else UNPAIRED
            found.extend((f, factor) for detect in table.values() for f in detect(pair))
    found.extend((f, 1.0) for detect in DOCUMENT.values() for f in detect(drafts))
    return _ranked(found, clauses_a, clauses_b)


def _ranked(
    found: Iterable[tuple[Found, float]],
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
) -> tuple[Change, ...]:
    """Weight first, then document order (a's clauses, then b's), so equal weights never
    reorder between runs."""
    order_a = {cid: i for i, cid in enumerate(clauses_a)}
    order_b = {cid: len(order_a) + i for i, cid in enumerate(clauses_b)}

    def position(f: Found) -> int:
        if f.a:
            return min(order_a.get(x, 0) for x in f.a)
        return min((order_b.get(x, len(order_a)) for x in f.b), default=len(order_a))

    items = []
    for f, factor in found:
        change = Change(
            kind=f.kind,
            topic=f.topic,
            related=f.related,
            a=f.a,
            b=f.b,
            from_=f.from_,
            to=f.to,
            direction=f.direction,
            weight=round(f.weight * factor, 4),
            summary=f.summary,
        )
        key = (
            -change.weight,
            position(f),
            CHANGE_KINDS.index(f.kind),
            f.topic or "",
            f.related or "",
            f.summary,
        )
        items.append((key, change))
    return tuple(c for _, c in sorted(items, key=lambda kc: kc[0]))


def _mentions(
    clauses: Mapping[str, Clause], signals: Mapping[str, ClauseSignals], attr: str
) -> dict[str, list[str]]:
    """For each topic (or actor), the clause ids mentioning it, in document order."""
    found: dict[str, list[str]] = {}
    for cid in clauses:
        s = signals.get(cid)
        if s is None:
            continue
        values = s.topic_ids if attr == "topics" else s.actors
        for v in values:
            found.setdefault(v, []).append(cid)
    return found
