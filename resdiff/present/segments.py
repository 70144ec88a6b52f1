"""A pair's word diff as a person is shown it, for every face (reports, Word, the app).

The model's runs are lossless (``Run``, with ``minor`` couples for what the options
ignore); a face shows *segments*: a minor couple once, as B's text and unmarked; a line
break inside a clause (hard-wrapped text) as a space; whitespace at the edges of a change
moved out of it, as wdiff does. Every face derives its marks from these functions, so
the same pair shows the same changed words everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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


def merge_segments(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Adjacent segments of one kind joined; empty ones dropped."""
    out: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if out and out[-1].op == seg.op:
            out[-1] = Segment(seg.op, out[-1].text + seg.text)
        else:
            out.append(seg)
    return tuple(out)


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
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        if keep_line_breaks and ("\n" in lead or "\n" in trail):
            out.append(seg)
            continue
        out += [
            Segment("=", lead.replace("\n", " ")),
            Segment(seg.op, core),
            Segment("=", trail.replace("\n", " ")),
        ]
    return merge_segments(out)


def inline_segments(pair: ClausePair, runs: Sequence[Run] | None = None) -> tuple[Segment, ...]:
    """The inline diff as shown: a minor couple appears once, as B's text, unmarked;
    see ``tidy_segments`` for whitespace at the edges of changes. ``runs`` replaces
    ``pair.diff`` (e.g. reflowed by ``reflow``)."""
    segs: list[Segment] = []
    for run in pair.diff if runs is None else runs:
        if run.minor:
            if run.op != "-":
                segs.append(Segment("=", run.text))
            continue
        segs.append(Segment(run.op, run.text))
    return tidy_segments(segs)


def side_segments(
    pair: ClausePair, side: Side, runs: Sequence[Run] | None = None
) -> tuple[Segment, ...]:
    """One side's own text for side-by-side views, its differences marked."""
    drop = "+" if side == "a" else "-"
    diff = pair.diff if runs is None else runs
    segs = [Segment("=" if run.minor else run.op, run.text) for run in diff if run.op != drop]
    return merge_segments(segs)


def before_after(
    pair: ClausePair, runs: Sequence[Run] | None = None
) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """A rewritten pair (``resdiff.align.rewrite.is_rewritten``) as a person reads it: the
    whole old text, then the whole new one, each one marked segment, not interleaved."""
    diff = pair.diff if runs is None else runs
    old = "".join(r.text for r in diff if r.op != "+")
    new = "".join(r.text for r in diff if r.op != "-")
    return merge_segments([Segment("-", old)]), merge_segments([Segment("+", new)])


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
    pair: ClausePair, texts_a: Mapping[str, str], texts_b: Mapping[str, str]
) -> tuple[Run, ...]:
    """A line break inside a clause is layout (a hard-wrapped PDF or e-mail paste) and is
    shown as a space; the breaks that join the clauses of a split or a merge are kept.
    Display only: the model's runs stay lossless."""
    if not any("\n" in r.text for r in pair.diff):
        return pair.diff
    joins_a, joins_b = _joins(texts_a, pair.a), _joins(texts_b, pair.b)
    if joins_a is None or joins_b is None:
        return pair.diff
    out: list[Run] = []
    pa = pb = 0
    for run in pair.diff:
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
