"""Word's automatic numbering, replayed: the "1." and "(a)" a reader sees but the text lacks.

In a Word draft the paragraph numbers live in ``numbering.xml``: a paragraph says only
"list 3, level 1" (``w:numPr``), the list points at an abstract definition whose levels
give a start value, a number format and a label pattern such as ``%1.`` or ``(%2)``.
The numbers themselves exist only when Word lays the document out, so we count the same
way Word does: one counter per abstract list and level, deeper levels restarting when a
shallower one advances, and a list instance with ``w:startOverride`` restarting the count.

Every number and label is bounded, whatever the file says (a tiny file once asked for a
label of gigabytes): levels outside Word's 0-8 give no label, counters are clamped to a
32-bit integer, letters and roman numerals turn decimal past their range, and a label is
cut at ``MAX_LABEL`` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the HTML and Markdown readers need no lxml
    from lxml import etree

from resdiff.labels import to_letters, to_roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


#: Word's list levels run from 0 to 8; a paragraph or definition naming another gets no label.
MAX_LEVEL = 8
#: List numbers are clamped to a 32-bit integer, as browsers clamp HTML list numbers.
MAX_COUNTER = 2**31 - 1
#: A label longer than this is cut and ends in "…": labels a reader cites are short.
MAX_LABEL = 40
_NUMBER = re.compile(r"\s*([+-]?)([0-9]+)\s*")


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag (``w("p")`` -> ``{...main}p``)."""
    return _W + tag


def parse_number(text: str | None) -> int | None:
    """A number as a file writes it ("12", "-3", "000123"), clamped to ``MAX_COUNTER``
    either way; None when it is no decimal number ("abc", "1.5", "1e9")."""
    found = _NUMBER.fullmatch(text or "")
    if found is None:
        return None
    digits = found.group(2).lstrip("0") or "0"
    value = MAX_COUNTER if len(digits) > 10 else min(int(digits), MAX_COUNTER)
    return -value if found.group(1) == "-" else value


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based) advances
    legal: bool = False  # w:isLgl: every %n shown in decimal


@dataclass(slots=True)
class Numbering:
    """Definitions from numbering.xml plus the running counters of one document."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    seen_nums: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        linked: dict[str, str] = {}  # abstract id -> list style it takes its levels from
        by_style: dict[str, str] = {}  # list style name -> abstract id defining it
        for absn in root.iter(w("abstractNum")):
            abstract_id = _val(absn, "abstractNumId")
            numbering.abstract[abstract_id] = _levels(absn)
            link = absn.find(w("numStyleLink"))
            if link is not None:
                linked[abstract_id] = _val(link)
            defines = absn.find(w("styleLink"))
            if defines is not None:
                by_style[_val(defines)] = abstract_id
        # Word's list styles: an abstract list with w:numStyleLink has no levels of its own
        # and uses those of the abstract list that defines the style (w:styleLink).
        for abstract_id, style in linked.items():
            source = by_style.get(style)
            if source is not None and not numbering.abstract[abstract_id]:
                numbering.abstract[abstract_id] = numbering.abstract[source]
        for num in root.iter(w("num")):
            num_id = _val(num, "numId")
            ref = num.find(w("abstractNumId"))
            if ref is not None:
                numbering.num_abstract[num_id] = _val(ref)
            for override in num.iter(w("lvlOverride")):
                ilvl = parse_number(_val(override, "ilvl") or "0")
                if ilvl is None or not 0 <= ilvl <= MAX_LEVEL:
                    continue
                start = override.find(w("startOverride"))
                start_value = parse_number(_val(start)) if start is not None else None
                if start_value is not None:
                    numbering.start_overrides.setdefault(num_id, {})[ilvl] = start_value
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    numbering.overrides.setdefault(num_id, {})[ilvl] = _level(lvl)
        return numbering

    def level(self, num_id: str, ilvl: int) -> Level | None:
        if ilvl in self.overrides.get(num_id, {}):
            return self.overrides[num_id][ilvl]
        levels = self.abstract.get(self.num_abstract.get(num_id, ""), {})
        return levels.get(ilvl)

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter for (list, level) and return the label Word would show."""
        if num_id in ("", "0"):
            return None  # numId 0 switches numbering off
        abstract_id = self.num_abstract.get(num_id)
        if abstract_id is None or self.level(num_id, ilvl) is None:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for lvl_no, _start in self.start_overrides.get(num_id, {}).items():
                counters.pop(lvl_no, None)
                for deeper in [k for k in counters if k > lvl_no]:
                    del counters[deeper]
        level = self.level(num_id, ilvl)
        assert level is not None
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.start_overrides.get(num_id, {}).get(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = self.level(num_id, deeper)
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return None  # a bullet is no label a negotiator cites
        return self._render(num_id, ilvl, level, counters)

    def _render(self, num_id: str, ilvl: int, level: Level, counters: dict[int, int]) -> str:
        def sub(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            lvl = self.level(num_id, n) or Level()
            value = counters.get(n, lvl.start)
            fmt = "decimal" if level.legal and n < ilvl else lvl.fmt
            return format_number(value, fmt)

        label = re.sub(r"%([1-9])", sub, level.text)
        return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "\u2026"


def format_number(value: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (unknown formats fall back to 1, 2;
    0 and below too; past their limits letters and roman numerals turn decimal, see
    ``resdiff.labels``)."""
    if value <= 0 and fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman"):
        return str(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letters = to_letters(value)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _val(el: etree._Element, child: str | None = None) -> str:
    """``w:val`` of ``el`` (or of its child ``child``; for ids, the attribute of ``el``)."""
    if child is not None:
        attr = el.get(w(child))
        if attr is not None:
            return str(attr)
        found = el.find(w(child))
        return "" if found is None else str(found.get(w("val"), ""))
    return str(el.get(w("val"), ""))


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.findall(w("lvl")):
        ilvl = parse_number(lvl.get(w("ilvl"), "0"))
        if ilvl is not None and 0 <= ilvl <= MAX_LEVEL:
            levels[ilvl] = _level(lvl)
    return levels


def _level(lvl: etree._Element) -> Level:
    start = lvl.find(w("start"))
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    restart = lvl.find(w("lvlRestart"))
    start_value = parse_number(_val(start)) if start is not None else None
    return Level(
        start=1 if start_value is None else start_value,
        fmt=_val(fmt) if fmt is not None else "decimal",
        # Each %n gives at least one character: more pattern than this is cut anyway.
        text=_val(text)[: 4 * MAX_LABEL] if text is not None else "",
        restart=parse_number(_val(restart)) if restart is not None else None,
        legal=lvl.find(w("isLgl")) is not None,
    )
