"""Ranked changes in substance between two drafts: linkage, verb strength, demotion,
qualifiers, topics, actors, references, numbers, whole clauses.

Each aligned pair (sub-paragraph pairs included) compares the union of the signals of
its clauses on each side, so a split or merge is read as one provision. Topics and actors
that vanish from (or appear in) the whole document are reported once more at document
level. Weights come from the lens (``[ranking]``); ties keep document order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from resdiff.model import (
    Change,
    ChangeKind,
    Clause,
    ClauseKind,
    ClausePair,
    ClauseSignals,
    Direction,
    Document,
    Link,
    Verb,
)
from resdiff.signals import summary
from resdiff.signals.lens import CHANGE_KINDS, Lens
from resdiff.signals.verbs import compare_verbs

#: Fallback kind weights when a lens leaves one out.
DEFAULT_KIND_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class _Side:
    """The union of the signals of one side's clauses in a pair."""

    ids: tuple[str, ...]
    verb: Verb | None
    role: ClauseKind | None
    topics: tuple[str, ...]
    qualifiers: Mapping[str, tuple[str, ...]]
    links: Mapping[frozenset[str], Link]
    actors: tuple[str, ...]
    references: tuple[str, ...]
    numbers: tuple[str, ...]
    text: str


def union(
    ids: Sequence[str], clauses: Mapping[str, Clause], signals: Mapping[str, ClauseSignals]
) -> _Side:
    verb: Verb | None = None
    role: ClauseKind | None = None
    topics: dict[str, None] = {}
    quals: dict[str, dict[str, None]] = {}
    links: dict[frozenset[str], Link] = {}
    actors: dict[str, None] = {}
    refs: dict[str, None] = {}
    numbers: dict[str, None] = {}
    texts = []
    for cid in ids:
        s = signals.get(cid, ClauseSignals())
        clause = clauses.get(cid)
        if verb is None and s.verb is not None:
            verb = s.verb
        if role is None and clause is not None:
            role = clause_role(clause, s.verb)
        texts.append(clause.text if clause else "")
        for t in s.topic_ids:
            topics.setdefault(t, None)
        for t, qs in s.qualifiers.items():
            for q in qs:
                quals.setdefault(t, {})[q] = None
        for link in s.links:
            links.setdefault(frozenset(link.topics), link)
        actors.update(dict.fromkeys(s.actors))
        refs.update(dict.fromkeys(s.references))
        numbers.update(dict.fromkeys(s.numbers))
    return _Side(
        ids=tuple(ids),
        verb=verb,
        role=role,
        topics=tuple(topics),
        qualifiers={t: tuple(q) for t, q in quals.items()},
        links=links,
        actors=tuple(actors),
        references=tuple(refs),
        numbers=tuple(numbers),
        text="\n".join(texts),
    )


def clause_role(clause: Clause, verb: Verb | None) -> ClauseKind | None:
    """Preambular or operative: from the parser when it knows, else from the opener
    (a preambular opener has strength < 1)."""
    if clause.kind in ("preambular", "operative"):
        return clause.kind
    if clause.kind == "other" and verb is not None:
        return "operative" if verb.strength >= 1 else "preambular"
    return None


class _Collector:
    """Gathers changes with their sort keys while pairs are walked, then ranks them:
    weight first, then document order, so equal weights never reorder between runs."""

    def __init__(self, lens: Lens, order: Mapping[str, int], offset: int) -> None:
        self.lens = lens
        self.order = order
        self.offset = offset
        self.items: list[tuple[tuple[object, ...], Change]] = []
        self.skip_actors: set[str] = set()
        #: Topic -> clause ids mentioning it, per draft (for "separate, in OP2").
        self.mentions_a: dict[str, list[str]] = {}
        self.mentions_b: dict[str, list[str]] = {}
        #: Multiplies the weights being added (lowered inside preambular pairs).
        self.factor = 1.0

    def kind_weight(self, kind: str) -> float:
        return self.lens.kind_weights.get(kind, DEFAULT_KIND_WEIGHT)

    def topics_weight(self, topics: Iterable[str]) -> float:
        weights = [self.lens.topic_weight(t) for t in topics]
        return max(weights) if weights else self.lens.default_topic_weight

    def add(
        self,
        kind: ChangeKind,
        *,
        a: Sequence[str],
        b: Sequence[str],
        weight: float,
        summary_text: str,
        topic: str | None = None,
        related: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        direction: Direction | None = None,
        position: int | None = None,
    ) -> None:
        if position is None:
            position = self.position(a, b)
        change = Change(
            kind=kind,
            topic=topic,
            related=related,
            a=tuple(a),
            b=tuple(b),
            from_=from_,
            to=to,
            direction=direction,
            weight=round(weight * self.factor, 4),
            summary=summary_text,
        )
        key = (
            -change.weight,
            position,
            CHANGE_KINDS.index(kind),
            topic or "",
            related or "",
            summary_text,
        )
        self.items.append((key, change))

    def position(self, a: Sequence[str], b: Sequence[str]) -> int:
        if a:
            return min(self.order.get(x, 0) for x in a)
        return self.offset + min((self.order.get("B:" + x, 0) for x in b), default=0)

    def ranked(self) -> tuple[Change, ...]:
        return tuple(c for _, c in sorted(self.items, key=lambda kc: kc[0]))


def _vanished(
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
) -> set[str]:
    """Actors named on one side only (reported once, at document level)."""
    aa = _mentions(clauses_a, signals_a, "actors")
    ab = _mentions(clauses_b, signals_b, "actors")
    return set(aa) ^ set(ab)


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
    order: dict[str, int] = {cid: i for i, cid in enumerate(clauses_a)}
    order.update({"B:" + cid: i for i, cid in enumerate(clauses_b)})
    out = _Collector(lens, order, len(clauses_a))
    out.skip_actors = _vanished(clauses_a, clauses_b, signals_a, signals_b)
    out.mentions_a = _mentions(clauses_a, signals_a, "topics")
    out.mentions_b = _mentions(clauses_b, signals_b, "topics")
    _walk_pairs(out, pairs, clauses_a, clauses_b, signals_a, signals_b)
    _document_changes(out, clauses_a, clauses_b, signals_a, signals_b, b.label or b.id)
    return out.ranked()


def pair_changes(
    a: Clause,
    b: Clause,
    pair: ClausePair,
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
    lens: Lens,
) -> tuple[Change, ...]:
    """The changes of one aligned pair read on its own, outside any draft: a precedent
    from a corpus and the clause that reuses it. Nothing is reported at document level
    (an actor dropped is dropped from this pair, whatever the rest of the draft says)."""
    clauses_a = {c.id: c for c in a.walk()}
    clauses_b = {c.id: c for c in b.walk()}
    order: dict[str, int] = {cid: i for i, cid in enumerate(clauses_a)}
    order.update({"B:" + cid: i for i, cid in enumerate(clauses_b)})
    out = _Collector(lens, order, len(clauses_a))
    _walk_pairs(out, (pair,), clauses_a, clauses_b, signals_a, signals_b)
    return out.ranked()


def _walk_pairs(
    out: _Collector,
    pairs: Sequence[ClausePair],
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
) -> None:
    for top in pairs:
        for pair in top.walk():
            side_a = union(pair.a, clauses_a, signals_a)
            side_b = union(pair.b, clauses_b, signals_b)
            if pair.a and not pair.b:
                _clause_change(out, side_a, added=False)
            elif pair.b and not pair.a:
                _clause_change(out, side_b, added=True)
            else:
                _pair_changes(out, pair, side_a, side_b)
                out.factor = 1.0


def _clause_change(out: _Collector, side: _Side, *, added: bool) -> None:
    kind: ChangeKind = "clause-added" if added else "clause-removed"
    out.add(
        kind,
        a=() if added else side.ids,
        b=side.ids if added else (),
        weight=out.kind_weight(kind) * out.topics_weight(side.topics),
        summary_text=summary.clause(side.ids, side.text, added),
        topic=side.topics[0] if side.topics else None,
        from_=None if added else "+".join(side.ids),
        to="+".join(side.ids) if added else None,
    )


def _pair_changes(out: _Collector, pair: ClausePair, sa: _Side, sb: _Side) -> None:
    lens = out.lens
    addr = summary.address(sa.ids, sb.ids)
    both_topics = tuple(dict.fromkeys((*sa.topics, *sb.topics)))
    out.factor = lens.preambular_factor if sa.role == sb.role == "preambular" else 1.0
    clause_weight = out.topics_weight(both_topics)

    # Linkage: every topic pair linked on either side.
    for key in sorted(
        set(sa.links) | set(sb.links), key=lambda k: sorted(lens.topic_order(t) for t in k)
    ):
        la, lb = sa.links.get(key), sb.links.get(key)
        rel_a = la.relation if la else "none"
        rel_b = lb.relation if lb else "none"
        if rel_a == rel_b:
            continue
        first = la if la is not None and (rel_a == "conditional" or lb is None) else lb
        assert first is not None
        x, y = first.topics
        if "conditional" in (rel_a, rel_b):
            severity = lens.linkage_weights.get("conditional", 1.0)
        elif "sequence" in (rel_a, rel_b):
            severity = lens.linkage_weights.get("sequence", 1.0)
        else:
            severity = lens.linkage_weights.get("parallel", 1.0)
        weight = (
            out.kind_weight("linkage")
            * severity
            * ((lens.topic_weight(x) + lens.topic_weight(y)) / 2)
        )
        out.add(
            "linkage",
            a=sa.ids,
            b=sb.ids,
            weight=weight,
            summary_text=summary.linkage(
                addr,
                x,
                y,
                rel_a,
                rel_b,
                la.cue if la else None,
                lb.cue if lb else None,
                lens,
                _separate(out, y, sa if rel_a == "none" else sb, "a" if rel_a == "none" else "b"),
            ),
            topic=x,
            related=y,
            from_=rel_a,
            to=rel_b,
        )

    # Verb strength.
    if sa.verb and sb.verb and sa.verb.text.lower() != sb.verb.text.lower():
        direction = compare_verbs(sa.verb, sb.verb)
        same_level = sa.verb.scale == sb.verb.scale and sa.verb.strength == sb.verb.strength
        if not same_level:
            delta = abs(sb.verb.strength - sa.verb.strength) if direction else 0.0
            factor = 0.75 + 0.25 * min(1.0, delta / 3) if sa.verb.scale == sb.verb.scale else 0.75
            out.add(
                "verb-strength",
                a=sa.ids,
                b=sb.ids,
                weight=out.kind_weight("verb-strength") * clause_weight * factor,
                summary_text=summary.verb(
                    addr, sa.verb.text, sb.verb.text, direction, sa.verb.scale, sb.verb.scale
                ),
                topic=both_topics[0] if both_topics else None,
                from_=sa.verb.text,
                to=sb.verb.text,
                direction=direction,  # type: ignore[arg-type]
            )

    # Operative <-> preambular.
    kinds = pair.kind_change or ((sa.role, sb.role) if sa.role and sb.role else None)
    if kinds and kinds[0] != kinds[1] and set(kinds) <= {"operative", "preambular"}:
        direction_k: Direction = "weaker" if kinds[0] == "operative" else "stronger"
        out.add(
            "kind-change",
            a=sa.ids,
            b=sb.ids,
            weight=out.kind_weight("kind-change") * clause_weight,
            summary_text=summary.kind_change(addr, kinds[0], kinds[1]),
            topic=both_topics[0] if both_topics else None,
            from_=kinds[0],
            to=kinds[1],
            direction=direction_k,
        )

    # Qualifiers of topics mentioned on both sides.
    for topic in sa.topics:
        if topic not in sb.topics:
            continue
        qa, qb = sa.qualifiers.get(topic, ()), sb.qualifiers.get(topic, ())
        for q in qa:
            if q not in qb:
                out.add(
                    "qualifier-removed",
                    a=sa.ids,
                    b=sb.ids,
                    weight=out.kind_weight("qualifier-removed") * lens.topic_weight(topic),
                    summary_text=summary.qualifier(addr, topic, q, False, lens),
                    topic=topic,
                    from_=q,
                )
        for q in qb:
            if q not in qa:
                out.add(
                    "qualifier-added",
                    a=sa.ids,
                    b=sb.ids,
                    weight=out.kind_weight("qualifier-added") * lens.topic_weight(topic),
                    summary_text=summary.qualifier(addr, topic, q, True, lens),
                    topic=topic,
                    to=q,
                )

    # Actors and references.
    for kind_pair, xs, ys, fn in (
        (("actor-removed", "actor-added"), sa.actors, sb.actors, summary.actor),
        (("reference-removed", "reference-added"), sa.references, sb.references, summary.reference),
    ):
        skip = out.skip_actors if fn is summary.actor else set()
        for x in xs:
            if x not in ys and x not in skip:
                out.add(
                    kind_pair[0],  # type: ignore[arg-type]
                    a=sa.ids,
                    b=sb.ids,
                    weight=out.kind_weight(kind_pair[0]) * clause_weight,
                    summary_text=fn(addr, x, False),
                    from_=x,
                )
        for y in ys:
            if y not in xs and y not in skip:
                out.add(
                    kind_pair[1],  # type: ignore[arg-type]
                    a=sa.ids,
                    b=sb.ids,
                    weight=out.kind_weight(kind_pair[1]) * clause_weight,
                    summary_text=fn(addr, y, True),
                    to=y,
                )

    # Numbers: what went and what came, paired in order.
    gone = [n for n in sa.numbers if n not in sb.numbers]
    came = [n for n in sb.numbers if n not in sa.numbers]
    for i in range(max(len(gone), len(came))):
        na = gone[i] if i < len(gone) else None
        nb = came[i] if i < len(came) else None
        out.add(
            "number-changed",
            a=sa.ids,
            b=sb.ids,
            weight=out.kind_weight("number-changed") * clause_weight,
            summary_text=summary.number(addr, na, nb),
            from_=na,
            to=nb,
        )


def _separate(out: _Collector, topic: str, side: _Side, which: str) -> tuple[str, ...]:
    """Clauses of the unlinking draft mentioning ``topic`` outside this pair."""
    if topic in side.topics:
        return ()
    where = out.mentions_a if which == "a" else out.mentions_b
    return tuple(where.get(topic, ()))


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


def _document_changes(
    out: _Collector,
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
    label_b: str,
) -> None:
    lens = out.lens
    ta, tb = _mentions(clauses_a, signals_a, "topics"), _mentions(clauses_b, signals_b, "topics")
    for topic in sorted(set(ta) ^ set(tb), key=lens.topic_order):
        added = topic in tb
        where = tb[topic] if added else ta[topic]
        kind: ChangeKind = "topic-added" if added else "topic-removed"
        out.add(
            kind,
            a=() if added else where,
            b=where if added else (),
            weight=out.kind_weight(kind) * lens.topic_weight(topic),
            summary_text=summary.topic(topic, where, added, label_b, lens),
            topic=topic,
            from_=None if added else topic,
            to=topic if added else None,
        )
    aa, ab = _mentions(clauses_a, signals_a, "actors"), _mentions(clauses_b, signals_b, "actors")
    for name in [n for n in aa if n not in ab] + [n for n in ab if n not in aa]:
        added = name in ab
        where = ab[name] if added else aa[name]
        kind = "actor-added" if added else "actor-removed"
        weights = [
            out.topics_weight((signals_b if added else signals_a)[cid].topic_ids) for cid in where
        ]
        out.add(
            kind,
            a=() if added else where,
            b=where if added else (),
            weight=out.kind_weight(kind) * max(weights),
            summary_text=summary.actor_everywhere(name, where, added, label_b),
            from_=None if added else name,
            to=name if added else None,
        )
