"""Plan a tracked-changes document: B's paragraphs, with A's differences as revisions.

This is the format-free half of the Word output (``render.docx`` writes the XML). The
plan is a list of paragraphs, each a list of pieces kept (``=``), inserted (``+``) or
deleted (``-``), plus what happened to its paragraph mark and how it is laid out in each
draft. Built so that, by construction, dropping every ``-`` gives B's paragraphs in B's
order ("accept all") and dropping every ``+`` gives A's in A's order ("reject all"):

- the words come from the comparison itself: each aligned pair's own runs (the one word
  diff every face shows, with the comparison's options), its clauses joined by newlines,
  so a newline inserted or deleted is a paragraph mark inserted or deleted - which is how
  Word itself records splits and merges. A difference the options ignore is shown as B's
  text, unmarked, as in every other face;
- labels ("3.", "(b)") are Word list numbering where the list can write them
  (``wordlists``): a renumbered paragraph then carries no revision. A label the list
  cannot write stays text, diffed like the words;
- groups whose order differs between A and B (outside a longest common order, or marked
  moved by the aligner) are shown as a move: A's text leaves its old place, B's arrives
  at the new one;
- removed paragraphs are put right after the nearest preceding paragraph that stays put.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from resdiff.align.rewrite import is_rewritten
from resdiff.diff import diff_texts
from resdiff.model import Clause, ClausePair, CompareOptions, Document, PairwiseComparison, Run
from resdiff.present.sanitize import clean_terminal
from resdiff.present.segments import before_after, clause_texts, reflow
from resdiff.render.wordlists import DraftList, draft_lists
from resdiff.subsequence import increasing_subsequence

Op = Literal["=", "+", "-"]
Move = Literal["from", "to"] | None
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph of one side: the document header's lines, then every clause.

    ``text`` is the clause's own text as shown (a line break inside it is a space);
    ``italic`` is the preambular opener's range in it, printed in italics."""

    key: str
    text: str
    depth: int
    label: str | None = None
    italic: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    """How a paragraph is laid out in one draft: its indent, and whether its label is
    that draft's list number (``listed``) rather than text."""

    depth: int
    listed: bool = False


@dataclass(slots=True)
class Piece:
    op: Op
    text: str
    italic: bool = False


@dataclass(slots=True)
class Paragraph:
    pieces: list[Piece]
    mark: Op
    move: Move = None
    move_start: bool = False  # first paragraph of a moved block
    move_end: bool = False  # last paragraph of a moved block
    move_id: int = 0  # the moveFrom and moveTo blocks of one move share it
    layout_a: Layout | None = None  # in A ("reject all"); None: not part of A's text
    layout_b: Layout | None = None  # in B ("accept all")
    #: The units (clause ids, "header:N") whose text starts here, on each side: where a
    #: comment about those clauses is anchored.
    a_keys: tuple[str, ...] = ()
    b_keys: tuple[str, ...] = ()

    @property
    def segments(self) -> list[tuple[Op, str]]:
        return [(p.op, p.text) for p in self.pieces]


@dataclass(frozen=True, slots=True)
class Side:
    """One draft's paragraphs and its list numbering."""

    units: list[Unit]
    lists: DraftList

    def shown(self, i: int) -> str:
        """Paragraph ``i`` as its text holds it: the label is text unless it is listed."""
        unit = self.units[i]
        return unit.text if i in self.lists.numbered else self.label(i) + unit.text

    def seen(self, i: int) -> str:
        """Paragraph ``i`` as a reader of the Word file sees it, its list number included."""
        number = self.lists.written.get(i)
        return f"{number} {self.units[i].text}" if number else self.shown(i)

    def label(self, i: int) -> str:
        """The text label of paragraph ``i`` with its space ("" when listed or none)."""
        unit = self.units[i]
        return f"{unit.label} " if unit.label and i not in self.lists.numbered else ""

    def layout(self, i: int) -> Layout:
        return Layout(self.units[i].depth, i in self.lists.numbered)

    def italic(self, i: int) -> tuple[int, int] | None:
        """The opener's range in ``shown(i)``."""
        span = self.units[i].italic
        shift = len(self.label(i))
        return (span[0] + shift, span[1] + shift) if span else None


@dataclass(frozen=True, slots=True)
class Redline:
    """The planned document: its paragraphs and the two drafts (with their lists)."""

    paragraphs: list[Paragraph]
    a: Side
    b: Side


@dataclass(slots=True)
class _Group:
    a: list[int]
    b: list[int]
    moved: bool = False
    in_place: bool = False
    pair: ClausePair | None = None  # when the group is exactly this pair's clauses
    attached: list[int] = field(default_factory=list)  # A-only items placed after this group


def xml_text(text: str) -> str:
    """Document text for the Word file: as safe as every face makes it (escape sequences
    and C0/C1 controls removed, BiDi controls shown as ⟦U+202E⟧: ``present.sanitize``),
    and without the characters XML cannot hold."""
    return _XML_BAD.sub("", clean_terminal(text))


def paragraph_text(text: str) -> str:
    """A header line as one Word paragraph: whitespace collapsed, XML-safe."""
    return " ".join(xml_text(text).split())


def units(document: Document) -> list[Unit]:
    """The paragraphs a reader sees: header lines, then clauses."""
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
    text = xml_text(_LINE_BREAK.sub(" ", clause.text))
    italic = None
    if clause.kind == "preambular" and clause.opener:
        opener = xml_text(_LINE_BREAK.sub(" ", clause.opener))
        at = text.find(opener)
        italic = (at, at + len(opener)) if at >= 0 and opener else None
    label = paragraph_text(clause.label) if clause.label else None
    yield Unit(clause.id, text, depth, label or None, italic)
    for child in clause.children:
        yield from _clause_units(child, depth + 1)


def sides(a: Document, b: Document) -> tuple[Side, Side]:
    """Both drafts' paragraphs and what the one list numbers in each."""
    ua, ub = units(a), units(b)
    lists_a, lists_b = draft_lists(
        [(u.depth, u.label) for u in ua], [(u.depth, u.label) for u in ub]
    )
    return Side(ua, lists_a), Side(ub, lists_b)


def expected(draft: Side) -> list[str]:
    """What accepting (for B) or rejecting (for A) every change must leave, paragraph by
    paragraph, as text (list numbers excluded)."""
    return [draft.shown(i) for i in range(len(draft.units))]


def plan(
    a: Document,
    b: Document,
    comparison: PairwiseComparison,
    options: CompareOptions | None = None,
) -> Redline:
    """The paragraphs of the tracked-changes document of ``b`` against ``a``.

    ``options`` are those the comparison was made with: groups that are not one aligned
    pair (the header, clauses the aligner left out) are diffed with them."""
    sa, sb = sides(a, b)
    groups = _groups(sa.units, sb.units, (*comparison.pairs, *comparison.footnotes))
    _place(groups)
    texts = (clause_texts(a), clause_texts(b))
    out: list[Paragraph] = []
    a_only = {i: g for g in groups for i in g.a if not g.b or g.moved}
    emit = _Emitter(sa, sb, texts, options or CompareOptions(), out, a_only)
    start_items = _attach_removed(groups)
    for i in start_items:
        emit.a_only(i)
    by_first_b = {g.b[0]: g for g in groups if g.b}
    for j in range(len(sb.units)):
        group = by_first_b.get(j)
        if group is None:
            continue
        if group.in_place:
            emit.both(group)
            for i in sorted(group.attached):
                emit.a_only(i)
        else:
            out.extend(_one_side(group.b, sb, "+", "to" if group.moved else None, id(group)))
    shift_marks(out)
    _lay_out(out, sa, sb)
    return Redline(out, sa, sb)


def _attach_removed(groups: list[_Group]) -> list[int]:
    """Each A-only paragraph follows the nearest in-place A paragraph before it (recorded
    on that group); those with none before them go first (returned)."""
    anchors = sorted((g.a[-1], g) for g in groups if g.in_place and g.a)
    anchor_keys = [k for k, _ in anchors]
    start_items: list[int] = []
    for i in sorted(i for g in groups for i in g.a if not g.b or g.moved):
        pos = bisect.bisect_left(anchor_keys, i) - 1
        if pos < 0:
            start_items.append(i)
        else:
            anchors[pos][1].attached.append(i)
    return start_items


@dataclass(slots=True)
class _Emitter:
    sa: Side
    sb: Side
    texts: tuple[dict[str, str], dict[str, str]]
    options: CompareOptions
    out: list[Paragraph]
    a_only_groups: dict[int, _Group]  # A paragraph -> its group, for A-only and moved groups
    done: set[int] = field(default_factory=set)

    def a_only(self, index: int) -> None:
        """The A-only group of paragraph ``index``, unless already written."""
        group = self.a_only_groups[index]
        if id(group) in self.done:
            return
        self.done.add(id(group))
        move: Move = "from" if group.moved else None
        self.out.extend(_one_side(group.a, self.sa, "-", move, id(group)))

    def both(self, group: _Group) -> None:
        runs = _group_runs(group, self.sa, self.sb, self.texts, self.options)
        labels_a = [self.sa.label(i) for i in group.a]
        labels_b = [self.sb.label(j) for j in group.b]
        pieces = _with_labels(_pieces(runs), labels_a, labels_b)
        paragraphs = _split_paragraphs(pieces)
        paragraphs[0].a_keys = tuple(self.sa.units[i].key for i in group.a)
        paragraphs[0].b_keys = tuple(self.sb.units[j].key for j in group.b)
        self.out.extend(paragraphs)


def _one_side(indices: list[int], side: Side, op: Op, move: Move, move_id: int) -> list[Paragraph]:
    paragraphs = [
        Paragraph(
            [Piece(op, side.shown(i))] if side.shown(i) else [],
            op,
            move,
            move_id=move_id if move else 0,
            a_keys=(side.units[i].key,) if op == "-" else (),
            b_keys=(side.units[i].key,) if op == "+" else (),
        )
        for i in indices
    ]
    if move and paragraphs:
        paragraphs[0].move_start = True
        paragraphs[-1].move_end = True
    return paragraphs


# --- groups ----------------------------------------------------------------------------


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
            whole = [ua[i].key for i in a] == list(pair.a) and [ub[j].key for j in b] == list(
                pair.b
            )
            groups.append(
                _Group(a, b, moved=pair.moved and bool(a and b), pair=pair if whole else None)
            )
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


def _place(groups: list[_Group]) -> None:
    """Mark the groups that keep their place: a longest run in the same order on both
    sides (and not marked moved by the aligner); the other two-sided groups move."""
    both = sorted((g for g in groups if g.a and g.b), key=lambda g: g.b[0])
    keep = set(increasing_subsequence([g.a[0] for g in both]))
    for k, group in enumerate(both):
        group.in_place = k in keep and not group.moved
        group.moved = not group.in_place


# --- the words of a group ----------------------------------------------------------------


def _group_runs(
    group: _Group,
    sa: Side,
    sb: Side,
    texts: tuple[dict[str, str], dict[str, str]],
    options: CompareOptions,
) -> list[Run]:
    """The runs of an in-place group over its paragraphs' own text (labels apart): the
    pair's own diff when the group is one aligned pair (a rewritten pair, as every face
    shows it: its whole old text deleted, then its whole new text inserted), else the
    same word diff (with the comparison's options) over the group's paragraphs."""
    joined_a = "\n".join(sa.units[i].text for i in group.a)
    joined_b = "\n".join(sb.units[j].text for j in group.b)
    runs: Sequence[Run] | None = None
    if group.pair is not None:
        shown = [Run(r.op, xml_text(r.text), r.minor) for r in reflow(group.pair, *texts)]
        if (
            "".join(r.text for r in shown if r.op != "+") == joined_a
            and "".join(r.text for r in shown if r.op != "-") == joined_b
        ):
            runs = shown
            if is_rewritten(group.pair):
                old, new = before_after(group.pair, shown)
                runs = [Run(seg.op, seg.text) for seg in (*old, *new)]
    if runs is None:
        runs = diff_texts(joined_a, joined_b, options)
    return list(runs)


def _with_labels(pieces: Sequence[Piece], labels_a: list[str], labels_b: list[str]) -> list[Piece]:
    """The pieces with each paragraph's text label put at its start, on its side (one kept
    label when both sides start a paragraph with the same one)."""
    out: list[Piece] = []
    ka = kb = 0

    def starts(in_a: bool, in_b: bool) -> None:
        nonlocal ka, kb
        la = labels_a[ka] if in_a and ka < len(labels_a) else ""
        lb = labels_b[kb] if in_b and kb < len(labels_b) else ""
        ka += in_a
        kb += in_b
        if la and la == lb:
            out.append(Piece("=", la))
            return
        if la:
            out.append(Piece("-", la))
        if lb:
            out.append(Piece("+", lb))

    starts(True, True)
    for piece in pieces:
        for k, line in enumerate(piece.text.split("\n")):
            if k:
                out.append(Piece(piece.op, "\n"))
                starts(piece.op != "+", piece.op != "-")
            if line:
                out.append(Piece(piece.op, line))
    return out


def _pieces(runs: Sequence[Run]) -> list[Piece]:
    """Runs as the pieces Word shows: a difference the options ignore appears as B's text,
    unmarked (as in every face) - unless it adds or removes a paragraph mark, which
    belongs to one side: then the couple stays a deletion and an insertion."""
    pieces: list[Piece] = []
    k = 0
    while k < len(runs):
        run = runs[k]
        couple = (
            run.minor and run.op == "-" and k + 1 < len(runs) and runs[k + 1].minor
            and runs[k + 1].op == "+"
        )  # fmt: skip
        group = runs[k : k + 2] if couple else runs[k : k + 1]
        k += len(group)
        if not run.minor or any("\n" in r.text for r in group):
            pieces.extend(Piece(r.op, r.text) for r in group)
        else:
            pieces.extend(Piece("=", r.text) for r in group if r.op == "+")
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].op == piece.op:
            merged[-1].text += piece.text
        elif piece.text:
            merged.append(piece)
    return merged


def _split_paragraphs(pieces: Sequence[Piece]) -> list[Paragraph]:
    """Cut at line breaks: a break in a ``+`` piece is an inserted paragraph mark, in a
    ``-`` piece a deleted one, in a ``=`` piece a mark both drafts have."""
    paragraphs: list[Paragraph] = []
    current: list[Piece] = []
    for piece in pieces:
        for k, text in enumerate(piece.text.split("\n")):
            if k:
                paragraphs.append(Paragraph(current, piece.op))
                current = []
            if not text:
                continue
            if current and current[-1].op == piece.op:
                current[-1].text += text
            else:
                current.append(Piece(piece.op, text))
    paragraphs.append(Paragraph(current, "="))
    return paragraphs


# --- marks and layout ----------------------------------------------------------------------


def shift_marks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Record a run of wholly inserted paragraphs on the marks *before* them.

    Word reads "paragraph P's mark inserted" as "rejecting joins P to the next paragraph",
    so a run of inserted paragraphs can carry the revision either on its own marks or on
    the mark of the paragraph before it and the run's marks but its last. Both reject to
    the same text in Word; LibreOffice, which merges adjacent revisions into one range,
    only gets the second right (with the first, "reject all" also joins the paragraph
    after the run). So we write the second. A run of deleted paragraphs keeps the
    revision on its own marks: accepting empties and joins each into the paragraph after
    it, in Word and LibreOffice alike, and each keeps its own layout for "reject all".
    """
    k = 1
    while k < len(paragraphs):
        before = paragraphs[k - 1]
        if paragraphs[k].mark != "+" or before.mark != "=" or not _wholly(paragraphs[k], "+"):
            k += 1
            continue
        end = k
        while (
            end + 1 < len(paragraphs)
            and paragraphs[end + 1].mark == "+"
            and _wholly(paragraphs[end + 1], "+")
            and paragraphs[end + 1].move == paragraphs[k].move
        ):
            end += 1
        if paragraphs[k].move is None:
            before.mark = "+"
            paragraphs[end].mark = "="
        k = end + 1
    return paragraphs


def _wholly(paragraph: Paragraph, op: Op) -> bool:
    return all(p.op == op for p in paragraph.pieces)


def _lay_out(paragraphs: list[Paragraph], sa: Side, sb: Side) -> None:
    """Give each paragraph the layout of the draft paragraph it is part of in each view
    (every part of one draft paragraph gets the same, so it does not matter which part's
    properties Word keeps when it joins them), and italicise the openers.

    A paragraph that is empty in a view and joins the next there (a deleted paragraph
    when accepting, an inserted one when rejecting) takes its layout from the other
    view: whatever joins it, its properties are not the ones kept, and the same layout in
    both views needs no formatting revision."""
    for in_b, draft in ((False, sa), (True, sb)):
        drop: Op = "-" if in_b else "+"
        index, offset = 0, 0
        for paragraph in paragraphs:
            if index < len(draft.units):
                if in_b:
                    paragraph.layout_b = draft.layout(index)
                else:
                    paragraph.layout_a = draft.layout(index)
                offset = _italicise(paragraph, drop, draft.italic(index), offset)
            if paragraph.mark != drop:
                index, offset = index + 1, 0
    for paragraph in paragraphs:
        if paragraph.layout_a is None or paragraph.layout_b is None:
            continue  # after the last paragraph of one draft: see docx._unlisted
        if paragraph.mark == "-" and _wholly(paragraph, "-"):
            paragraph.layout_b = paragraph.layout_a
        elif paragraph.mark == "+" and _wholly(paragraph, "+"):
            paragraph.layout_a = paragraph.layout_b


def _italicise(paragraph: Paragraph, drop: Op, span: tuple[int, int] | None, at: int) -> int:
    """Cut the pieces this view keeps where ``span`` (offsets in the draft paragraph,
    of which this paragraph starts at ``at``) starts and ends, and mark those inside it.
    A ``=`` piece takes B's italics. Returns the offset after this paragraph."""
    pieces: list[Piece] = []
    for piece in paragraph.pieces:
        if piece.op == drop:
            pieces.append(piece)
            continue
        end = at + len(piece.text)
        if span is None or (drop == "+" and piece.op == "=") or span[1] <= at or end <= span[0]:
            pieces.append(piece)
        else:
            cuts = sorted({at, end, *(c for c in span if at < c < end)})
            for x, y in itertools.pairwise(cuts):
                text = piece.text[x - at : y - at]
                pieces.append(Piece(piece.op, text, span[0] <= x < span[1]))
        at = end
    paragraph.pieces = pieces
    return at


# --- checks ------------------------------------------------------------------------------


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
        pending += "".join(piece.text for piece in p.pieces if piece.op != drop)
        if p.mark != drop:
            out.append(pending)
            pending = ""
    if pending:
        out.append(pending)
    return out
