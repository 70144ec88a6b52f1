"""What a reader should doubt in a parsed copy (``Document.warnings``).

Real drafts reach resdiff as pasted pages and PDF text layers, often cut short. Such a
copy is still compared, but its reader is told: "no longer mentioned anywhere" is only
as good as the copy. Warned of: a UN text (author line or sponsors) with no operative
paragraph; a last paragraph that ends as if more followed ("," ";" "; and"); operative
numbers that jump or repeat; an operative paragraph opening with no known phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.model import Clause

#: Marks that may close a paragraph after its punctuation (quotes, a note marker).
_CLOSING = "\"'”’»)*]¹²³⁴⁵⁶⁷⁸⁹⁰ \t\n"
#: Endings of a paragraph that announces another one.
_OPEN_ENDINGS = (",", ";", "; and", "; or", ", and", ", or")
#: How many words of an unknown opener a warning quotes.
_QUOTED_WORDS = 3
#: How many problems of one sort are listed one by one; the rest are counted. A text
#: read against its grain (numbers cycling, a list that is not a resolution) would
#: otherwise fill the report with thousands of lines of warnings.
LISTED = 10


def bounded(problems: Sequence[str], what: str) -> list[str]:
    """The first ``LISTED`` problems, then one line counting the rest."""
    if len(problems) <= LISTED:
        return list(problems)
    return [*problems[:LISTED], f"and {len(problems) - LISTED:,} more {what}"]


def document_warnings(
    clauses: Sequence[Clause], numbering: Sequence[str], *, un_text: bool
) -> tuple[str, ...]:
    """The warnings for one document read as a UN text (``un_text``: it has an author
    line or sponsors); ``numbering`` lists the operative numbers that jump or repeat."""
    out = _cut_warnings(clauses, un_text=un_text)
    out += bounded(numbering, "numbering problems")
    unknown = [
        f"{clause.id} opens with no known operative phrase "
        f"('{' '.join(clause.text.split()[:_QUOTED_WORDS])} ...')"
        for clause in clauses
        if clause.kind == "operative" and clause.opener is None and clause.text[:1].isupper()
    ]
    out += bounded(unknown, "operative paragraphs opening with no known phrase")
    return tuple(out)


def cut_short(clauses: Sequence[Clause], *, un_text: bool) -> bool:
    """Whether the copy looks cut short (a warning says so): what the other draft has
    after the copy's end may be missing from the copy, not from the draft."""
    return bool(_cut_warnings(clauses, un_text=un_text))


def _cut_warnings(clauses: Sequence[Clause], *, un_text: bool) -> list[str]:
    """A UN text with no operative paragraph, or a last paragraph that announces more."""
    out: list[str] = []
    no_operative = un_text and not any(c.kind == "operative" for c in clauses)
    if no_operative:
        out.append("no operative paragraph: the copy may stop before the operative part")
    last = _last(clauses)
    if last is not None and not (no_operative and last.kind == "preambular"):
        ending = _open_ending(last.text)
        if ending:
            out.append(f"{last.id} ends with '{ending}': the copy may be cut after it")
    return out


def _last(clauses: Sequence[Clause]) -> Clause | None:
    """The last clause in reading order (a sub-paragraph if the text ends with one)."""
    last = None
    for clause in clauses:
        for node in clause.walk():
            last = node
    return last


def _open_ending(text: str) -> str | None:
    body = text.rstrip(_CLOSING)
    for ending in sorted(_OPEN_ENDINGS, key=len, reverse=True):
        if body.endswith(ending):
            return ending
    return None
