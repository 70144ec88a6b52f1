"""Openers, verbs and header words for one language, loaded from data files.

The lists live in ``resdiff/parse/lexicons/<lang>/`` (see the README there); this
module only loads them and matches an opening phrase at the start of a paragraph.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from resdiff.datalists import data_path, read_list, read_toml

OpenerKind = Literal["preambular", "operative"]

#: How many words an opening phrase (adverbs included) may have.
MAX_PHRASE_WORDS = 12

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
#: A word, and the spaces after it (group 2 is None when punctuation or the end follows).
_SPACED_WORD = re.compile(r"[ \t\n]*([^\W\d_][\w'’\-]*)(?:([ \t\n]+)|(?=[^\w'’\-]|$))")


@dataclass(frozen=True, slots=True)
class Opener:
    """An opening phrase found at the start of a paragraph.

    ``text`` is the phrase as written with single spaces ("Also demands");
    ``end`` is its end offset in the string it was found in.
    """

    kind: OpenerKind
    text: str
    end: int


@dataclass(slots=True)
class _Node:
    """A word trie of phrases; ``kind`` marks the end of a phrase."""

    next: dict[str, _Node] = field(default_factory=dict)
    kind: OpenerKind | None = None


class _Words:
    """Lower-cased words of a text from ``start``, read only as far as needed."""

    __slots__ = ("found", "pos", "stopped", "text")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.pos = start
        self.found: list[tuple[str, int, int]] = []
        self.stopped = False

    def get(self, index: int) -> str | None:
        while len(self.found) <= index:
            if self.stopped or len(self.found) >= MAX_PHRASE_WORDS:
                return None
            m = _SPACED_WORD.match(self.text, self.pos)
            if m is None:
                self.stopped = True
                return None
            self.found.append((m.group(1).lower(), m.start(1), m.end(1)))
            self.pos = m.end()
            if m.group(2) is None:
                self.stopped = True  # punctuation ends the phrase ("Recalling,")
        return self.found[index][0]


@dataclass(frozen=True)
class Lexicon:
    language: str
    preambular: frozenset[tuple[str, ...]]
    operative: frozenset[tuple[str, ...]]
    adverbs: frozenset[tuple[str, ...]]
    authors: tuple[str, ...]
    author_suffixes: tuple[str, ...]
    author_connectors: frozenset[str]
    months: tuple[str, ...]
    dated_words: tuple[str, ...]
    bodies: tuple[str, ...]
    header_prefixes: tuple[str, ...]
    header_suffixes: tuple[str, ...]
    illustrative_markers: tuple[str, ...]
    draft_words: tuple[str, ...]
    resolution_word: str
    adopted_prefixes: tuple[str, ...]
    section_words: tuple[str, ...]
    article_words: tuple[str, ...]
    names_with_and: frozenset[str]

    def opener(self, text: str, start: int = 0) -> Opener | None:
        """The longest opener or verb phrase at ``text[start:]`` (leading adverbs included).

        Matching is case-insensitive and stops at word boundaries, so "Notes" never
        matches "Noting" and "Calls upon" wins over "Calls".
        """
        words = _Words(text, start)
        first = words.get(0)
        if first is None or first not in self._first_words:
            return None
        best: tuple[int, OpenerKind] | None = None
        for skip in self._adverb_prefixes(words):
            node = self._trie
            k = skip
            while True:
                word = words.get(k)
                if word is None or word not in node.next:
                    break
                node = node.next[word]
                k += 1
                if node.kind is not None and (best is None or k > best[0]):
                    best = (k, node.kind)
        if best is None:
            return None
        total, kind = best
        phrase_text = " ".join(text[s:e] for _, s, e in words.found[:total])
        return Opener(kind=kind, text=phrase_text, end=words.found[total - 1][2])

    def _adverb_prefixes(self, words: _Words) -> list[int]:
        """Numbers of leading words that may be skipped as adverbs (0 always)."""
        skips = [0]
        pos = 0
        for _ in range(2):  # at most two adverbs: "Also strongly condemns"
            if words.get(pos) not in self._adverb_first_words:
                break
            step = 0
            for length in (2, 1):
                phrase = tuple(w for w in (words.get(pos + i) for i in range(length)) if w)
                if len(phrase) == length and phrase in self.adverbs:
                    step = length
                    break
            if step == 0:
                break
            pos += step
            skips.append(pos)
        return skips

    @cached_property
    def _trie(self) -> _Node:
        root = _Node()
        lists: tuple[tuple[OpenerKind, frozenset[tuple[str, ...]]], ...] = (
            ("preambular", self.preambular),
            ("operative", self.operative),
        )
        for kind, phrases in lists:
            for phrase in phrases:
                node = root
                for word in phrase:
                    node = node.next.setdefault(word, _Node())
                if node.kind is None or kind == "operative":
                    node.kind = kind
        return root

    @cached_property
    def preambular_first_words(self) -> frozenset[str]:
        """First words (lower case) of the preambular openers and of the adverbs: where a
        printed line starting with one follows a line that ended a clause, a paragraph
        starts (the PDF reader's paragraph rebuilding)."""
        return frozenset(p[0] for p in self.preambular | self.adverbs if p)

    @cached_property
    def _adverb_first_words(self) -> frozenset[str]:
        return frozenset(a[0] for a in self.adverbs if a)

    @cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(self._trie.next) | frozenset(a[0] for a in self.adverbs)

    def author(self, line: str) -> str | None:
        """The author named by an author line ("The Security Council," or, as some copies
        print it, "The Security Council:"), else None."""
        stripped = line.strip()
        if not stripped.endswith((",", ":")):
            return None
        name = " ".join(stripped[:-1].split())
        for author in self.authors:
            if name.lower() == author.lower():
                return name
        words = name.split()
        if (
            2 <= len(words) <= 14
            and words[0] == "The"
            and words[-1] in self.author_suffixes
            and all(w[0].isupper() or w in self.author_connectors for w in words)
        ):
            return name
        return None


def _phrases(lines: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_WORD.findall(line.lower())) for line in lines)


def _read_list(lang: str, name: str) -> list[str]:
    return read_list("resdiff.parse.lexicons", f"{lang}/{name}")


@lru_cache(maxsize=8)
def load_lexicon(lang: str = "en") -> Lexicon:
    """The lexicon for ``lang`` (an ISO 639-1 code with a folder under lexicons/)."""
    if not os.path.isfile(data_path("resdiff.parse.lexicons", f"{lang}/structure.toml")):
        raise ValueError(f"no parser lexicon for language {lang!r}")
    structure = read_toml("resdiff.parse.lexicons", f"{lang}/structure.toml")
    return Lexicon(
        language=lang,
        preambular=_phrases(_read_list(lang, "preambular.txt")),
        operative=_phrases(_read_list(lang, "operative.txt")),
        adverbs=_phrases(_read_list(lang, "adverbs.txt")),
        authors=tuple(_read_list(lang, "authors.txt")),
        author_suffixes=tuple(structure["author_suffixes"]),
        author_connectors=frozenset(structure["author_connectors"]),
        months=tuple(structure["months"]),
        dated_words=tuple(structure.get("dated_words", ())),
        bodies=tuple(structure["bodies"]),
        header_prefixes=tuple(structure["header_prefixes"]),
        header_suffixes=tuple(structure["header_suffixes"]),
        illustrative_markers=tuple(structure["illustrative_markers"]),
        draft_words=tuple(structure["draft_words"]),
        resolution_word=str(structure["resolution_word"]),
        adopted_prefixes=tuple(structure["adopted_prefixes"]),
        section_words=tuple(structure["section_words"]),
        article_words=tuple(structure["article_words"]),
        names_with_and=frozenset(structure["names_with_and"]),
    )
