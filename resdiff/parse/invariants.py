"""The lossless invariant, as a checkable function (used by tests and by other readers).

Header span + spans of all clauses in pre-order (clauses, then footnotes) tile
``Document.text`` exactly; each clause's text is a substring of its span's text.
"""

from __future__ import annotations

from resdiff.model import Document


def tiling_problems(doc: Document) -> list[str]:
    """Everything that breaks the invariant; an empty list means the document is whole."""
    problems: list[str] = []
    if doc.header.start != 0:
        problems.append(f"header starts at {doc.header.start}, not 0")
    pos = doc.header.end
    ids: set[str] = set()
    for clause in doc.walk():
        if clause.id in ids:
            problems.append(f"duplicate id {clause.id}")
        ids.add(clause.id)
        if clause.span.start != pos:
            problems.append(f"{clause.id} starts at {clause.span.start}, expected {pos}")
        if clause.span.end <= clause.span.start:
            problems.append(f"{clause.id} has an empty span")
        if clause.text not in clause.span.slice(doc.text):
            problems.append(f"{clause.id}: text is not inside its span")
        if clause.text != clause.text.strip():
            problems.append(f"{clause.id}: text has surrounding whitespace")
        pos = clause.span.end
    if pos != len(doc.text):
        problems.append(f"spans end at {pos}, text ends at {len(doc.text)}")
    return problems
