"""Cut a text into paragraph units: where each paragraph starts and what opens it.

A *unit* is one paragraph or sub-paragraph: the offset where its region starts, the
line holding its label, the label and the opener. Units are found in one pass over the
lines; the region of a unit runs to the start of the next one, so units tile the body
by construction. Three readings share the pass and differ only in which labels count:

- ``un``: "1." / "1)" operative numbers, "(a)" / "(i)" sub-paragraphs, openers from the
  lexicon, section headings, footnotes;
- ``numbered``: "Article 3", "§ 2", "2.1", "1." provisions and "(a)" sub-paragraphs;
- ``paragraphs``: blank-line-separated blocks only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from resdiff.parse.layout import (
    BARE_NUMBER,
    DOTTED_LABEL,
    FOOTNOTE_LABEL,
    LETTER_HEADING,
    NUMBER_LABEL,
    ROMAN_HEADING,
    SECTION_SIGN_LABEL,
    SEPARATOR,
    SUB_LABEL,
    Line,
    ends_paragraph,
    is_heading_title,
    is_page_artefact,
    letter_value,
    roman_value,
)
from resdiff.parse.lexicon import Lexicon, Opener

Mode = Literal["un", "numbered", "paragraphs"]
StartKind = Literal[
    "heading",
    "preambular",
    "operative",
    "sub",
    "footnote",
    "bare-number",
    "article",
    "provision",
    "other",
]


@dataclass(slots=True)
class ParagraphStart:
    """Where a paragraph starts (``start``), the line with its label, and what opens it.

    ``label_end`` is the offset just after the label (the line's first non-space
    character if there is no label). ``number`` is the printed number or letter.
    """

    kind: StartKind
    start: int
    line: int
    label: str | None
    label_end: int
    number: str | None = None
    opener: Opener | None = None
    markdown_heading: bool = False
    trailing_note: bool = False


@dataclass(frozen=True, slots=True)
class Label:
    kind: StartKind
    text: str
    number: str | None
    end: int


def _section_heading(content: str, lexicon: Lexicon) -> bool:
    for word in lexicon.section_words:
        if content == word or content.startswith(word + " "):
            rest = content[len(word) :].strip()
            if not rest:
                return True
            head, _, title = rest.partition(" ")
            head = head.rstrip(".:")
            if (
                (head.isdigit() or roman_value(head.lower()) or len(head) == 1)
                and head[:1].isalnum()
                and (not title or is_heading_title(title))
            ):
                return True
    return False


def heading_label(content: str, start: int, lexicon: Lexicon) -> Label | None:
    """Section headings: "II", "B.", "II. Humanitarian access", "Part II", "Annex"."""
    m = ROMAN_HEADING.match(content)
    titled = m is not None and (m.group(2) is None or is_heading_title(m.group(2)))
    if m and titled and roman_value(m.group(1).lower()):
        end = start + m.end(1) + (1 if content[m.end(1) : m.end(1) + 1] == "." else 0)
        return Label("heading", content[: end - start], m.group(1), end)
    m = LETTER_HEADING.match(content)
    if m and (m.group(2) is None or is_heading_title(m.group(2))):
        end = start + m.end(1) + (1 if content[m.end(1) : m.end(1) + 1] == "." else 0)
        return Label("heading", content[: end - start], m.group(1), end)
    if _section_heading(content, lexicon):
        return Label("heading", "", None, start)
    return None


def _article_label(content: str, start: int, lexicon: Lexicon) -> Label | None:
    for word in lexicon.article_words:
        m = re.match(re.escape(word) + r"[ \t]+(\d{1,4}[a-z]?|[IVXL]{1,6})\b\.?", content)
        if m:
            rest = content[m.end() :].strip(" \t-–—:")
            kind: StartKind = "article" if not rest or is_heading_title(rest) else "provision"
            return Label(kind, m.group(), f"{word[:3]}{m.group(1)}", start + m.end())
    return None


def sub_label(content: str, start: int) -> Label | None:
    m = SUB_LABEL.match(content)
    if not m:
        return None
    value = m.group(1) or m.group(2)
    if letter_value(value) is None and roman_value(value) is None:
        return None
    return Label("sub", m.group(), value, start + m.end())


def line_label(content: str, start: int, mode: Mode, lexicon: Lexicon) -> Label | None:
    """The label a line opens with under ``mode``, if any."""
    if mode == "paragraphs":
        return None
    m = NUMBER_LABEL.match(content)
    if m:
        kind: StartKind = "operative" if mode == "un" else "provision"
        return Label(kind, m.group(), m.group(1), start + m.end())
    found = sub_label(content, start)
    if found:
        return found
    m = FOOTNOTE_LABEL.match(content)
    if m:
        number = m.group(1) or m.group(2) or m.group(3)
        return Label("footnote", m.group(), number, start + m.end())
    if mode == "numbered":
        m = DOTTED_LABEL.match(content)
        if m:
            return Label("provision", m.group(), m.group(1), start + m.end())
        m = SECTION_SIGN_LABEL.match(content)
        if m:
            return Label("provision", m.group(), "§" + m.group(1), start + m.end())
        found = _article_label(content, start, lexicon)
        if found:
            return found
    return heading_label(content, start, lexicon)


def segment(
    text: str,
    lines: list[Line],
    first_line: int,
    mode: Mode,
    lexicon: Lexicon,
    heading_lines: frozenset[int] = frozenset(),
) -> list[ParagraphStart]:
    """Units from ``lines[first_line:]`` in document order (see the module docstring)."""
    units: list[ParagraphStart] = []
    prev: Line | None = None
    blank_before = True
    pending_start: int | None = None  # a separator line joins the unit after it
    in_operative = False
    after_artefact = False
    for line in lines[first_line:]:
        if line.blank:
            blank_before = True
            continue
        is_md_heading = line.lineno in heading_lines
        artefact = mode != "paragraphs" and not is_md_heading
        if artefact and is_page_artefact(text[line.indent : line.end]):
            after_artefact = True  # a page break: look past it
            continue
        after_md_heading = prev is not None and prev.lineno in heading_lines
        after_separator = pending_start is not None
        ended = prev is None or after_separator or ends_paragraph(text, prev)
        if after_artefact:
            # Blank lines around a page break end a paragraph only if its text ended.
            blank_before = blank_before and ended
            after_artefact = False
        current = units[-1] if units else None
        if not (
            ended
            or blank_before
            or is_md_heading
            or after_md_heading
            or (current is not None and current.kind in ("heading", "article"))
        ):
            prev = line  # mid-paragraph: nothing on this line can open a new one
            continue
        content = text[line.indent : line.end]
        label = line_label(content, line.indent, mode, lexicon)
        first = content[0]
        opener = None
        if mode == "un" and first.isupper():
            opener = lexicon.opener(text, line.indent)
            if opener is not None and in_operative and opener.kind == "preambular":
                opener = None  # once operative paragraphs begin, only verbs open paragraphs
        bare = None
        if mode != "paragraphs" and label is None and ended and in_operative:
            bm = BARE_NUMBER.match(content)
            if bm and (after_separator or (prev and text[prev.end - 1 : prev.end] == ".")):
                bare = Label("bare-number", bm.group(), bm.group(1), line.indent + bm.end())

        if mode != "paragraphs" and SEPARATOR.match(content) and label is None:
            if pending_start is None:
                pending_start = line.start
            prev = line
            blank_before = False
            continue

        title_of_heading = (
            current is not None
            and current.kind == "heading"
            and not current.markdown_heading
            and current.label is not None
            and current.label_end >= _line_end_of(current, lines)
            and prev is not None
            and prev.lineno == current.line
            and label is None
            and opener is None
            and is_heading_title(content)
        )
        text_of_bare_label = (
            current is not None
            and current.kind not in ("heading", "article")
            and current.label is not None
            and current.label_end >= _line_end_of(current, lines)
            and prev is not None
            and prev.lineno == current.line
            and label is None
            and not is_md_heading
        )
        if prev is None or is_md_heading or after_md_heading or after_separator:
            starts = True
        elif title_of_heading or text_of_bare_label:
            starts = False  # "1." alone on a line: its text follows on the next one
        elif blank_before:
            starts = bool(label or opener or ended or not first.islower())
        elif mode == "paragraphs":
            starts = False
        elif label is not None:
            starts = ended or (current is not None and current.kind in ("heading", "article"))
        else:
            starts = (opener is not None and ended) or bare is not None

        if starts:
            start = pending_start if pending_start is not None else line.start
            unit = _make_unit(line, start, label or bare, opener, mode, in_operative)
            unit.markdown_heading = is_md_heading
            if is_md_heading:
                unit.kind = "heading"
            if unit.kind == "operative":
                in_operative = True
            units.append(unit)
        pending_start = None
        prev = line
        blank_before = False
    return units


def _line_end_of(unit: ParagraphStart, lines: list[Line]) -> int:
    return lines[unit.line].end


def _make_unit(
    line: Line,
    start: int,
    label: Label | None,
    opener: Opener | None,
    mode: Mode,
    in_operative: bool,
) -> ParagraphStart:
    if label is not None:
        return ParagraphStart(
            label.kind, start, line.lineno, label.text or None, label.end, label.number
        )
    unit = ParagraphStart("other", start, line.lineno, None, line.indent)
    if mode != "un":
        return unit
    if opener is not None and (opener.kind == "operative" or not in_operative):
        unit.kind = opener.kind
        unit.opener = opener
    elif not in_operative:
        unit.kind = "preambular"
    return unit
