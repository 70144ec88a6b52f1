"""Document text is data: how it is made safe for each target, in one place.

Every piece of a draft's text that a face shows goes through one of these: the terminal
(escape sequences and control characters removed, see ``sanitize``), the text report's
change markers, Markdown and HTML. Each strips control sequences first, so a draft can
neither drive a terminal nor inject markup, links or emphasis.
"""

from __future__ import annotations

import html
import re

from resdiff.present.sanitize import clean_terminal

__all__ = [
    "clean_terminal",
    "clean_text",
    "escape_html",
    "escape_markdown",
    "escape_markers",
    "markdown_cell",
    "safe_line_start",
]


def clean_text(text: str) -> str:
    """Safe for a terminal, tabs as spaces (a tab's width is the terminal's guess)."""
    return clean_terminal(text).replace("\t", " ")


# The document's own "[-", "-]", "{+", "+}", "⟨", "⟩" (and backslashes) are escaped with
# a backslash inside the diff, so text of a draft can never pass for a change or cue mark.
_MARKER_LIKE = re.compile("\\\\|\\[-|-\\]|\\{\\+|\\+\\}|\u27e8|\u27e9")
_MARKER_ESCAPES = {
    "\\": "\\\\",
    "[-": "[\\-",
    "-]": "\\-]",
    "{+": "{\\+",
    "+}": "\\+}",
    "\u27e8": "\\\u27e8",
    "\u27e9": "\\\u27e9",
}


def escape_markers(text: str) -> str:
    """Text of a draft that looks like a wdiff marker ([- -] {+ +}) or a backslash,
    backslash-escaped."""
    return _MARKER_LIKE.sub(lambda m: _MARKER_ESCAPES[m.group()], text)


# Characters that mean something inline anywhere in a Markdown line (and our cue marks).
_MARKDOWN_INLINE = re.compile("([\\\\`*_\\[\\]<|~&#${}\u27e8\u27e9])")


def escape_markdown(text: str) -> str:
    """Document text inside a Markdown line (no newlines expected): every metacharacter
    backslash-escaped."""
    return _MARKDOWN_INLINE.sub(r"\\\1", clean_terminal(text).replace("\t", " "))


# What would start a block at the beginning of a Markdown line (after optional spaces).
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def safe_line_start(line: str) -> str:
    """A Markdown line of document text that cannot open a list, a quote or a heading
    ("1." becomes "1\\.", "- x" becomes "\\- x")."""
    line = line.lstrip(" ")
    m = _MARKDOWN_LINE_START.match(line)
    if m is None:
        return line
    if m.group(2).isdigit():
        end = m.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def markdown_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped, never empty."""
    return escape_markdown(" ".join(text.split())) or " "


def escape_html(text: str) -> str:
    """Document text as HTML text: no control characters, every metacharacter escaped."""
    return html.escape(clean_terminal(text), quote=True)
