"""Lines of a text and what one line can be: a heading, a page artefact, a paragraph end.

Paragraph reconstruction works line by line: a line *can* start a paragraph when it
begins with a label ("1.", "1)", "(a)", "Article 3", a heading) or an opener, and it
*does* when the line before it ended a paragraph (",", ";", ".", ":") or a blank line
separates them. Everything here is about one line at a time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from resdiff.labels import value_pattern


class Line(NamedTuple):
    """One line of ``Document.text``: ``[start, end)`` excludes the ``\\n``;
    ``indent`` is the offset of its first non-space character (``end`` if blank).
    (A named tuple: thousands are made per parse, and tuples are cheap.)"""

    lineno: int
    start: int
    end: int
    indent: int

    @property
    def blank(self) -> bool:
        return self.indent == self.end


def split_lines(text: str) -> list[Line]:
    """Split on ``\\n`` only (not ``str.splitlines``, which also breaks at form feeds and
    other separators the spans must keep)."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    index = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        content = text[pos:end]
        stripped = content.lstrip()
        indent = end - len(stripped) if stripped else end
        lines.append(Line(index, pos, end, indent))
        index += 1
        if nl < 0:
            break
        pos = nl + 1
    return lines


# --- line patterns -------------------------------------------------------------------

#: A footnote as copied from a PDF page foot: a bare number, then text.
BARE_NUMBER = re.compile(r"(\d{1,3})(?=[ \t]+\S)")
#: A separator line above footnotes: "____", "----".
SEPARATOR = re.compile(r"[_\-–—=*]{4,}[ \t]*$")
#: Roman numeral heading alone ("II", "IV.") or with a title ("II. Humanitarian access").
ROMAN_HEADING = re.compile(rf"({value_pattern('roman-heading')})\.?(?:[ \t]+(\S.*))?$")
#: Letter heading alone ("B", "B.") or with a title ("B. Humanitarian access").
LETTER_HEADING = re.compile(rf"({value_pattern('letter-heading')})(?:\.?$|\.[ \t]+(\S.*)$)")

#: What a PDF page adds between paragraphs: "2/4", "24-05234 (E)", "*2405234*", the symbol.
_ARTEFACT_MARK = re.compile(
    r"\d{1,3}/\d{1,3}|\d{2}-\d{5}|\*\d{5,9}\*|[A-Z]{1,6}(?:/[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*)+"
)
_ARTEFACT_OTHER = re.compile(r"\([A-Z]\)|\d{1,6}|\(\d{4}\)")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK_CHARS = frozenset(_SUPERSCRIPTS + "\"'”’»)*")
_NOTE_REF_END = re.compile(r"\[\^?\w{1,4}\]$")
TERMINATORS = ",;.:"
#: A list item that ends "...; and" ends its paragraph too (the next item follows).
_LIST_ENDINGS = ("; and", "; or")


def is_heading_title(rest: str) -> bool:
    """A short title with no paragraph-ending punctuation ("Humanitarian access")."""
    rest = rest.strip()
    return 0 < len(rest) <= 120 and rest[0].isupper() and rest[-1] not in TERMINATORS


def ends_paragraph(text: str, line: Line) -> bool:
    """The line ends with ",", ";", "." or ":" (after any closing quote or note marker),
    or with a list item's "; and" / "; or"."""
    if line.blank:
        return True
    pos = line.end
    while pos > line.indent:
        c = text[pos - 1]
        if c in _MARK_CHARS or c.isspace():
            pos -= 1
        elif c == "]" and (m := _NOTE_REF_END.search(text, max(line.indent, pos - 8), pos)):
            pos = m.start()
        elif c in "dr" and text.endswith(_LIST_ENDINGS, line.indent, pos):
            return True
        else:
            return c in TERMINATORS
    return text[line.end - 1] in TERMINATORS


def is_page_artefact(content: str) -> bool:
    """A running header or footer line from a PDF page: "2/4", "24-05234 (E)",
    "S/2024/239", or several of these. It stays in the text but never opens or closes
    a paragraph."""
    if len(content) > 60 or not (content[0].isdigit() or content[0] in "*(ABCEFSU"):
        return False
    marked = False
    for token in content.split():
        if _ARTEFACT_MARK.fullmatch(token):
            marked = True
        elif not _ARTEFACT_OTHER.fullmatch(token):
            return False
    return marked
