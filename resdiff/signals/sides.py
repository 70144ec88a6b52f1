"""One side of an aligned pair as the change detectors read it: the union of the signals
of its clauses, so a split or a merge is compared as one provision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from resdiff.model import Clause, ClauseKind, ClauseSignals, Link, Verb


@dataclass(frozen=True, slots=True)
class Side:
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
) -> Side:
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
    return Side(
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
