"""Ranked changes in substance between two drafts: linkage, verb strength, demotion,
qualifiers, topics, actors, references, numbers, whole clauses.

Each aligned pair (sub-paragraph pairs included) compares the union of the signals of
its clauses on each side (``sides.union``), so a split or merge is read as one
provision. The detectors, one per change kind, are in ``detectors``; topics and actors
that vanish from (or appear in) the whole document are reported once more at document
level. Weights come from the lens (``[ranking]``); ties keep document order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from resdiff.model import Change, Clause, ClausePair, ClauseSignals, Document
from resdiff.signals import summary
from resdiff.signals.detectors import (
    DOCUMENT,
    HEADER,
    PAIRED,
    UNPAIRED,
    Drafts,
    Headers,
    Pair,
)
from resdiff.signals.lens import CHANGE_KINDS, Lens
from resdiff.signals.sides import union


def find_changes(
    a: Document,
    b: Document,
    pairs: Sequence[ClausePair],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
    lens: Lens,
    header: ClausePair | None = None,
) -> tuple[Change, ...]:
    """``pairs`` are every aligned pair to read (paragraphs, footnotes); ``header`` the
    header blocks' pair: when it changed, the header fields are compared too."""
    clauses_a = {c.id: c for c in a.walk()}
    clauses_b = {c.id: c for c in b.walk()}
    drafts = _drafts(lens, b.label or b.id, clauses_a, clauses_b, signals_a, signals_b)
    found = _detect(drafts, pairs, clauses_a, clauses_b, drafts.one_sided_actors)
    for find in DOCUMENT.values():
        found.extend(find(drafts))
    if header is not None and header.changed:
        headers = Headers(lens, a, b)
        for read in HEADER.values():
            found.extend(read(headers))
    return _ranked(found, clauses_a, clauses_b)


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
    drafts = _drafts(lens, b.id, clauses_a, clauses_b, signals_a, signals_b)
    return _ranked(_detect(drafts, (pair,), clauses_a, clauses_b, set()), clauses_a, clauses_b)


def _drafts(
    lens: Lens,
    label_b: str,
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
) -> Drafts:
    return Drafts(
        lens=lens,
        label_b=label_b,
        signals_a=signals_a,
        signals_b=signals_b,
        topics_a=_mentions(clauses_a, signals_a, "topics"),
        topics_b=_mentions(clauses_b, signals_b, "topics"),
        actors_a=_mentions(clauses_a, signals_a, "actors"),
        actors_b=_mentions(clauses_b, signals_b, "actors"),
    )


def _detect(
    drafts: Drafts,
    pairs: Sequence[ClausePair],
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    skip_actors: set[str],
) -> list[Change]:
    """Every pair's changes (sub-paragraph pairs included), by the registered detectors."""
    lens = drafts.lens
    found: list[Change] = []
    for top in pairs:
        for clause_pair in top.walk():
            sa = union(clause_pair.a, clauses_a, drafts.signals_a)
            sb = union(clause_pair.b, clauses_b, drafts.signals_b)
            topics = tuple(dict.fromkeys((*sa.topics, *sb.topics)))
            pair = Pair(
                drafts=drafts,
                clauses=clause_pair,
                a=sa,
                b=sb,
                address=summary.address(sa.ids, sb.ids),
                topics=topics,
                clause_weight=drafts.topics_weight(topics),
                # Changes inside preambular pairs weigh less.
                factor=lens.preambular_factor if sa.role == sb.role == "preambular" else 1.0,
                skip_actors=skip_actors,
            )
            for detect in (PAIRED if clause_pair.a and clause_pair.b else UNPAIRED).values():
                found.extend(detect(pair))
    return found


def _ranked(
    changes: list[Change], clauses_a: Mapping[str, Clause], clauses_b: Mapping[str, Clause]
) -> tuple[Change, ...]:
    """Weight first, then document order (a's clauses, then b's), so equal weights never
    reorder between runs."""
    order_a = {cid: i for i, cid in enumerate(clauses_a)}
    offset = len(order_a)
    order_b = {cid: offset + i for i, cid in enumerate(clauses_b)}
    kind_index = {kind: i for i, kind in enumerate(CHANGE_KINDS)}

    def key(c: Change) -> tuple[float, int, int, str, str, str]:
        if len(c.a) == 1:
            position = order_a.get(c.a[0], 0)
        elif c.a:
            position = min(order_a.get(x, 0) for x in c.a)
        else:
            position = min((order_b.get(x, offset) for x in c.b), default=offset)
        return (-c.weight, position, kind_index[c.kind], c.topic or "", c.related or "", c.summary)

    return tuple(sorted(changes, key=key))


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
