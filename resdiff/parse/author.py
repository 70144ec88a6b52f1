"""The author line ("The Security Council,") that ends a UN text's header.

A PDF text layer sometimes runs the first preambular paragraphs onto it ("The Security
Council, Reaffirming ..., Recalling ...,"): those paragraphs start on the author line
itself, where a capitalised preambular opener follows a comma (resdiff/parse/runon.py).
"""

from __future__ import annotations

from typing import NamedTuple

from resdiff.labels import Labels
from resdiff.parse.layout import Line, ends_paragraph
from resdiff.parse.lexicon import Lexicon
from resdiff.parse.runon import run_on_starts
from resdiff.parse.segment import ParagraphStart

_NUMBER = Labels("number", alone=True)
#: An author line alone is short; a longer line can only hold one run on with paragraphs.
AUTHOR_LINE_MAX = 200


class AuthorLine(NamedTuple):
    line: int
    name: str
    #: Paragraphs that start on the author line itself (none when it stands alone).
    run_on: tuple[ParagraphStart, ...] = ()


def find_author(text: str, lines: list[Line], lexicon: Lexicon) -> AuthorLine | None:
    """The first author line, if it comes before any numbered paragraph."""
    for line in lines:
        if line.blank:
            continue
        content = text[line.indent : line.end]
        if _NUMBER.match(content):
            return None
        if len(content) < AUTHOR_LINE_MAX and content.rstrip().endswith((",", ":")):
            name = lexicon.author(content)
            if name:
                return AuthorLine(line.lineno, name)
        found = _run_on(text, line, lexicon)
        if found:
            return found
    return None


def _run_on(text: str, line: Line, lexicon: Lexicon) -> AuthorLine | None:
    """ "The Security Council, Reaffirming ..., Recalling ...," on one line."""
    head, comma, _ = text[line.indent : line.end].partition(",")
    name = lexicon.author(head + comma) if comma else None
    if name is None or not ends_paragraph(text, line):
        return None
    cut = line.indent + len(head) + 1
    while cut < line.end and text[cut] in " \t":
        cut += 1
    opener = lexicon.opener(text, cut)
    if opener is None or opener.kind != "preambular":
        return None  # the author's comma is not followed by a paragraph
    first = ParagraphStart("preambular", cut, line.lineno, None, cut, opener=opener)
    return AuthorLine(line.lineno, name, (first, *run_on_starts(text, line, cut, lexicon)))
