"""The lossless invariant, as a checkable function (used by tests and by other readers).

Header span + spans of all clauses in pre-order (clauses, then footnotes) tile
``Document.text`` exactly; each clause's text is a substring of its span's text.
"""

from __future__ import annotations

from resdiff.model import Clause, Document


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


def clause_frame(text: str, clause: Clause) -> tuple[str, str]:
    """What a clause's span holds around its text: ``(lead, trail)`` with
    ``lead + clause.text + trail == text[span]`` - the indentation, label and spaces
    before, the line ends, blank lines and page artefacts after. ``("", "")`` when the
    text is not inside the span (a value built by hand that breaks the invariant)."""
    region = clause.span.slice(text)
    at = len(region) - len(region.lstrip())
    label = clause.label or ""
    if label and region.startswith(label, at):
        at += len(label)
        at += len(region[at:]) - len(region[at:].lstrip())
    if not region.startswith(clause.text, at):
        at = region.find(clause.text)
        if at < 0:
            return "", ""
    return region[:at], region[at + len(clause.text) :]
