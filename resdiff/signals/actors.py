"""Actors named in a clause: the lens's names (with their aliases) and proper names found
by the lens's patterns ("the Government of X", "X and other armed groups")."""

from __future__ import annotations

from resdiff.signals.compiled import ActorHit
from resdiff.signals.lens import Lens
from resdiff.signals.references import fill


def find_actors(folded: str, names: list[ActorHit], lens: Lens) -> tuple[str, ...]:
    """``names``: the scanner's hits for the lens's actor names."""
    c = lens.compiled
    hits = sorted(names, key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue
        kept.append(h)
    for pattern in c.actor_patterns.candidates(folded):
        for m in pattern.regex.finditer(folded):
            s, e = m.span(1) if m.re.groups else m.span()
            if any(s < ke and ks < e for ks, ke, _ in kept):
                continue
            kept.append((s, e, fill(pattern.entry.label, m)))
    kept.sort()
    return tuple(dict.fromkeys(name for _, _, name in kept))
