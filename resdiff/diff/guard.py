"""The rewrite guard: a long pair of texts that share little is a rewrite, not a word diff.

diff-match-patch costs about (length) x (number of differences): nothing for two similar
paragraphs of any length, quadratic for two long unrelated ones (two unrelated 1 MB
paragraphs would take hours even in C++). Such a pair reads as rewritten anyway
(``resdiff.align.rewrite``: share of characters kept below ``AlignParams.rewrite_below``),
so when the stretch to diff is long the guard first estimates that share in linear
time and, below the same threshold, reports the pair as rewritten: all of A removed, all
of B added (docs/word-diff.md, "The rewrite guard").

The estimate: a word is taken as kept when it lies inside a run of k words that the other
text also holds, in the same order (a shared shingle). k is the shortest run two
unrelated texts of this length and vocabulary would share by chance less than once in a
hundred (``shingle_words``): 2 or 3 words for real prose, up to 8 for a text written
with a handful of words. Two unrelated texts then share almost no runs; a text edited
here and there keeps most of its words inside unbroken runs. Spaces and marks between
kept words count as kept, and so do the equal tokens at both ends, as the word diff
would keep them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from resdiff.diff.tokens import has_word_char, token_key
from resdiff.model import CompareOptions

#: The shortest and longest shingle (in words).
SHINGLE_MIN, SHINGLE_MAX = 2, 8


def shingle_words(words: int, vocabulary: int) -> int:
    """The shortest run length k with vocabulary^k at least 100 x words: a run of k
    words drawn at random is then in a text of ``words`` words less than once in a
    hundred (17 words of vocabulary and 170,000 words, a 1 MB text: 6)."""
    k = SHINGLE_MIN
    while k < SHINGLE_MAX and max(vocabulary, 2) ** k < 100 * words:
        k += 1
    return k


def estimated_similarity(
    tokens_a: Sequence[str], tokens_b: Sequence[str], lo: int, hi: int, options: CompareOptions
) -> float:
    """Share of both texts' characters an estimate says a word diff would keep; the
    tokens ``[:lo]`` and the last ``hi`` are equal on both sides."""
    memo: dict[str, str | None] = {}
    mid_a, mid_b = tokens_a[lo : len(tokens_a) - hi], tokens_b[lo : len(tokens_b) - hi]
    words_a, words_b = _words(mid_a, options, memo), _words(mid_b, options, memo)
    vocabulary = len(set(words_a[1]) | set(words_b[1]))
    k = shingle_words(max(len(words_a[1]), len(words_b[1])), vocabulary)
    kept = _kept_chars(mid_a, words_a, _shingles(words_b[1], k), k) + _kept_chars(
        mid_b, words_b, _shingles(words_a[1], k), k
    )
    ends = tokens_a[:lo], tokens_a[len(tokens_a) - hi :]
    kept += 2 * sum(len(t) for part in ends for t in part)
    total = sum(map(len, tokens_a)) + sum(map(len, tokens_b))
    return 1.0 if total == 0 else kept / total


def _words(
    tokens: Sequence[str], options: CompareOptions, memo: dict[str, str | None]
) -> tuple[list[int], list[str]]:
    """Indexes and comparison keys of the tokens holding a word (keys found once per
    distinct token)."""
    where: list[int] = []
    keys: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in memo:
            key = memo[tok]
        else:
            key = memo[tok] = token_key(tok, options) if has_word_char(tok) else None
        if key is not None:
            where.append(i)
            keys.append(key)
    return where, keys


def _runs(keys: list[str], k: int) -> zip[tuple[str, ...]]:
    return zip(*(keys[j:] for j in range(k)), strict=False)


def _shingles(keys: list[str], k: int) -> set[tuple[str, ...]]:
    return set(_runs(keys, k))


def _kept_chars(
    tokens: Sequence[str], words: tuple[list[int], list[str]], shared: set[tuple[str, ...]], k: int
) -> int:
    """Characters of ``tokens`` covered by their k-word shingles found in ``shared``."""
    where, keys = words
    ends = [0, *accumulate(map(len, tokens))]  # ends[i]: characters before token i
    covered_to = 0  # tokens before this index are counted
    kept = 0
    for i, found in enumerate([run in shared for run in _runs(keys, k)]):
        if found:
            start, stop = max(where[i], covered_to), where[i + k - 1] + 1
            if stop > start:
                kept += ends[stop] - ends[start]
                covered_to = stop
    return kept
