"""Where the words behind a change of linkage or of verb sit in a pair's two texts, so
every face can mark them ("in connection with" in A, "also demands ... unconditional"
in B) and say which signal they carry.

Link cues come with their spans (``Link.spans``, found by the lens); a verb is found at
the head of its clause, where the lens read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from resdiff.model import Change, ClausePair, ClauseSignals
from resdiff.present.segments import CueSpan, Side

#: A verb is read from the first words of its clause (see ``signals.verbs``).
VERB_WINDOW = 120


def _clauses(ids: Sequence[str], texts: Mapping[str, str]) -> Iterator[tuple[str, int]]:
    """Each clause id with the offset of its text in the pair's side text (joined by
    "\\n", as the runs join them)."""
    base = 0
    for cid in ids:
        yield cid, base
        base += len(texts.get(cid, "")) + 1


def _link_spans(
    change: Change,
    ids: Sequence[str],
    texts: Mapping[str, str],
    signals: Mapping[str, ClauseSignals],
) -> Iterator[tuple[int, int]]:
    topics = {change.topic, change.related}
    for cid, base in _clauses(ids, texts):
        sig = signals.get(cid)
        for link in sig.links if sig else ():
            if set(link.topics) == topics:
                yield from ((base + s.start, base + s.end) for s in link.spans)


def _verb_span(
    verb: str | None, ids: Sequence[str], texts: Mapping[str, str]
) -> Iterator[tuple[int, int]]:
    if not verb:
        return
    words = r"\s+".join(map(re.escape, verb.split()))
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
    for cid, base in _clauses(ids, texts):
        m = pattern.search(texts.get(cid, "")[:VERB_WINDOW])
        if m:
            yield base + m.start(), base + m.end()
            return


def pair_cues(
    pair: ClausePair,
    changes: Sequence[tuple[Change, str]],
    signals: tuple[Mapping[str, ClauseSignals], Mapping[str, ClauseSignals]],
    texts: tuple[Mapping[str, str], Mapping[str, str]],
) -> tuple[CueSpan, ...]:
    """The cue phrases of the linkage and verb changes about this pair (each given with
    the note to show for it), in both texts."""
    out: list[CueSpan] = []
    for change, note in changes:
        if (change.a, change.b) != (pair.a, pair.b):
            continue
        sides: tuple[tuple[Side, Sequence[str], int], ...] = (("a", pair.a, 0), ("b", pair.b, 1))
        for side, ids, k in sides:
            if change.kind == "linkage":
                spans = list(_link_spans(change, ids, texts[k], signals[k]))
            elif change.kind == "verb-strength":
                spans = list(_verb_span(change.from_ if k == 0 else change.to, ids, texts[k]))
            else:
                continue
            out += (CueSpan(side, start, end, note) for start, end in spans)
    return tuple(sorted(out, key=lambda c: (c.side, c.start, c.end)))
