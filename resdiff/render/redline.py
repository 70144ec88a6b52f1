"""Plan a tracked-changes document: B's paragraphs, with A's differences as revisions.

This is the format-free half of the Word output (``render.docx`` writes the XML). The
plan is a list of paragraphs, each a list of segments kept (``=``), inserted (``+``) or
deleted (``-``), plus what happened to its paragraph mark. Built so that, by
construction, dropping every ``-`` gives B's paragraphs in B's order ("accept all") and
dropping every ``+`` gives A's in A's order ("reject all"):

- each aligned group of clauses (a pair, a split, a merge) is one word diff over its
  paragraphs joined by newlines, so a newline inserted or deleted is a paragraph mark
  inserted or deleted - which is how Word itself records splits and merges;
- groups whose order differs between A and B (outside a longest common order, or marked
  moved by the aligner) are shown as a move: A's text leaves its old place, B's arrives
  at the new one;
- removed paragraphs are put right after the nearest preceding paragraph that stays put.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from resdiff.model import Clause, ClausePair, Document, PairwiseComparison
from resdiff.subsequence import increasing_subsequence

Op = Literal["=", "+", "-"]
Move = Literal["from", "to"] | None
_TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph of one side: the document header's lines, then every clause."""

    key: str
    text: str
    depth: int
    italic: tuple[int, int] | None = None  # the preambular opener, printed in italics


@dataclass(slots=True)
class Paragraph:
    segments: list[tuple[Op, str]]
    mark: Op
    depth: int
    move: Move = None
    move_start: bool = False  # first paragraph of a moved block
    move_end: bool = False  # last paragraph of a moved block
    italic: tuple[int, int] | None = None  # [start, end) in the paragraph's own text
    move_id: int = 0  # the moveFrom and moveTo blocks of one move share it


@dataclass(slots=True)
class _Group:
    a: list[int]
    b: list[int]
    moved: bool = False
    in_place: bool = False
    attached: list[int] = field(default_factory=list)  # A-only items placed after this group


def paragraph_text(text: str) -> str:
    """A clause or header line as one Word paragraph: whitespace collapsed, no characters
    XML cannot hold."""
    return " ".join(_XML_BAD.sub("", text).split())


def units(document: Document) -> list[Unit]:
    """The paragraphs a reader sees: header lines, then clauses (label and own text)."""
    out = [
        Unit(f"header:{i}", paragraph_text(line), 0)
        for i, line in enumerate(document.header.slice(document.text).splitlines())
        if paragraph_text(line)
    ]
    for clause in document.clauses:
        out.extend(_clause_units(clause, 0))
    for note in document.footnotes:
        out.extend(_clause_units(note, 0))
    return out


def _clause_units(clause: Clause, depth: int) -> Iterator[Unit]:
    label = f"{clause.label} " if clause.label else ""
    text = paragraph_text(label + clause.text)
    italic = None
    if clause.kind == "preambular" and clause.opener:
        opener = paragraph_text(clause.opener)
        at = text.find(opener)
        italic = (at, at + len(opener)) if at >= 0 else None
    yield Unit(clause.id, text, depth, italic)
    for child in clause.children:
        yield from _clause_units(child, depth + 1)


def plan(a: Document, b: Document, comparison: PairwiseComparison) -> list[Paragraph]:
    """The paragraphs of the tracked-changes document of ``b`` against ``a``."""
    ua, ub = units(a), units(b)
    groups = _groups(ua, ub, comparison.pairs)
    _place(groups, ua)
    by_first_b = {g.b[0]: g for g in groups if g.b}
    a_only = {i: g for g in groups for i in g.a if not g.b or g.moved}
    # Each A-only paragraph follows the nearest in-place A paragraph before it; with none
    # before it, it goes first.
    anchors = sorted((g.a[-1], g) for g in groups if g.in_place and g.a)
    anchor_keys = [k for k, _ in anchors]
    start_items: list[int] = []
    for i in sorted(a_only):
        pos = bisect.bisect_left(anchor_keys, i) - 1
        if pos < 0:
            start_items.append(i)
        else:
            anchors[pos][1].attached.append(i)
    out: list[Paragraph] = []
    done: set[int] = set()

    def emit_a_only(index: int) -> None:
        group = a_only[index]
        if id(group) in done:
            return
        done.add(id(group))
        out.extend(_one_side(group.a, ua, "-", "from" if group.moved else None, id(group)))

    for i in start_items:
        emit_a_only(i)
    for j in range(len(ub)):
        group = by_first_b.get(j)
        if group is None:
            continue
        if group.in_place:
            out.extend(_both_sides(group, ua, ub))
            for i in sorted(group.attached):
                emit_a_only(i)
        else:
            out.extend(_one_side(group.b, ub, "+", "to" if group.moved else None, id(group)))
    return shift_marks(out)


def shift_marks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Record a run of wholly inserted (or deleted) paragraphs on the marks *before* them.

    Word reads "paragraph P's mark inserted" as "rejecting joins P to the next paragraph",
    so a run of inserted paragraphs can carry the revision either on its own marks or on
    the mark of the paragraph before it and the run's marks but its last. Both reject to
    the same text in Word; LibreOffice, which merges adjacent revisions into one range,
    only gets the second right (with the first, "reject all" also joins the paragraph
    after the run). So we write the second.
    """
    k = 1
    while k < len(paragraphs):
        before = paragraphs[k - 1]
        op = paragraphs[k].mark
        if op == "=" or before.mark != "=" or not _wholly(paragraphs[k], op):
            k += 1
            continue
        end = k
        while (
            end + 1 < len(paragraphs)
            and paragraphs[end + 1].mark == op
            and _wholly(paragraphs[end + 1], op)
            and paragraphs[end + 1].move == paragraphs[k].move
        ):
            end += 1
        if paragraphs[k].move is None:
            before.mark = op
            paragraphs[end].mark = "="
        k = end + 1
    return paragraphs


def _wholly(paragraph: Paragraph, op: Op) -> bool:
    return all(o == op for o, _ in paragraph.segments)


def _groups(ua: list[Unit], ub: list[Unit], pairs: Sequence[ClausePair]) -> list[_Group]:
    """Aligned groups as unit indices; every unit of both sides in exactly one group."""
    ia = {u.key: i for i, u in enumerate(ua)}
    ib = {u.key: i for i, u in enumerate(ub)}
    groups: list[_Group] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    header_a = [i for i, u in enumerate(ua) if u.key.startswith("header:")]
    header_b = [i for i, u in enumerate(ub) if u.key.startswith("header:")]
    if header_a or header_b:
        groups.append(_Group(header_a, header_b))
        used_a.update(header_a)
        used_b.update(header_b)
    for pair in (p for top in pairs for p in top.walk()):
        a = sorted(ia[k] for k in pair.a if k in ia and ia[k] not in used_a)
        b = sorted(ib[k] for k in pair.b if k in ib and ib[k] not in used_b)
        if not a and not b:
            continue
        if not (_contiguous(a) and _contiguous(b)):
            groups.extend(_Group([i], []) for i in a)  # shown as removed and added
            groups.extend(_Group([], [j]) for j in b)
        else:
            groups.append(_Group(a, b, moved=pair.moved and bool(a and b)))
        used_a.update(a)
        used_b.update(b)
    # Clauses the aligner left out (e.g. sub-paragraphs it did not pair): same id, same
    # clause; anything else is removed or added.
    left_b = {ub[j].key: j for j in range(len(ub)) if j not in used_b}
    for i in range(len(ua)):
        if i in used_a:
            continue
        j = left_b.pop(ua[i].key, None)
        groups.append(_Group([i], [j] if j is not None else []))
        if j is not None:
            used_b.add(j)
    groups.extend(_Group([], [j]) for j in sorted(left_b.values()))
    return groups


def _contiguous(indices: list[int]) -> bool:
    return not indices or indices == list(range(indices[0], indices[0] + len(indices)))


def _place(groups: list[_Group], ua: list[Unit]) -> None:
    """Mark the groups that keep their place: a longest run in the same order on both
    sides (and not marked moved by the aligner); the other two-sided groups move."""
    both = sorted((g for g in groups if g.a and g.b), key=lambda g: g.b[0])
    keep = set(increasing_subsequence([g.a[0] for g in both]))
    for k, group in enumerate(both):
        group.in_place = k in keep and not group.moved
        group.moved = not group.in_place


def _one_side(
    indices: list[int], side: list[Unit], op: Op, move: Move, move_id: int
) -> list[Paragraph]:
    paragraphs = [
        Paragraph(
            [(op, side[i].text)] if side[i].text else [],
            op,
            side[i].depth,
            move,
            italic=side[i].italic,
            move_id=move_id if move else 0,
        )
        for i in indices
    ]
    if move and paragraphs:
        paragraphs[0].move_start = True
        paragraphs[-1].move_end = True
    return paragraphs


def _both_sides(group: _Group, ua: list[Unit], ub: list[Unit]) -> list[Paragraph]:
    a_texts = [ua[i].text for i in group.a]
    b_texts = [ub[j].text for j in group.b]
    joined_a, joined_b = "\n".join(a_texts), "\n".join(b_texts)
    runs = word_diff(joined_a, joined_b)
    if _shared(runs) < REWRITE_SHARE * max(len(joined_a), len(joined_b)):
        # Rewritten rather than edited: one deletion and one insertion read better in Word
        # than a confetti of word changes.
        runs = [r for r in (("-", joined_a), ("+", joined_b)) if r[1]]
    paragraphs: list[Paragraph] = []
    current: list[tuple[Op, str]] = []
    a_at = b_at = 0

    def depth() -> tuple[int, tuple[int, int] | None]:
        if b_at < len(group.b):
            unit = ub[group.b[b_at]]
        else:
            unit = ua[group.a[min(a_at, len(group.a) - 1)]]
        return unit.depth, unit.italic

    start = depth()
    for op, text in runs:
        for k, piece in enumerate(text.split("\n")):
            if k:
                paragraphs.append(Paragraph(current, op, start[0], italic=start[1]))
                current = []
                a_at += op != "+"
                b_at += op != "-"
                start = depth()
                if op == "-":  # a merge: B's paragraph goes on, its opener is behind us
                    start = (start[0], None)
            if piece:
                current.append((op, piece))
    paragraphs.append(Paragraph(current, "=", start[0], italic=start[1]))
    return paragraphs


REWRITE_SHARE = 0.5  # below this share of unchanged characters a paragraph is rewritten


def _shared(runs: Sequence[tuple[Op, str]]) -> int:
    return sum(len(text) for op, text in runs if op == "=" and text.strip())


def word_diff(a: str, b: str) -> list[tuple[Op, str]]:
    """Runs that rebuild ``a`` (``=`` and ``-``) and ``b`` (``=`` and ``+``) exactly.

    Tokens are words, single punctuation marks, runs of spaces and newlines (paragraph
    marks), so a changed word is replaced whole and a paragraph split is an inserted mark.
    """
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    runs: list[tuple[Op, str]] = []

    def add(op: Op, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("=", ta[i1:i2])
        else:
            add("-", ta[i1:i2])
            add("+", tb[j1:j2])
    return runs


def accepted(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The paragraphs after "accept all" (for tests and checks)."""
    return _resolve(paragraphs, drop="-")


def rejected(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The paragraphs after "reject all"."""
    return _resolve(paragraphs, drop="+")


def _resolve(paragraphs: Sequence[Paragraph], drop: Op) -> list[str]:
    out: list[str] = []
    pending = ""
    for p in paragraphs:
        pending += "".join(text for op, text in p.segments if op != drop)
        if p.mark != drop:
            out.append(pending)
            pending = ""
    if pending:
        out.append(pending)
    return out
