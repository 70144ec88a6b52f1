"""Cheap pre-checks for regexes: literal text a pattern cannot match without.

Scanning a clause with a dozen reference and number patterns costs more than all the rest
of signal extraction; most clauses contain none of them. ``literal_hint`` reads the
pattern's source and returns strings of which at least one must occur in any match, so
``str.__contains__`` can skip the regex (signals of the large benchmark draft take about
40% less time with the check). None means no such hint could be found.

The reader is deliberately small and conservative: it understands literals, escapes,
character classes, groups, lookarounds, alternation and quantifiers, and gives up (None)
on anything else (backreferences, inline flags, conditionals), so a hint is never wrong.
"""

from __future__ import annotations

import re

Hint = tuple[str, ...]

#: Escapes that stand for one known character.
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
#: Escapes that match no character ("\b") or one of a class ("\d").
_ZERO_WIDTH = frozenset("bBAZ")
_CLASSES = frozenset("dDwWsS")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:(,)(\d*))?\}")
_GROUP_OPEN = re.compile(r"\(\?(?::|P<\w+>)|\((?!\?)")
_LOOK = re.compile(r"\(\?(?:=|!|<=|<!)")


class _GiveUp(Exception):
    """The pattern uses syntax the reader does not know: no hint."""


def literal_hint(pattern: str, ignore_case: bool = False) -> Hint | None:
    try:
        cands, end = _alternation(pattern, 0)
    except (_GiveUp, IndexError):
        return None
    if end != len(pattern):
        return None
    hint = _best(cands)
    if hint and ignore_case:
        hint = tuple(h.lower() for h in hint)
    return hint


def may_match(hint: Hint | None, text: str) -> bool:
    return hint is None or any(h in text for h in hint)


def _score(h: Hint) -> tuple[int, int]:
    """Longer strings, then fewer of them: the rarer the hint, the more it skips."""
    return min(len(x) for x in h), -len(h)


def _best(cands: list[Hint]) -> Hint | None:
    good = [c for c in cands if c and _score(c)[0] > 0]
    return max(good, key=_score) if good else None


def _alternation(p: str, i: int) -> tuple[list[Hint], int]:
    """Candidates of ``branch|branch|...`` from ``p[i:]``, up to a ``)`` or the end.
    With one branch, every candidate of it; with several, one any-of candidate made of
    each branch's best (or none, if a branch has none)."""
    branches: list[list[Hint]] = []
    while True:
        cands, i = _sequence(p, i)
        branches.append(cands)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        break
    if len(branches) == 1:
        return branches[0], i
    best = [_best(b) for b in branches]
    if all(best):
        return [tuple(x for b in best if b for x in b)], i
    return [], i


def _sequence(p: str, i: int) -> tuple[list[Hint], int]:
    """Candidates of a sequence of items: runs of literal characters that every match
    contains, and the candidates of the groups that must occur."""
    cands: list[Hint] = []
    run = ""
    while i < len(p) and p[i] not in "|)":
        char, inner, i = _atom(p, i)
        q = _QUANTIFIER.match(p, i)
        least = 1
        if q:
            i = q.end()
            if i < len(p) and p[i] in "?+":
                i += 1  # lazy or possessive
            least = _least(q)
        if char is not None and q is None:
            run += char
            continue
        if run:
            cands.append((run,))
            run = ""
        if least >= 1:
            if char is not None:
                cands.append((char,))
            cands.extend(inner)
    if run:
        cands.append((run,))
    return cands, i


def _least(q: re.Match[str]) -> int:
    """How many times a quantified item occurs at least."""
    text = q.group()
    if text in ("?", "*"):
        return 0
    if text == "+":
        return 1
    if q.group(1) == "" and q.group(2) is None:
        raise _GiveUp  # "{}": a literal brace in Python's reading
    return int(q.group(1) or 0)


def _atom(p: str, i: int) -> tuple[str | None, list[Hint], int]:
    """One item at ``p[i]``: the literal character it stands for (or None), the
    candidates inside it (a group's), and where it ends."""
    c = p[i]
    if c == "\\":
        if i + 1 >= len(p):
            raise _GiveUp
        e = p[i + 1]
        if e in _CHAR_ESCAPES:
            return _CHAR_ESCAPES[e], [], i + 2
        if e in _ZERO_WIDTH or e in _CLASSES:
            return None, [], i + 2
        if e.isalnum():
            raise _GiveUp  # backreferences, \x, \u, \N{...}, octal
        return e, [], i + 2
    if c == "[":
        return None, [], _class_end(p, i)
    if c == "(":
        look = _LOOK.match(p, i)
        if look:  # a lookaround matches no character: read past it
            _, end = _alternation(p, look.end())
            return None, [], _close(p, end)
        m = _GROUP_OPEN.match(p, i)
        if not m:
            raise _GiveUp  # inline flags, comments, conditionals, atomic groups
        inner, end = _alternation(p, m.end())
        return None, inner, _close(p, end)
    if c in ".^$":
        return None, [], i + 1
    if c in "*+?{":
        raise _GiveUp  # a quantifier with nothing to repeat, or a literal brace
    return c, [], i + 1


def _close(p: str, i: int) -> int:
    if i >= len(p) or p[i] != ")":
        raise _GiveUp
    return i + 1


def _class_end(p: str, i: int) -> int:
    """Just past the ``]`` closing the character class that opens at ``p[i]``."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1  # "[]...]": a leading "]" is literal
    while j < len(p):
        if p[j] == "\\":
            j += 2
            continue
        if p[j] == "[":
            raise _GiveUp  # nested sets (a FutureWarning in Python) are not read
        if p[j] == "]":
            return j + 1
        j += 1
    raise _GiveUp
