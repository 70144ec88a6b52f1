"""Actors named in a clause: the lens's names (with their aliases) and proper names found
by the lens's patterns ("the Government of X", "X and other armed groups")."""

from __future__ import annotations

from resdiff.signals.lens import Lens
from resdiff.signals.references import fill


def find_actors(folded: str, lens: Lens) -> tuple[str, ...]:
    c = lens.compiled
    hits: list[tuple[int, int, str]] = []
    for alt in (c.actor_names_cased, c.actor_names_any):
        hits += [(s, e, str(v)) for s, e, v in alt.find(folded)]
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue
        kept.append(h)
    for regex, entry in c.actor_patterns:
        for m in regex.finditer(folded):
            s, e = m.span(1) if m.re.groups else m.span()
            if any(s < ke and ks < e for ks, ke, _ in kept):
                continue
            kept.append((s, e, fill(entry.label, m)))
    kept.sort()
    return tuple(dict.fromkeys(name for _, _, name in kept))
