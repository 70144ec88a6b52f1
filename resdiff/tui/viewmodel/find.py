"""Finding clauses: search over the text as shown, and addresses ("OP7", "7(a)")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from resdiff.tui.viewmodel.rows import Row

_WHITESPACE = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    """Casefolded, every run of whitespace one space: what search compares."""
    return _WHITESPACE.sub(" ", text).strip().casefold()


def clause_key(text: str) -> str:
    """A clause address as typed ("op 7 (a)") in the form ids are compared in ("OP7(A)")."""
    return "".join(text.split()).upper()


def _address_keys(query: str) -> tuple[str, ...]:
    """The ids a typed address can mean: "OP7" itself; a bare number or "7(a)" is operative."""
    key = clause_key(query)
    if not key:
        return ()
    return (key, f"OP{key}") if key[0].isdigit() else (key,)


def _names(ids: Sequence[str], keys: Sequence[str]) -> bool:
    return any(clause_key(cid) in keys for cid in ids)


def search(rows: Sequence[Row], query: str) -> tuple[int, ...]:
    """Rows whose text in either draft contains ``query`` or whose address is ``query``.

    Case and whitespace do not matter: a phrase broken across the lines of a hard-wrapped
    draft is found as it is shown (reflowed), and ``"op7"`` finds OP7 in either draft."""
    needle = _squeezed(query)
    if not needle:
        return ()
    keys = _address_keys(query)
    return tuple(
        r.index
        for r in rows
        if _names(r.pair.a, keys)
        or _names(r.pair.b, keys)
        or needle in _squeezed(r.pair.text_a())
        or needle in _squeezed(r.pair.text_b())
    )


def search_pattern(query: str) -> re.Pattern[str] | None:
    """What to highlight for ``query`` in the text shown: its words, any whitespace
    between them, any case."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


def find_clause(rows: Sequence[Row], query: str, a_id: str = "A", b_id: str = "B") -> int | None:
    """The row of the clause ``query`` names ("OP7", "PP3", "7(a)"): in the shown draft
    (``b_id``) first, else in the base (``a_id``). A draft's id before the address ("A OP7",
    "A:OP7") looks in that draft only."""
    sides = {"a": a_id.upper(), "b": b_id.upper()}
    m = _SIDE.match(query.strip())
    if m and m.group(1).upper() in sides.values():
        wanted = m.group(1).upper()
        sides = {k: v for k, v in sides.items() if v == wanted}
        query = m.group(2)
    keys = _address_keys(query)
    for side in ("b", "a"):
        if not keys or side not in sides:
            continue
        found = next((r.index for r in rows if _names(getattr(r.pair, side), keys)), None)
        if found is not None:
            return found
    return None


_SIDE = re.compile(r"^([A-Za-z])(?::\s*|\s+)(\S.*)$")
