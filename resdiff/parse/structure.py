"""Structure parser: ``SourceText`` -> ``Document`` (header, clause tree, how it was read).

Three readings, tried in order:

1. **UN structure** (``un``): a header block ending at the author line ("The Security
   Council,"), preambular paragraphs ``PP1``, ``PP2``... (counted from 1), operative
   paragraphs ``OP<printed number>``, sub-paragraphs ``OP7(a)``, ``OP7(a)(i)`` (also
   inside a preambular paragraph: ``PP3(a)``), section headings ``H1``..., footnotes
   ``FN<marker>`` and any other paragraph ``X1``.... Chosen when an author line is found,
   or at least two numbered paragraphs open with an operative verb, or one paragraph
   opens with an operative verb and another with a preambular opener.
2. **Numbered provisions** (``numbered``): "Article 3" (``Art3``), "§ 2" (``§2``),
   "2.1" (``2.1``), "1." (``1``) with their sub-paragraphs; other paragraphs ``P1``....
3. **Plain paragraphs** (``paragraphs``): blank-line-separated blocks ``P1``, ``P2``....

``ParseInfo.note`` says which reading was used and why, and lists anomalies (a missing
or repeated operative number). Ids are unique: a repeated ``OP4`` becomes ``OP4-2``.

Lossless invariant: the header span followed by the spans of all clauses in pre-order
(``Document.clauses`` then ``Document.footnotes``) tile ``Document.text`` exactly:
contiguous, no gap, no overlap, from 0 to ``len(text)``. A clause's ``text`` is its own
text as written (label and surrounding whitespace stripped, children excluded) and is a
substring of ``text[span]``. Parsing never raises on any input string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdiff.ingest import SourceText
from resdiff.labels import Labels, letter_value, roman_value
from resdiff.model import Clause, ClauseKind, Document, ParseInfo, Span
from resdiff.parse.adoption import Adoption, find_adoption
from resdiff.parse.author import find_author
from resdiff.parse.header import HeaderInfo, parse_header
from resdiff.parse.layout import Line, is_page_artefact, split_lines
from resdiff.parse.lexicon import Lexicon, load_lexicon
from resdiff.parse.runon import split_run_ons
from resdiff.parse.segment import Mode, ParagraphStart, segment
from resdiff.parse.warnings import bounded, document_warnings

_KINDS: dict[str, ClauseKind] = {
    "heading": "heading",
    "article": "heading",
    "preambular": "preambular",
    "operative": "operative",
    "provision": "operative",
    "sub": "subparagraph",
}


_NUMBER = Labels("number", alone=True)


@dataclass(slots=True)
class _Reading:
    mode: Mode
    units: list[ParagraphStart]
    header_end: int
    author: str | None = None
    author_line: int | None = None
    adoption: Adoption = field(default_factory=Adoption)


def parse_source(src: SourceText, doc_id: str = "A", language: str = "en") -> Document:
    """Parse decoded text into a ``Document``; never raises on any text."""
    lexicon = load_lexicon(language)
    text = src.text
    lines = split_lines(text)
    headings = frozenset(src.heading_lines)
    reading = _read(text, lines, lexicon, headings)
    header = HeaderInfo()
    if reading.mode == "un":
        last = reading.author_line if reading.author_line is not None else len(lines)
        header_lines = [
            text[ln.start : ln.end] for ln in lines[:last] if ln.end <= reading.header_end
        ]
        header = parse_header(header_lines, lexicon)
    units = _place_footnotes(reading.units, reading.mode)
    builder = _TreeBuilder(text, reading.mode, lexicon, reading.adoption.starts(lines))
    clauses, footnotes = builder.build(units)
    symbol = header.symbol
    if symbol is None and header.resolution and reading.author == "The Security Council":
        symbol = f"S/RES/{header.resolution}"
    warnings: tuple[str, ...] = ()
    if reading.mode == "un":
        un_text = reading.author is not None or bool(header.sponsors)
        warnings = document_warnings(clauses, builder.numbering, un_text=un_text)
    return Document(
        id=doc_id,
        source=src.source,
        format=src.format,
        text=text,
        symbol=symbol,
        author=reading.author,
        date=header.date or reading.adoption.date,
        sponsors=header.sponsors,
        title=header.title,
        language=lexicon.language,
        parse=ParseInfo(reading.mode, _note(reading, builder)),
        header=Span(0, reading.header_end),
        clauses=tuple(clauses),
        footnotes=tuple(footnotes),
        warnings=warnings,
    )


# --- choosing a reading ----------------------------------------------------------------


def _read(text: str, lines: list[Line], lexicon: Lexicon, headings: frozenset[int]) -> _Reading:
    found = find_author(text, lines, lexicon)
    first_line = found.line + 1 if found else 0
    adoption = find_adoption(text, lines, first_line, lexicon)
    units = segment(text, lines, first_line, "un", lexicon, headings, adoption.lines)
    if found:
        units = [*found.run_on, *split_run_ons(text, lines, units, lexicon)]
        header_end = _header_end(text, units)
        return _Reading("un", units, header_end, found.name, found.line, adoption)
    verbs = [u for u in units if u.kind == "operative" and _opens_with_verb(text, u, lexicon)]
    numbered = sum(1 for u in verbs if u.number is not None)
    openers = sum(1 for u in units if u.kind == "preambular" and u.opener is not None)
    if numbered >= 2 or (verbs and openers >= 1):
        first = next(
            (
                k
                for k, u in enumerate(units)
                if u.kind == "operative"
                or (u.kind == "preambular" and u.opener is not None)
                or (u.kind == "heading" and not u.markdown_heading)
            ),
            len(units),
        )
        units = split_run_ons(text, lines, units[first:], lexicon)
        header_end = _header_end(text, units)
        return _Reading("un", units, header_end, adoption=adoption.since(header_end))
    units = _drop_illustrative(
        text, lines, segment(text, lines, 0, "numbered", lexicon, headings), lexicon
    )
    if sum(1 for u in units if u.kind in ("provision", "article")) >= 2:
        return _Reading("numbered", units, _header_end(text, units))
    units = _drop_illustrative(
        text, lines, segment(text, lines, 0, "paragraphs", lexicon, headings), lexicon
    )
    return _Reading("paragraphs", units, _header_end(text, units))


def _opens_with_verb(text: str, unit: ParagraphStart, lexicon: Lexicon) -> bool:
    opener = lexicon.opener(text, unit.label_end)
    return opener is not None and opener.kind == "operative"


def _header_end(text: str, units: list[ParagraphStart]) -> int:
    return units[0].start if units else len(text)


def _drop_illustrative(
    text: str, lines: list[Line], units: list[ParagraphStart], lexicon: Lexicon
) -> list[ParagraphStart]:
    """Leading paragraphs saying the text is illustrative belong to the header."""
    markers = [m.lower() for m in lexicon.illustrative_markers]
    k = 0
    while k < len(units) and units[k].kind == "other":
        line = lines[units[k].line]
        if not any(m in text[line.start : line.end].lower() for m in markers):
            break
        k += 1
    return units[k:]


def _place_footnotes(units: list[ParagraphStart], mode: Mode) -> list[ParagraphStart]:
    """Footnotes after the last paragraph go to ``Document.footnotes``; a paragraph after
    a footnote continues it; a bare number ("1 See ...") is a footnote only there."""
    loose = ("footnote", "bare-number", "other")
    structural = [k for k, u in enumerate(units) if u.kind not in loose]
    last = structural[-1] if structural else -1
    out: list[ParagraphStart] = []
    in_notes = False
    for k, unit in enumerate(units):
        if k <= last:
            if unit.kind == "bare-number":
                continue  # merged into the paragraph before it
            out.append(unit)
            continue
        if unit.kind in ("footnote", "bare-number"):
            unit.kind = "footnote"
            unit.trailing_note = True
            in_notes = True
            out.append(unit)
        elif in_notes and unit.kind == "other":
            continue  # continues the footnote before it
        else:
            out.append(unit)
    if mode == "paragraphs":
        for unit in out:
            if unit.kind != "heading":
                unit.kind = "other"
    return out


# --- building the tree -----------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    id: str
    kind: ClauseKind
    number: str | None
    label: str | None
    opener: str | None
    text: str
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)
    footnote: bool = False
    # sub-paragraph lists under this top-level node: (style, value, node) per level
    level1: tuple[str, int, _Node] | None = None
    level2: tuple[str, int, _Node] | None = None

    def freeze(self) -> Clause:
        return Clause(
            id=self.id,
            kind=self.kind,
            number=self.number,
            label=self.label,
            opener=self.opener,
            text=self.text,
            span=Span(self.start, self.end),
            children=tuple(c.freeze() for c in self.children),
        )


class _TreeBuilder:
    """Turns units into clauses with negotiators' ids, noting numbering anomalies."""

    def __init__(
        self, text: str, mode: Mode, lexicon: Lexicon, furniture: frozenset[int] = frozenset()
    ) -> None:
        self.text = text
        self.mode = mode
        self.lexicon = lexicon
        #: Where lines start that belong to no clause's text (an adoption line).
        self.furniture = furniture
        self.ids: set[str] = set()
        #: Per id asked for twice, the suffix to try next: ids are only ever added, so
        #: the first free ``-k`` never moves back (24,000 paragraphs numbered 1-999 asked
        #: up to 24 suffixes each).
        self.next_suffix: dict[str, int] = {}
        self.counters: dict[str, int] = {}
        self.last_op: int | None = None
        self.expected = 1
        self.anomalies: list[str] = []
        #: The anomalies a reader must be warned of (numbers that jump or repeat).
        self.numbering: list[str] = []
        self.counts: dict[str, int] = {}

    def build(self, units: list[ParagraphStart]) -> tuple[list[Clause], list[Clause]]:
        tops: list[_Node] = []
        for k, unit in enumerate(units):
            end = units[k + 1].start if k + 1 < len(units) else len(self.text)
            if unit.kind == "sub" and tops:
                self._attach_sub(tops[-1], unit, end)
            else:
                tops.append(self._top(unit, end))
        clauses = [n.freeze() for n in tops if not n.footnote]
        notes = [n.freeze() for n in tops if n.footnote]
        return clauses, notes

    # ids

    def _unique(self, base: str) -> str:
        if base not in self.ids:
            self.ids.add(base)
            return base
        k = self.next_suffix.get(base, 2)
        while f"{base}-{k}" in self.ids:
            k += 1
        self.next_suffix[base] = k + 1
        self.ids.add(f"{base}-{k}")
        return f"{base}-{k}"

    def _next(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return self._unique(f"{prefix}{self.counters[prefix]}")

    # nodes

    def _own_text(self, unit: ParagraphStart, end: int) -> tuple[str, int, int]:
        text = self.text
        start = unit.label_end
        while start < end and text[start].isspace():
            start += 1
        stop = _rstrip(text, start, end)
        while self.mode != "paragraphs":  # page headers and footers after the text
            line_start = text.rfind("\n", start, stop) + 1
            if line_start <= start or not (
                line_start in self.furniture or is_page_artefact(text[line_start:stop].strip())
            ):
                break
            stop = _rstrip(text, start, line_start)
        return text[start:stop], start, stop

    def _top(self, unit: ParagraphStart, end: int) -> _Node:
        own, text_start, _ = self._own_text(unit, end)
        kind = _KINDS.get(unit.kind, "other")
        self.counts[kind] = self.counts.get(kind, 0) + 1
        opener = None
        if self.mode == "un" and kind in ("preambular", "operative"):
            found = unit.opener if unit.label is None else None
            found = found or self.lexicon.opener(self.text, text_start)
            opener = found.text if found else None
        node_id, number = self._top_id(unit, kind)
        return _Node(
            id=node_id,
            kind=kind,
            number=number,
            label=unit.label,
            opener=opener,
            text=own,
            start=unit.start,
            end=end,
            footnote=unit.trailing_note,
        )

    def _top_id(self, unit: ParagraphStart, kind: ClauseKind) -> tuple[str, str | None]:
        if unit.kind == "footnote":
            marker = unit.number or ""
            return self._unique(f"FN{marker}") if marker else self._next("FN"), unit.number
        if kind == "heading":
            if self.mode == "numbered" and unit.kind == "article" and unit.number:
                return self._unique(unit.number), unit.number
            return self._next("H"), unit.number
        if self.mode == "un":
            if kind == "preambular":
                return self._next("PP"), None
            if kind == "operative":
                return self._operative_id(unit.number), unit.number
            return self._next("X"), None
        if kind == "operative" and unit.number:
            return self._unique(unit.number), unit.number
        return self._next("P"), None

    def _operative_id(self, number: str | None) -> str:
        if number is None:
            if self.last_op is None:  # nothing numbered yet: count in order
                node_id = self._unique(f"OP{self.expected}")
                if self.expected == 1:
                    self.anomalies.append("operative paragraphs without numbers counted in order")
            else:
                node_id = self._unique(f"OP{self.last_op}")
                self._numbering(f"{node_id} has no number")
            self.expected += 1
            return node_id
        n = int(number)
        base = f"OP{n}"
        expected = self.expected
        self.last_op = max(self.last_op or 0, n)
        self.expected = max(expected, n + 1)
        if base in self.ids:
            node_id = self._unique(base)
            self._numbering(f"operative number {n} repeated ({node_id})")
            return node_id
        if n > expected:
            gap = str(expected) if n - 1 == expected else f"{expected}-{n - 1}"
            self._numbering(f"operative paragraph {gap} missing")
        elif n < expected:
            self._numbering(f"operative number {n} out of order")
        return self._unique(base)

    def _numbering(self, problem: str) -> None:
        self.anomalies.append(problem)
        self.numbering.append(problem)

    def _attach_sub(self, top: _Node, unit: ParagraphStart, end: int) -> None:
        value = unit.number or ""
        level, style, val = _sub_level(value, top.level1, top.level2)
        own, text_start, _ = self._own_text(unit, end)
        opener = None
        if self.mode == "un":
            found = self.lexicon.opener(self.text, text_start)
            opener = found.text if found else None
        parent = top
        if level == 2 and top.level1 is not None:
            parent = top.level1[2]
        node = _Node(
            id=self._unique(f"{parent.id}({value})"),
            kind="subparagraph",
            number=value,
            label=unit.label,
            opener=opener,
            text=own,
            start=unit.start,
            end=end,
        )
        self.counts["subparagraph"] = self.counts.get("subparagraph", 0) + 1
        parent.children.append(node)
        if level == 1:
            top.level1 = (style, val, node)
            top.level2 = None
        else:
            top.level2 = (style, val, node)


def _rstrip(text: str, start: int, stop: int) -> int:
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return stop


def _sub_level(
    value: str,
    level1: tuple[str, int, _Node] | None,
    level2: tuple[str, int, _Node] | None,
) -> tuple[int, str, int]:
    """Which list a sub-paragraph label belongs to: (level, style, value).

    "(i)" after "(h)" is the letter i; after "(a)" it opens a roman list under (a).
    """
    lv = letter_value(value)
    rv = roman_value(value)
    if level1 is None:
        if rv is not None:
            return 1, "roman", rv
        return 1, "letter", lv or 0
    style1, val1, _ = level1
    if style1 == "letter" and lv is not None and lv == val1 + 1:
        return 1, "letter", lv
    if rv is not None and level2 is not None and rv == level2[1] + 1:
        return 2, "roman", rv
    if style1 == "letter" and rv == 1:
        return 2, "roman", 1
    if style1 == "roman" and rv is not None:
        return 1, "roman", rv
    if style1 == "letter" and lv is not None and (rv is None or level2 is None):
        return 1, "letter", lv
    if rv is not None:
        return 2, "roman", rv
    return 1, "letter", lv or 0


def _note(reading: _Reading, builder: _TreeBuilder) -> str:
    counts = builder.counts
    if reading.mode == "un":
        why = (
            f"author line {reading.author!r}"
            if reading.author
            else "no author line, but operative paragraphs open with operative verbs"
        )
        subs = counts.get("subparagraph", 0)
        note = (
            f"UN structure ({why}): {counts.get('preambular', 0)} preambular, "
            f"{counts.get('operative', 0)} operative, "
            f"{subs} sub-paragraph{'' if subs == 1 else 's'}"
        )
    elif reading.mode == "numbered":
        note = "no author line or operative paragraphs found; read as numbered provisions"
    else:
        note = (
            "no author line, operative paragraphs or numbered provisions found; "
            "read as plain paragraphs"
        )
    if builder.anomalies:
        note += "; " + "; ".join(bounded(builder.anomalies, "numbering problems"))
    return note
