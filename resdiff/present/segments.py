"""A pair's word diff as a person is shown it, for every face (reports, Word, the app).

The model's runs are lossless (``Run``, with ``minor`` couples for what the options
ignore); a face shows *segments*: a minor couple once, as B's text and unmarked; a line
break inside a clause (hard-wrapped text) as a space; whitespace at the edges of a change
moved out of it, as wdiff does. Every face derives its marks from these functions, so
the same pair shows the same changed words everywhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from resdiff.model import ClausePair, Document, Run

SegmentOp = Literal["=", "-", "+"]
Side = Literal["a", "b"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the inline diff as shown: minor differences already folded in."""

    op: SegmentOp
    text: str

    @property
    def cue(self) -> str:
        """The signal behind a cue phrase this text is part of ("" for none)."""
        return ""


@dataclass(frozen=True, slots=True)
class CueSegment(Segment):
    """A segment that is (part of) a cue phrase, so a face can mark it: ``note`` names
    the signal it carries. (A subclass, so the many plain segments stay as cheap.)"""

    note: str = ""

    @property
    def cue(self) -> str:
        return self.note


def segment(op: SegmentOp, text: str, cue: str = "") -> Segment:
    """A segment, marked as a cue phrase when ``cue`` names its signal."""
    return CueSegment(op, text, cue) if cue else Segment(op, text)


def merge_segments(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Adjacent segments of one kind (and cue) joined; empty ones dropped."""
    out: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if out and out[-1].op == seg.op and out[-1].cue == seg.cue:
            out[-1] = segment(seg.op, out[-1].text + seg.text, seg.cue)
        else:
            out.append(seg)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CueSpan:
    """A cue phrase to mark: ``[start, end)`` in one side's text of a pair (its clauses'
    texts joined by "\n", as the runs join them) and what to call it."""

    side: Side
    start: int
    end: int
    note: str


def split_at_cues(
    runs: Sequence[Run], cues: Sequence[CueSpan]
) -> tuple[tuple[Run, ...], tuple[str, ...]]:
    """The runs cut where cue phrases start and end, with each piece's cue note ("" for
    none); joining the pieces gives the runs back. A piece in both texts takes A's cue,
    else B's."""
    if not cues:
        return tuple(runs), ("",) * len(runs)
    out: list[Run] = []
    notes: list[str] = []
    pos = {"a": 0, "b": 0}
    for run in runs:
        size = len(run.text)
        sides = ("b",) if run.op == "+" else ("a",) if run.op == "-" else ("a", "b")
        near = [
            c
            for c in cues
            if c.side in sides and c.start < pos[c.side] + size and c.end > pos[c.side]
        ]
        if not near:  # most runs: no cue phrase in them
            out.append(run)
            notes.append("")
        else:
            cuts = {0, size}
            for c in near:
                base = pos[c.side]
                cuts.update(p - base for p in (c.start, c.end) if base < p < base + size)
            for i, j in itertools.pairwise(sorted(cuts)):
                note = next(
                    (
                        c.note
                        for c in near
                        if c.start <= pos[c.side] + i and pos[c.side] + j <= c.end
                    ),
                    "",
                )
                out.append(Run(run.op, run.text[i:j], run.minor))
                notes.append(note)
        for side in sides:
            pos[side] += size
    return tuple(out), tuple(notes)


def by_op(segments: Sequence[Segment]) -> list[tuple[SegmentOp, tuple[Segment, ...]]]:
    """Consecutive segments of one kind together (a change cut where a cue phrase is
    marked reads as one change, its cue inside)."""
    out: list[tuple[SegmentOp, tuple[Segment, ...]]] = []
    for seg in segments:
        if out and out[-1][0] == seg.op:
            out[-1] = (seg.op, (*out[-1][1], seg))
        else:
            out.append((seg.op, (seg,)))
    return out


def shown_group(op: SegmentOp, group: Sequence[Segment]) -> tuple[Segment, ...]:
    """A change's pieces as shown: when the whole change is whitespace, one piece with
    visible symbols (``shown_text``)."""
    if op != "=" and not "".join(s.text for s in group).strip():
        return (Segment(op, shown_text(Segment(op, "".join(s.text for s in group)))),)
    return tuple(group)


def edges(text: str) -> tuple[str, str, str]:
    """(leading whitespace, the rest, trailing whitespace): a mark goes around the rest."""
    core = text.strip()
    if not core:
        return text, "", ""
    lead = text[: len(text) - len(text.lstrip())]
    return lead, core, text[len(lead) + len(core) :]


def marked_text(
    pieces: Iterable[Segment], lines: Callable[[str], str], mark: Callable[[str, str], str]
) -> str:
    """The text of consecutive pieces as a face writes it (``lines``: its escaping), each
    cue phrase's words (its edges' whitespace left outside) wrapped by ``mark(written,
    cue)``."""
    out = []
    for p in pieces:
        if not p.cue:
            out.append(lines(p.text))
            continue
        lead, core, trail = edges(p.text)
        out.append(lines(lead) + (mark(lines(core), p.cue) if core else "") + lines(trail))
    return "".join(out)


def cue_label(note: str) -> str:
    """'linkage, key difference 1' from a cue note (its part before the summary)."""
    return note.split(": ", 1)[0]


#: How the text formats mark a cue phrase (``⟦ ⟧`` already shows invisible characters).
CUE_OPEN, CUE_CLOSE = "⟨", "⟩"

_VISIBLE = str.maketrans({"\n": "¶", " ": "␣", "\t": "␣", "\u00a0": "␣"})


def shown_text(segment: Segment) -> str:
    """A deleted or inserted run that is only whitespace is shown with visible symbols
    (¶ line break, ␣ space): otherwise a real whitespace change would be invisible."""
    if segment.op != "=" and segment.text and not segment.text.strip():
        return segment.text.translate(_VISIBLE)
    return segment.text


def _boundary(segments: Sequence[Segment], k: int) -> bool:
    """Has the other side a word boundary (or an end) where marked segment ``k`` sits?"""
    mine = segments[k].op
    before = next((s.text for s in reversed(segments[:k]) if s.op != mine and s.text), "")
    after = next((s.text for s in segments[k + 1 :] if s.op != mine and s.text), "")
    return not before or not after or before[-1].isspace() or after[0].isspace()


def tidy_segments(
    segments: Sequence[Segment], *, keep_line_breaks: bool = False
) -> tuple[Segment, ...]:
    """Whitespace at the ends of a deleted or inserted run moves out of it, as wdiff
    shows it ("Expressing {+grave+} concern", not "{+grave +}concern"), where the other
    side has a word boundary there anyway; a moved line break becomes a space. Elsewhere
    (rare) the whitespace stays inside, so neither side gains or loses a word break.
    ``keep_line_breaks``: whitespace holding a line break stays where it is (in Word a
    line break is a paragraph mark, which belongs to one side)."""
    segments = merge_segments(segments)
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        core = seg.text.strip()
        if seg.op == "=" or not core or core == seg.text or not _boundary(segments, k):
            out.append(seg)
            continue
        # Only at the ends of a change: a change cut in pieces (a cue marked inside it)
        # keeps the whitespace between its pieces.
        first = k == 0 or segments[k - 1].op != seg.op
        last = k == len(segments) - 1 or segments[k + 1].op != seg.op
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())] if first else ""
        trail = seg.text[len(seg.text.rstrip()) :] if last else ""
        if keep_line_breaks and ("\n" in lead or "\n" in trail):
            out.append(seg)
            continue
        out += [
            Segment("=", lead.replace("\n", " ")),
            segment(seg.op, seg.text[len(lead) : len(seg.text) - len(trail)], seg.cue),
            Segment("=", trail.replace("\n", " ")),
        ]
    return merge_segments(out)


def _cues(runs: Sequence[Run], cues: Sequence[str] | None) -> Sequence[str]:
    return cues if cues is not None else ("",) * len(runs)


def inline_segments(
    pair: ClausePair, runs: Sequence[Run] | None = None, cues: Sequence[str] | None = None
) -> tuple[Segment, ...]:
    """The inline diff as shown: a minor couple appears once, as B's text, unmarked;
    see ``tidy_segments`` for whitespace at the edges of changes. ``runs`` replaces
    ``pair.diff`` (e.g. reflowed by ``reflow``); ``cues`` gives each run's cue note
    (``split_at_cues``)."""
    diff = pair.diff if runs is None else runs
    segs: list[Segment] = []
    if not cues:  # the common case, kept fast: no cue phrase in this pair
        for run in diff:
            if not run.minor:
                segs.append(Segment(run.op, run.text))
            elif run.op != "-":
                segs.append(Segment("=", run.text))
        return tidy_segments(segs)
    for run, cue in zip(diff, cues, strict=True):
        if run.minor:
            if run.op != "-":
                segs.append(segment("=", run.text, cue))
            continue
        segs.append(segment(run.op, run.text, cue))
    return tidy_segments(segs)


def side_segments(
    pair: ClausePair,
    side: Side,
    runs: Sequence[Run] | None = None,
    cues: Sequence[str] | None = None,
) -> tuple[Segment, ...]:
    """One side's own text for side-by-side views, its differences marked."""
    drop = "+" if side == "a" else "-"
    diff = pair.diff if runs is None else runs
    if not cues:  # the common case, kept fast: no cue phrase in this pair
        return merge_segments(
            [Segment("=" if r.minor else r.op, r.text) for r in diff if r.op != drop]
        )
    segs = [
        segment("=" if run.minor else run.op, run.text, cue)
        for run, cue in zip(diff, cues, strict=True)
        if run.op != drop
    ]
    return merge_segments(segs)


def before_after(
    pair: ClausePair, runs: Sequence[Run] | None = None, cues: Sequence[str] | None = None
) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """A rewritten pair (``resdiff.align.rewrite.is_rewritten``) as a person reads it: the
    whole old text, then the whole new one, not interleaved (cut only where a cue
    phrase is marked)."""
    diff = pair.diff if runs is None else runs
    marks = _cues(diff, cues)
    old = [segment("-", r.text, c) for r, c in zip(diff, marks, strict=True) if r.op != "+"]
    new = [segment("+", r.text, c) for r, c in zip(diff, marks, strict=True) if r.op != "-"]
    return merge_segments(old), merge_segments(new)


# --- line breaks ---------------------------------------------------------------------

_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


_SPACES = re.compile(r"\s+")


def squeeze(runs: Sequence[Run]) -> tuple[Run, ...]:
    """A header block's runs as one line: every stretch of whitespace (the columns and
    line ends of "United Nations          S/2024/239") one space. Display only."""
    return tuple(Run(r.op, _SPACES.sub(" ", r.text), r.minor) for r in runs)


def clause_texts(document: Document) -> dict[str, str]:
    """Clause id -> own text, what ``reflow`` needs to find where clauses join."""
    return {c.id: c.text for c in document.walk()}


def _joins(texts: Mapping[str, str], ids: Sequence[str]) -> set[int] | None:
    """Offsets of the line breaks that join several clauses in a pair's text."""
    joins: set[int] = set()
    pos = 0
    for cid in ids[:-1]:
        if cid not in texts:
            return None
        pos += len(texts[cid])
        joins.add(pos)
        pos += 1
    return joins


def reflow(
    pair: ClausePair,
    texts_a: Mapping[str, str],
    texts_b: Mapping[str, str],
    *,
    runs: Sequence[Run] | None = None,
) -> tuple[Run, ...]:
    """A line break inside a clause is layout (a hard-wrapped PDF or e-mail paste) and is
    shown as a space; the breaks that join the clauses of a split or a merge are kept.
    Display only: the model's runs stay lossless. ``runs``: the pair's runs cut finer
    (``split_at_cues``); one run comes out for each run in."""
    diff = tuple(pair.diff if runs is None else runs)
    if not any("\n" in r.text for r in diff):
        return diff
    joins_a, joins_b = _joins(texts_a, pair.a), _joins(texts_b, pair.b)
    if joins_a is None or joins_b is None:
        return diff
    out: list[Run] = []
    pa = pb = 0
    for run in diff:
        text = run.text
        if "\n" in text:

            def keep(m: re.Match[str], run: Run = run, pa: int = pa, pb: int = pb) -> str:
                at = m.start() + m.group().index("\n")
                joined = (run.op != "+" and pa + at in joins_a) or (
                    run.op != "-" and pb + at in joins_b
                )
                return "\n" if joined else " "

            text = _LINE_BREAK.sub(keep, text)
        out.append(Run(run.op, text, run.minor))
        if run.op != "+":
            pa += len(run.text)
        if run.op != "-":
            pb += len(run.text)
    return tuple(out)
