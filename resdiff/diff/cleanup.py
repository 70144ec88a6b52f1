"""Named clean-up passes over a decoded diff, each keeping both texts intact.

``snap_to_word_groups`` widens edits that stop inside a word group ("U.N.", "2/4",
"(a)") so no fragment of a word is shown as unchanged next to an edit of the same word;
``absorb_islands`` folds a lone function word between two big edits into one rewrite.
"""

from __future__ import annotations

from resdiff.diff.segments import Block, Equal, Segment, coalesce
from resdiff.diff.tokens import below_cjk, function_words, group_pattern, words

# absorb_islands: an unchanged stretch of at most ISLAND_MAX_WORDS function words between
# two edits is shown as part of one rewrite when the edits around it change at least
# ISLAND_RATIO times as many words ("Determines [the] imperative [of] ..." reads as one
# rewrite, not as a sentence chopped around "the" and "of").
ISLAND_MAX_WORDS = 2
ISLAND_RATIO = 4


def group_around(text: str, pos: int) -> tuple[int, int] | None:
    """The word group that a boundary at ``pos`` cuts through, if any. Groups hold no
    whitespace, so only the whitespace-free chunk around ``pos`` is searched."""
    if pos <= 0 or pos >= len(text) or text[pos - 1].isspace() or text[pos].isspace():
        return None
    start = pos - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    groups = group_pattern(below_cjk(text[start:end]))
    for m in groups.finditer(text, start, end):
        if m.start() >= pos:
            break
        if pos < m.end():
            return m.span()
    return None


def _reach(a: str, pa: int, b: str, pb: int, leading: bool) -> int:
    """How far past the boundary (at ``pa`` in a, ``pb`` in b) the groups it cuts reach:
    backwards to their start for a block's leading edge, forwards to their end for its
    trailing edge."""
    ga, gb = group_around(a, pa), group_around(b, pb)
    if leading:
        return max(pa - ga[0] if ga else 0, pb - gb[0] if gb else 0)
    return max(ga[1] - pa if ga else 0, gb[1] - pb if gb else 0)


def _join(earlier: Block, later: Block, leading: bool) -> Block:
    """Two blocks as one; ``earlier`` came first in the walk (so last in the text when
    walking backwards)."""
    first, second = (earlier, later) if leading else (later, earlier)
    return Block(
        first.deleted + second.deleted,
        first.inserted + second.inserted,
        first.minor and second.minor,
    )


def _snap_edges(segments: list[Segment], a: str, b: str, leading: bool) -> list[Segment]:
    """Widen one edge of every block: the leading edge walking forwards, or the trailing
    edge walking backwards (the same walk, mirrored)."""
    step = 1 if leading else -1
    pa, pb = (0, 0) if leading else (len(a), len(b))
    out: list[Segment] = []
    for seg in segments if leading else reversed(segments):
        if isinstance(seg, Equal):
            out.append(seg)
            pa += step * len(seg.text)
            pb += step * len(seg.text)
            continue
        block = seg
        k = _reach(a, pa, b, pb, leading)
        if k and out and isinstance(out[-1], Equal):
            text = out[-1].text
            take = min(k, len(text))
            cut = len(text) - take if leading else take
            if leading:
                moved, rest = text[cut:], text[:cut]
                block = Block(moved + block.deleted, moved + block.inserted, block.minor)
            else:
                moved, rest = text[:cut], text[cut:]
                block = Block(block.deleted + moved, block.inserted + moved, block.minor)
            if rest:
                out[-1] = Equal(rest)
            else:
                out.pop()
                if out and isinstance(prev := out[-1], Block):
                    out.pop()
                    block = _join(prev, block, leading)
        out.append(block)
        pa += step * len(seg.deleted)
        pb += step * len(seg.inserted)
    if not leading:
        out.reverse()
    return out


def snap_to_word_groups(segments: list[Segment], a: str, b: str) -> list[Segment]:
    """Widen every change block that starts or ends inside a word group to the whole
    group, on both sides, so no fragment of a changed word is shown as unchanged.

    Equal text is the same on both sides, so moving k of its characters into the block
    keeps both texts intact; a stretch swallowed whole joins the blocks around it.
    """
    if not any(isinstance(s, Block) for s in segments):
        return segments
    return _snap_edges(_snap_edges(segments, a, b, leading=True), a, b, leading=False)


def _changed_words(block: Block) -> int:
    return max(len(words(block.deleted)), len(words(block.inserted)))


def absorb_islands(segments: list[Segment]) -> list[Segment]:
    """Fold small unchanged islands of function words into the rewrite around them.

    An island becomes a change of its text into itself, which ``coalesce`` joins with
    its neighbours: the equal text goes to both sides, so the diff stays lossless. Minor
    blocks are never folded (their text is, as far as the options go, unchanged).
    """
    skip = function_words()
    out = list(segments)
    # The rewrite so far (blocks, and islands already folded): what an island is weighed
    # against, so a chain of islands is judged as one growing rewrite.
    run = Block("", "", False)
    for i, seg in enumerate(out):
        if isinstance(seg, Block):
            run = Block(run.deleted + seg.deleted, run.inserted + seg.inserted, seg.minor)
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        island = words(seg.text)
        if (
            (run.deleted or run.inserted)
            and not run.minor
            and isinstance(nxt, Block)
            and not nxt.minor
            and len(island) <= ISLAND_MAX_WORDS
            and all(w.casefold() in skip for w in island)
            and _changed_words(run) + _changed_words(nxt) >= ISLAND_RATIO * max(1, len(island))
        ):
            out[i] = Block(seg.text, seg.text, False)
            run = Block(run.deleted + seg.text, run.inserted + seg.text, False)
        else:
            run = Block("", "", False)
    return coalesce(out)
