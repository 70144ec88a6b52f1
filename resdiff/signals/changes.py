"""Ranked changes in substance between two drafts: linkage, verb strength, demotion,
qualifiers, topics, actors, references, numbers, whole clauses.

Each aligned pair (sub-paragraph pairs included) compares the union of the signals of
its clauses on each side (``sides.union``), so a split or merge is read as one
provision; links are compared once per top-level pair, over each side's whole provision
(chapeau and sub-paragraphs). The detectors, one per change kind, are in ``detectors``;
topics and actors that vanish from (or appear in) the whole document are reported once
more at document level, and the organs that wrote the drafts are never actors. Weights
come from the lens (``[ranking]``); ties keep document order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from resdiff.model import Change, Clause, ClausePair, ClauseSignals, Document
from resdiff.parse.warnings import cut_short
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
from resdiff.signals.sides import Side, union


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
    drafts = _drafts(lens, b.label or b.id, clauses_a, clauses_b, signals_a, signals_b, (a, b))
    drafts = replace(
        drafts,
        unseen_a=_beyond_cut(b, a, [p.a for top in pairs for p in top.walk() if p.a and p.b]),
        unseen_b=_beyond_cut(a, b, [p.b for top in pairs for p in top.walk() if p.a and p.b]),
    )
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
    docs: tuple[Document, Document] | None = None,
) -> Drafts:
    """``docs`` are the two whole drafts, when there are drafts: their author organs are
    never actors, and an actor moved to a neighbouring paragraph has not gone."""
    if docs is None:
        organs: frozenset[str] = frozenset()
        near_a: dict[str, frozenset[str]] = {}
        near_b: dict[str, frozenset[str]] = {}
    else:
        organs = _organs(docs[0], docs[1], signals_a, signals_b)
        near_a = _near_actors(docs[0], signals_a)
        near_b = _near_actors(docs[1], signals_b)
    return Drafts(
        lens=lens,
        label_b=label_b,
        signals_a=signals_a,
        signals_b=signals_b,
        topics_a=_mentions(clauses_a, signals_a, "topics"),
        topics_b=_mentions(clauses_b, signals_b, "topics"),
        actors_a=_mentions(clauses_a, signals_a, "actors"),
        actors_b=_mentions(clauses_b, signals_b, "actors"),
        links_a=_links(signals_a),
        links_b=_links(signals_b),
        organs=organs,
        near_a=near_a,
        near_b=near_b,
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
        if _read_alike(top, clauses_a, clauses_b, drafts):
            continue
        own, tree, extended = _whole_provisions(
            top, clauses_a, clauses_b, drafts.signals_a, drafts.signals_b
        )
        for clause_pair in top.walk():
            if clause_pair is top:
                sa, sb = own
            else:
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
                factor=_factor(lens, drafts, sa, sb),
                skip_actors=skip_actors,
                tree=tree if clause_pair is top else None,
                extended=extended if clause_pair is top else None,
            )
            for detect in (PAIRED if clause_pair.a and clause_pair.b else UNPAIRED).values():
                found.extend(detect(pair))
    return found


def _factor(lens: Lens, drafts: Drafts, sa: Side, sb: Side) -> float:
    """Changes inside preambular pairs weigh less; so do paragraphs that a copy cut
    short may merely lack (all of them beyond its end)."""
    if sa.role == sb.role == "preambular":
        return lens.preambular_factor
    if drafts.unseen(sa.ids, sb.ids):
        return lens.partial_factor
    return 1.0


def _beyond_cut(cut: Document, other: Document, paired: Sequence[Sequence[str]]) -> frozenset[str]:
    """The clauses of ``other`` after the last top-level paragraph it shares with
    ``cut`` (``paired``: each aligned pair's ids on ``other``'s side), when ``cut`` looks
    cut short: the copy may end before them, so their absence from it says little.
    Preambular paragraphs are never among them: a copy with an operative part has its
    whole preamble, and one with none may have rewritten its preamble as well as lost
    the rest."""
    if not cut_short(cut.clauses, un_text=cut.author is not None or bool(cut.sponsors)):
        return frozenset()
    shared = {cid for ids in paired for cid in ids}
    last = max((i for i, c in enumerate(other.clauses) if c.id in shared), default=-1)
    kinds = [c.kind for c in other.clauses]
    start = max(last + 1, kinds.index("operative") if "operative" in kinds else len(kinds))
    beyond = {node.id for top in other.clauses[start:] for node in top.walk()}
    if start == last + 1 and last >= 0:
        beyond.update(_after_last_shared(other.clauses[last], shared))
    return frozenset(beyond)


def _after_last_shared(top: Clause, shared: AbstractSet[str]) -> list[str]:
    """The sub-paragraphs of the last paragraph both copies share that come after the
    last one they share: a copy cut inside a list may merely stop before them."""
    nodes = list(top.walk())[1:]
    last = max((i for i, node in enumerate(nodes) if node.id in shared), default=-1)
    return [node.id for node in nodes[last + 1 :]] if last >= 0 else []


def _read_alike(
    top: ClausePair,
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    drafts: Drafts,
) -> bool:
    """Whether a pair of one clause a side, neither with sub-paragraphs, of one kind,
    was read to the very same signals (``compare`` shares them between drafts that
    repeat a clause): every pair detector would compare equal values and find nothing,
    so none is asked. Most pairs of a revision are such."""
    if len(top.a) != 1 or len(top.b) != 1 or top.children or top.kind_change:
        return False
    ca, cb = clauses_a.get(top.a[0]), clauses_b.get(top.b[0])
    if ca is None or cb is None or ca.children or cb.children or ca.kind != cb.kind:
        return False
    signals = drafts.signals_a.get(ca.id)
    return signals is not None and signals is drafts.signals_b.get(cb.id)


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


def _whole_provisions(
    top: ClausePair,
    clauses_a: Mapping[str, Clause],
    clauses_b: Mapping[str, Clause],
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
) -> tuple[tuple[Side, Side], tuple[Side, Side], tuple[Side, Side]]:
    """A top-level pair's own sides, each side's whole provision (with every
    sub-paragraph) and each side with the sub-paragraphs that have no counterpart; for a
    pair with no sub-paragraphs (most), all three are the pair's own sides."""
    own = (union(top.a, clauses_a, signals_a), union(top.b, clauses_b, signals_b))
    if not top.children and not _has_children(top, clauses_a, clauses_b):
        return own, own, own
    tree = (
        union(_subtree(top.a, clauses_a), clauses_a, signals_a),
        union(_subtree(top.b, clauses_b), clauses_b, signals_b),
    )
    alone_a, alone_b = _unpaired_below(top)
    extended = (
        union([*top.a, *alone_a], clauses_a, signals_a),
        union([*top.b, *alone_b], clauses_b, signals_b),
    )
    return own, tree, extended


def _has_children(
    top: ClausePair, clauses_a: Mapping[str, Clause], clauses_b: Mapping[str, Clause]
) -> bool:
    return any(clauses_a[c].children for c in top.a if c in clauses_a) or any(
        clauses_b[c].children for c in top.b if c in clauses_b
    )


def _subtree(ids: Sequence[str], clauses: Mapping[str, Clause]) -> list[str]:
    """The clauses and all their sub-paragraphs, in reading order."""
    return [node.id for cid in ids if cid in clauses for node in clauses[cid].walk()]


def _unpaired_below(top: ClausePair) -> tuple[list[str], list[str]]:
    """The sub-paragraphs under a pair that have no counterpart, on each side: their
    qualifiers are read with the paragraph's own (nothing else compares them)."""
    alone_a: list[str] = []
    alone_b: list[str] = []
    for pair in top.walk():
        if pair is top:
            continue
        if not pair.b:
            alone_a.extend(pair.a)
        elif not pair.a:
            alone_b.extend(pair.b)
    return alone_a, alone_b


def _links(signals: Mapping[str, ClauseSignals]) -> dict[frozenset[str], frozenset[str]]:
    """Every topic pair a draft links anywhere, with the relations it uses."""
    found: dict[frozenset[str], set[str]] = {}
    for s in signals.values():
        for link in s.links:
            found.setdefault(frozenset(link.topics), set()).add(link.relation)
    return {k: frozenset(v) for k, v in found.items()}


def _organs(
    a: Document,
    b: Document,
    signals_a: Mapping[str, ClauseSignals],
    signals_b: Mapping[str, ClauseSignals],
) -> frozenset[str]:
    """The actor names of the organs that wrote the drafts ("The Security Council," makes
    "Security Council" an author, not an actor, in both)."""
    authors = {
        " ".join(d.author.split()[1:] if d.author.startswith("The ") else d.author.split()).lower()
        for d in (a, b)
        if d.author
    }
    names = {n for s in (*signals_a.values(), *signals_b.values()) for n in s.actors}
    return frozenset(n for n in names if n.lower() in authors)


def _near_actors(doc: Document, signals: Mapping[str, ClauseSignals]) -> dict[str, frozenset[str]]:
    """For each clause id, the actors named in the top-level paragraphs around its own."""
    named = [
        frozenset(n for node in top.walk() if node.id in signals for n in signals[node.id].actors)
        for top in doc.clauses
    ]
    out: dict[str, frozenset[str]] = {}
    for i, top in enumerate(doc.clauses):
        around = (named[i - 1] if i else frozenset()) | (
            named[i + 1] if i + 1 < len(named) else frozenset()
        )
        for node in top.walk():
            out[node.id] = around
    return out


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
