"""The reports' key differences as Word comments on the tracked-changes document.

A Word reader sees B's text with A's differences as revisions; what the other faces lead
with ("In brief" and the ranked key differences) becomes comments, where delegations
already annotate drafts: the verdict and the first key differences on the first
paragraph, and each key difference on the first paragraph of the clauses it names (B's,
or A's deleted one when the clause is gone). Comments are not text, so accepting every
change still gives B and rejecting every change still gives A.

The words are the reports' own (``render.view``: the same key items, titles and facets as
md, html and txt), so this module only decides where each goes and how it reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdiff.render.redline import Paragraph, paragraph_text
from resdiff.render.view import KeyItem, SectionView

#: Comments name their author like the revisions: "resdiff", with these initials.
INITIALS = "RD"


@dataclass(frozen=True, slots=True)
class WordComment:
    """A comment to anchor on ``paragraphs[index]``: its lines, one Word paragraph each."""

    index: int
    lines: tuple[str, ...]


def plan_comments(paragraphs: Sequence[Paragraph], section: SectionView) -> list[WordComment]:
    """ "In brief" on the first paragraph, then one comment per key difference, in rank
    order. A key difference whose clauses have no paragraph of their own (none should)
    is still listed in the brief."""
    if not paragraphs:
        return []
    found = _first_paragraphs(paragraphs)
    comments = [WordComment(0, _brief(section))]
    for item in section.keys:
        index = _anchor(item, found)
        if index is not None:
            comments.append(WordComment(index, _lines(item, len(section.keys))))
    return comments


def _first_paragraphs(paragraphs: Sequence[Paragraph]) -> dict[tuple[int, str], int]:
    """(side, unit key) -> the first paragraph where that unit's text starts."""
    found: dict[tuple[int, str], int] = {}
    for index, para in enumerate(paragraphs):
        for side, keys in ((0, para.a_keys), (1, para.b_keys)):
            for key in keys:
                found.setdefault((side, key), index)
                if key.startswith("header:"):
                    found.setdefault((side, "header"), index)
    return found


def _anchor(item: KeyItem, found: dict[tuple[int, str], int]) -> int | None:
    """B's first clause the item names, else A's (a clause B no longer has)."""
    for side, refs in ((1, item.b), (0, item.a)):
        for ref in refs:
            index = found.get((side, ref.clause))
            if index is not None:
                return index
    return None


def _brief(section: SectionView) -> tuple[str, ...]:
    total = len(section.keys)
    lines = [f"resdiff, in brief: {section.title}", section.verdict]
    lines += [f"{k.number}. {k.kind.mark} {k.kind.word}: {k.headline}" for k in section.headline]
    if total:
        shown = len(section.headline)
        more = f"{shown} of {total} key differences here; " if total > shown else ""
        lines.append(f"{more}each is a comment on its paragraph.")
    return tuple(paragraph_text(line) for line in lines)


def _lines(item: KeyItem, total: int) -> tuple[str, ...]:
    head = f"Key difference {item.number} of {total}: {item.kind.mark} {item.kind.word}"
    lines = [f"{head} ({item.address})", item.title, *(f"- {f}" for f in item.facets)]
    return tuple(paragraph_text(line) for line in lines)
