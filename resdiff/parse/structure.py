"""Structure parser. (Stub: one clause per blank-line paragraph.)"""

from __future__ import annotations

import re

from resdiff.ingest import SourceText
from resdiff.model import Clause, Document, ParseInfo, Span


def parse_source(src: SourceText, doc_id: str = "A") -> Document:
    clauses = []
    text = src.text
    for i, m in enumerate(re.finditer(r"\S(?:.|\n(?!\s*\n))*", text), 1):
        clauses.append(
            Clause(
                id=f"P{i}",
                kind="other",
                number=None,
                label=None,
                opener=None,
                text=m.group(0),
                span=Span(m.start(), m.end()),
            )
        )
    return Document(
        id=doc_id,
        source=src.source,
        format=src.format,
        text=text,
        symbol=None,
        author=None,
        date=None,
        sponsors=(),
        title=None,
        language="en",
        parse=ParseInfo("paragraphs", "stub parser"),
        header=Span(0, 0),
        clauses=tuple(clauses),
    )
