"""Tokens of a clause text, what each is compared by, and the word lists they need.

A token is a word (with its inner hyphens and apostrophes), a number, a spelled number
with its figures ("thirty (30)"), a resolution number with its year, a document symbol,
one punctuation mark, or a run of whitespace. Tokens join back to the text exactly.
"""

from __future__ import annotations

import re
from functools import cache

from resdiff.datalists import read_list
from resdiff.model import CompareOptions
from resdiff.typography import QUOTES

# Combining marks count as word characters, so "e" + U+0301 is never split.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Chinese and Japanese are written without spaces: each ideograph (or kana) is a token
# of its own, otherwise a whole clause would be one "word" and change as a block.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Every character of ``CJK`` is at least this: text below it needs no CJK test.
CJK_FIRST = "\u3040"
_W = rf"(?:(?![{CJK}])[\w{_MARKS}])"
# The same on text with no character from CJK_FIRST up (nearly all text): compiling the
# CJK ranges costs milliseconds each time they occur in a pattern.
_W_PLAIN = rf"[\w{_MARKS}]"
# Joiners inside a word: hyphens (ASCII, U+2010, U+2011), soft hyphen, apostrophes; and a
# "." or "," between digits ("35,000,000", "2.5").
_JOINER = r"(?:[-\u2010\u2011\u00ad'\u2019]|(?<=\d)[.,](?=\d))"
# "2720 (2023)": a resolution number with its year changes as one unit.
_NUMBER_WITH_YEAR = r"\d+(?:[.,]\d+)*[ \u00a0]\(\d{4}\)"

_WORD_JOINERS = re.compile(r"[-\u2010\u2011\u00ad'\u2019]")
_SPACES = re.compile(r"\s+")
# A word character (or a combining mark); ``has_word_char`` adds the CJK ones.
_WORD_CHAR_PLAIN = re.compile(rf"[\w{_MARKS}]")

# A word group: word characters joined by single inner marks ("U.N", "e.g", "2/4"), or a
# short bracketed label ("(a)", "(iv)"). Edits are snapped to these.
_INNER_MARK = r"[./:\-\u2010\u2011'\u2019&+@_\u00b7]"


@cache
def _number_words() -> tuple[str, ...]:
    return tuple(sorted(read_list("resdiff", "data/number_words.txt"), key=len, reverse=True))


@cache
def function_words() -> frozenset[str]:
    """Case-folded words that carry no content ("the", "of"): a diff may drop them first."""
    return frozenset(w.casefold() for w in read_list("resdiff", "data/function_words.txt"))


def below_cjk(text: str) -> bool:
    """Whether ``text`` has no character that could be Chinese or Japanese (a C-speed
    test that lets the cheaper build of a pattern serve)."""
    return not text or text.isascii() or max(text) < CJK_FIRST


@cache
def _cjk_char() -> re.Pattern[str]:
    return re.compile(f"[{CJK}]")


def has_word_char(text: str) -> bool:
    """Whether ``text`` holds a word character, a combining mark or a Chinese or Japanese
    one. The CJK class is compiled only for text that may hold one (it costs milliseconds
    to compile, and nearly every draft has none)."""
    if _WORD_CHAR_PLAIN.search(text) is not None:
        return True
    return not below_cjk(text) and _cjk_char().search(text) is not None


@cache
def group_pattern(plain: bool) -> re.Pattern[str]:
    """Word groups; ``plain`` builds it for text that is ``below_cjk`` (same matches)."""
    w = _W_PLAIN if plain else _W
    return re.compile(rf"\({w}{{1,5}}\)|{w}+(?:{_INNER_MARK}{w}+)*")


@cache
def _token_pattern(plain: bool) -> re.Pattern[str]:
    """The tokenizer; ``plain`` builds it for text that is ``below_cjk`` (same tokens)."""
    w = _W_PLAIN if plain else _W
    nw = "|".join(_number_words())
    # "S/2024/239", "A/ES-10/L.27": document symbols change as one unit.
    symbol = rf"[A-Z]{{1,4}}(?:/(?:[\w.\-]*\w))+(?!{w})"
    number_word = rf"(?i:{nw})(?!{w})"
    spelled = rf"{number_word}(?:(?:[-\u2010 ]|\s+and\s+){number_word})*\s*\(\d+(?:[.,]\d+)*\)"
    # Whitespace first (the commonest token); lookaheads skip alternatives that cannot start.
    alternatives = (
        r"\s+",
        rf"(?=[A-Za-z]){spelled}",
        rf"(?=\d){_NUMBER_WITH_YEAR}",
        rf"(?=[A-Z]){symbol}",
        rf"{w}+(?:{_JOINER}{w}+)*",
        r"(?s:.)",
    )
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens that join back to it exactly."""
    return _token_pattern(below_cjk(text)).findall(text)


def words(text: str) -> list[str]:
    """The tokens of ``text`` that hold a word character."""
    return [t for t in tokenize(text) if has_word_char(t)]


def token_key(token: str, options: CompareOptions) -> str:
    """What a token is compared by; the options decide what it forgets."""
    if token.isspace():
        return " " if options.ignore_whitespace else token
    key = token
    if options.ignore_whitespace:
        key = _SPACES.sub(" ", key)
    if options.ignore_quotes:
        key = key.translate(QUOTES)
    if options.ignore_case:
        key = key.casefold()
    if options.ignore_punctuation:
        if not has_word_char(key):
            return ""
        if not any(ch.isdigit() for ch in key):
            key = _WORD_JOINERS.sub("", key)
    return key
