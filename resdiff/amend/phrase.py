"""The sentence of one instruction, from the writer's templates in ``grammar.toml``."""

from __future__ import annotations

from resdiff.amend import grammar
from resdiff.amend.model import AmendOp, Target
from resdiff.model import ClauseKind


def paragraphs(new: str) -> list[str]:
    """The paragraphs of a paragraph text (one per blank-line-separated block)."""
    return [p for p in new.split("\n\n") if p.strip()]


def quoted_paragraphs(new: str) -> str:
    """Each paragraph quoted on lines of its own, as amendment documents print them."""
    return "\n".join(grammar.quoted(p) for p in paragraphs(new))


def _place(name: str, place: Target) -> tuple[str, str]:
    """The template for a paragraph put ``place``, and the anchor's address."""
    if place.clause is None:
        return f"{name}-end-text", ""
    return f"{name}-{place.position}", place.address


def phrase(
    op: AmendOp,
    target: Target,
    old: str | None,
    new: str | None,
    destination: Target | None = None,
    kind: ClauseKind | None = None,
) -> str:
    """The instruction as the writer prints it (a paragraph's text on the lines after)."""
    old, new = old or "", new or ""
    t = grammar.write_template
    if op == "replace-words":
        return grammar.fill(
            t(op), target=target.address, the_words=grammar.the_words(old), old=old, new=new
        )
    if op == "delete-words":
        return grammar.fill(t(op), target=target.address, the_words=grammar.the_words(old), old=old)
    if op == "insert-words":
        words = target.words or ""
        return grammar.fill(
            t(f"insert-words-{target.position}"),
            target=target.address,
            the_words=grammar.the_words(words),
            words=words,
            the_new_words=grammar.the_words(new),
            new=new,
        )
    if op == "insert-paragraph":
        name, anchor = _place(op, target)
        count = len(paragraphs(new))
        head = grammar.fill(
            t(name), new_kind=grammar.new_kind(kind or "operative", count), anchor=anchor
        )
        return f"{head}\n{quoted_paragraphs(new)}"
    if op == "delete-paragraph":
        return grammar.fill(t(op), target=target.address)
    if op == "replace-paragraph":
        return f"{grammar.fill(t(op), target=target.address)}\n{quoted_paragraphs(new)}"
    assert destination is not None
    name, anchor = _place(op, destination)
    return grammar.fill(t(name), target=target.address, anchor=anchor)
