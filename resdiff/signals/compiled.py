"""Regexes built from a lens, once per lens (``Lens.compiled``).

Phrases in a lens are plain words with three conveniences (see docs/lenses.md): "(s)" makes
a final "s" optional, "*" stands for up to three words, a hyphen also matches a space or
nothing; "re:" starts a raw regex. All phrase lists become one alternation each, longest
first, with a named group per entry so one scan finds every entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Literal

from resdiff.signals.following import Following, SlotFollowing, slot_following, word_following
from resdiff.signals.literal import SPECIAL, PhraseList, plain_words
from resdiff.signals.prefilter import Hint, literal_hint

if TYPE_CHECKING:
    from resdiff.model import Verb
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
    # "\w" rather than "[\w]": the same test, but a one-member set costs as much to
    # compile (case-insensitively) as the rest of a short phrase.
    return r"(?<!\w)" + "".join(parts) + r"(?!\w)"


def _literal_weight(phrase: str) -> tuple[int, int]:
    """Sort key: more literal words, then longer, first (so the most specific wins)."""
    words = [w for w in phrase.split() if w != "*"]
    return (len(words), len(phrase))


def alternation_order(phrases: Sequence[str]) -> list[int]:
    """The order an alternation over ``phrases`` tries them in (most specific first)."""
    return sorted(range(len(phrases)), key=lambda i: _literal_weight(phrases[i]), reverse=True)


def joined_source(ordered: Sequence[str]) -> str:
    """The source of one regex over ``ordered`` phrases, group ``_k`` for the k-th."""
    parts = [f"(?P<_{k}>{phrase_regex(p)})" for k, p in enumerate(ordered)]
    return "|".join(parts) if parts else r"(?!x)x"


def alternation_source(phrases: Sequence[str]) -> tuple[str, list[int]]:
    """The source of one regex over ``phrases`` and, per group name ``_k``, the phrase
    index."""
    order = alternation_order(phrases)
    return joined_source([phrases[i] for i in order]), order


def alternation(
    phrases: Sequence[str], flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str], list[int]]:
    """One regex over ``phrases``; returns it and, per group name ``_k``, the phrase index."""
    source, order = alternation_source(phrases)
    return re.compile(source, flags), order


def group_index(m: re.Match[str], order: list[int]) -> int:
    """Which phrase (index into the list given to ``alternation``) matched."""
    name = m.lastgroup
    assert name is not None
    return order[int(name[1:])]


_TOKEN = re.compile(r"\w+")
#: Splits a text into separator, token, separator, ..., separator.
_SPLIT = re.compile(r"(\w+)")


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


#: ``(end, rank)`` of a phrase found by ``AnchoredPhrases``.
Hit = tuple[int, int]


class _PlainBucket:
    """The plain phrases under one first word, matched without a regex (``literal``)
    until they have been tried ``LITERAL_USES`` times."""

    __slots__ = ("phrases", "ranks", "uses")

    def __init__(self, phrases: PhraseList, ranks: list[int]) -> None:
        self.phrases, self.ranks, self.uses = phrases, ranks, 0


@dataclass(frozen=True, slots=True)
class AnchoredPhrases:
    """Which phrase matches at one position: the answer of ``alternation(phrases)
    .match(text, pos)``, but only the phrases starting with the word found there are
    tried, and their regex is compiled only when that word has come often (the default
    lens's verbs made one regex that took longer to compile than comparing two short
    drafts; then a regex per first word, 23 of them for the seed pair). Until then
    plain phrases on ASCII text are matched by ``literal.PhraseList``: on ASCII text,
    lower-casing moves no position and changes no word or space character, so matching
    the lower-cased text is the case-insensitive regex's answer."""

    #: First word -> (its phrases in rank order, rank per group) not yet compiled; moved
    #: to ``ready`` (the regex source is built then too: most words never come).
    pending: dict[str, tuple[tuple[str, ...], list[int]]]
    ready: dict[str, tuple[re.Pattern[str], list[int]]]
    #: Phrase index per rank (the order ``alternation`` tries them in).
    order: list[int]
    #: First word -> its plain matcher (None: a phrase needs the regex), made on first use.
    plain: dict[str, _PlainBucket | None] = field(default_factory=dict)

    def match(self, text: str, pos: int) -> tuple[int, int] | None:
        """``(end, phrase index)`` of the first phrase in order that matches at ``pos``."""
        best: tuple[int, int] | None = None
        tok = _TOKEN.match(text, pos)
        low = text.lower() if text.isascii() else None
        for key in (tok.group().lower(), None) if tok else (None,):
            found = self._match_at(key, text, low, pos)
            if found is not None and (best is None or found[1] < best[1]):
                best = found
        return None if best is None else (best[0], self.order[best[1]])

    def _match_at(self, key: str | None, text: str, low: str | None, pos: int) -> Hit | None:
        """``(end, rank)`` of the first phrase under ``key`` matching at ``pos``; ``low``
        is ``text`` lower-cased when it is ASCII (else None: the regex decides)."""
        name = "" if key is None else key
        plain = self._plain(name) if low is not None and name not in self.ready else None
        if plain is not None and plain.uses < LITERAL_USES:
            plain.uses += 1
            found = plain.phrases.match(low or "", pos)
            return None if found is None else (found[0], plain.ranks[found[1]])
        regex, ranks = self._bucket(key)
        m = regex.match(text, pos) if regex is not None else None
        return None if m is None else (m.end(), ranks[int(str(m.lastgroup)[1:])])

    def _plain(self, name: str) -> _PlainBucket | None:
        """The plain matcher of the phrases under ``name``, made when the word first
        comes; None when one of them needs the regex ("re:", "*") or none is left."""
        if name not in self.plain:
            source = self.pending.get(name)
            words = [plain_words(p, True) for p in source[0]] if source else [None]
            plain = [w for w in words if w is not None]
            self.plain[name] = (
                _PlainBucket(PhraseList(plain), source[1])
                if source and len(plain) == len(words)
                else None
            )
        return self.plain[name]

    def _bucket(self, key: str | None) -> tuple[re.Pattern[str] | None, list[int]]:
        """The compiled regex of the phrases under ``key`` (None: phrases with no first
        word to key on, such as raw regexes)."""
        name = "" if key is None else key
        found = self.ready.get(name)
        if found is None:
            source = self.pending.pop(name, None)
            if source is None:
                return None, []
            regex = re.compile(joined_source(source[0]), re.IGNORECASE)
            found = self.ready[name] = (regex, source[1])
        return found


def anchored_phrases(phrases: Sequence[str]) -> AnchoredPhrases:
    """``phrases`` (matched case-insensitively) bucketed by first word; see
    ``AnchoredPhrases``."""
    order = alternation_order(phrases)
    buckets: dict[str, list[int]] = {}
    for rank, i in enumerate(order):
        keys = first_word_keys(phrases[i])
        for key in sorted(keys) if keys is not None else [""]:
            buckets.setdefault(key, []).append(rank)
    pending = {
        key: (tuple(phrases[order[r]] for r in ranks), ranks) for key, ranks in buckets.items()
    }
    return AnchoredPhrases(pending=pending, ready={}, order=order)


#: What the scanner looks for; each is one "slot" of ``Scanner.scan``'s result.
TERMS, QUALIFIERS, CUES, ACTORS_CASED, ACTORS_ANY = range(5)

CueKind = Literal["conditional", "sequence", "parallel", "cancel"]
#: A cue phrase's relation (or "cancel" for a marker that lifts a condition) and its phrase.
Cue = tuple[CueKind, str]
#: ``(start, end, value)`` of a match in the clause text: a topic id for a term, an index
#: into ``CompiledLens.qualifier_meanings`` for a qualifier, a ``Cue``, an actor's name.
TermHit = tuple[int, int, str]
QualifierHit = tuple[int, int, int]
CueHit = tuple[int, int, Cue]
ActorHit = tuple[int, int, str]
#: Per slot, ``(start, end, index of the phrase in that slot's list)``.
RawHits = list[list[tuple[int, int, int]]]


@dataclass(frozen=True, slots=True)
class Hits:
    """What one scan of a clause found, each list in text order."""

    terms: list[TermHit]
    qualifiers: list[QualifierHit]
    cues: list[CueHit]
    #: Case-sensitive names first, then the others.
    actors: list[ActorHit]


Bucket = tuple[tuple[int, re.Pattern[str], list[int]], ...]
LiteralBucket = tuple[tuple[int, PhraseList, list[int]], ...]

#: Clauses holding a word whose phrases are all plain are matched without a regex this
#: many times; the regex is compiled when the word comes again (then it pays for itself).
LITERAL_USES = 24


class _Pending(list[tuple[int, tuple[str, ...], int, list[int]]]):
    """The phrases starting with one word, as ``(slot, phrases in alternation order,
    flags, order)``, not yet compiled (most words of a lens never occur in a given pair
    of drafts, and compiling them all took longer than comparing the drafts; even
    building every regex source took a fifth of the lens's set-up). Until compiled,
    plain phrases are matched by ``literal`` (``signals.literal``: the same answers)."""

    literal: LiteralBucket | None = None
    uses = 0

    def compiled(self) -> Bucket:
        return tuple(
            (slot, re.compile(joined_source(ordered), flags), order)
            for slot, ordered, flags, order in self
        )


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

    dispatch: dict[str, Bucket | _Pending]
    fallbacks: Bucket
    cased: tuple[bool, ...]
    #: Words whose next token decides their phrases without a matcher (``following``).
    following: dict[str, Following]

    def scan(self, folded: str, low: str) -> RawHits:
        """Per slot, ``(start, end, phrase index)`` in text order. ``low`` is ``folded``
        lower-cased (same length); cased slots match on ``folded``."""
        hits: RawHits = [[] for _ in self.cased]
        ends = [-1] * len(self.cased)
        texts = (low, folded)
        cased = self.cased
        dispatch = self.dispatch
        plain = not any(ch in low for ch in SPECIAL)
        following = self.following if plain else {}
        # The text cut into separators and word tokens, and the offsets where the pieces
        # end, all in C (no match object per token); only the tokens some phrase starts
        # with are visited in Python (a third of them in a long draft).
        pieces = _SPLIT.split(low)
        words = pieces[1::2]
        keyed = [i for i, word in enumerate(words) if word in dispatch]
        ends_at = list(accumulate(map(len, pieces))) if keyed else []
        last = len(words) - 1
        for i in keyed:
            word, start = words[i], ends_at[2 * i]
            quick = following.get(word)
            if quick is not None and (words[i + 1] if i < last else "") not in quick[0]:
                end = start + len(word)  # no longer phrase can match: the word alone
                for slot, index in quick[1]:
                    if start >= ends[slot]:
                        hits[slot].append((start, end, index))
                        ends[slot] = end
                continue
            entries = dispatch[word]
            if isinstance(entries, _Pending):
                if plain and entries.literal is not None and entries.uses < LITERAL_USES:
                    entries.uses += 1
                    for slot, phrases, order in entries.literal:
                        if start < ends[slot]:
                            continue
                        found = phrases.match(texts[cased[slot]], start)
                        if found is not None:
                            hits[slot].append((start, found[0], order[found[1]]))
                            ends[slot] = found[0]
                    continue
                entries = dispatch[word] = entries.compiled()
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
        return hits


def _add_literal(pending: _Pending, slot: int, phrases: list[str], ignore_case: bool) -> None:
    """Add ``phrases`` (in alternation order) to the word's literal matchers, if plain."""
    words = [plain_words(p, ignore_case) for p in phrases]
    if any(w is None for w in words) or (pending.literal is None and len(pending) > 1):
        pending.literal = None
        return
    matcher = PhraseList([w for w in words if w is not None])
    pending.literal = (*(pending.literal or ()), (slot, matcher, pending[-1][3]))


def _no_overlap(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for h in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


def make_scanner(slots: Sequence[tuple[Sequence[str], bool]]) -> Scanner:
    """``slots``: per slot, its phrases and whether it is case-sensitive."""
    dispatch: dict[str, Bucket | _Pending] = {}
    fallbacks = []
    per_word: dict[str, list[tuple[int, SlotFollowing | None]]] = {}
    for slot, (phrases, cased) in enumerate(slots):
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
            order = alternation_order([phrases[i] for i in idxs])
            ordered = tuple(phrases[idxs[k]] for k in order)
            pending = dispatch.setdefault(key, _Pending())
            assert isinstance(pending, _Pending)
            pending.append((slot, ordered, flags, [idxs[k] for k in order]))
            _add_literal(pending, slot, list(ordered), not cased)
            after = slot_following(ordered, [idxs[k] for k in order], cased)
            per_word.setdefault(key, []).append((slot, after))
        if rest:
            regex, order = alternation([phrases[i] for i in rest], flags)
            fallbacks.append((slot, regex, [rest[k] for k in order]))
    for entries in dispatch.values():
        assert isinstance(entries, _Pending)
        if entries.literal is not None and len(entries.literal) < len(entries):
            entries.literal = None  # one slot's phrases need the regex: so does the word
    following = {key: word_following(found) for key, found in per_word.items()}
    return Scanner(
        dispatch=dispatch,
        fallbacks=tuple(fallbacks),
        cased=tuple(cased for _p, cased in slots),
        following={key: f for key, f in following.items() if f is not None},
    )


@dataclass(frozen=True, slots=True)
class CompiledLens:
    """Every matcher a lens needs. Values carried by each alternation:

    - ``verbs``: VerbEntry (matched at the start of the opener text)
    - ``skips``: None (opener words to step over)
    - ``scan``: the scanner's hits with their values (see ``Hits``)
    - ``negation``: regex matching a negation right before a cue
    """

    verbs: AnchoredPhrases
    verb_entries: tuple[VerbEntry, ...]
    #: Per verb entry, its literal words (the "*" wildcards left out): ranks readings.
    verb_words: tuple[int, ...]
    skips: re.Pattern[str]
    scanner: Scanner
    term_topics: tuple[str, ...]
    cues: tuple[Cue, ...]
    actors_cased: tuple[str, ...]
    actors_any: tuple[str, ...]
    qualifier_meanings: tuple[dict[str, tuple[str, str]], ...]
    negation: re.Pattern[str]
    actor_patterns: PatternList
    references: PatternList
    numbers: PatternList
    #: Opener text (as the parser cut it: "Demands", "Calls upon") -> its reading by
    #: ``verbs.match_opener``; a draft repeats a few dozen openers hundreds of times.
    openers: dict[str, tuple[tuple[int, int], Verb] | None] = field(default_factory=dict)

    def scan(self, folded: str, low: str) -> Hits:
        """Terms, qualifiers, cues and actor names of a clause (``low`` is ``folded``
        lower-cased, same length)."""
        raw = self.scanner.scan(folded, low)
        topics, cues = self.term_topics, self.cues
        cased, any_case = self.actors_cased, self.actors_any
        return Hits(
            terms=[(s, e, topics[i]) for s, e, i in raw[TERMS]],
            qualifiers=raw[QUALIFIERS],
            cues=[(s, e, cues[i]) for s, e, i in raw[CUES]],
            actors=[(s, e, cased[i]) for s, e, i in raw[ACTORS_CASED]]
            + [(s, e, any_case[i]) for s, e, i in raw[ACTORS_ANY]],
        )


def compile_lens(lens: Lens) -> CompiledLens:
    verbs = anchored_phrases([v.phrase for v in lens.verbs])

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
    cue_values: list[Cue] = []
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
        verb_entries=lens.verbs,
        verb_words=tuple(len([w for w in v.phrase.split() if w != "*"]) for v in lens.verbs),
        skips=skips,
        scanner=make_scanner(
            [
                (term_phrases, False),
                (qual_phrases, False),
                (cue_phrases, False),
                (cased_p, True),
                (any_p, False),
            ]
        ),
        term_topics=tuple(term_topics),
        cues=tuple(cue_values),
        actors_cased=tuple(cased_v),
        actors_any=tuple(any_v),
        qualifier_meanings=tuple(meanings),
        negation=negation,
        actor_patterns=_patterns(lens.actor_patterns, ignore_case=False),
        references=_patterns(lens.references, ignore_case=False),
        numbers=_patterns(lens.numbers, ignore_case=True),
    )


@dataclass(frozen=True)
class LensPattern:
    """A reference, number or actor pattern of a lens, compiled on first use (with the
    literal hint most clauses are skipped by, it often never is)."""

    entry: PatternEntry
    source: str
    flags: int
    hint: Hint | None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source, self.flags)


class PatternList:
    """A lens's patterns of one kind, in order, with their literal hints checked together.

    Each pattern's hint is a few strings of which one must occur for it to match
    (``prefilter``); many patterns share them (the month names). Asking each distinct
    string once per clause, then keeping the patterns one of whose strings occurred,
    costs less than a pre-check per pattern.
    """

    __slots__ = ("_always", "_hints", "patterns")

    def __init__(self, patterns: Sequence[LensPattern]) -> None:
        self.patterns = tuple(patterns)
        #: Bit ``i`` set: pattern ``i`` may match.
        self._always = 0
        masks: dict[str, int] = {}
        for i, p in enumerate(self.patterns):
            if p.hint is None:
                self._always |= 1 << i
                continue
            for h in p.hint:
                masks[h] = masks.get(h, 0) | 1 << i
        self._hints = tuple(masks.items())

    def __iter__(self) -> Iterator[LensPattern]:
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def candidates(self, text: str) -> list[LensPattern]:
        """The patterns that may match ``text``, in order (``prefilter.may_match`` of
        each, asked once per distinct hint)."""
        mask = self._always
        for hint, bits in self._hints:
            if hint in text:
                mask |= bits
        if not mask:
            return []
        return [p for i, p in enumerate(self.patterns) if mask >> i & 1]


def _patterns(entries: Sequence[PatternEntry], *, ignore_case: bool) -> PatternList:
    flags = re.IGNORECASE if ignore_case else 0
    return PatternList(
        [
            LensPattern(e, src, flags, literal_hint(src, ignore_case))
            for e in entries
            for src in (phrase_regex(e.pattern),)
        ]
    )
