"""A parsed document as the corpus indexes it: one entry per clause that has words.

Every clause is a paragraph of its own, sub-paragraphs and footnotes included, with its
own text only (a chapeau "Requests the Secretary-General to:" is one paragraph, each of
its sub-paragraphs another): language is reused at that grain.
"""

from __future__ import annotations

from resdiff.align.terms import terms
from resdiff.corpus.keys import content_key, exact_key, fingerprints
from resdiff.corpus.store import DocumentEntry, ParagraphEntry
from resdiff.model import Clause, Document


def paragraph_entry(clause: Clause) -> ParagraphEntry | None:
    """The clause's keys, or None when it has no words to index."""
    stems = tuple(terms(clause.text))
    if not stems:
        return None
    return ParagraphEntry(
        clause=clause.id,
        kind=clause.kind,
        opener=clause.opener,
        text=clause.text,
        stems=stems,
        exact=exact_key(clause.text),
        fingerprints=tuple(fingerprints(stems)),
    )


def document_entry(document: Document, source: str | None = None) -> DocumentEntry:
    """``source`` is where the file was read (default: ``document.source``)."""
    paragraphs = (paragraph_entry(c) for c in document.walk())
    return DocumentEntry(
        key=content_key(document.text),
        source=source or document.source,
        format=document.format,
        symbol=document.symbol,
        date=document.date,
        author=document.author,
        title=document.title,
        paragraphs=tuple(p for p in paragraphs if p is not None),
    )
