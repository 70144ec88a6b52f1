"""Cut a text into paragraph units: where each paragraph starts and what opens it.

A *unit* is one paragraph or sub-paragraph: the offset where its region starts, the
line holding its label, the label and the opener. Units are found in one pass over the
lines; the region of a unit runs to the start of the next one, so units tile the body
by construction. Three readings share the pass and differ only in which labels count:

- ``un``: "1." / "1)" operative numbers, "(a)" / "(i)" sub-paragraphs, openers from the
  lexicon, section headings, footnotes;
- ``numbered``: "Article 3", "§ 2", "2.1", "1." provisions and "(a)" sub-paragraphs;
- ``paragraphs``: blank-line-separated blocks only; in a text with no blank line between
  its lines, one paragraph a line (a line that ends one and starts like one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from resdiff.labels import Labels, roman_value
from resdiff.parse.layout import (
    BARE_NUMBER,
    LETTER_HEADING,
    ROMAN_HEADING,
    SEPARATOR,
    Line,
    ends_paragraph,
    is_heading_title,
    is_page_artefact,
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


class Label(NamedTuple):
    """A label read on a line: what it makes of the line, as printed, its number, and
    the offset just past it."""

    kind: StartKind
    text: str
    number: str | None
    end: int


#: The label forms (resdiff/data/labels.toml) each reading accepts, in the order tried.
_LABELS = Labels(
    "number", "sub", "half-sub", "note-bracket", "note-superscript", "note-slash", alone=True
)
#: A UN text also takes negotiation labels ("PP1.", "OP3 :") and "1 ." as labels.
_UN_LABELS = Labels(
    "number",
    "spaced-number",
    "preambular-label",
    "operative-label",
    "sub",
    "half-sub",
    "note-bracket",
    "note-superscript",
    "note-slash",
    alone=True,
)
_NUMBERED_LABELS = Labels("dotted", "section-sign", alone=True)
_SUB_LABELS = Labels("sub", "half-sub", alone=True)
#: A bullet where a copy lost a paragraph's number ("- Decides ..."): a label only before
#: an opener, so a dashed list inside a paragraph stays in it.
_BULLET = Labels("bullet")
#: What a form makes of a line, by reading.
_KIND_OF_FORM: dict[str, StartKind] = {
    "spaced-number": "operative",
    "preambular-label": "preambular",
    "operative-label": "operative",
    "sub": "sub",
    "half-sub": "sub",
    "note-bracket": "footnote",
    "note-superscript": "footnote",
    "note-slash": "footnote",
    "dotted": "provision",
    "section-sign": "provision",
}


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
    found = _SUB_LABELS.match(content)
    if found is None:
        return None
    return Label("sub", found.text, found.value, start + found.end)


def line_label(content: str, start: int, mode: Mode, lexicon: Lexicon) -> Label | None:
    """The label a line opens with under ``mode``, if any."""
    if mode == "paragraphs":
        return None
    found = (_UN_LABELS if mode == "un" else _LABELS).match(content)
    if found is None and mode == "numbered":
        found = _NUMBERED_LABELS.match(content)
        if found is None:
            return _article_label(content, start, lexicon) or heading_label(content, start, lexicon)
    if found is None:
        return heading_label(content, start, lexicon)
    if found.form == "number":
        kind: StartKind = "operative" if mode == "un" else "provision"
    else:
        kind = _KIND_OF_FORM[found.form]
    number = "§" + found.value if found.form == "section-sign" else found.value
    return Label(kind, found.text, number, start + found.end)


@dataclass(slots=True)
class _Walk:
    """What the walk over the lines remembers from one line to the next."""

    units: list[ParagraphStart] = field(default_factory=list)
    prev: Line | None = None
    blank_before: bool = True
    pending_start: int | None = None  # a separator line joins the unit after it
    in_operative: bool = False
    after_artefact: bool = False
    one_per_line: bool = False  # plain paragraphs with no blank line: a line each


class _Seen(NamedTuple):
    """What one line that may open a paragraph holds (a named tuple: one per line)."""

    line: Line
    content: str
    label: Label | None
    opener: Opener | None
    bare: Label | None
    ended: bool
    md_heading: bool
    after_md_heading: bool
    after_separator: bool


def segment(
    text: str,
    lines: list[Line],
    first_line: int,
    mode: Mode,
    lexicon: Lexicon,
    heading_lines: frozenset[int] = frozenset(),
    furniture: frozenset[int] = frozenset(),
) -> list[ParagraphStart]:
    """Units from ``lines[first_line:]`` in document order (see the module docstring).

    ``furniture`` lines (an adoption line under the text) are looked past, as page
    artefacts are, once a paragraph has begun."""
    walk = _Walk()
    units = walk.units
    if mode == "paragraphs":
        filled = [k for k in range(first_line, len(lines)) if not lines[k].blank]
        walk.one_per_line = bool(filled) and len(filled) == filled[-1] - filled[0] + 1
    for line in lines[first_line:]:
        if line.blank:
            walk.blank_before = True
            continue
        md_heading = line.lineno in heading_lines
        if (
            mode != "paragraphs"
            and not md_heading
            and (
                is_page_artefact(text[line.indent : line.end])
                or (units and line.lineno in furniture)
            )
        ):
            walk.after_artefact = True  # a page break: look past it
            continue
        prev = walk.prev
        after_md_heading = prev is not None and prev.lineno in heading_lines
        ended = prev is None or walk.pending_start is not None or ends_paragraph(text, prev)
        if walk.after_artefact:
            # Blank lines around a page break end a paragraph only if its text ended.
            walk.blank_before = walk.blank_before and ended
            walk.after_artefact = False
        if not (
            ended
            or walk.blank_before
            or md_heading
            or after_md_heading
            or (units and units[-1].kind in ("heading", "article"))
        ):
            walk.prev = line  # mid-paragraph: nothing on this line can open a new one
            continue
        seen = _look(walk, text, line, mode, lexicon, ended, md_heading, after_md_heading)
        if mode != "paragraphs" and seen.label is None and SEPARATOR.match(seen.content):
            if walk.pending_start is None:
                walk.pending_start = line.start
        else:
            if _starts(walk, seen, lines, mode):
                units.append(_unit(walk, seen, mode))
            walk.pending_start = None
        walk.prev = line
        walk.blank_before = False
    return units


def _look(
    walk: _Walk,
    text: str,
    line: Line,
    mode: Mode,
    lexicon: Lexicon,
    ended: bool,
    md_heading: bool,
    after_md_heading: bool,
) -> _Seen:
    """What a line that may open a paragraph holds: its label, opener, bare number."""
    prev = walk.prev
    after_separator = walk.pending_start is not None
    content = text[line.indent : line.end]
    label = line_label(content, line.indent, mode, lexicon)
    opener = None
    if mode == "un" and content[0].isupper():
        opener = lexicon.opener(text, line.indent)
        if opener is not None and walk.in_operative and opener.kind == "preambular":
            opener = None  # once operative paragraphs begin, only verbs open paragraphs
    if mode == "un" and label is None and opener is None:
        label, opener = _bulleted(text, line, lexicon, walk.in_operative)
    bare = None
    if mode != "paragraphs" and label is None and ended and walk.in_operative:
        bm = BARE_NUMBER.match(content)
        if bm and (after_separator or (prev and text[prev.end - 1 : prev.end] == ".")):
            bare = Label("bare-number", bm.group(), bm.group(1), line.indent + bm.end())
    return _Seen(
        line, content, label, opener, bare, ended, md_heading, after_md_heading, after_separator
    )


def _bulleted(
    text: str, line: Line, lexicon: Lexicon, in_operative: bool
) -> tuple[Label | None, Opener | None]:
    """A bullet before an opener ("- Decides ..."): a paragraph whose number was lost."""
    bullet = _BULLET.match(text, line.indent)
    if bullet is None:
        return None, None
    start = bullet.end
    while start < line.end and text[start] in " \t":
        start += 1
    opener = lexicon.opener(text, start) if text[start : start + 1].isupper() else None
    if opener is None or (in_operative and opener.kind == "preambular"):
        return None, None
    return Label(opener.kind, bullet.text, None, bullet.end), opener


def _starts(walk: _Walk, seen: _Seen, lines: list[Line], mode: Mode) -> bool:
    """Does the line open a new paragraph?"""
    current, prev = walk.units[-1] if walk.units else None, walk.prev
    if prev is None or seen.md_heading or seen.after_md_heading or seen.after_separator:
        return True
    # "1." alone on a line (its text follows on the next one), or a heading's title line.
    on_label_line = (
        current is not None
        and current.label is not None
        and current.label_end >= _line_end_of(current, lines)
        and prev.lineno == current.line
        and seen.label is None
    )
    if on_label_line and current is not None:
        if current.kind == "heading":
            title = (
                not current.markdown_heading
                and seen.opener is None
                and is_heading_title(seen.content)
            )
            if title:
                return False
        elif current.kind != "article" and not seen.md_heading:
            return False
    if walk.blank_before:
        return bool(seen.label or seen.opener or seen.ended or not seen.content[0].islower())
    if mode == "paragraphs":
        return walk.one_per_line and seen.ended and not seen.content[0].islower()
    if seen.label is not None:
        return seen.ended or (current is not None and current.kind in ("heading", "article"))
    return (seen.opener is not None and seen.ended) or seen.bare is not None


def _unit(walk: _Walk, seen: _Seen, mode: Mode) -> ParagraphStart:
    start = walk.pending_start if walk.pending_start is not None else seen.line.start
    unit = _make_unit(
        seen.line, start, seen.label or seen.bare, seen.opener, mode, walk.in_operative
    )
    unit.markdown_heading = seen.md_heading
    if seen.md_heading:
        unit.kind = "heading"
    if unit.kind == "operative":
        walk.in_operative = True
    return unit


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
