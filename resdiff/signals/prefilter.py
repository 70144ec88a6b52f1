"""Cheap pre-checks for regexes: literal text a pattern cannot match without.

Scanning a clause with a dozen reference and number patterns costs more than all the rest
of signal extraction; most clauses contain none of them. ``literal_hint`` reads the
pattern's parse tree and returns strings of which at least one must occur in any match,
so ``str.__contains__`` can skip the regex. None means no such hint could be found.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# Python 3.11+ keeps the regex parser in re._parser (sre_parse is deprecated); it is not
# in the typeshed stubs, hence the dynamic import.
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

Hint = tuple[str, ...]


def literal_hint(pattern: str, ignore_case: bool = False) -> Hint | None:
    try:
        tree = _p.parse(pattern, re.IGNORECASE if ignore_case else 0)
    except (re.error, TypeError, ValueError):
        return None
    hint = _best(_sequence(list(tree)))
    if hint and ignore_case:
        hint = tuple(h.lower() for h in hint)
    return hint


def _score(h: Hint) -> int:
    return min(len(x) for x in h)


def _best(cands: list[Hint]) -> Hint | None:
    good = [c for c in cands if c and _score(c) > 0]
    return max(good, key=_score) if good else None


def _sequence(items: list[tuple[Any, Any]]) -> list[Hint]:
    """Candidate hints from a sequence of required items (each candidate is any-of)."""
    cands: list[Hint] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            cands.append((run,))
            run = ""
        if op is _c.SUBPATTERN:
            cands += _sequence(list(av[-1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            cands += _sequence(list(av[2]))
        elif op is _c.BRANCH:
            options = [_best(_sequence(list(b))) for b in av[1]]
            if all(options):
                cands.append(tuple(x for o in options if o for x in o))
    if run:
        cands.append((run,))
    return cands


def may_match(hint: Hint | None, text: str) -> bool:
    return hint is None or any(h in text for h in hint)
