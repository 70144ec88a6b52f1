"""Openers, verbs and header words for one language, loaded from data files.

The lists live in ``resdiff/parse/lexicons/<lang>/`` (see the README there); this
module only loads them and matches an opening phrase at the start of a paragraph.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

OpenerKind = Literal["preambular", "operative"]

#: How many words an opening phrase (adverbs included) may have.
MAX_PHRASE_WORDS = 12

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass(frozen=True, slots=True)
class Opener:
    """An opening phrase found at the start of a paragraph.

    ``text`` is the phrase as written with single spaces ("Also demands");
    ``end`` is its end offset in the string it was found in.
    """

    kind: OpenerKind
    text: str
    end: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    preambular: frozenset[tuple[str, ...]]
    operative: frozenset[tuple[str, ...]]
    adverbs: frozenset[tuple[str, ...]]
    authors: tuple[str, ...]
    author_suffixes: tuple[str, ...]
    author_connectors: frozenset[str]
    months: tuple[str, ...]
    bodies: tuple[str, ...]
    header_prefixes: tuple[str, ...]
    header_suffixes: tuple[str, ...]
    illustrative_markers: tuple[str, ...]
    draft_words: tuple[str, ...]
    resolution_word: str
    adopted_prefix: str
    section_words: tuple[str, ...]
    article_words: tuple[str, ...]
    names_with_and: frozenset[str]

    def opener(self, text: str, start: int = 0) -> Opener | None:
        """The longest opener or verb phrase at ``text[start:]`` (leading adverbs included).

        Matching is case-insensitive and stops at word boundaries, so "Notes" never
        matches "Noting" and "Calls upon" wins over "Calls".
        """
        words: list[tuple[str, int, int]] = []
        pos = start
        n = len(text)
        while len(words) < MAX_PHRASE_WORDS:
            while pos < n and text[pos] in " \t\n":
                pos += 1
            m = _WORD.match(text, pos)
            if m is None:
                break
            words.append((m.group().lower(), m.start(), m.end()))
            pos = m.end()
            if pos < n and text[pos] not in " \t\n":
                break  # punctuation ends the phrase ("Recalling,")
        if not words:
            return None
        lowered = [w for w, _, _ in words]
        best: tuple[int, OpenerKind] | None = None
        for skip in self._adverb_prefixes(lowered):
            for length in range(len(lowered) - skip, 0, -1):
                phrase = tuple(lowered[skip : skip + length])
                kind: OpenerKind | None = None
                if phrase in self.operative:
                    kind = "operative"
                elif phrase in self.preambular:
                    kind = "preambular"
                if kind is not None:
                    total = skip + length
                    if best is None or total > best[0]:
                        best = (total, kind)
                    break
        if best is None:
            return None
        total, kind = best
        phrase_text = " ".join(text[s:e] for _, s, e in words[:total])
        return Opener(kind=kind, text=phrase_text, end=words[total - 1][2])

    def _adverb_prefixes(self, lowered: list[str]) -> list[int]:
        """Numbers of leading words that may be skipped as adverbs (0 always)."""
        skips = [0]
        pos = 0
        for _ in range(2):  # at most two adverbs: "Also strongly condemns"
            step = 0
            for length in (2, 1):
                if tuple(lowered[pos : pos + length]) in self.adverbs:
                    step = length
                    break
            if step == 0:
                break
            pos += step
            skips.append(pos)
        return skips

    def author(self, line: str) -> str | None:
        """The author named by an author line ("The Security Council,"), else None."""
        stripped = line.strip()
        if not stripped.endswith(","):
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
    text = resources.files("resdiff.parse.lexicons").joinpath(lang, name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=8)
def load_lexicon(lang: str = "en") -> Lexicon:
    """The lexicon for ``lang`` (an ISO 639-1 code with a folder under lexicons/)."""
    root = resources.files("resdiff.parse.lexicons").joinpath(lang)
    if not root.joinpath("structure.toml").is_file():
        raise ValueError(f"no parser lexicon for language {lang!r}")
    structure = tomllib.loads(root.joinpath("structure.toml").read_text("utf-8"))
    return Lexicon(
        language=lang,
        preambular=_phrases(_read_list(lang, "preambular.txt")),
        operative=_phrases(_read_list(lang, "operative.txt")),
        adverbs=_phrases(_read_list(lang, "adverbs.txt")),
        authors=tuple(_read_list(lang, "authors.txt")),
        author_suffixes=tuple(structure["author_suffixes"]),
        author_connectors=frozenset(structure["author_connectors"]),
        months=tuple(structure["months"]),
        bodies=tuple(structure["bodies"]),
        header_prefixes=tuple(structure["header_prefixes"]),
        header_suffixes=tuple(structure["header_suffixes"]),
        illustrative_markers=tuple(structure["illustrative_markers"]),
        draft_words=tuple(structure["draft_words"]),
        resolution_word=str(structure["resolution_word"]),
        adopted_prefix=str(structure["adopted_prefix"]),
        section_words=tuple(structure["section_words"]),
        article_words=tuple(structure["article_words"]),
        names_with_and=frozenset(structure["names_with_and"]),
    )
