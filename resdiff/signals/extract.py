"""Clause signals: what one clause says in substance, as a lens reads it.

A pure function of the clause and the lens. Matching runs on length-preserving views of
the text (``signals.clausetext``), so every span is a span of ``clause.text`` as written.
"""

from __future__ import annotations

from resdiff.model import Clause, ClauseSignals
from resdiff.signals.actors import find_actors
from resdiff.signals.clausetext import flat_views
from resdiff.signals.lens import Lens
from resdiff.signals.links import find_links
from resdiff.signals.references import find_numbers, find_references
from resdiff.signals.topics import attach_qualifiers, find_mentions
from resdiff.signals.verbs import opener_verb


def clause_signals(clause: Clause, lens: Lens) -> ClauseSignals:
    return text_signals(clause.text, lens, clause=clause)


def text_signals(text: str, lens: Lens, clause: Clause | None = None) -> ClauseSignals:
    """Signals of a bare text (the opener is read from its first words)."""
    folded, low = flat_views(text)
    hits = lens.compiled.scan(folded, low)
    mentions = find_mentions(text, hits.terms)
    verb = opener_verb(clause, lens) if clause is not None else opener_verb(_bare(text), lens)
    references, ref_spans = find_references(folded, lens)
    return ClauseSignals(
        verb=verb,
        topics=tuple(mentions),
        qualifiers=attach_qualifiers(low, mentions, hits.qualifiers, lens),
        links=find_links(text, low, mentions, hits.cues, lens),
        actors=find_actors(folded, hits.actors, lens),
        references=references,
        numbers=find_numbers(folded, low, lens, ref_spans),
    )


def _bare(text: str) -> Clause:
    from resdiff.model import Span

    return Clause(
        id="",
        kind="other",
        number=None,
        label=None,
        opener=None,
        text=text,
        span=Span(0, len(text)),
    )
