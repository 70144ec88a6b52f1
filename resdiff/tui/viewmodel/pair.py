"""The selected pair as shown: columns, inline, before/after; markers; what is copied."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from resdiff.model import (
    Change,
    ClausePair,
    Comparison,
    PairwiseComparison,
    Run,
)
from resdiff.present import address as addresses
from resdiff.present.changes import kind_note
from resdiff.present.escape import clean_terminal
from resdiff.present.keydiffs import change_kind
from resdiff.present.segments import Segment as ShownSegment
from resdiff.present.segments import (
    before_after,
    inline_segments,
    shown_text,
    side_segments,
)
from resdiff.render.text import STYLE_DELETED, STYLE_INSERTED, break_offsets, diff_spans
from resdiff.tui.viewmodel.rows import (
    KIND_MARKER,
    MOVED_MARKER,
    STATUS_MARKERS,
    Row,
    Side,
    address,
    status_marker,
)

MAX_NOTES = 3  # change summaries shown with a pair's text; the rest are counted

Segment = tuple[str, str]
"""``(op, text)``: op is ``=`` (in both, or a minor difference), ``-`` or ``+``."""


@dataclass(frozen=True, slots=True)
class PairDisplay:
    """The selected pair as runs for each column (or one inline column); a rewritten
    pair also as two blocks, ``before`` and ``after``."""

    title: str
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]
    inline: tuple[Segment, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    before: tuple[Segment, ...] = ()
    after: tuple[Segment, ...] = ()

    @property
    def rewritten(self) -> bool:
        return bool(self.before or self.after)


def _segments(segments: Iterable[ShownSegment]) -> tuple[Segment, ...]:
    """The shared segments (``present.segments``, as in the reports), with
    whitespace-only changes made visible and control characters removed."""
    out = ((seg.op, clean_terminal(shown_text(seg))) for seg in segments)
    return tuple((op, text) for op, text in out if text)


def _pair_notes(
    pair: ClausePair, label_a: str, label_b: str, changes: Sequence[Change], max_notes: int
) -> list[str]:
    notes = []
    if pair.moved:
        notes.append(
            f"{MOVED_MARKER} moved: {addresses.ids(pair.a, '+')} in {label_a} is now "
            f"{addresses.ids(pair.b, '+')} in {label_b}"
        )
    if pair.kind_change is not None:
        notes.append(f"{KIND_MARKER} kind changed: {kind_note(pair.kind_change, '→')}")
    if pair.status in ("split", "merged"):
        notes.append(
            f"{STATUS_MARKERS[pair.status]} {pair.status}: "
            f"{addresses.ids(pair.a, '+', '-')} {addresses.APP_ARROW} "
            f"{addresses.ids(pair.b, '+', '-')}"
        )
    ranked = sorted(changes, key=lambda c: -c.weight)
    for ch in ranked[:max_notes]:
        notes.append(f"{change_kind(ch).mark} {ch.summary}")
    if len(ranked) > max_notes:
        more = len(ranked) - max_notes
        notes.append(f"… and {more} more change{'s' if more > 1 else ''} here")
    return notes


def pair_display(
    pair: ClausePair,
    label_a: str,
    label_b: str,
    changes: Sequence[Change] = (),
    runs: Sequence[Run] | None = None,
    max_notes: int = MAX_NOTES,
) -> PairDisplay:
    """Segments for the left (a) and right (b) columns and for the inline view.

    A minor difference (whitespace, quotes...) shows each side's own text unmarked;
    the segments come from ``resdiff.present.segments``, as in the reports; ``runs``
    (``Row.runs``) has the line breaks inside a clause shown as spaces, as there. A
    rewritten pair (``align.rewrite.is_rewritten``, the reports' rule) also has its old
    and new texts as two blocks (``before``, ``after``: ``present.segments.before_after``).
    ``changes`` (the substantive changes found in this pair) are listed as notes, the
    ``max_notes`` highest ranked, so their summaries are visible with the text.
    """
    from resdiff.align.rewrite import is_rewritten  # the aligner's package: imported late

    notes = _pair_notes(pair, label_a, label_b, changes, max_notes)
    title = f"{address(pair)}  {status_marker(pair) or '= unchanged'}"
    before: tuple[Segment, ...] = ()
    after: tuple[Segment, ...] = ()
    if is_rewritten(pair):
        title += " · rewritten: old text, then new"
        old, new = before_after(pair, runs)
        before, after = _segments(old), _segments(new)
    return PairDisplay(
        title=clean_terminal(title),
        left=_segments(side_segments(pair, "a", runs)),
        right=_segments(side_segments(pair, "b", runs)),
        inline=_segments(inline_segments(pair, runs)),
        notes=tuple(clean_terminal(n) for n in notes),
        before=before,
        after=after,
    )


def prepare() -> None:
    """Import what :func:`pair_display` imports on its first call (the aligner's
    package, 0.03-0.09 s), for a caller with time to spare before the first pair is
    shown (the app waiting for a comparison computed in another process)."""
    from resdiff.align import rewrite  # noqa: F401


def separated(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """The inline view with a space between a deletion and an insertion that touch
    ("essential" struck, "Demands" underlined, not "essentialDemands"): display only."""
    out: list[Segment] = []
    for op, text in segments:
        if out:
            prev_op, prev = out[-1]
            touching = prev and text and not prev[-1].isspace() and not text[0].isspace()
            if {prev_op, op} == {"-", "+"} and touching:
                out.append(("=", " "))
        out.append((op, text))
    return tuple(out)


def with_markers(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """Each change in ``[-old-]`` / ``{+new+}`` markers, exactly as the text report writes
    them (``render.text.diff_spans``: a draft's own marker-like text escaped), for
    terminals without colour or strike-through; the op stays for colour if any."""
    ops = {STYLE_DELETED: "-", STYLE_INSERTED: "+"}
    spans = diff_spans(tuple(ShownSegment(op, text) for op, text in segments))  # type: ignore[arg-type]
    return tuple((ops.get(style, "="), text) for text, style in spans)


def change_stops(lines: Sequence[Iterable[int | None]]) -> list[tuple[int, frozenset[int]]]:
    """Where "next change in this clause" stops: each line on which changes begin, with
    those changes (``lines`` holds the changes each shown line touches, in order)."""
    seen: set[int] = set()
    stops = []
    for n, ids in enumerate(lines):
        new = {i for i in ids if i is not None and i not in seen}
        if new:
            stops.append((n, frozenset(new)))
            seen |= new
    return stops


def amendment_text(comparison: Comparison, pc: PairwiseComparison) -> str:
    """The amendments turning ``pc``'s base into its other draft, as ``resdiff
    amendments`` writes them (``amend.amendments``, ``render.amendments.render_text``)."""
    from resdiff.amend import amendments
    from resdiff.render.amendments import render_text

    return clean_terminal(render_text(amendments(comparison, pc)))


def agreed_text(pc: PairwiseComparison, row: Row, width: int) -> str | None:
    """Where the language of the row's clauses in the shown draft comes from: their
    precedents (``resdiff precedents``'s blocks), then every clause's status, as the
    reports' "Agreed language" section words it; ``None`` when no corpus was searched."""
    if pc.precedents is None:
        return None
    from resdiff.render.precedents.text import clause_text, section_text

    if row.pair.b:
        own = clause_text(pc.precedents, row.pair.b, width) or (
            f"{' + '.join(row.pair.b)}: no words to look up."
        )
    else:
        own = f"{row.address}: not in {pc.b}; agreed language is looked up for {pc.b}'s clauses."
    return clean_terminal(own + "\n\n" + section_text(pc.precedents, width))


def side_text(row: Row, side: Side) -> str:
    """One draft's text of a row as shown (a line break inside a clause as a space, the
    clauses of a split or a merge on lines of their own), safe for a terminal: what
    "copy" puts on the clipboard."""
    runs = row.pair.diff if row.runs is None else row.runs
    drop = "+" if side == "a" else "-"
    return clean_terminal("".join(r.text for r in runs if r.op != drop)).strip()


def pair_as_diff(row: Row, label_a: str, label_b: str, width: int | None = None) -> str:
    """The pair as a text diff, as the text report writes a pair: its address in both
    drafts, its status, then the words with ``[-old-]{+new+}`` markers (a rewritten pair:
    the old text, then the new); lines wrapped at ``width`` as the report wraps them, or
    one line a paragraph (for the clipboard)."""
    where = addresses.between(label_a, row.pair.a, label_b, row.pair.b)
    head = f"{where}  {row.marker or 'unchanged'}"
    data = pair_display(row.pair, label_a, label_b, runs=row.runs)
    blocks = [data.before, data.after] if data.rewritten else [data.inline]
    body = "\n".join("".join(text for _, text in with_markers(b)) for b in blocks)
    lines = clean_terminal(f"{head}\n{body}").split("\n")
    if width is not None:
        lines = [part for line in lines for part in _broken(line, width)]
    return "\n".join(lines)


def _broken(line: str, width: int) -> list[str]:
    bounds = [0, *break_offsets(line, width), len(line)]
    return [line[i:j].rstrip() for i, j in itertools.pairwise(bounds)]
