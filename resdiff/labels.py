"""The label grammar (``data/labels.toml``) and the one numbering helper.

A *form* is one way of writing a paragraph label ("1.", "(a)", "2.1", "[^1]:"). Readers
ask for the forms they accept by name and get one ``Labels`` matcher; the regular
expressions, and how a value is checked, live only here and in the data file. Roman and
letter numbering (reading "xiv" and "aa", writing 14 and 27 back) is here too, for the
parser and for the readers that write labels (Markdown lists, Word numbering).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from resdiff.datalists import read_toml

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_ROMAN_DIGITS = {numeral: value for value, numeral in _ROMAN if len(numeral) == 1}
#: Sub-paragraph lists never run to "c": "(c)" is always the letter.
SUB_ROMAN_MAX = 89
#: Letter labels repeat a letter up to 30 times ("zzz...", item 780); past that, decimal.
MAX_LETTERS = 30
#: Roman numerals run from 1 to 3999, as in CSS; past that, decimal.
MAX_ROMAN = 3999


def to_roman(n: int) -> str:
    """14 -> "xiv" (lower case; ``.upper()`` for headings). 0 and below give "", past
    ``MAX_ROMAN`` the decimal number (a hostile list must not build huge labels)."""
    if n > MAX_ROMAN:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def roman_value(s: str, largest: int = SUB_ROMAN_MAX) -> int | None:
    """Value of a lower-case roman numeral written the canonical way, up to ``largest``;
    None if ``s`` is not one ("iiii", "a")."""
    total = prev = 0
    for c in reversed(s):
        v = _ROMAN_DIGITS.get(c)
        if v is None:
            return None
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    return total if 0 < total <= largest and to_roman(total) == s else None


def to_letters(n: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa", 28 -> "bb": the UN doubles letters after (z);
    past ``MAX_LETTERS`` repeats, the decimal number."""
    if n > 26 * MAX_LETTERS:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def letter_value(s: str) -> int | None:
    """ "a" -> 1, "z" -> 26, "aa" -> 27; None for "ab" or anything else."""
    if not s or len(set(s)) != 1 or not ("a" <= s[0] <= "z"):
        return None
    return (len(s) - 1) * 26 + ord(s[0]) - ord("a") + 1


def _is_sub(value: str) -> bool:
    return letter_value(value) is not None or roman_value(value) is not None


#: How each kind of value is checked once the pattern matched (None: any value will do).
_CHECKS: dict[str, Callable[[str], bool] | None] = {
    "decimal": None,
    "dotted": None,
    "text": None,
    "sub": _is_sub,
    "roman": lambda v: roman_value(v.lower()) is not None,
    "letter": None,
}


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    pattern: str
    value: str
    follow: str


class Label(NamedTuple):
    """A label found at the start of a text: which form, the label as written, its value
    and the offset just past it."""

    form: str
    text: str
    value: str
    end: int


@cache
def forms() -> dict[str, Form]:
    """The grammar, by name, in file order."""
    data = read_toml("resdiff", "data/labels.toml")
    return {
        f["name"]: Form(f["name"], f["pattern"], f["value"], f.get("follow", "space-or-end"))
        for f in data["form"]
    }


def value_pattern(name: str) -> str:
    """The regular expression of a form's value alone (for patterns that embed it)."""
    pattern = forms()[name].pattern
    m = re.search(r"\(\?P<value>", pattern)
    assert m is not None, name
    depth, i = 1, m.end()
    while depth:
        depth += {"(": 1, ")": -1}.get(pattern[i], 0) if pattern[i - 1] != "\\" else 0
        i += 1
    return pattern[m.end() : i - 1]


class Labels:
    """A matcher for some forms, tried in the order given.

    A label is followed by whitespace; with ``alone=True`` it may also end the text (a
    line holding only "1.", its text on the next line), except for forms whose
    ``follow`` is "space". The forms are tried as one regex (most lines hold no label,
    and one failed match is cheaper than one per form).
    """

    def __init__(self, *names: str, alone: bool = False) -> None:
        grammar = forms()
        #: Per form: its name, its regex source (compiled only if a value fails its check,
        #: which few texts ever make happen) and that check.
        self._forms: list[tuple[str, str, Callable[[str], bool] | None]] = []
        branches = []
        for i, name in enumerate(names):
            form = grammar[name]
            follow = r"(?=\s|$)" if alone and form.follow != "space" else r"(?=\s)"
            source = form.pattern + follow
            self._forms.append((name, source, _CHECKS[form.value]))
            branches.append(f"(?P<f{i}>{source.replace('(?P<value>', f'(?P<v{i}>')})")
        self._any = re.compile("|".join(branches))
        #: Outer group name -> (form index, name of its value group).
        self._groups = {f"f{i}": (i, f"v{i}") for i in range(len(names))}

    def match(self, text: str, pos: int = 0) -> Label | None:
        """The label ``text`` opens with at ``pos``, if any."""
        m = self._any.match(text, pos)
        if m is None:
            return None
        i, value_group = self._groups[m.lastgroup or ""]  # the form's group closes last
        name, _, check = self._forms[i]
        value = m.group(value_group)
        if check is None or check(value):
            return Label(name, m.group(), value, m.end())
        # The first form to match has no valid value ("(ab)"): try the later ones.
        for name, source, check in self._forms[i + 1 :]:
            found = re.compile(source).match(text, pos)
            if found and (check is None or check(found.group("value"))):
                return Label(name, found.group(), found.group("value"), found.end())
        return None
