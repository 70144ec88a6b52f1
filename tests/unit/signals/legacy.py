"""The clause-signal readers as they were before issue 16 made them cheaper, kept only to
hold the new ones to the same answers (``test_same_signals.py``). Not used by resdiff.

One scan per clause at every word token, a pre-check generator per pattern, a word
index built for every clause with mentions, no memo of opener readings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from resdiff.model import Clause, ClauseSignals, Mention, Verb
from resdiff.signals import compiled
from resdiff.signals.clausetext import fold, label_end, lower
from resdiff.signals.compiled import (
    ActorHit,
    Hits,
    QualifierHit,
    RawHits,
    Scanner,
    _no_overlap,
    _Pending,
    group_index,
)
from resdiff.signals.extract import _bare
from resdiff.signals.lens import Lens
from resdiff.signals.links import find_links
from resdiff.signals.literal import SPECIAL
from resdiff.signals.references import _LIST_ITEM, _Spans, fill
from resdiff.signals.topics import (
    _STARTS_NEW,
    AFTER_PENALTY,
    COMMA_AFTER,
    COMMA_BEFORE,
    MAX_WORDS,
    _gap,
    find_mentions,
)
from resdiff.signals.verbs import OPENER_WINDOW

_TOKEN = re.compile(r"\w+")
_WORD = re.compile(r"[\w'-]+")
_FLAT = str.maketrans("\n\t\r", "   ")


def may_match(hint: tuple[str, ...] | None, text: str) -> bool:
    return hint is None or any(h in text for h in hint)


def scan(scanner: Scanner, folded: str, low: str) -> RawHits:
    """``Scanner.scan`` before issue 16: a dictionary look-up at every word token."""
    hits: RawHits = [[] for _ in scanner.cased]
    ends = [-1] * len(scanner.cased)
    texts = (low, folded)
    cased = scanner.cased
    dispatch = scanner.dispatch
    plain = not any(ch in low for ch in SPECIAL)
    for tok in _TOKEN.finditer(low):
        entries = dispatch.get(tok.group())
        if entries is None:
            continue
        start = tok.start()
        if isinstance(entries, _Pending):
            if plain and entries.literal is not None and entries.uses < compiled.LITERAL_USES:
                entries.uses += 1
                for slot, phrases, order in entries.literal:
                    if start < ends[slot]:
                        continue
                    found = phrases.match(texts[cased[slot]], start)
                    if found is not None:
                        hits[slot].append((start, found[0], order[found[1]]))
                        ends[slot] = found[0]
                continue
            entries = dispatch[tok.group()] = entries.compiled()
        for slot, regex, order in entries:
            if start < ends[slot]:
                continue
            m = regex.match(texts[cased[slot]], start)
            if m is not None and m.end() > start:
                hits[slot].append((start, m.end(), group_index(m, order)))
                ends[slot] = m.end()
    for slot, regex, order in scanner.fallbacks:
        extra = [
            (m.start(), m.end(), group_index(m, order))
            for m in regex.finditer(texts[cased[slot]])
            if m.end() > m.start()
        ]
        if extra:
            hits[slot] = _no_overlap(hits[slot] + extra)
    return hits


def lens_scan(self: compiled.CompiledLens, folded: str, low: str) -> Hits:
    """Terms, qualifiers, cues and actor names of a clause (``low`` is ``folded``
    lower-cased, same length)."""
    raw = scan(self.scanner, folded, low)
    topics, cues = self.term_topics, self.cues
    cased, any_case = self.actors_cased, self.actors_any
    return Hits(
        terms=[(s, e, topics[i]) for s, e, i in raw[compiled.TERMS]],
        qualifiers=raw[compiled.QUALIFIERS],
        cues=[(s, e, cues[i]) for s, e, i in raw[compiled.CUES]],
        actors=[(s, e, cased[i]) for s, e, i in raw[compiled.ACTORS_CASED]]
        + [(s, e, any_case[i]) for s, e, i in raw[compiled.ACTORS_ANY]],
    )


class _WordCounter:
    """A lower bound on the words ``_gap`` counts between two offsets, in log time, so
    that a long clause is not rescanned for every qualifier (that made signals quadratic
    in the length of a paragraph)."""

    def __init__(self, low: str) -> None:
        found = list(_WORD.finditer(low))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]

    def at_least(self, start: int, end: int) -> int:
        """Words lying wholly inside ``low[start:end]`` (each is a word there too)."""
        return max(0, bisect_right(self._ends, end) - bisect_left(self._starts, start))


def attach_qualifiers(
    low: str, mentions: list[Mention], hits: list[QualifierHit], lens: Lens
) -> dict[str, tuple[str, ...]]:
    """Each qualifier occurrence goes to the nearest mention of a topic that lists it.

    Before the noun is preferred to after it (English adjectives precede), so in "a
    ceasefire and immediate humanitarian access" "immediate" qualifies the access. A
    qualifier inside another topic's mention ("humanitarian" in "international
    humanitarian law") is part of that term, not a qualifier.
    """
    if not mentions:
        return {}
    c = lens.compiled
    starts = [m.span.start for m in mentions]
    words = _WordCounter(low)
    found: dict[str, dict[str, None]] = {}
    for qs, qe, idx in hits:
        meanings = c.qualifier_meanings[idx]
        best: tuple[float, int] | None = None
        inside = False
        # Mentions do not overlap: only the last one starting at or before qs can hold it.
        j = bisect_right(starts, qs) - 1
        if j >= 0 and qe <= mentions[j].span.end:
            inside = True
            if mentions[j].topic in meanings:
                best = (0.0, j)
        if inside and best is None:
            continue
        if best is None:
            k = bisect_left(starts, qe)
            for i in range(k, len(mentions)):  # mentions after: nearest of each topic
                m = mentions[i]
                if words.at_least(qe, m.span.start) > MAX_WORDS:
                    break  # this one and every later one are too far
                if m.topic in meanings:
                    d = _gap(low, qe, m.span.start, COMMA_BEFORE)
                    if d <= MAX_WORDS and (best is None or d < best[0]):
                        best = (d, i)
                    break
            for i in range(k - 1, -1, -1):
                m = mentions[i]
                if m.span.end > qs:
                    continue
                if words.at_least(m.span.end, qs) > MAX_WORDS:
                    break  # this one and every earlier one are too far
                if m.topic in meanings:
                    if _STARTS_NEW.match(low, m.span.end):
                        break  # "coal power and phase-out of ...": a new phrase begins
                    d = _gap(low, m.span.end, qs, COMMA_AFTER) * AFTER_PENALTY
                    if d <= MAX_WORDS * AFTER_PENALTY and (best is None or d < best[0]):
                        best = (d, i)
                    break
        if best is None:
            continue
        topic = mentions[best[1]].topic
        _group, qual = meanings[topic]
        found.setdefault(topic, {})[qual] = None
    return {t: tuple(q) for t, q in found.items()}


def find_references(folded: str, lens: Lens) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
    """Reference labels in order of appearance, and the spans they cover."""
    hits: list[tuple[int, int, str]] = []
    for pattern in lens.compiled.references:
        if not may_match(pattern.hint, folded):
            continue
        label = pattern.entry.label
        for m in pattern.regex.finditer(folded):
            if "{*}" in label:  # one reference per item of a list ("2712 and 2720")
                for item in _LIST_ITEM.findall(m.group(1) or ""):
                    hits.append((m.start(), m.end(), label.replace("{*}", item)))
                continue
            hits.append((m.start(), m.end(), fill(label, m) if label else m.group(0)))
    hits.sort()
    return tuple(dict.fromkeys(h[2] for h in hits)), [(s, e) for s, e, _ in hits]


def find_numbers(
    folded: str, low: str, lens: Lens, taken: list[tuple[int, int]]
) -> tuple[str, ...]:
    """Numbers and deadlines as written; earlier patterns win over overlapping later ones,
    and nothing inside a reference (a resolution number) counts."""
    spans = _Spans(taken)
    hits: list[tuple[int, int, str]] = []
    for pattern in lens.compiled.numbers:
        if not may_match(pattern.hint, low):
            continue
        for m in pattern.regex.finditer(folded):
            s, e = m.span()
            if spans.overlaps(s, e):
                continue
            spans.add(s, e)
            hits.append((s, e, " ".join(m.group(0).split())))
    hits.sort()
    return tuple(dict.fromkeys(h[2] for h in hits))


def find_actors(folded: str, names: list[ActorHit], lens: Lens) -> tuple[str, ...]:
    """``names``: the scanner's hits for the lens's actor names."""
    c = lens.compiled
    hits = sorted(names, key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue
        kept.append(h)
    for pattern in c.actor_patterns:
        if not may_match(pattern.hint, folded):
            continue
        for m in pattern.regex.finditer(folded):
            s, e = m.span(1) if m.re.groups else m.span()
            if any(s < ke and ks < e for ks, ke, _ in kept):
                continue
            kept.append((s, e, fill(pattern.entry.label, m)))
    kept.sort()
    return tuple(dict.fromkeys(name for _, _, name in kept))


def opener_verb(clause: Clause, lens: Lens) -> Verb | None:
    """Read the verb from the parser's opener and from the start of the text; the more
    specific reading wins ("Determines the imperative of" over "Determines")."""
    best: tuple[tuple[int, int], Verb] | None = None
    for source in (clause.opener, clause.text):
        if not source:
            continue
        found = match_opener(source, lens)
        if found and (best is None or found[0] > best[0]):
            best = found
    return best[1] if best else None


def match_opener(text: str, lens: Lens) -> tuple[tuple[int, int], Verb] | None:
    """Match a verb phrase at the start of ``text`` (after any label and skip words).

    The key ranks readings: more literal words of the lens phrase, then a longer match.
    """
    c = lens.compiled
    head = fold(text[:OPENER_WINDOW])
    start = label_end(head)
    while start < len(head) and head[start] in " \n\"'*_":
        start += 1
    begin = start
    skip = c.skips.match(head, start)
    if skip:
        start = skip.end()
    found = c.verbs.match(head, start)
    if found is None:
        return None
    end, index = found
    entry = c.verb_entries[index]
    words = len([w for w in entry.phrase.split() if w != "*"])
    # As written, with any skipped words ("Further demands"): they do not change strength.
    written = " ".join(text[begin:end].split())
    verb = Verb(text=written, scale=entry.scale, strength=entry.strength)
    return (words, end - start), verb


def text_signals(text: str, lens: Lens, clause: Clause | None = None) -> ClauseSignals:
    """Signals of a bare text (the opener is read from its first words)."""
    # Line breaks read as spaces: a hard-wrapped "7\nOctober 2000" is the date it says.
    folded = fold(text).translate(_FLAT)
    low = lower(text).translate(_FLAT)
    hits = lens_scan(lens.compiled, folded, low)
    mentions = find_mentions(text, hits.terms)
    verb = opener_verb(clause, lens) if clause is not None else opener_verb(_bare(text), lens)
    references, ref_spans = find_references(folded, lens)
    return ClauseSignals(
        verb=verb,
        topics=tuple(mentions),
        qualifiers=attach_qualifiers(low, mentions, hits.qualifiers, lens),
        links=find_links(text, low, mentions, hits.cues, lens),
        actors=find_actors(folded, hits.actors, lens),
        references=references,
        numbers=find_numbers(folded, low, lens, ref_spans),
    )
