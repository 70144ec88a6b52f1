"""Preambular paragraphs run together on one line: "..., Stressing ..., Reaffirming ...,".

A PDF text layer or a careless copy joins paragraphs; where a capitalised preambular
opener follows ", " on a line that ends a paragraph, a new paragraph starts there (on the
author line too: resdiff/parse/author.py). Inside a sentence such a word is rare, and
three cases are kept whole: inside quotes or brackets ('the campaign "Recognizing Carers,
Supporting Families"'), and a title-case name ("the Charter on Affirming Human Dignity,").
"""

from __future__ import annotations

import re

from resdiff.parse.layout import Line, ends_paragraph
from resdiff.parse.lexicon import Lexicon
from resdiff.parse.segment import ParagraphStart

#: Where a run-on paragraph may start: after a comma, at a capital letter.
_RUN_ON = re.compile(r",[ \t]+(?=[A-Z])")
_WORD = re.compile(r"[^\s,;:.]+")
#: Opening and closing marks whose balance says a comma is inside a quotation or brackets.
_PAIRS = (("“", "”"), ("(", ")"), ("[", "]"), ("«", "»"))


def run_on_starts(text: str, line: Line, start: int, lexicon: Lexicon) -> list[ParagraphStart]:
    """Preambular paragraphs that start on ``line`` after ``start``."""
    if not ends_paragraph(text, line):
        return []
    starts: list[ParagraphStart] = []
    for m in _RUN_ON.finditer(text, start, line.end):
        cut = m.end()
        opener = lexicon.opener(text, cut)
        if opener is None or opener.kind != "preambular":
            continue
        if _enclosed(text[line.indent : cut]) or _title(text, opener.end, line.end, lexicon):
            continue
        starts.append(ParagraphStart("preambular", cut, line.lineno, None, cut, opener=opener))
    return starts


def split_run_ons(
    text: str, lines: list[Line], units: list[ParagraphStart], lexicon: Lexicon
) -> list[ParagraphStart]:
    """``units`` with the paragraphs run on inside preambular ones added after them."""
    out: list[ParagraphStart] = []
    for k, unit in enumerate(units):
        out.append(unit)
        if unit.kind != "preambular":
            continue
        end = units[k + 1].start if k + 1 < len(units) else len(text)
        line_no = unit.line
        while line_no < len(lines) and lines[line_no].start < end:
            line = lines[line_no]
            out.extend(run_on_starts(text, line, max(line.start, unit.label_end), lexicon))
            line_no += 1
    return out


def _enclosed(before: str) -> bool:
    """Whether a quotation or a bracket opened before this point is still open."""
    if before.count('"') % 2:
        return True
    return any(before.count(o) > before.count(c) for o, c in _PAIRS)


def _title(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """The words after an opener, to the next comma, are a title-case name."""
    stop = text.find(",", start, end)
    words = _WORD.findall(text, start, stop if stop >= 0 else end)
    return (
        bool(words)
        and all(w[0].isupper() or w in lexicon.author_connectors for w in words)
        and words[0][0].isupper()
    )
