"""What must follow a word for any of the lens phrases starting with it to match there.

Most word tokens the scanner stops at are short words ("the", "in", "all") whose phrases
all go on with a second word ("in accordance with", "all parties"), or content words
whose one-word phrase matches whatever follows ("ceasefire"). For such a word the next
token of the clause decides without a regex: unless it can start a second word of one
of the phrases, none of the longer phrases match, and the first one-word phrase (if
any) matches the token itself.

This holds for plain phrases (``literal.plain_words``) whose first word is one piece (it
ends where the token ends; ``\\s+`` then reaches the next token) and whose second word
has at most two pieces (its first token is then one of ``first_word_keys``); for a text
with none of ``literal.SPECIAL`` (where ``re.IGNORECASE`` equates nothing else with an
ASCII letter). Anything else keeps the matcher.
"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.signals.literal import plain_words

#: For one word: the tokens that may follow it for a longer phrase to match, and per
#: slot with a one-word phrase, ``(slot, index of the first such phrase)``.
Following = tuple[frozenset[str], tuple[tuple[int, int], ...]]
#: For one slot's phrases under a word: the tokens that may follow, and the first
#: one-word phrase (its index in the slot), or None.
SlotFollowing = tuple[frozenset[str], int | None]


def slot_following(
    phrases: Sequence[str], indexes: Sequence[int], cased: bool
) -> SlotFollowing | None:
    """``phrases`` (under one first word, in the order they are tried) and their
    indexes in the slot; None when the next token cannot decide."""
    follow: set[str] = set()
    alone: int | None = None
    for phrase, index in zip(phrases, indexes, strict=True):
        words = plain_words(phrase, ignore_case=True)
        if words is None or len(words[0][0]) != 1:
            return None
        if len(words) == 1:
            if cased:
                return None  # the case of the token decides: ask the matcher
            if alone is None:
                alone = index
            continue
        pieces, plural = words[1]
        if len(pieces) > 2:
            return None
        starts = {pieces[0], "".join(pieces)}
        if plural:
            starts |= {s + "s" for s in starts}
        follow |= starts
    return frozenset(follow), alone


def word_following(per_slot: Sequence[tuple[int, SlotFollowing | None]]) -> Following | None:
    """The word's ``Following`` from each of its slots' (None if any slot's is)."""
    follow: set[str] = set()
    alone: list[tuple[int, int]] = []
    for slot, found in per_slot:
        if found is None:
            return None
        follow |= found[0]
        if found[1] is not None:
            alone.append((slot, found[1]))
    return frozenset(follow), tuple(alone)
