"""One detector per change kind, registered in a table.

A detector reads one aligned pair (or, for the document-wide kinds, the two drafts) and
yields what changed as ``Found`` values; it never ranks nor scales. ``find_changes`` runs
every table and ranks the result. A new change kind is its name in ``model.ChangeKind``
and one detector here (``tests/unit/signals/test_changes.py`` checks that every kind has
one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from resdiff.model import ChangeKind, ClausePair, ClauseSignals, Direction
from resdiff.signals import summary
from resdiff.signals.lens import Lens
from resdiff.signals.sides import Side
from resdiff.signals.verbs import compare_verbs

#: Fallback kind weights when a lens leaves one out.
DEFAULT_KIND_WEIGHT = 1.0


class Found(NamedTuple):
    """A change as a detector finds it, before ranking. (A named tuple: thousands are
    made per comparison.)"""

    kind: ChangeKind
    a: tuple[str, ...]
    b: tuple[str, ...]
    weight: float
    summary: str
    topic: str | None = None
    related: str | None = None
    from_: str | None = None
    to: str | None = None
    direction: Direction | None = None


@dataclass(frozen=True, slots=True)
class Drafts:
    """What the detectors know of the two whole drafts."""

    lens: Lens
    label_b: str
    signals_a: Mapping[str, ClauseSignals]
    signals_b: Mapping[str, ClauseSignals]
    #: Topic (or actor) -> ids of the clauses mentioning it, in document order.
    topics_a: Mapping[str, list[str]]
    topics_b: Mapping[str, list[str]]
    actors_a: Mapping[str, list[str]]
    actors_b: Mapping[str, list[str]]

    @property
    def one_sided_actors(self) -> set[str]:
        """Actors named in one draft only: reported once, at document level."""
        return set(self.actors_a) ^ set(self.actors_b)

    def kind_weight(self, kind: str) -> float:
        return self.lens.kind_weights.get(kind, DEFAULT_KIND_WEIGHT)

    def topics_weight(self, topics: Iterable[str]) -> float:
        weights = [self.lens.topic_weight(t) for t in topics]
        return max(weights) if weights else self.lens.default_topic_weight


class Pair(NamedTuple):
    """An aligned pair as the detectors read it (one side may be empty)."""

    drafts: Drafts
    clauses: ClausePair
    a: Side
    b: Side
    address: str
    topics: tuple[str, ...]
    #: The weight of the pair's most important topic.
    clause_weight: float
    skip_actors: set[str]

    def found(
        self,
        kind: ChangeKind,
        weight: float,
        text: str,
        *,
        topic: str | None = None,
        related: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        direction: Direction | None = None,
    ) -> Found:
        """A change of this pair, with its ids on both sides."""
        return Found(
            kind, self.a.ids, self.b.ids, weight, text, topic, related, from_, to, direction
        )

    def kind_weight(self, kind: ChangeKind) -> float:
        return self.drafts.kind_weight(kind)


PairDetector = Callable[[Pair], Iterator[Found]]
DocumentDetector = Callable[[Drafts], Iterator[Found]]


# --- pairs with both sides -------------------------------------------------------------


def _linkage(p: Pair) -> Iterator[Found]:
    """Every topic pair linked on either side whose relation differs."""
    lens = p.drafts.lens
    sa, sb = p.a, p.b
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
            p.kind_weight("linkage")
            * severity
            * ((lens.topic_weight(x) + lens.topic_weight(y)) / 2)
        )
        unlinking = sa if rel_a == "none" else sb
        elsewhere = _separate(
            p.drafts, y, unlinking, p.drafts.topics_a if rel_a == "none" else p.drafts.topics_b
        )
        text = summary.linkage(
            p.address,
            x,
            y,
            rel_a,
            rel_b,
            la.cue if la else None,
            lb.cue if lb else None,
            lens,
            elsewhere,
        )
        yield p.found("linkage", weight, text, topic=x, related=y, from_=rel_a, to=rel_b)


def _separate(
    drafts: Drafts, topic: str, side: Side, mentions: Mapping[str, list[str]]
) -> tuple[str, ...]:
    """Clauses of the unlinking draft mentioning ``topic`` outside this pair."""
    if topic in side.topics:
        return ()
    return tuple(mentions.get(topic, ()))


def _verb_strength(p: Pair) -> Iterator[Found]:
    va, vb = p.a.verb, p.b.verb
    if not (va and vb) or va.text.lower() == vb.text.lower():
        return
    direction = compare_verbs(va, vb)
    if va.scale == vb.scale and va.strength == vb.strength:
        return
    delta = abs(vb.strength - va.strength) if direction else 0.0
    factor = 0.75 + 0.25 * min(1.0, delta / 3) if va.scale == vb.scale else 0.75
    yield p.found(
        "verb-strength",
        p.kind_weight("verb-strength") * p.clause_weight * factor,
        summary.verb(p.address, va.text, vb.text, direction, va.scale, vb.scale),
        topic=p.topics[0] if p.topics else None,
        from_=va.text,
        to=vb.text,
        direction=direction,
    )


def _kind_change(p: Pair) -> Iterator[Found]:
    """Operative <-> preambular."""
    sa, sb = p.a, p.b
    kinds = p.clauses.kind_change or ((sa.role, sb.role) if sa.role and sb.role else None)
    if not (kinds and kinds[0] != kinds[1] and set(kinds) <= {"operative", "preambular"}):
        return
    yield p.found(
        "kind-change",
        p.kind_weight("kind-change") * p.clause_weight,
        summary.kind_change(p.address, kinds[0], kinds[1]),
        topic=p.topics[0] if p.topics else None,
        from_=kinds[0],
        to=kinds[1],
        direction="weaker" if kinds[0] == "operative" else "stronger",
    )


def _qualifiers(p: Pair, *, added: bool) -> Iterator[Found]:
    """Qualifiers of a topic mentioned on both sides, gone (or new) on one."""
    kind: ChangeKind = "qualifier-added" if added else "qualifier-removed"
    lens = p.drafts.lens
    for topic in p.a.topics:
        if topic not in p.b.topics:
            continue
        qa, qb = p.a.qualifiers.get(topic, ()), p.b.qualifiers.get(topic, ())
        mine, other = (qb, qa) if added else (qa, qb)
        for q in mine:
            if q not in other:
                yield p.found(
                    kind,
                    p.kind_weight(kind) * lens.topic_weight(topic),
                    summary.qualifier(p.address, topic, q, added, lens),
                    topic=topic,
                    from_=None if added else q,
                    to=q if added else None,
                )


def _listed(
    p: Pair,
    kind: ChangeKind,
    before: Sequence[str],
    after: Sequence[str],
    say: Callable[[str, str, bool], str],
    skip: set[str],
) -> Iterator[Found]:
    """Names on one side of the pair only: ``before`` gone, or ``after`` new (``kind``
    says which)."""
    added = kind.endswith("-added")
    mine, other = (after, before) if added else (before, after)
    for x in mine:
        if x not in other and x not in skip:
            yield p.found(
                kind,
                p.kind_weight(kind) * p.clause_weight,
                say(p.address, x, added),
                from_=None if added else x,
                to=x if added else None,
            )


def _actors(p: Pair, *, kind: ChangeKind) -> Iterator[Found]:
    return _listed(p, kind, p.a.actors, p.b.actors, summary.actor, p.skip_actors)


def _references(p: Pair, *, kind: ChangeKind) -> Iterator[Found]:
    return _listed(p, kind, p.a.references, p.b.references, summary.reference, set())


def _numbers(p: Pair) -> Iterator[Found]:
    """What numbers went and what came, paired in order."""
    gone = [n for n in p.a.numbers if n not in p.b.numbers]
    came = [n for n in p.b.numbers if n not in p.a.numbers]
    for i in range(max(len(gone), len(came))):
        na = gone[i] if i < len(gone) else None
        nb = came[i] if i < len(came) else None
        yield p.found(
            "number-changed",
            p.kind_weight("number-changed") * p.clause_weight,
            summary.number(p.address, na, nb),
            from_=na,
            to=nb,
        )


# --- pairs with one side ---------------------------------------------------------------


def _clause(p: Pair, *, added: bool) -> Iterator[Found]:
    side = p.b if added else p.a
    if not side.ids:
        return
    kind: ChangeKind = "clause-added" if added else "clause-removed"
    ids = "+".join(side.ids)
    yield p.found(
        kind,
        p.kind_weight(kind) * p.drafts.topics_weight(side.topics),
        summary.clause(side.ids, side.text, added),
        topic=side.topics[0] if side.topics else None,
        from_=None if added else ids,
        to=ids if added else None,
    )


# --- the whole drafts ------------------------------------------------------------------


def _topics(d: Drafts, *, added: bool) -> Iterator[Found]:
    """A topic mentioned in one draft only."""
    kind: ChangeKind = "topic-added" if added else "topic-removed"
    mine, other = (d.topics_b, d.topics_a) if added else (d.topics_a, d.topics_b)
    for topic in sorted((t for t in mine if t not in other), key=d.lens.topic_order):
        where = tuple(mine[topic])
        yield Found(
            kind,
            () if added else where,
            where if added else (),
            d.kind_weight(kind) * d.lens.topic_weight(topic),
            summary.topic(topic, where, added, d.label_b, d.lens),
            topic=topic,
            from_=None if added else topic,
            to=topic if added else None,
        )


def _actors_everywhere(d: Drafts, *, added: bool) -> Iterator[Found]:
    """An actor named in one draft only."""
    kind: ChangeKind = "actor-added" if added else "actor-removed"
    mine, other = (d.actors_b, d.actors_a) if added else (d.actors_a, d.actors_b)
    signals = d.signals_b if added else d.signals_a
    for name in (n for n in mine if n not in other):
        where = tuple(mine[name])
        weights = [d.topics_weight(signals[cid].topic_ids) for cid in where]
        yield Found(
            kind,
            () if added else where,
            where if added else (),
            d.kind_weight(kind) * max(weights),
            summary.actor_everywhere(name, where, added, d.label_b),
            from_=None if added else name,
            to=name if added else None,
        )


#: Detectors for a pair with clauses on both sides, by the kind they find.
PAIRED: dict[ChangeKind, PairDetector] = {
    "linkage": _linkage,
    "verb-strength": _verb_strength,
    "kind-change": _kind_change,
    "qualifier-removed": partial(_qualifiers, added=False),
    "qualifier-added": partial(_qualifiers, added=True),
    "actor-removed": partial(_actors, kind="actor-removed"),
    "actor-added": partial(_actors, kind="actor-added"),
    "reference-removed": partial(_references, kind="reference-removed"),
    "reference-added": partial(_references, kind="reference-added"),
    "number-changed": _numbers,
}
#: Detectors for a clause with no counterpart (``a`` or ``b`` empty).
UNPAIRED: dict[ChangeKind, PairDetector] = {
    "clause-removed": partial(_clause, added=False),
    "clause-added": partial(_clause, added=True),
}
#: Detectors over the two whole drafts.
DOCUMENT: dict[ChangeKind, DocumentDetector] = {
    "topic-removed": partial(_topics, added=False),
    "topic-added": partial(_topics, added=True),
    "actor-removed": partial(_actors_everywhere, added=False),
    "actor-added": partial(_actors_everywhere, added=True),
}
