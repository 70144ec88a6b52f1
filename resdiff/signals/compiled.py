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


@dataclass(frozen=True, slots=True)
class Alternation:
    regex: re.Pattern[str]
    order: list[int]
    values: tuple[object, ...]

    def find(self, text: str) -> list[tuple[int, int, object]]:
        return [
            (m.start(), m.end(), self.values[group_index(m, self.order)])
            for m in self.regex.finditer(text)
            if m.end() > m.start()
        ]


def make(
    phrases: Sequence[str], values: Sequence[object], flags: int = re.IGNORECASE
) -> Alternation:
    regex, order = alternation(phrases, flags)
    return Alternation(regex, order, tuple(values))


@dataclass(frozen=True, slots=True)
class CompiledLens:
    """Every matcher a lens needs. Values carried by each alternation:

    - ``verbs``: VerbEntry (anchored at the start of the opener text)
    - ``skips``: None (opener words to step over)
    - ``terms``: topic id
    - ``qualifiers``: phrase index into ``qualifier_meanings``
    - ``cues``: (relation or "cancel", phrase)
    - ``negation``: regex matching a negation right before a cue
    - ``actor_names``: canonical name (two alternations: case-sensitive, case-insensitive)
    """

    verbs: re.Pattern[str]
    verb_order: list[int]
    verb_entries: tuple[VerbEntry, ...]
    skips: re.Pattern[str]
    terms: Alternation
    qualifiers: Alternation
    qualifier_meanings: tuple[dict[str, tuple[str, str]], ...]
    cues: Alternation
    negation: re.Pattern[str]
    actor_names_cased: Alternation
    actor_names_any: Alternation
    actor_patterns: tuple[tuple[re.Pattern[str], PatternEntry], ...]
    references: tuple[tuple[re.Pattern[str], PatternEntry], ...]
    numbers: tuple[tuple[re.Pattern[str], PatternEntry], ...]


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
        terms=make(term_phrases, term_topics),
        qualifiers=make(qual_phrases, list(range(len(qual_phrases)))),
        qualifier_meanings=tuple(meanings),
        cues=make(cue_phrases, cue_values),
        negation=negation,
        actor_names_cased=make(cased_p, cased_v, 0),
        actor_names_any=make(any_p, any_v),
        actor_patterns=tuple((re.compile(phrase_regex(e.pattern)), e) for e in lens.actor_patterns),
        references=tuple((re.compile(phrase_regex(e.pattern)), e) for e in lens.references),
        numbers=tuple(
            (re.compile(phrase_regex(e.pattern), re.IGNORECASE), e) for e in lens.numbers
        ),
    )
