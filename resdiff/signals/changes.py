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
    found: list[Found] = []
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
            for detect in table.values():
                if factor == 1.0:
                    found.extend(detect(pair))
                else:
                    found.extend(f._replace(weight=f.weight * factor) for f in detect(pair))
    for find in DOCUMENT.values():
        found.extend(find(drafts))
    return _ranked(found, clauses_a, clauses_b)


def _ranked(
    found: Iterable[Found],
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
) -> tuple[Change, ...]:
    """Weight first, then document order (a's clauses, then b's), so equal weights never
    reorder between runs."""
    order_a = {cid: i for i, cid in enumerate(clauses_a)}
    offset = len(order_a)
    order_b = {cid: offset + i for i, cid in enumerate(clauses_b)}
    kind_index = {kind: i for i, kind in enumerate(CHANGE_KINDS)}
    items = []
    for f in found:
        weight = round(f.weight, 4)
        if len(f.a) == 1:
            position = order_a.get(f.a[0], 0)
        elif f.a:
            position = min(order_a.get(x, 0) for x in f.a)
        else:
            position = min((order_b.get(x, offset) for x in f.b), default=offset)
        key = (-weight, position, kind_index[f.kind], f.topic or "", f.related or "", f.summary)
        change = Change(
            kind=f.kind,
            topic=f.topic,
            related=f.related,
            a=f.a,
            b=f.b,
            from_=f.from_,
            to=f.to,
            direction=f.direction,
            weight=weight,
            summary=f.summary,
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
