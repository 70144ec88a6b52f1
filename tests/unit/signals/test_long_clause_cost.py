"""Signals of one very long paragraph cost about linear work (they were quadratic: a
1 MB paragraph took 25 s). Counted in operations, not timed."""

from __future__ import annotations

from typing import SupportsIndex

import pytest

from resdiff.model import Mention
from resdiff.signals import topics
from resdiff.signals.clausetext import fold, lower
from resdiff.signals.compiled import CueHit
from resdiff.signals.extract import text_signals
from resdiff.signals.lens import load_lens

PHRASE = (
    "demands an immediate and sustained ceasefire, the unconditional release of all "
    "hostages and full, rapid, safe and unhindered humanitarian access, "
)


class _CountingList(list[Mention]):
    """A list that counts how many of its items are looked at."""

    looked = 0

    def __getitem__(self, i: SupportsIndex | slice) -> Mention:  # type: ignore[override]
        _CountingList.looked += 1
        return super().__getitem__(i)  # type: ignore[return-value]

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _CountingList.looked += 1
            yield item


def test_qualifiers_of_a_long_clause_take_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    lens = load_lens(())
    text = PHRASE * 400  # ~8,000 words, ~4,000 mentions and qualifiers
    low = lower(text)
    hits = lens.compiled.scan(fold(text), low)
    mentions = _CountingList(topics.find_mentions(text, hits.terms))
    scanned = 0
    gap = topics._gap

    def counting_gap(low: str, start: int, end: int, comma: int) -> float:
        nonlocal scanned
        scanned += end - start
        return gap(low, start, end, comma)

    monkeypatch.setattr(topics, "_gap", counting_gap)
    _CountingList.looked = 0
    found = topics.attach_qualifiers(low, mentions, hits.qualifiers, lens)
    n = len(hits.qualifiers) + len(mentions)
    assert len(mentions) > 1000 and n > 2000
    assert _CountingList.looked < 20 * n
    assert scanned < 20 * len(text)
    # And the answer is the one a short clause gives.
    assert found == text_signals(PHRASE, lens).qualifiers


class _CountingCues(list[CueHit]):
    """Cue hits that count how many times one of them is looked at."""

    looked = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _CountingCues.looked += 1
            yield item

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        _CountingCues.looked += 1
        return super().__getitem__(i)


def test_links_of_a_long_clause_take_linear_work() -> None:
    from resdiff.signals.links import find_links

    lens = load_lens(())
    # A cancelling marker between two mentions of one topic, then an ordinary cue.
    phrase = (
        "demands a ceasefire, an unconditional ceasefire, as well as the release of "
        "hostages in connection with humanitarian access; "
    )
    text = phrase * 400
    low = lower(text)
    hits = lens.compiled.scan(fold(text), low)
    mentions = topics.find_mentions(text, hits.terms)
    cues = _CountingCues(hits.cues)
    assert len(cues) > 1000
    _CountingCues.looked = 0
    links = find_links(text, low, mentions, cues, lens)
    assert _CountingCues.looked < 20 * len(cues)
    assert set(links) == set(text_signals(phrase, lens).links)
