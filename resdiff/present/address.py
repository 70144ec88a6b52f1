"""Clause addresses as every face writes them.

Two forms, one place: the reports name both drafts and join the clauses of a split or a
merge with " + " ("A OP3 -> B OP3 + OP4"; an empty side reads "(none)"); the app, in a
narrow column, writes "OP3", or "OP3→OP4" when the clause was renumbered.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The arrow of the reports (plain ASCII: it survives any pipe, mail or terminal).
ARROW = "->"
#: The arrow of the app (one cell wide).
APP_ARROW = "→"
NONE = "(none)"


def ids(clause_ids: Sequence[str], sep: str = " + ", empty: str = NONE) -> str:
    """The clauses of one side: "OP3 + OP4"; ``empty`` when there are none."""
    return sep.join(clause_ids) or empty


def between(doc_a: str, a: Sequence[str], doc_b: str, b: Sequence[str]) -> str:
    """'A OP3 -> B OP3 + OP4'; an empty side reads '(none)'."""
    return f"{doc_a} {ids(a)} {ARROW} {doc_b} {ids(b)}"


def compact(a: Sequence[str], b: Sequence[str], arrow: str = APP_ARROW) -> str:
    """'OP3', or 'OP3→OP4' when renumbered, 'OP2→OP3+OP4' for a split; one side alone
    when the other is empty."""
    left, right = "+".join(a), "+".join(b)
    if not left:
        return right
    if not right or left == right:
        return left
    return f"{left}{arrow}{right}"


def last_label(clause_id: str) -> str:
    """``OP4(b)(ii)`` -> ``(ii)``: a sub-paragraph's own label (its parent names the rest)."""
    cut = clause_id.rfind("(")
    return clause_id[cut:] if cut > 0 else clause_id


def fit(a: Sequence[str], b: Sequence[str], depth: int, width: int) -> str:
    """The compact address indented by ``depth`` in a column of ``width``. A sub-paragraph
    is named by its own labels (``(ii)`` when both sides agree, ``(ii)→(iii)`` otherwise:
    its paragraph's row names the rest); a paragraph too long for the column by its new
    address (``→OP3+OP4``); then the indent narrows to one space a level; then it is cut."""
    candidates = [compact(a, b)]
    if depth and a and b:
        own_a, own_b = "+".join(map(last_label, a)), "+".join(map(last_label, b))
        candidates = [own_a if own_a == own_b else f"{own_a}{APP_ARROW}{own_b}"]
    elif a and b:
        candidates.append(APP_ARROW + "+".join(b))
    for indent in ("  " * depth, " " * depth):
        for text in candidates:
            if len(indent + text) <= width:
                return indent + text
    return (" " * depth + candidates[-1])[:width]
