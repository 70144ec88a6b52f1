"""Regexes built from a lens, once per lens (``Lens.compiled``).

Phrases in a lens are plain words with three conveniences (see docs/lenses.md): "(s)" makes
a final "s" optional, "*" stands for up to three words, a hyphen also matches a space or
nothing; "re:" starts a raw regex. All phrase lists become one alternation each, longest
first, with a named group per entry so one scan finds every entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resdiff.signals.prefilter import Hint, literal_hint

if TYPE_CHECKING:
    from resdiff.signals.lens import Lens, PatternEntry, VerbEntry

_WILDCARD = r"(?:\s+[\w'-]+){0,3}\s+"


def phrase_regex(phrase: str) -> str:
    """The regex source for one lens phrase (matched case-insensitively)."""
    if phrase.startswith("re:"):
        return phrase[3:]
    parts: list[str] = []
    for i, word in enumerate(phrase.split()):
        if word == "*":
            parts.append(_WILDCARD)
            continue
        if i and parts[-1] != _WILDCARD:
            parts.append(r"\s+")
        plural = word.endswith("(s)")
        if plural:
            word = word[:-3]
        body = r"[-\s]?".join(re.escape(piece) for piece in word.split("-"))
        parts.append(body + ("s?" if plural else ""))
    return r"(?<![\w])" + "".join(parts) + r"(?![\w])"


def _literal_weight(phrase: str) -> tuple[int, int]:
    """Sort key: more literal words, then longer, first (so the most specific wins)."""
    words = [w for w in phrase.split() if w != "*"]
    return (len(words), len(phrase))


def alternation(
    phrases: Sequence[str], flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str], list[int]]:
    """One regex over ``phrases``; returns it and, per group name ``_k``, the phrase index."""
    order = sorted(range(len(phrases)), key=lambda i: _literal_weight(phrases[i]), reverse=True)
    parts = [f"(?P<_{k}>{phrase_regex(phrases[i])})" for k, i in enumerate(order)]
    pattern = "|".join(parts) if parts else r"(?!x)x"
    return re.compile(pattern, flags), order


def group_index(m: re.Match[str], order: list[int]) -> int:
    """Which phrase (index into the list given to ``alternation``) matched."""
    name = m.lastgroup
    assert name is not None
    return order[int(name[1:])]


_TOKEN = re.compile(r"\w+")


def first_word_keys(phrase: str) -> set[str] | None:
    """The lower-case words a text token must equal for ``phrase`` to start there, or None
    when that cannot be told (raw regexes)."""
    if phrase.startswith("re:"):
        return None
    first = phrase.split()[0].lower()
    plural = first.endswith("(s)")
    if plural:
        first = first[:-3]
    pieces = [m.group(0) for m in (_TOKEN.match(p) for p in first.split("-")) if m]
    if not pieces or pieces[0] != first.split("-")[0][: len(pieces[0])]:
        return None
    keys = {pieces[0]}
    if len(pieces) > 1:
        keys.add("".join(pieces))
    if plural:
        keys |= {k + "s" for k in keys}
    return keys


#: What the scanner looks for; each is one "slot" of ``Scanner.scan``'s result.
TERMS, QUALIFIERS, CUES, ACTORS_CASED, ACTORS_ANY = range(5)


@dataclass(frozen=True, slots=True)
class Scanner:
    """Every phrase list of a lens found in one pass over a clause, fast.

    One big alternation makes Python's regex engine try every phrase at every position
    (about 25 ms per paragraph with the default lens). Instead, phrases are bucketed by
    their first word: the clause is split into word tokens once, and at each token only
    the few phrases starting with that word are tried. Raw regexes ("re:") go to a plain
    scan. Within a slot matches do not overlap; at one position the most specific phrase
    wins (more literal words, then longer).
    """

    dispatch: dict[str, tuple[tuple[int, re.Pattern[str], list[int]], ...]]
    fallbacks: tuple[tuple[int, re.Pattern[str], list[int]], ...]
    values: tuple[tuple[object, ...], ...]
    cased: tuple[bool, ...]

    def scan(self, folded: str, low: str) -> list[list[tuple[int, int, object]]]:
        """Per slot, ``(start, end, value)`` in text order. ``low`` is ``folded``
        lower-cased (same length); cased slots match on ``folded``."""
        n = len(self.values)
        hits: list[list[tuple[int, int, int]]] = [[] for _ in range(n)]
        ends = [-1] * n
        texts = (low, folded)
        cased = self.cased
        dispatch = self.dispatch
        for tok in _TOKEN.finditer(low):
            entries = dispatch.get(tok.group())
            if entries is None:
                continue
            start = tok.start()
            for slot, regex, order in entries:
                if start < ends[slot]:
                    continue
                m = regex.match(texts[cased[slot]], start)
                if m is not None and m.end() > start:
                    hits[slot].append((start, m.end(), group_index(m, order)))
                    ends[slot] = m.end()
        for slot, regex, order in self.fallbacks:
            extra = [
                (m.start(), m.end(), group_index(m, order))
                for m in regex.finditer(texts[cased[slot]])
                if m.end() > m.start()
            ]
            if extra:
                hits[slot] = _no_overlap(hits[slot] + extra)
        return [
            [(s, e, self.values[slot][i]) for s, e, i in slot_hits]
            for slot, slot_hits in enumerate(hits)
        ]


def _no_overlap(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for h in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


def make_scanner(
    slots: Sequence[tuple[Sequence[str], Sequence[object], bool]],
) -> Scanner:
    """``slots``: per slot, its phrases, the value of each, and whether it is
    case-sensitive."""
    dispatch: dict[str, list[tuple[int, re.Pattern[str], list[int]]]] = {}
    fallbacks = []
    for slot, (phrases, _values, cased) in enumerate(slots):
        flags = 0 if cased else re.IGNORECASE
        grouped: dict[str, list[int]] = {}
        rest: list[int] = []
        for i, phrase in enumerate(phrases):
            keys = first_word_keys(phrase)
            if keys is None:
                rest.append(i)
                continue
            for key in keys:
                grouped.setdefault(key, []).append(i)
        for key, idxs in grouped.items():
            regex, order = alternation([phrases[i] for i in idxs], flags)
            dispatch.setdefault(key, []).append((slot, regex, [idxs[k] for k in order]))
        if rest:
            regex, order = alternation([phrases[i] for i in rest], flags)
            fallbacks.append((slot, regex, [rest[k] for k in order]))
    return Scanner(
        dispatch={k: tuple(v) for k, v in dispatch.items()},
        fallbacks=tuple(fallbacks),
        values=tuple(tuple(values) for _p, values, _c in slots),
        cased=tuple(cased for _p, _v, cased in slots),
    )


@dataclass(frozen=True, slots=True)
class CompiledLens:
    """Every matcher a lens needs. Values carried by each alternation:

    - ``verbs``: VerbEntry (anchored at the start of the opener text)
    - ``skips``: None (opener words to step over)
    - ``scanner`` slots: TERMS -> topic id; QUALIFIERS -> index into
      ``qualifier_meanings``; CUES -> (relation or "cancel", phrase); ACTORS_CASED and
      ACTORS_ANY -> canonical actor name
    - ``negation``: regex matching a negation right before a cue
    """

    verbs: re.Pattern[str]
    verb_order: list[int]
    verb_entries: tuple[VerbEntry, ...]
    skips: re.Pattern[str]
    scanner: Scanner
    qualifier_meanings: tuple[dict[str, tuple[str, str]], ...]
    negation: re.Pattern[str]
    actor_patterns: tuple[tuple[re.Pattern[str], PatternEntry, Hint | None], ...]
    references: tuple[tuple[re.Pattern[str], PatternEntry, Hint | None], ...]
    numbers: tuple[tuple[re.Pattern[str], PatternEntry, Hint | None], ...]


def compile_lens(lens: Lens) -> CompiledLens:
    verb_re, verb_order = alternation([v.phrase for v in lens.verbs])
    verbs = re.compile(r"(?:" + verb_re.pattern + ")", re.IGNORECASE)

    skip_src = "|".join(phrase_regex(s) for s in sorted(lens.opener_skips, key=len, reverse=True))
    skips = re.compile(r"(?:(?:" + skip_src + r")\s+)+" if skip_src else r"(?!x)x", re.IGNORECASE)

    term_phrases: list[str] = []
    term_topics: list[str] = []
    for t in lens.topics:
        for term in t.terms:
            term_phrases.append(term)
            term_topics.append(t.id)

    # One entry per distinct qualifier phrase; its meanings per topic: (group, qualifier).
    qual_index: dict[str, int] = {}
    meanings: list[dict[str, tuple[str, str]]] = []
    for t in lens.topics:
        for group, quals in t.qualifiers.items():
            for qual, ways in quals.items():
                for way in ways:
                    key = way if way.startswith("re:") else way.lower()
                    if key not in qual_index:
                        qual_index[key] = len(meanings)
                        meanings.append({})
                    meanings[qual_index[key]].setdefault(t.id, (group, qual))
    qual_phrases = list(qual_index)

    cue_phrases: list[str] = []
    cue_values: list[tuple[str, str]] = []
    for rel, phrases in lens.cues.items():
        for p in phrases:
            cue_phrases.append(p)
            cue_values.append((rel, p))
    for p in lens.cancel_cues:
        cue_phrases.append(p)
        cue_values.append(("cancel", p))

    neg_src = "|".join(phrase_regex(n) for n in sorted(lens.negations, key=len, reverse=True))
    negation = re.compile(
        r"(?:" + neg_src + r")(?:\s+[\w-]+)?\s*\Z" if neg_src else r"(?!x)x", re.IGNORECASE
    )

    cased_p, cased_v, any_p, any_v = [], [], [], []
    for name, ways in lens.actor_names.items():
        for way in ways:
            if way.startswith("re:") or way != way.lower():
                cased_p.append(way)
                cased_v.append(name)
            else:
                any_p.append(way)
                any_v.append(name)

    return CompiledLens(
        verbs=verbs,
        verb_order=verb_order,
        verb_entries=lens.verbs,
        skips=skips,
        scanner=make_scanner(
            [
                (term_phrases, term_topics, False),
                (qual_phrases, list(range(len(qual_phrases))), False),
                (cue_phrases, cue_values, False),
                (cased_p, cased_v, True),
                (any_p, any_v, False),
            ]
        ),
        qualifier_meanings=tuple(meanings),
        negation=negation,
        actor_patterns=_patterns(lens.actor_patterns, ignore_case=False),
        references=_patterns(lens.references, ignore_case=False),
        numbers=_patterns(lens.numbers, ignore_case=True),
    )


def _patterns(
    entries: Sequence[PatternEntry], *, ignore_case: bool
) -> tuple[tuple[re.Pattern[str], PatternEntry, Hint | None], ...]:
    out = []
    for e in entries:
        src = phrase_regex(e.pattern)
        regex = re.compile(src, re.IGNORECASE if ignore_case else 0)
        out.append((regex, e, literal_hint(src, ignore_case)))
    return tuple(out)
