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
_W = rf"(?:(?![{CJK}])[\w{_MARKS}])"
# Joiners inside a word: hyphens (ASCII, U+2010, U+2011), soft hyphen, apostrophes; and a
# "." or "," between digits ("35,000,000", "2.5").
_JOINER = r"(?:[-\u2010\u2011\u00ad'\u2019]|(?<=\d)[.,](?=\d))"
_WORD = rf"{_W}+(?:{_JOINER}{_W}+)*"
# "2720 (2023)": a resolution number with its year changes as one unit.
_NUMBER_WITH_YEAR = r"\d+(?:[.,]\d+)*[ \u00a0]\(\d{4}\)"
# "S/2024/239", "A/ES-10/L.27": document symbols change as one unit.
_SYMBOL = rf"[A-Z]{{1,4}}(?:/(?:[\w.\-]*\w))+(?!{_W})"

_WORD_JOINERS = re.compile(r"[-\u2010\u2011\u00ad'\u2019]")
_SPACES = re.compile(r"\s+")
WORD_CHAR = re.compile(rf"{_W}|[{CJK}]")

# A word group: word characters joined by single inner marks ("U.N", "e.g", "2/4"), or a
# short bracketed label ("(a)", "(iv)"). Edits are snapped to these.
_INNER_MARK = r"[./:\-\u2010\u2011'\u2019&+@_\u00b7]"
GROUP = re.compile(rf"\({_W}{{1,5}}\)|{_W}+(?:{_INNER_MARK}{_W}+)*")


@cache
def _number_words() -> tuple[str, ...]:
    return tuple(sorted(read_list("resdiff", "data/number_words.txt"), key=len, reverse=True))


@cache
def function_words() -> frozenset[str]:
    """Case-folded words that carry no content ("the", "of"): a diff may drop them first."""
    return frozenset(w.casefold() for w in read_list("resdiff", "data/function_words.txt"))


@cache
def _token_pattern() -> re.Pattern[str]:
    nw = "|".join(_number_words())
    number_word = rf"(?i:{nw})(?!{_W})"
    spelled = rf"{number_word}(?:(?:[-\u2010 ]|\s+and\s+){number_word})*\s*\(\d+(?:[.,]\d+)*\)"
    # Whitespace first (the commonest token); lookaheads skip alternatives that cannot start.
    alternatives = (
        r"\s+",
        rf"(?=[A-Za-z]){spelled}",
        rf"(?=\d){_NUMBER_WITH_YEAR}",
        rf"(?=[A-Z]){_SYMBOL}",
        _WORD,
        r"(?s:.)",
    )
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens that join back to it exactly."""
    return _token_pattern().findall(text)


def words(text: str) -> list[str]:
    """The tokens of ``text`` that hold a word character."""
    return [t for t in tokenize(text) if WORD_CHAR.search(t)]


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
        if not WORD_CHAR.search(key):
            return ""
        if not any(ch.isdigit() for ch in key):
            key = _WORD_JOINERS.sub("", key)
    return key
