"""Word's automatic numbering, replayed: the "1." and "(a)" a reader sees but the text lacks.

In a Word draft the paragraph numbers live in ``numbering.xml``: a paragraph says only
"list 3, level 1" (``w:numPr``), the list points at an abstract definition whose levels
give a start value, a number format and a label pattern such as ``%1.`` or ``(%2)``.
The numbers themselves exist only when Word lays the document out, so we count the same
way Word does: one counter per abstract list and level, deeper levels restarting when a
shallower one advances, and a list instance with ``w:startOverride`` restarting the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from resdiff.labels import to_letters, to_roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag (``w("p")`` -> ``{...main}p``)."""
    return _W + tag


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
                ilvl = int(_val(override, "ilvl") or 0)
                start = override.find(w("startOverride"))
                if start is not None:
                    numbering.start_overrides.setdefault(num_id, {})[ilvl] = int(_val(start))
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

        return re.sub(r"%([1-9])", sub, level.text)


def format_number(value: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (unknown formats fall back to 1, 2)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = to_letters(value)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(value) if value > 0 else str(value)
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
    return {int(lvl.get(w("ilvl"), "0")): _level(lvl) for lvl in abstract.findall(w("lvl"))}


def _level(lvl: etree._Element) -> Level:
    start = lvl.find(w("start"))
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    restart = lvl.find(w("lvlRestart"))
    return Level(
        start=int(_val(start)) if start is not None and _val(start) else 1,
        fmt=_val(fmt) if fmt is not None else "decimal",
        text=_val(text) if text is not None else "",
        restart=int(_val(restart)) if restart is not None and _val(restart) else None,
        legal=lvl.find(w("isLgl")) is not None,
    )
