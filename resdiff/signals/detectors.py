"""One detector per change kind, registered in a table.

A detector reads one aligned pair (or, for the document-wide kinds, the two drafts, or
for the header kinds, their header fields) and returns the ``Change`` values it finds,
weighted (a pair's ``factor`` included) but not ranked; ``find_changes`` runs every
table and ranks the result. A new change kind is its name in ``model.ChangeKind`` and
one detector here (``tests/unit/signals/test_changes.py`` checks that every kind has
one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal, NamedTuple

from resdiff.model import (
    HEADER_ID,
    Change,
    ChangeKind,
    ClausePair,
    ClauseSignals,
    Direction,
    Document,
)
from resdiff.signals import summary
from resdiff.signals.lens import Lens
from resdiff.signals.sides import Side
from resdiff.signals.verbs import compare_verbs
from resdiff.typography import fold

#: Fallback kind weights when a lens leaves one out.
DEFAULT_KIND_WEIGHT = 1.0


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
    #: What the weights of the pair's changes are multiplied by (less in the preamble).
    factor: float
    skip_actors: set[str]


class Headers(NamedTuple):
    """The two drafts' header fields (symbol, date, sponsors, title, author) as the
    header detectors read them; only asked when the header blocks differ."""

    lens: Lens
    a: Document
    b: Document

    def kind_weight(self, kind: str) -> float:
        return self.lens.kind_weights.get(kind, DEFAULT_KIND_WEIGHT)


#: Detectors return lists, not generators: most find nothing in most pairs, and an empty
#: list costs less than a generator.
PairDetector = Callable[[Pair], list[Change]]
DocumentDetector = Callable[[Drafts], list[Change]]
HeaderDetector = Callable[[Headers], list[Change]]


def _change(
    kind: ChangeKind,
    a: tuple[str, ...],
    b: tuple[str, ...],
    weight: float,
    text: str,
    topic: str | None = None,
    related: str | None = None,
    from_: str | None = None,
    to: str | None = None,
    direction: Direction | None = None,
) -> Change:
    """A change with its weight rounded (so equal weights rank equal)."""
    return Change(kind, topic, related, a, b, from_, to, direction, round(weight, 4), text)


# --- pairs with both sides -------------------------------------------------------------


def _linkage(p: Pair) -> list[Change]:
    """Every topic pair linked on either side whose relation differs."""
    sa, sb = p.a, p.b
    if not (sa.links or sb.links):
        return []
    lens = p.drafts.lens
    out = []
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
            p.drafts.kind_weight("linkage")
            * severity
            * ((lens.topic_weight(x) + lens.topic_weight(y)) / 2)
        )
        unlinking = sa if rel_a == "none" else sb
        mentions = p.drafts.topics_a if rel_a == "none" else p.drafts.topics_b
        elsewhere = () if y in unlinking.topics else tuple(mentions.get(y, ()))
        cue_a, cue_b = la.cue if la else None, lb.cue if lb else None
        text = summary.linkage(p.address, x, y, rel_a, rel_b, cue_a, cue_b, lens, elsewhere)
        out.append(_change("linkage", sa.ids, sb.ids, weight * p.factor, text, x, y, rel_a, rel_b))
    return out


def _verb_strength(p: Pair) -> list[Change]:
    va, vb = p.a.verb, p.b.verb
    if not (va and vb) or va.text.lower() == vb.text.lower():
        return []
    direction = compare_verbs(va, vb)
    if va.scale == vb.scale and va.strength == vb.strength:
        return []
    delta = abs(vb.strength - va.strength) if direction else 0.0
    factor = 0.75 + 0.25 * min(1.0, delta / 3) if va.scale == vb.scale else 0.75
    weight = p.drafts.kind_weight("verb-strength") * p.clause_weight * factor
    text = summary.verb(p.address, va.text, vb.text, direction, va.scale, vb.scale)
    topic = p.topics[0] if p.topics else None
    return [
        _change(
            "verb-strength",
            p.a.ids,
            p.b.ids,
            weight * p.factor,
            text,
            topic,
            None,
            va.text,
            vb.text,
            direction,
        )
    ]


def _kind_change(p: Pair) -> list[Change]:
    """Operative <-> preambular."""
    sa, sb = p.a, p.b
    kinds = p.clauses.kind_change or ((sa.role, sb.role) if sa.role and sb.role else None)
    if not (kinds and kinds[0] != kinds[1] and set(kinds) <= {"operative", "preambular"}):
        return []
    weight = p.drafts.kind_weight("kind-change") * p.clause_weight
    text = summary.kind_change(p.address, kinds[0], kinds[1])
    topic = p.topics[0] if p.topics else None
    direction: Direction = "weaker" if kinds[0] == "operative" else "stronger"
    return [
        _change(
            "kind-change",
            sa.ids,
            sb.ids,
            weight * p.factor,
            text,
            topic,
            None,
            kinds[0],
            kinds[1],
            direction,
        )
    ]


def _qualifiers(p: Pair, *, added: bool) -> list[Change]:
    """Qualifiers of a topic mentioned on both sides, gone (or new) on one."""
    kind: ChangeKind = "qualifier-added" if added else "qualifier-removed"
    lens = p.drafts.lens
    out = []
    for topic in p.a.topics:
        if topic not in p.b.topics:
            continue
        qa, qb = p.a.qualifiers.get(topic, ()), p.b.qualifiers.get(topic, ())
        mine, other = (qb, qa) if added else (qa, qb)
        for q in mine:
            if q not in other:
                weight = p.drafts.kind_weight(kind) * lens.topic_weight(topic)
                text = summary.qualifier(p.address, topic, q, added, lens)
                old, new = (None, q) if added else (q, None)
                out.append(
                    _change(kind, p.a.ids, p.b.ids, weight * p.factor, text, topic, None, old, new)
                )
    return out


def _listed(
    p: Pair,
    kind: ChangeKind,
    before: Sequence[str],
    after: Sequence[str],
    say: Callable[[str, str, bool], str],
    skip: set[str],
) -> list[Change]:
    """Names on one side of the pair only: ``before`` gone, or ``after`` new (``kind``
    says which)."""
    added = kind.endswith("-added")
    mine, other = (after, before) if added else (before, after)
    out = []
    for x in mine:
        if x not in other and x not in skip:
            weight = p.drafts.kind_weight(kind) * p.clause_weight
            old, new = (None, x) if added else (x, None)
            text = say(p.address, x, added)
            out.append(
                _change(kind, p.a.ids, p.b.ids, weight * p.factor, text, None, None, old, new)
            )
    return out


def _actors(p: Pair, *, kind: ChangeKind) -> list[Change]:
    return _listed(p, kind, p.a.actors, p.b.actors, summary.actor, p.skip_actors)


def _references(p: Pair, *, kind: ChangeKind) -> list[Change]:
    return _listed(p, kind, p.a.references, p.b.references, summary.reference, set())


def _numbers(p: Pair) -> list[Change]:
    """What numbers went and what came, paired in order."""
    gone = [n for n in p.a.numbers if n not in p.b.numbers]
    came = [n for n in p.b.numbers if n not in p.a.numbers]
    out = []
    for i in range(max(len(gone), len(came))):
        na = gone[i] if i < len(gone) else None
        nb = came[i] if i < len(came) else None
        weight = p.drafts.kind_weight("number-changed") * p.clause_weight
        text = summary.number(p.address, na, nb)
        out.append(
            _change("number-changed", p.a.ids, p.b.ids, weight * p.factor, text, None, None, na, nb)
        )
    return out


# --- pairs with one side ---------------------------------------------------------------


def _clause(p: Pair, *, added: bool) -> list[Change]:
    side = p.b if added else p.a
    if not side.ids:
        return []
    kind: ChangeKind = "clause-added" if added else "clause-removed"
    ids = "+".join(side.ids)
    weight = p.drafts.kind_weight(kind) * p.drafts.topics_weight(side.topics)
    text = summary.clause(side.ids, side.text, added)
    topic = side.topics[0] if side.topics else None
    old, new = (None, ids) if added else (ids, None)
    return [_change(kind, p.a.ids, p.b.ids, weight * p.factor, text, topic, None, old, new)]


# --- the whole drafts ------------------------------------------------------------------


def _topics(d: Drafts, *, added: bool) -> list[Change]:
    """A topic mentioned in one draft only."""
    kind: ChangeKind = "topic-added" if added else "topic-removed"
    mine, other = (d.topics_b, d.topics_a) if added else (d.topics_a, d.topics_b)
    out = []
    for topic in sorted((t for t in mine if t not in other), key=d.lens.topic_order):
        where = tuple(mine[topic])
        weight = d.kind_weight(kind) * d.lens.topic_weight(topic)
        text = summary.topic(topic, where, added, d.label_b, d.lens)
        a, b = ((), where) if added else (where, ())
        old, new = (None, topic) if added else (topic, None)
        out.append(_change(kind, a, b, weight, text, topic, None, old, new))
    return out


def _actors_everywhere(d: Drafts, *, added: bool) -> list[Change]:
    """An actor named in one draft only."""
    kind: ChangeKind = "actor-added" if added else "actor-removed"
    mine, other = (d.actors_b, d.actors_a) if added else (d.actors_a, d.actors_b)
    signals = d.signals_b if added else d.signals_a
    out = []
    for name in (n for n in mine if n not in other):
        where = tuple(mine[name])
        weights = [d.topics_weight(signals[cid].topic_ids) for cid in where]
        weight = d.kind_weight(kind) * max(weights)
        text = summary.actor_everywhere(name, where, added, d.label_b)
        a, b = ((), where) if added else (where, ())
        old, new = (None, name) if added else (name, None)
        out.append(_change(kind, a, b, weight, text, None, None, old, new))
    return out


# --- the headers ------------------------------------------------------------------------

_HEADER = (HEADER_ID,)


def _name_key(name: str) -> str:
    """Names compared as a reader does: case, spacing and typography aside."""
    return " ".join(fold(name).casefold().split())


def _sponsors(h: Headers, *, added: bool) -> list[Change]:
    """A sponsor in one header only, one change each ("Algeria joins the sponsors")."""
    kind: ChangeKind = "sponsor-added" if added else "sponsor-removed"
    mine, other = (h.b.sponsors, h.a.sponsors) if added else (h.a.sponsors, h.b.sponsors)
    others = {_name_key(n) for n in other}
    weight = h.kind_weight(kind)
    out = []
    for name in dict.fromkeys(mine):
        if _name_key(name) not in others:
            old, new = (None, name) if added else (name, None)
            text = summary.sponsor(name, added)
            out.append(_change(kind, _HEADER, _HEADER, weight, text, None, None, old, new))
    return out


HeaderField = Literal["symbol", "date", "title", "author"]
_FIELD_KINDS: Mapping[HeaderField, ChangeKind] = {
    "symbol": "symbol-changed",
    "date": "date-changed",
    "title": "title-changed",
    "author": "author-changed",
}


def _header_field(h: Headers, *, name: HeaderField) -> list[Change]:
    """A header field that differs (or is found in one header only)."""
    old, new = getattr(h.a, name), getattr(h.b, name)
    if _name_key(old or "") == _name_key(new or ""):
        return []
    kind = _FIELD_KINDS[name]
    text = summary.header_field(name, old, new)
    return [_change(kind, _HEADER, _HEADER, h.kind_weight(kind), text, None, None, old, new)]


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
#: Detectors over the two header blocks (when they differ); their changes name the
#: header (``HEADER_ID``) on both sides.
HEADER: dict[ChangeKind, HeaderDetector] = {
    "sponsor-added": partial(_sponsors, added=True),
    "sponsor-removed": partial(_sponsors, added=False),
    "symbol-changed": partial(_header_field, name="symbol"),
    "date-changed": partial(_header_field, name="date"),
    "title-changed": partial(_header_field, name="title"),
    "author-changed": partial(_header_field, name="author"),
}
