"""The header block of a UN draft: symbol, date, sponsors, title, adoption.

```
United Nations                                        S/2024/239
Security Council                                      Distr.: General
                                                      22 March 2024
                                                      Original: English
Algeria, Guyana and Slovenia: draft resolution        <- sponsors
Title lines (General Assembly and Council drafts)     <- title
The Security Council,                                 <- author (found by the caller)
```

or, for an adopted text, "Resolution 2728 (2024)" and "Adopted by the Security Council at
its 9586th meeting, on 25 March 2024". Every field is optional: a header is read, never
required.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from resdiff.parse.lexicon import Lexicon
from resdiff.typography import DASHES

_HYPHENS = str.maketrans(dict.fromkeys(DASHES, "-"))

_COMPONENT = (
    r"(?:[A-Z]{1,6}(?:[-" + DASHES + r"]\d{1,3})?|[A-Z]{1,4}\.\d{1,3}|\d{1,5}"
    r"|Rev\.\d{1,2}|Add\.\d{1,3}|Corr\.\d{1,2}|Amend\.\d{1,2})(?![\w-]|\.\w)"
)
#: S/2024/239, A/78/L.10/Rev.1, A/HRC/55/L.3, A/ES-10/L.27, E/CN.6/2024/L.3, S/RES/2728 (2024)
SYMBOL = re.compile(r"(?<![\w/.])[A-Z]{1,6}(?:/" + _COMPONENT + r")+(?:[ \t]\(\d{4}\))?")
RESOLUTION_LINE = re.compile(r"(\d{1,5}(?:/\d{1,5})?)[ \t]*\((\d{4})\)$")


@dataclass(frozen=True, slots=True)
class HeaderInfo:
    symbol: str | None = None
    date: str | None = None
    sponsors: tuple[str, ...] = ()
    title: str | None = None
    resolution: str | None = None


def find_symbol(line: str) -> str | None:
    """The first document symbol on a line, its dashes written as hyphens ("A/ES–10/21"
    as pasted is the symbol A/ES-10/21)."""
    for m in SYMBOL.finditer(line):
        if "/" in m.group() and any(c.isdigit() for c in m.group()):
            return m.group().translate(_HYPHENS)
    return None


@lru_cache(maxsize=8)
def _date_patterns(months: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    names = "|".join(months)
    return (
        re.compile(r"\b(\d{1,2})\s+(" + names + r")\s+(\d{4})\b"),
        re.compile(r"\b(" + names + r")\s+(\d{1,2}),?\s+(\d{4})\b"),
        re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    )


def find_date(text: str, lexicon: Lexicon) -> tuple[str, int, int] | None:
    """The first valid date in ``text`` as (ISO date, start, end)."""
    months = {m.lower(): i for i, m in enumerate(lexicon.months, 1)}
    found: list[tuple[int, int, str]] = []
    day_month, month_day, iso = _date_patterns(lexicon.months)
    for m in day_month.finditer(text):
        found.append((m.start(), m.end(), _iso(m.group(3), months[m.group(2).lower()], m.group(1))))
    for m in month_day.finditer(text):
        found.append((m.start(), m.end(), _iso(m.group(3), months[m.group(1).lower()], m.group(2))))
    for m in iso.finditer(text):
        found.append((m.start(), m.end(), _iso(m.group(1), int(m.group(2)), m.group(3))))
    valid = sorted((s, e, d) for s, e, d in found if d)
    if not valid:
        return None
    start, end, iso_date = valid[0]
    return iso_date, start, end


def _iso(year: str, month: int, day: str) -> str:
    try:
        return datetime.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return ""


def split_sponsors(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """ "Algeria, Bosnia and Herzegovina and Japan" -> three names.

    Commas separate names; " and " separates them too, except inside names that contain
    it (listed in the lexicon).
    """
    text = " ".join(text.split()).strip(" *,")
    if not text:
        return ()
    names: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if part.startswith("and "):
            part = part[4:]
        pieces = part.split(" and ")
        i = 0
        while i < len(pieces):
            for width in range(len(pieces) - i, 1, -1):
                candidate = " and ".join(pieces[i : i + width])
                if candidate in lexicon.names_with_and:
                    names.append(candidate)
                    i += width
                    break
            else:
                names.append(pieces[i])
                i += 1
    return tuple(n.strip(" *") for n in names if n.strip(" *"))


def _is_body_line(line: str, lexicon: Lexicon) -> bool:
    return any(line.startswith(body) for body in lexicon.bodies)


def _is_item(line: str, lexicon: Lexicon) -> bool:
    """A line that is a known part of a header (not sponsors, not title)."""
    low = line.lower()
    if _is_body_line(line, lexicon) or find_symbol(line):
        return True
    if any(p.lower() in low for p in lexicon.header_prefixes):
        return True
    if any(low.endswith(s.lower()) for s in lexicon.header_suffixes):
        return True
    if any(m.lower() in low for m in lexicon.illustrative_markers):
        return True
    found = find_date(line, lexicon)
    return found is not None and found[2] - found[1] >= len(line) - 2


def _item_date(lines: list[str], lexicon: Lexicon) -> str | None:
    """The first date on a header item that is not another document's ("Letter dated
    28 February 2014 from ...")."""
    dated = tuple(w.lower() + " " for w in lexicon.dated_words)
    for line in lines:
        found = find_date(line, lexicon)
        if found and not line[: found[1]].lower().endswith(dated):
            return found[0]
    return None


def _names(line: str) -> bool:
    """Whether a line reads as part of a list of names: each comma-separated piece opens
    with a capital ("Algeria,* Ecuador, Republic"), not as a title ("The situation in the
    Middle East, including the Palestinian question")."""
    pieces = [p.strip(" *") for p in line.split(",")]
    pieces = [p[4:] if p.startswith("and ") else p for p in pieces if p]
    return bool(pieces) and all(p[:1].isupper() for p in pieces)


def _sponsors_start(stripped: list[str], i: int, lexicon: Lexicon) -> int:
    """The first line of the sponsors ending on line ``i`` ("...: draft resolution").

    Lines above belong when they read as names and either end with a comma or are
    continued by the line below ("Republic" / "of Korea, ..."): a PDF breaks the list
    anywhere, even across blank lines. A title above the list (the agenda item's) stops
    it, and so does any known header item."""
    first = i
    k = i - 1
    while k >= 0:
        j = k
        while j >= 0 and not stripped[j]:
            j -= 1
        below = stripped[first]
        continued = below[:1].islower() or below.startswith("and ")
        if j < 0 or (j < k and not continued):
            break  # blank lines are crossed only inside a name ("Republic" / "of Korea")
        line = stripped[j]
        if _is_item(line, lexicon) or not _names(line):
            break
        if not (line.rstrip(" *").endswith(",") or continued or "," in line):
            break
        first = j
        k = j - 1
    return first


@lru_cache(maxsize=8)
def _draft_pattern(draft_words: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(draft_words, key=len, reverse=True))
    return re.compile(r"^(.*?):\s*(?:" + words + r")\b", re.IGNORECASE | re.DOTALL)


def parse_header(lines: list[str], lexicon: Lexicon) -> HeaderInfo:
    """Read header fields from the header's lines (author line excluded)."""
    stripped = [line.strip() for line in lines]
    items: set[int] = set()
    anchor = -1  # last line of the sponsors / resolution / adoption block
    symbol: str | None = None
    sponsors: tuple[str, ...] = ()
    resolution: str | None = None
    date: str | None = None
    draft = _draft_pattern(lexicon.draft_words)
    res_word = lexicon.resolution_word.lower()
    i = 0
    while i < len(stripped):
        line = stripped[i]
        if not line:
            i += 1
            continue
        if symbol is None:
            symbol = find_symbol(line)
        m = draft.match(line)
        if m:
            first = _sponsors_start(stripped, i, lexicon)
            names = " ".join([s for s in stripped[first:i] if s] + [m.group(1)])
            sponsors = split_sponsors(names, lexicon)
            items.update(range(first, i + 1))
            anchor = i
        elif line.lower().startswith(res_word + " ") and RESOLUTION_LINE.search(line):
            rm = RESOLUTION_LINE.search(line)
            assert rm is not None
            resolution = f"{rm.group(1)} ({rm.group(2)})"
            items.add(i)
            anchor = i
        elif line.startswith(lexicon.adopted_prefixes):
            # The adoption line may wrap: read on until it has a date.
            j = i
            block = line
            while find_date(block, lexicon) is None and j + 1 < len(stripped) and stripped[j + 1]:
                j += 1
                block += " " + stripped[j]
            found = find_date(block, lexicon)
            if found and date is None:
                date = found[0]
            items.update(range(i, j + 1))
            anchor = j
            i = j
        elif _is_item(line, lexicon):
            items.add(i)
            whole = find_date(line, lexicon)
            standalone = whole is not None and whole[2] - whole[1] >= len(line) - 2
            if whole and date is None and (standalone or _is_body_line(line, lexicon)):
                date = whole[0]
        i += 1
    if date is None:  # a date inside a header item ("Distr.: General 22 March 2024")
        date = _item_date([stripped[k] for k in sorted(items)], lexicon)
    if date is None:  # else any line's, not another document's ("adopted ... on 13 July")
        date = _item_date(stripped, lexicon)
    title_lines = [s for k, s in enumerate(stripped) if s and k > anchor and k not in items]
    title = " ".join(" ".join(title_lines).split()) or None
    return HeaderInfo(
        symbol=symbol, date=date, sponsors=sponsors, title=title, resolution=resolution
    )
