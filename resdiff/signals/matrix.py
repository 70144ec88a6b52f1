"""Positions matrix: for each topic and each draft, the strongest verb used on it, its
qualifiers and its links."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from resdiff.model import (
    Clause,
    ClauseSignals,
    Document,
    Link,
    MatrixCell,
    PositionsMatrix,
    Verb,
)
from resdiff.signals.lens import Lens


def build_matrix(
    docs: Sequence[Document],
    signals: Mapping[str, Mapping[str, ClauseSignals]],
    lens: Lens,
) -> PositionsMatrix:
    cells: dict[tuple[str, str], MatrixCell] = {}
    seen: set[str] = set()
    for doc in docs:
        doc_signals = signals.get(doc.id, {})
        per_topic: dict[str, list[tuple[str, ClauseSignals]]] = {}
        for clause, s in _with_inherited_verbs(doc.clauses, doc_signals, None):
            for topic in s.topic_ids:
                per_topic.setdefault(topic, []).append((clause.id, s))
        for topic, hits in per_topic.items():
            seen.add(topic)
            cells[(topic, doc.id)] = _cell(topic, hits)
    topics = tuple(sorted(seen, key=lambda t: (lens.topic_order(t), t)))
    return PositionsMatrix(
        topics=topics,
        labels={t: lens.topic_label(t) for t in topics},
        documents=tuple(d.id for d in docs),
        cells=cells,
    )


def _with_inherited_verbs(
    clauses: Sequence[Clause], signals: Mapping[str, ClauseSignals], verb: Verb | None
) -> Iterator[tuple[Clause, ClauseSignals]]:
    """Clauses in document order; a sub-paragraph without a verb of its own ("(b) Report
    to the Council ...") takes its parent's ("Requests the Secretary-General to:")."""
    for clause in clauses:
        s = signals.get(clause.id)
        if s is None:
            continue
        if s.verb is None and verb is not None and clause.kind == "subparagraph":
            s = replace(s, verb=verb)
        yield clause, s
        yield from _with_inherited_verbs(clause.children, signals, s.verb)


def _cell(topic: str, hits: Sequence[tuple[str, ClauseSignals]]) -> MatrixCell:
    verb: Verb | None = None
    quals: dict[str, None] = {}
    links: dict[tuple[tuple[str, str], str], Link] = {}
    for _cid, s in hits:
        if s.verb is not None and (verb is None or _stronger(s.verb, verb)):
            verb = s.verb
        quals.update(dict.fromkeys(s.qualifiers.get(topic, ())))
        for link in s.links:
            if topic in link.topics:
                links.setdefault((link.topics, link.relation), link)
    return MatrixCell(
        verb=verb,
        clauses=tuple(cid for cid, _ in hits),
        qualifiers=tuple(quals),
        links=tuple(links.values()),
    )


def _stronger(v: Verb, than: Verb) -> bool:
    """Operative beats preambular; then obligation-type strength; first seen wins ties."""
    return (v.strength >= 1, v.strength) > (than.strength >= 1, than.strength)
