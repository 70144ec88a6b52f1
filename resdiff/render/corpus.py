"""``resdiff corpus list``: the documents of a corpus as a text table or JSON
(``{"schema": "resdiff/1", "corpus": {...}}``, docs/json.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from resdiff.corpus.store import StoredDocument
from resdiff.model import SCHEMA
from resdiff.present.sanitize import clean_terminal
from resdiff.render.json import dumps


def document_to_dict(d: StoredDocument) -> dict[str, Any]:
    return {
        "key": d.key,
        "symbol": d.symbol,
        "date": d.date,
        "author": d.author,
        "title": d.title,
        "source": d.source,
        "format": d.format,
        "paragraphs": d.paragraphs,
        "added": d.added,
    }


def corpus_to_dict(docs: Sequence[StoredDocument], database: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "corpus": {
            "database": database,
            "paragraphs": sum(d.paragraphs for d in docs),
            "documents": [document_to_dict(d) for d in docs],
        },
    }


def counted(n: int, noun: str) -> str:
    """'1 document', '2 documents' (regular plurals only)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def holdings(documents: int, paragraphs: int) -> str:
    """'3 documents (32 paragraphs)'."""
    return f"{counted(documents, 'document')} ({counted(paragraphs, 'paragraph')})"


def _flat(text: str | None) -> str:
    return " ".join(clean_terminal(text or "-").split())


def render_listing(docs: Sequence[StoredDocument], database: str) -> str:
    """One line per document (key, date, symbol, paragraphs, source), oldest first."""
    rows = [("KEY", "DATE", "SYMBOL", "PARAS", "SOURCE")]
    rows += [
        (d.key[:12], d.date or "-", _flat(d.symbol), str(d.paragraphs), _flat(d.source))
        for d in docs
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        cells = [r[i].rjust(widths[i]) if i == 3 else r[i].ljust(widths[i]) for i in range(4)]
        lines.append("  ".join([*cells, r[4]]).rstrip())
    total = sum(d.paragraphs for d in docs)
    lines.append(f"{holdings(len(docs), total)}: {_flat(database)}")
    return "\n".join(lines) + "\n"


def render_corpus(docs: Sequence[StoredDocument], database: str, fmt: str) -> str:
    if fmt == "json":
        return dumps(corpus_to_dict(docs, database))
    return render_listing(docs, database)
