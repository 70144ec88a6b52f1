"""One detector per change kind, registered in a table.

A detector reads one aligned pair (or, for the document-wide kinds, the two drafts, or
for the header kinds, their header fields) and returns the ``Change`` values it finds,
weighted (a pair's ``factor`` included) but not ranked; ``find_changes`` runs every
table and ranks the result. A new change kind is its name in ``model.ChangeKind`` and
one detector here (``tests/unit/signals/test_changes.py`` checks that every kind has
one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
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
from resdiff.signals.references import same_reference
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
    #: Topic pair -> the relations linking it anywhere in the draft.
    links_a: Mapping[frozenset[str], frozenset[str]]
    links_b: Mapping[frozenset[str], frozenset[str]]
    #: The author organs of the two drafts ("Security Council"): authors, not actors.
    organs: frozenset[str] = frozenset()
    #: Clause id -> the actors named in the paragraphs just before and after its own
    #: (top-level) paragraph, in each draft.
    near_a: Mapping[str, frozenset[str]] = field(default_factory=dict)
    near_b: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Clause ids of each draft lying beyond the end of the other, when the other copy
    #: looks cut short (empty otherwise).
    unseen_a: frozenset[str] = frozenset()
    unseen_b: frozenset[str] = frozenset()

    def unseen(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Whether a change resting on clauses ``a`` and ``b`` (one side may be empty)
        rests only on what a copy cut short may lack."""
        ids_a, ids_b = tuple(a), tuple(b)
        if not ids_a and not ids_b:
            return False
        return all(x in self.unseen_a for x in ids_a) and all(x in self.unseen_b for x in ids_b)

    def clause_weight(self, side: Side) -> float:
        """What a whole paragraph added or removed says, in topic weights
        (``[ranking.clause]``): its weightiest topic, shares of its further topics, of
        the actors, links and references it names (up to a cap), then more for a
        strong operative verb. A paragraph naming nothing weighs the default topic
        weight, as before."""
        w = self.lens.clause_weights
        topics = sorted((self.lens.topic_weight(t) for t in side.topics), reverse=True)
        content = topics[0] if topics else self.lens.default_topic_weight
        content += w.further_topic * sum(topics[1:])
        actors = [n for n in side.actors if n not in self.organs]
        content += w.actor * len(actors) + w.link * len(side.links)
        content += w.reference * len(side.references)
        return min(w.cap, content) * self._verb_factor(side)

    def _verb_factor(self, side: Side) -> float:
        """Up to ``operative`` for an operative paragraph, by its verb's strength on its
        scale (a paragraph that decides or demands outweighs one that notes)."""
        w = self.lens.clause_weights
        verb = side.verb
        if side.role != "operative" or verb is None or verb.strength < 1:
            return 1.0
        top = self.lens.scale_top(verb.scale)
        return 1.0 + (w.operative - 1.0) * min(1.0, verb.strength / top) if top else 1.0

    @property
    def one_sided_actors(self) -> set[str]:
        """Actors named in one draft only (reported once, at document level) and the
        organs that wrote either draft (never reported)."""
        return (set(self.actors_a) ^ set(self.actors_b)) | self.organs

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
    #: Each side's whole provision (chapeau and sub-paragraphs), for a top-level pair
    #: only: links are compared over it, so a condition moved into a sub-paragraph is
    #: still the same provision's condition.
    tree: tuple[Side, Side] | None = None
    #: For a top-level pair, each side with its sub-paragraphs that have no counterpart
    #: (a condition or a qualifier spelt out in a new sub-paragraph is still the
    #: paragraph's); None for a sub-paragraph pair.
    extended: tuple[Side, Side] | None = None


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


def _linkage_weight(d: Drafts, x: str, y: str, rel_a: str | None, rel_b: str | None) -> float:
    """How much a change of the relation between topics ``x`` and ``y`` weighs; 0 when it
    is no news: two topics standing side by side (or no longer) matters only between
    topics traded in deals (a ceasefire, hostages), not beside a standing obligation."""
    lens = d.lens
    if {rel_a, rel_b} == {None, "parallel"} and not (lens.traded(x) and lens.traded(y)):
        return 0.0
    if "conditional" in (rel_a, rel_b):
        severity = lens.linkage_weights.get("conditional", 1.0)
    elif "sequence" in (rel_a, rel_b):
        severity = lens.linkage_weights.get("sequence", 1.0)
    else:
        severity = lens.linkage_weights.get("parallel", 1.0)
    return d.kind_weight("linkage") * severity * ((lens.topic_weight(x) + lens.topic_weight(y)) / 2)


def _by_topic_order(lens: Lens, keys: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    return sorted(keys, key=lambda k: sorted(lens.topic_order(t) for t in k))


def _linkage(p: Pair) -> list[Change]:
    """Every topic pair linked on either side whose relation differs (None: not linked),
    over each side's whole provision."""
    if p.tree is None:
        return []
    sa, sb = p.tree
    if not (sa.links or sb.links):
        return []
    out = []
    for key in _by_topic_order(p.drafts.lens, set(sa.links) | set(sb.links)):
        la, lb = sa.links.get(key), sb.links.get(key)
        rel_a = la.relation if la else None
        rel_b = lb.relation if lb else None
        if rel_a == rel_b:
            continue
        first = la if la is not None and (rel_a == "conditional" or lb is None) else lb
        assert first is not None
        x, y = first.topics
        weight = _linkage_weight(p.drafts, x, y, rel_a, rel_b)
        if not weight:
            continue
        unlinking = sa if rel_a is None else sb
        mentions = p.drafts.topics_a if rel_a is None else p.drafts.topics_b
        elsewhere = () if y in unlinking.topics else tuple(mentions.get(y, ()))
        cue_a, cue_b = la.cue if la else None, lb.cue if lb else None
        lens = p.drafts.lens
        text = summary.linkage(p.address, x, y, rel_a, rel_b, cue_a, cue_b, lens, elsewhere)
        weight *= p.factor
        out.append(_change("linkage", p.a.ids, p.b.ids, weight, text, x, y, rel_a, rel_b))
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
    """Qualifiers of a topic mentioned on both sides, gone (or new) on one.

    One edit is one change: "all remaining" becoming "all" is "'remaining' dropped", not
    "'all remaining' dropped" and "'all' added". A qualifier still there on the other
    side, broken by a line break inside a word ("in accordanc e with"), has not changed.
    """
    kind: ChangeKind = "qualifier-added" if added else "qualifier-removed"
    lens = p.drafts.lens
    sa, sb = p.extended or (p.a, p.b)
    out = []
    for topic in sa.topics:
        if topic not in sb.topics:
            continue
        qa, qb = sa.qualifiers.get(topic, ()), sb.qualifiers.get(topic, ())
        gone = [q for q in qa if q not in qb]
        came = [q for q in qb if q not in qa]
        mine, theirs, other_text = (came, gone, sa.text) if added else (gone, came, sb.text)
        for q in mine:
            if broken_phrase(q, other_text):
                continue
            if any(_words_within(q, t) for t in theirs):
                continue  # part of the other side's qualifier: said there, once
            kept = next((t for t in theirs if _words_within(t, q)), None)
            say = q if kept is None else _extra_words(q, kept)
            edit = None if kept is None else ((kept, q) if added else (q, kept))
            weight = p.drafts.kind_weight(kind) * lens.topic_weight(topic)
            text = summary.qualifier(p.address, topic, say, added, lens, edit)
            old, new = (None, say) if added else (say, None)
            out.append(
                _change(kind, p.a.ids, p.b.ids, weight * p.factor, text, topic, None, old, new)
            )
    return out


def _words_within(small: str, big: str) -> bool:
    """Every word of ``small`` is in ``big``, which has more ("all" in "all remaining")."""
    words = big.lower().split()
    return len(words) > len(small.split()) and all(w in words for w in small.lower().split())


def _extra_words(big: str, small: str) -> str:
    """The words of ``big`` that ``small`` lacks ("remaining")."""
    have = small.lower().split()
    return " ".join(w for w in big.split() if w.lower() not in have)


def broken_phrase(phrase: str, text: str) -> bool:
    """Whether ``phrase`` is in ``text`` only broken inside a word, as a PDF line break
    leaves it ("accordanc e"): the phrase is there, not changed."""
    loose, squashed, words = _loose_phrase(phrase)
    low, flat = _squashed(text)
    if squashed not in flat:
        return False  # not there in any form (most of the time: one substring test)
    return any(len(m.group().split()) > words for m in loose.finditer(low))


@cache
def _loose_phrase(phrase: str) -> tuple[re.Pattern[str], str, int]:
    """The phrase with an optional space between any two letters, squashed, its length."""
    words = phrase.lower().split()
    loose = r"\s+".join(r"\s?".join(map(re.escape, w)) for w in words)
    return re.compile(loose), "".join(words), len(words)


@lru_cache(maxsize=64)
def _squashed(text: str) -> tuple[str, str]:
    """A side's text lower-cased, and without any space (one side asks many times)."""
    low = text.lower()
    return low, "".join(low.split())


def _listed(
    p: Pair,
    kind: ChangeKind,
    before: Sequence[str],
    after: Sequence[str],
    say: Callable[[str, str, bool], str],
    skip: set[str],
    same: Callable[[str], str] = str,
) -> list[Change]:
    """Names on one side of the pair only: ``before`` gone, or ``after`` new (``kind``
    says which); ``same`` gives what two ways of writing one name share."""
    added = kind.endswith("-added")
    mine, other = (after, before) if added else (before, after)
    others = {same(y) for y in other}
    out = []
    for x in mine:
        if same(x) not in others and x not in skip:
            weight = p.drafts.kind_weight(kind) * p.clause_weight
            old, new = (None, x) if added else (x, None)
            text = say(p.address, x, added)
            out.append(
                _change(kind, p.a.ids, p.b.ids, weight * p.factor, text, None, None, old, new)
            )
    return out


def _actors(p: Pair, *, kind: ChangeKind) -> list[Change]:
    """Actors named on one side of the pair only. An actor that the other draft names in
    the next paragraph (or the one before), where this draft does not, has moved next
    door: not reported."""
    sa, sb = p.a, p.b
    d = p.drafts
    there_a = {n for cid in sa.ids for n in d.near_a.get(cid, ())}
    there_b = {n for cid in sb.ids for n in d.near_b.get(cid, ())}
    moved = there_a - there_b if kind == "actor-added" else there_b - there_a
    return _listed(p, kind, sa.actors, sb.actors, summary.actor, p.skip_actors | moved)


def _references(p: Pair, *, kind: ChangeKind) -> list[Change]:
    refs_a, refs_b = p.a.references, p.b.references
    return _listed(p, kind, refs_a, refs_b, summary.reference, set(), same_reference)


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
    if not side.ids or not any(ch.isalnum() for ch in side.text):
        return []  # a paragraph with no word (a page's "[^]" link) says nothing
    kind: ChangeKind = "clause-added" if added else "clause-removed"
    ids = "+".join(side.ids)
    weight = p.drafts.kind_weight(kind) * p.drafts.clause_weight(side)
    text = summary.clause(side.ids, side.text, added)
    topic = side.topics[0] if side.topics else None
    old, new = (None, ids) if added else (ids, None)
    return [_change(kind, p.a.ids, p.b.ids, weight * p.factor, text, topic, None, old, new)]


def _linkage_alone(p: Pair) -> list[Change]:
    """The links of a provision with no counterpart that the other draft does not make
    anywhere: a condition that comes (or goes) with a whole paragraph is a linkage change
    too, as an actor named in a new paragraph is."""
    if p.tree is None:
        return []
    added = not p.a.ids
    side = p.tree[1] if added else p.tree[0]
    other = p.drafts.links_a if added else p.drafts.links_b
    out = []
    for key in _by_topic_order(p.drafts.lens, side.links):
        link = side.links[key]
        if link.relation in other.get(key, ()):
            continue
        x, y = link.topics
        rel_a, rel_b = (None, link.relation) if added else (link.relation, None)
        weight = _linkage_weight(p.drafts, x, y, rel_a, rel_b)
        if not weight:
            continue
        cue_a, cue_b = (None, link.cue) if added else (link.cue, None)
        addr = f"new {p.address}" if added else f"{p.address} (removed)"
        text = summary.linkage(addr, x, y, rel_a, rel_b, cue_a, cue_b, p.drafts.lens)
        weight *= p.factor
        out.append(_change("linkage", p.a.ids, p.b.ids, weight, text, x, y, rel_a, rel_b))
    return out


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
        weight *= d.lens.partial_factor if d.unseen(a, b) else 1.0
        old, new = (None, topic) if added else (topic, None)
        out.append(_change(kind, a, b, weight, text, topic, None, old, new))
    return out


def _actors_everywhere(d: Drafts, *, added: bool) -> list[Change]:
    """An actor named in one draft only."""
    kind: ChangeKind = "actor-added" if added else "actor-removed"
    mine, other = (d.actors_b, d.actors_a) if added else (d.actors_a, d.actors_b)
    signals = d.signals_b if added else d.signals_a
    out = []
    for name in (n for n in mine if n not in other and n not in d.organs):
        where = tuple(mine[name])
        weights = [d.topics_weight(signals[cid].topic_ids) for cid in where]
        weight = d.kind_weight(kind) * max(weights)
        text = summary.actor_everywhere(name, where, added, d.label_b)
        a, b = ((), where) if added else (where, ())
        weight *= d.lens.partial_factor if d.unseen(a, b) else 1.0
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
    "linkage": _linkage_alone,
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
