"""How much to quote: the word edits that turn one paragraph's text into another's.

The writer starts from the word diff's changed stretches (``Hunk``: a range of the old
text and what replaces it) and, for each, picks the plainest instruction a delegate
would write: delete the words, insert after (or before) the words, replace the words.
It quotes as few words as make the instruction unambiguous in the paragraph, and checks
every choice with the applier's own code (``words.apply_edits``), so what it writes is
exactly what applies.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from resdiff.amend.words import WordEdit, apply_edits, canonical, effect, find


@dataclass(frozen=True, slots=True)
class Hunk:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def merge(x: Hunk, y: Hunk, text: str) -> Hunk:
    return Hunk(x.start, y.end, x.new + text[x.end : y.start] + y.new)


def result(text: str, hunks: Sequence[Hunk]) -> str:
    out, at = [], 0
    for h in hunks:
        out += [text[at : h.start], h.new]
        at = h.end
    out.append(text[at:])
    return "".join(out)


def _left(text: str, i: int) -> int:
    """Start of the chunk (run of non-spaces) before ``i``, skipping spaces."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _right(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    while i < len(text) and not text[i].isspace():
        i += 1
    return i


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _unique(text: str, s: int, e: int) -> bool:
    return find(text, text[s:e]) == [(s, e)]


def _works(text: str, edit: WordEdit, want: str) -> bool:
    return canonical(apply_edits(text, [edit])) == want


def _grown(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """Ranges around ``[s, e)``, one chunk wider each time, left and right in turn."""
    s, e = _trim(text, s, e)
    yield s, e
    while s > 0 or e < len(text):
        if s > 0:
            s = _left(text, s)
            yield s, e
        if e < len(text):
            e = _right(text, e)
            yield s, e


def tightened(text: str, hunk: Hunk) -> Hunk:
    """``hunk`` without the punctuation and spaces its two sides share at either end
    (", and stresses ...;" -> ";" is the deletion of ", and stresses ...")."""
    old, new = text[hunk.start : hunk.end], hunk.new
    k = 0
    while k < min(len(old), len(new)) and old[-1 - k] == new[-1 - k] and not old[-1 - k].isalnum():
        k += 1
    j = 0
    while j < min(len(old), len(new)) - k and old[j] == new[j] and not old[j].isalnum():
        j += 1
    return Hunk(hunk.start + j, hunk.end - k, new[j : len(new) - k])


def word_edit(text: str, hunk: Hunk) -> WordEdit | None:
    """The plainest unambiguous edit doing ``hunk`` to ``text``, or None (empty text)."""
    want = canonical(result(text, [hunk]))
    hunk = tightened(text, hunk)
    new = canonical(hunk.new)
    old_s, old_e = _trim(text, hunk.start, hunk.end)
    if old_s == old_e and new:
        found = _insertion(text, hunk.start, new, want)
        if found is not None:
            return found
    if old_s < old_e and not new and _has_word(text[old_s:old_e]):
        edit = WordEdit("delete", old_s, old_e)
        if _unique(text, old_s, old_e) and _works(text, edit, want):
            return edit
    for s, e in _grown(text, hunk.start, hunk.end):
        if s == e or not _has_word(text[s:e]) or not _unique(text, s, e):
            continue
        replacement = canonical(text[s : hunk.start] + hunk.new + text[hunk.end : e])
        edit = WordEdit("replace", s, e, replacement) if replacement else WordEdit("delete", s, e)
        if _works(text, edit, want):
            return edit
    return None


def _insertion(text: str, at: int, new: str, want: str) -> WordEdit | None:
    """Insert after the words before ``at``, or before the words after it."""
    if not text.strip():
        return None
    if not text[:at].strip():
        edit = WordEdit("start", 0, 0, new)
        if _works(text, edit, want):
            return edit
    if not text[at:].strip():
        edit = WordEdit("end", len(text), len(text), new)
        if _works(text, edit, want):
            return edit
    return _anchored(text, at, new, want, "after") or _anchored(text, at, new, want, "before")


def _anchored(
    text: str, at: int, new: str, want: str, how: Literal["after", "before"]
) -> WordEdit | None:
    """Insert after the words ending at ``at`` (or before those starting there), quoting
    one more word until they are found only there."""
    if how == "after":
        fixed, edge, grow = _trim(text, 0, at)[1], 0, _left
    else:
        fixed, edge, grow = _trim(text, at, len(text))[0], len(text), _right
    moving = fixed
    while moving != edge:
        moving = grow(text, moving)
        s, e = min(moving, fixed), max(moving, fixed)
        if _has_word(text[s:e]) and _unique(text, s, e):
            edit = WordEdit(how, s, e, new)
            return edit if _works(text, edit, want) else None
    return None


def _apart(text: str, x: WordEdit, y: WordEdit) -> bool:
    """Two edits far enough apart to be voted separately: neither their words nor what
    they change meet."""
    _, xe, _ = effect(text, x)
    ys, _, _ = effect(text, y)
    return x.end <= y.start and xe < ys


def paragraph_edits(text: str, hunks: Sequence[Hunk]) -> list[WordEdit] | None:
    """Edits turning ``text`` into ``result(text, hunks)`` (whitespace aside), one per
    stretch where possible; None if the text cannot be edited in words."""
    want = canonical(result(text, hunks))
    done: list[tuple[Hunk, WordEdit]] = []
    for hunk in hunks:
        current = hunk
        while True:
            edit = word_edit(text, current)
            if edit is None:
                return None
            if done and not _apart(text, done[-1][1], edit):
                current = merge(done.pop()[0], current, text)
                continue
            break
        done.append((current, edit))
    edits = [e for _, e in done]
    if canonical(apply_edits(text, edits)) == want:
        return edits
    if len(hunks) > 1:  # should not happen; one edit over all the stretches is exact
        combined = hunks[0]
        for hunk in hunks[1:]:
            combined = merge(combined, hunk, text)
        whole = word_edit(text, combined)
        if whole is not None and _works(text, whole, want):
            return [whole]
    return None
