"""Content words of clauses as TF-IDF vectors, for matching clauses across drafts.

Matching ignores case, punctuation, typographic variants (through
``resdiff.ingest.normalize.normalize_for_matching``), numbering and inflection: "Condemns" and
"Condemning", "Calls upon" and "Calling upon" reduce to the same stems, so a paragraph
demoted from the operative part to the preamble still matches itself.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from resdiff.datalists import read_list
from resdiff.diff import CJK
from resdiff.diff.tokens import below_cjk
from resdiff.ingest.normalize import normalize_for_matching
from resdiff.model import Clause

# The words of text without Chinese or Japanese characters (most text).
_PLAIN_WORD = re.compile(r"[^\W_]+")
_STEMS: dict[str, str] = {}
_STEMS_MAX = 1 << 15

Vector = dict[str, float]


def stem(word: str) -> str:
    """A light English suffix stripper: enough to unify a verb's -s/-ing forms.

    It is deliberately crude (``notes`` and ``noting`` both become ``not``); it only
    has to map the forms of one word together, never to produce a dictionary word.
    """
    found = _STEMS.get(word)
    if found is not None:
        return found
    w = word
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("y"):
        w = w[:-1] + "i"
    if len(_STEMS) >= _STEMS_MAX:
        _STEMS.clear()  # bounded: indexing a corpus meets an ever-growing vocabulary
    _STEMS[word] = w
    return w


@functools.cache
def function_words() -> frozenset[str]:
    """Stems of English function words (data file), never distinctive on their own."""
    return frozenset(stem(w) for w in read_list("resdiff", "data/function_words.txt"))


def terms(text: str) -> list[str]:
    """The stems of the words and numbers of ``text``, in order (after folding soft
    hyphens, ligatures and other typographic variants, so "ﬁnancing" is "financing")."""
    return list(_terms(text))


@functools.lru_cache(maxsize=1 << 16)
def _terms(text: str) -> tuple[str, ...]:
    """``terms``, kept for the clauses seen last: N drafts of one text are aligned N - 1
    times (and again for a series), with most clauses the same in every draft. (It must
    hold two drafts' clauses: at 16,384 entries, two drafts of 20,000 paragraphs read in
    order evicted each clause of the first just before the second asked for it.)"""
    get = _STEMS.get
    low = normalize_for_matching(text).lower()
    # isascii is the cheapest test (most drafts are ASCII), max() the next.
    plain = low.isascii() or below_cjk(low) or not _has_cjk().search(low)
    words = (_PLAIN_WORD if plain else _cjk_words()).findall(low)
    return tuple([get(w) or stem(w) for w in words])


@functools.cache
def _has_cjk() -> re.Pattern[str]:
    """Compiled on first need (text with a character from U+3040 up): the CJK ranges
    take milliseconds to compile."""
    return re.compile(rf"[{CJK}]")


@functools.cache
def _cjk_words() -> re.Pattern[str]:
    """Words, and each Chinese/Japanese character on its own (those scripts use no spaces)."""
    return re.compile(rf"[{CJK}]|(?:(?![{CJK}])[^\W_])+")


class ClauseTerms:
    """What matching needs to know about one clause (with its sub-paragraphs).

    ``key`` is the exact-match key (stems in order, so punctuation, case, numbering and
    opener inflection do not matter); ``opens`` says its first stem is an opening
    phrase's verb. ``counts`` (stem counts), ``vector`` (L2-normalised
    TF-IDF) and ``mass`` (total IDF weight) are computed on first use: most clauses of
    two drafts match exactly and never need them.
    """

    __slots__ = ("_counts", "_idf", "_mass", "_vector", "key", "opens")

    def __init__(self, stems: Sequence[str], idf: Idf, *, opens: bool = False) -> None:
        self.key = tuple(stems)
        self.opens = opens
        self._idf = idf
        self._counts: Counter[str] | None = None
        self._vector: Vector | None = None
        self._mass: float | None = None

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(self.key)
        return self._counts

    @property
    def mass(self) -> float:
        if self._mass is None:
            weight = self._idf.weights
            self._mass = sum(c * weight[t] for t, c in self.counts.items())
        return self._mass

    @property
    def vector(self) -> Vector:
        if self._vector is None:
            weight, log = self._idf.weights, math.log
            vec = {t: (1.0 + log(c)) * weight[t] for t, c in self.counts.items()}
            norm = math.sqrt(sum(w * w for w in vec.values()))
            self._vector = {t: w / norm for t, w in vec.items()} if norm > 0 else vec
        return self._vector


def full_terms(clause: Clause) -> list[str]:
    out = terms(clause.text)
    for child in clause.children:
        out.extend(full_terms(child))
    return out


class SequenceTerms:
    """One clause sequence as the aligner counts it: each clause's stems (its
    sub-paragraphs' included) and, for each stem, how many of the clauses hold it.
    Never mutated: it is shared by every alignment of the sequence. (A plain class: a
    dataclass costs milliseconds of start-up to create.)"""

    __slots__ = ("df", "stems")

    def __init__(self, stems: tuple[tuple[str, ...], ...], df: Counter[str]) -> None:
        self.stems = stems
        self.df = df


@functools.lru_cache(maxsize=32)
def sequence_terms(clauses: tuple[Clause, ...]) -> SequenceTerms:
    """``SequenceTerms`` of ``clauses``, kept for the sequences aligned last: N drafts
    compared with a base (and again as a series) align each draft two or more times."""
    stems = tuple(tuple(full_terms(c)) for c in clauses)
    df: Counter[str] = Counter()
    for clause_stems in stems:
        df.update(set(clause_stems))
    return SequenceTerms(stems, df)


class Idf:
    """Smoothed inverse document frequency over the top-level clauses of both drafts."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc_terms in documents:
            n += 1
            df.update(set(doc_terms))
        self._n = n
        self._df = df
        self.weights = _Weights(n, df)

    @classmethod
    def from_counts(cls, n: int, df: Mapping[str, int]) -> Idf:
        """The IDF of a collection already counted: ``n`` texts, ``df[term]`` of them
        holding the term (a corpus keeps these counts instead of its texts)."""
        idf = cls(())
        idf._n = n
        idf._df = Counter(df)
        idf.weights = _Weights(n, idf._df)
        return idf

    @classmethod
    def of_sequences(cls, *sequences: SequenceTerms) -> Idf:
        """The IDF over the clauses of all ``sequences`` (the same as counting them)."""
        df: Counter[str] = Counter()
        for seq in sequences:
            df.update(seq.df)
        return cls.from_counts(sum(len(seq.stems) for seq in sequences), df)

    def df(self, term: str) -> int:
        return self._df.get(term, 0)

    def __call__(self, term: str) -> float:
        return self.weights[term]


class _Weights(dict[str, float]):
    """Each term's IDF weight, computed on its first lookup. Vectors and containment
    look weights up by the thousand: a plain subscript, not a method call, each time."""

    def __init__(self, n: int, df: Mapping[str, int]) -> None:
        super().__init__()
        self._n = n
        self._df = df

    def __missing__(self, term: str) -> float:
        w = self[term] = math.log((1 + self._n) / (1 + self._df.get(term, 0))) + 1.0
        return w


def clause_terms(stems: Sequence[str], idf: Idf, *, opens: bool = False) -> ClauseTerms:
    """``opens``: the clause begins with a known opening phrase (its first stem a verb)."""
    return ClauseTerms(stems, idf, opens=opens)


def cosine(x: Vector, y: Vector) -> float:
    """The dot product of two unit vectors, summed over the shorter one in its own order
    (so the same two vectors always give the same bits)."""
    if len(x) > len(y):
        x, y = y, x
    get = y.get
    return min(1.0, sum(w * get(t, 0.0) for t, w in x.items()))


def containment(part: ClauseTerms, whole: Counter[str], idf: Idf) -> float:
    """Share of ``part``'s IDF-weighted words that also occur in ``whole``."""
    if part.mass <= 0:
        return 0.0
    weight = idf.weights
    got = 0.0
    for t, c in part.counts.items():
        have = whole.get(t, 0)
        if have:
            got += min(c, have) * weight[t]
    return got / part.mass
