"""The amendment grammar, loaded from ``grammar.toml``: ordinal words, paragraph
addresses, the writer's sentences and the reader's accepted variants.

Everything a delegation might write differently lives in the data file; this module only
turns its templates into regular expressions and fills them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from resdiff.datalists import read_toml
from resdiff.model import ClauseKind

# Quote characters that open and close quoted text in an instruction.
OPEN_QUOTES = '"“„«”'
CLOSE_QUOTES = '"”“»'
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def data() -> dict[str, Any]:
    return read_toml("resdiff.amend", "grammar.toml")


# --- numbers ----------------------------------------------------------------------------


def ordinal(n: int) -> str:
    """1 -> "first", 23 -> "twenty-third", 101 -> "one hundred and first"."""
    nums = data()["numbers"]
    if n < 1:
        raise ValueError(n)
    if n < 20:
        return str(nums["ordinals"][n - 1])
    if n < 100:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return str(nums["tens_ordinals"][tens - 2])
        return f"{nums['tens'][tens - 2]}-{nums['ordinals'][unit - 1]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{cardinal(hundreds)} "
        if rest == 0:
            return head + str(nums["hundredth"])
        return head + str(nums["hundred"]) + str(nums["hundred_joiner"]) + ordinal(rest)
    return f"{n}th"


def cardinal(n: int) -> str:
    nums = data()["numbers"]
    if 1 <= n < 20:
        return str(nums["cardinals"][n - 1])
    if 20 <= n < 100:
        tens, unit = divmod(n, 10)
        head = str(nums["tens"][tens - 2])
        return head if unit == 0 else f"{head}-{nums['cardinals'][unit - 1]}"
    return str(n)


def _fold_words(text: str) -> str:
    return " ".join(re.split(r"[\s\-]+", text.strip().lower()))


@cache
def _ordinal_values() -> dict[str, int]:
    return {_fold_words(ordinal(n)): n for n in range(1, 1000)}


@cache
def _cardinal_values() -> dict[str, int]:
    return {_fold_words(cardinal(n)): n for n in range(1, 100)}


def ordinal_value(text: str) -> int | None:
    """The number an ordinal names: "third", "twenty-third", "23rd"; None if not one."""
    folded = _fold_words(text)
    if folded in _ordinal_values():
        return _ordinal_values()[folded]
    suffixes = "|".join(data()["numbers"]["digit_ordinal_suffixes"])
    m = re.fullmatch(rf"(\d+)(?:{suffixes})", folded)
    return int(m.group(1)) if m else None


def count_value(text: str) -> int | None:
    """ "a", "one", "two", "3" -> 1, 1, 2, 3."""
    folded = _fold_words(text)
    if folded in ("a", "an"):
        return 1
    if folded.isdigit():
        return int(folded)
    return _cardinal_values().get(folded)


# --- templates --------------------------------------------------------------------------


def fill(template: str, **values: str) -> str:
    """A writer's template with its placeholders filled in."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def write_template(name: str) -> str:
    return str(data()["write"][name])


def quoted(text: str) -> str:
    w = data()["write"]
    return f"{w['open_quote']}{text}{w['close_quote']}"


def the_words(text: str) -> str:
    """ "the word " or "the words " before quoted text; nothing before punctuation alone."""
    if not re.search(r"\w", text):
        return ""
    w = data()["write"]
    return str(w["the_word"] if len(text.split()) == 1 else w["the_words"])


def kind_name(kind: ClauseKind, count: int = 1) -> str:
    singular, plural = data()["kinds"][kind][:2]
    return str(singular if count == 1 else plural)


def new_kind(kind: ClauseKind, count: int) -> str:
    """ "a new operative paragraph", "two new preambular paragraphs"."""
    head = "a" if count == 1 else cardinal(count)
    return f"{head} new {kind_name(kind, count)}"


def _alternatives(items: list[str]) -> str:
    return "|".join(sorted((re.escape(i) for i in items), key=len, reverse=True))


def _spaces(pattern: str) -> str:
    """A literal space in a template matches any run of whitespace."""
    return re.sub(r"(?<!\\) ", r"\\s+", pattern)


def quote_group(name: str) -> str:
    return rf"[{OPEN_QUOTES}](?P<{name}>.*?)[{CLOSE_QUOTES}]"


@cache
def _fragments() -> dict[str, str]:
    read = data()["read"]
    occ_words = r"(?P<occ{k}>[\w\-]+(?: [\w\-]+)*?)"
    occurrence = "|".join(
        _spaces(t.replace("{ordinal}", occ_words.format(k=k)))
        for k, t in enumerate(read["occurrence"])
    )
    after = "|".join(
        _spaces(t.replace("{ordinal}", occ_words.format(k=f"_after{k}")))
        for k, t in enumerate(read["occurrence_after"])
    )
    the_words = "|".join(_spaces(t) for t in read["the_words"])
    kinds = data()["kinds"]
    names = [n for forms in kinds.values() for n in forms]
    counts = r"(?:\d+|[a-z]+(?:-[a-z]+)?)"  # "a", "two", "twenty-one", "3"
    kind = (
        rf"(?:the\s+following\s+)?(?:(?P<count>{counts})\s+)?(?:further\s+|additional\s+)?"
        rf"new\s+(?P<kind>{_spaces(_alternatives(names))})"
    )
    return {
        "target": r"(?P<target>.+?)",
        "anchor": r"(?P<anchor>.+?)",
        "old": quote_group("old") + f"(?:{after})?",
        "new": quote_group("new"),
        "words": quote_group("words") + f"(?:{after})?",
        "the_words": f"(?:{the_words})?",
        "the_new_words": f"(?:{the_words})?",
        "occurrence": f"(?:{occurrence})?",
        "kind": kind,
    }


@dataclass(frozen=True, slots=True)
class Form:
    """One accepted sentence: which operation (and place) it means, and its pattern."""

    name: str
    pattern: re.Pattern[str]


@cache
def read_forms() -> tuple[Form, ...]:
    fragments = _fragments()
    forms = []
    for name, templates in data()["read"].items():
        if name in ("occurrence", "occurrence_after", "the_words"):
            continue
        for template in templates:
            body = _PLACEHOLDER.sub(lambda m: "\0" + m.group(1) + "\0", template)
            parts = body.split("\0")
            regex = "".join(fragments[p] if k % 2 else _spaces(p) for k, p in enumerate(parts))
            end = r"\s*$" if template.endswith(":") else r"\s*[.;]?\s*$"
            forms.append(Form(name, re.compile(rf"^\s*{regex}{end}", re.I | re.S)))
    return tuple(forms)


@cache
def kind_of_name() -> dict[str, ClauseKind | None]:
    """What a kind name in an insertion means ("paragraph" alone: decided by the place)."""
    out: dict[str, ClauseKind | None] = {}
    for kind, names in data()["kinds"].items():
        for name in names:
            out[_fold_words(name)] = None if kind == "any" else kind
    return out


def kind_from_name(name: str) -> ClauseKind | None:
    return kind_of_name().get(_fold_words(name))


@cache
def header_pattern() -> re.Pattern[str]:
    return re.compile(data()["header"]["draft"], re.I)
