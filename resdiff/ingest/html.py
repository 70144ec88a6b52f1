"""Read a web page that holds a resolution: UN document pages, press releases quoting it.

Browsers' chrome is dropped (scripts, styles, navigation, page header and footer, forms),
block elements become paragraphs, and ``<ol>`` items get the numbers a browser would draw
("1.", "(a)", "(i)" by nesting depth unless the list says otherwise). When the page holds
more than the resolution - a press release around the quoted text - only the resolution
is kept: from the author line ("The Security Council,") to its last operative paragraph,
with the short header lines just above the author line; ``SourceText.notes`` says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from resdiff.ingest import SourceText
from resdiff.ingest.paragraphs import AUTHOR_LINE
from resdiff.ingest.wordnumbering import format_number, parse_number
from resdiff.labels import Labels

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
     "button", "svg", "iframe", "head", "select", "canvas", "object"}
)  # fmt: skip
_BLOCK = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote",
     "section", "article", "main", "dd", "dt", "pre", "table", "ul", "ol", "br", "hr",
     "figure", "figcaption", "address", "center"}
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TYPE_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
                 "I": "upperRoman"}  # fmt: skip
_CSS_FORMATS = {"lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
                "upper-alpha": "upperLetter", "lower-roman": "lowerRoman",
                "upper-roman": "upperRoman", "decimal": "decimal"}  # fmt: skip
_DEPTH_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
#: A paragraph's own label ("1.", "(a)"): a paragraph holding nothing else is dropped (the
#: list numbering writes it), and numbered paragraphs mark the operative part.
_LABEL = Labels("number", "sub")
_LABEL_ALONE = Labels("number", "sub", alone=True)
_HEADER_MAX = 100


@dataclass(slots=True)
class _List:
    fmt: str | None  # None: an unordered list
    counter: int


@dataclass(slots=True)
class _Collector(HTMLParser):
    paragraphs: list[str] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    _buffer: list[str] = field(default_factory=list)
    _skip_stack: list[str] = field(default_factory=list)
    _skip_open: Counter[str] = field(default_factory=Counter)  # tags on _skip_stack
    _lists: list[_List] = field(default_factory=list)
    _heading_open: bool = False

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_stack or tag in _SKIP or _hidden(attrs):
            if tag not in _VOID:
                self._skip_stack.append(tag)
                self._skip_open[tag] += 1
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("ol", "ul"):
            self._lists.append(_List(_list_format(tag, attrs, len(self._lists)), _start(attrs)))
        elif tag == "li" and self._lists and self._lists[-1].fmt is not None:
            current = self._lists[-1]
            value = parse_number(dict(attrs).get("value"))
            if value is not None:
                current.counter = value
            label = format_number(current.counter, current.fmt or "decimal")
            current.counter += 1
            self._buffer.append(f"{label}. " if current.fmt == "decimal" else f"({label}) ")
        elif tag in _HEADINGS:
            self._heading_open = True

    def handle_endtag(self, tag: str) -> None:
        if self._skip_stack:
            # Counted, not searched: an end tag is checked in constant time, so 100,000
            # unclosed tags inside a <nav> cost linear time, not quadratic.
            if self._skip_open[tag]:
                while True:
                    opened = self._skip_stack.pop()
                    self._skip_open[opened] -= 1
                    if opened == tag:
                        break
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip_stack:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer.clear()
        if text and not _label_only(text):
            if self._heading_open:
                self.headings.add(len(self.paragraphs))
            self.paragraphs.append(text)
        self._heading_open = False

    def close(self) -> None:
        HTMLParser.close(self)
        self._flush()


def _label_only(text: str) -> bool:
    found = _LABEL_ALONE.match(text)
    return found is not None and found.end == len(text)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    if "hidden" in values or values.get("aria-hidden") == "true":
        return True
    role = values.get("role") or ""
    return role in ("navigation", "banner", "contentinfo", "search")


def _start(attrs: list[tuple[str, str | None]]) -> int:
    start = parse_number(dict(attrs).get("start"))
    return 1 if start is None else start


def _list_format(tag: str, attrs: list[tuple[str, str | None]], depth: int) -> str | None:
    values = dict(attrs)
    style = (values.get("style") or "").replace(" ", "").lower()
    css = re.search(r"list-style(?:-type)?:([a-z-]+)", style)
    if css and css.group(1) in _CSS_FORMATS:
        return _CSS_FORMATS[css.group(1)]
    if css and css.group(1) == "none":
        return None
    if tag == "ul":
        return None
    kind = values.get("type")
    if kind in _TYPE_FORMATS:
        return _TYPE_FORMATS[kind]
    return _DEPTH_FORMATS[min(depth, len(_DEPTH_FORMATS) - 1)]


def read_html(data: bytes, source: str, encoding: str | None = None) -> SourceText:
    """Paragraph text of a page, cut down to the resolution when the page holds more."""
    collector = _Collector()
    collector.feed(_decode(data, encoding))
    collector.close()
    paragraphs, headings = collector.paragraphs, collector.headings
    notes: tuple[str, ...] = ()
    part = resolution_part(paragraphs)
    if part is not None and part != (0, len(paragraphs)):
        start, end = part
        notes = (
            f"the page holds other text: kept the resolution part (paragraphs "
            f"{start + 1} to {end} of {len(paragraphs)})",
        )
        paragraphs = paragraphs[start:end]
        headings = {h - start for h in headings if start <= h < end}
    text = "\n\n".join(paragraphs) + "\n" if paragraphs else ""
    return SourceText(
        source=source,
        format="html",
        text=text,
        heading_lines=tuple(sorted(2 * h for h in headings)),
        notes=notes,
    )


def resolution_part(paragraphs: list[str]) -> tuple[int, int] | None:
    """``[start, end)`` of the resolution in a page's paragraphs, or None if no author line.

    It starts at the run of short header lines (symbol, date, "draft resolution") just
    above the author line and ends at the first operative paragraph ending with "." that
    no numbered or lettered paragraph follows.
    """
    author = next((i for i, p in enumerate(paragraphs) if AUTHOR_LINE.match(p)), None)
    if author is None:
        return None
    start = author
    while (
        start > 0
        and len(paragraphs[start - 1]) <= _HEADER_MAX
        and not paragraphs[start - 1].endswith((".", ":", "!", "?"))
    ):
        start -= 1
    seen_operative = False
    for i in range(author + 1, len(paragraphs)):
        text = paragraphs[i]
        if _LABEL.match(text) or text.endswith(";"):
            seen_operative = True
        if seen_operative and text.endswith(".") and _LABEL.match(text):
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            if not _LABEL.match(following):
                return start, i + 1
    return start, len(paragraphs)


def _decode(data: bytes, encoding: str | None) -> str:
    """Bytes to text: a BOM, then the page's own ``charset``, then UTF-8, then cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    for candidate in (encoding, declared.group(1).decode("ascii") if declared else None, "utf-8"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeError):
            # No codec of that name, not a text codec ("hex"), or one that refuses all
            # input ("undefined"): a browser ignores such a label, and so do we.
            continue
    return data.decode("cp1252", errors="replace")
