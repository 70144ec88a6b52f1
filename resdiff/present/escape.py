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


# What GitHub autolinks in Markdown (and linkify-style renderers with it): a scheme's
# "://" URL, a "www." host, an e-mail address (also after "mailto:" or "xmpp:"). The
# match stops before trailing punctuation, as the autolinkers do.
_LINK_LIKE = re.compile(
    r"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\b[Ww][Ww][Ww]\.|\b(?:mailto|xmpp):)"
    r"[^\s<>|]*[^\s<>|.,;:!?'\")\]*_~]"  # the rest, less trailing punctuation
    r"|\b[A-Za-z][A-Za-z0-9+.-]*://"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


def _code_span(text: str) -> str:
    """``text`` as a Markdown code span: shown as written, never a link or markup."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape_markdown(text: str) -> str:
    """Document text inside a Markdown line (no newlines expected): every metacharacter
    backslash-escaped, and what an autolinker would turn into a live link (a URL, a
    "www." host, an e-mail address) put in a code span, inert."""
    text = clean_terminal(text).replace("\t", " ")
    if "://" not in text and "@" not in text and "www." not in text.lower():
        return _MARKDOWN_INLINE.sub(r"\\\1", text)  # nothing link-like: the common case
    out: list[str] = []
    pos = 0
    for m in _LINK_LIKE.finditer(text):
        out.append(_MARKDOWN_INLINE.sub(r"\\\1", text[pos : m.start()]))
        out.append(_code_span(m.group()))
        pos = m.end()
    out.append(_MARKDOWN_INLINE.sub(r"\\\1", text[pos:]))
    return "".join(out)


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
