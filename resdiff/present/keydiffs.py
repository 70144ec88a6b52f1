"""Key differences as every face words them: a group's kind (mark and word), its title and
its facets, and the legend of kinds.

The grouping itself is the core's (``resdiff.signals.groups``); this module only says
it. Each kind has its own mark *and* word (⇄ linkage, ▼ weaker, ⤓ demoted, ✕ removed...),
so no face relies on colour to tell them apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from resdiff.model import HEADER_CHANGE_KINDS, Change, ChangeGroup
from resdiff.present.address import compact

#: How many key differences the headline ("In brief") shows per comparison.
HEADLINE_SIZE = 5


@dataclass(frozen=True, slots=True)
class Kind:
    """What a key difference is, at a glance: ``id`` (a CSS class), ``mark``, ``word``,
    and ``meaning`` for the legend."""

    id: str
    mark: str
    word: str
    meaning: str

    @property
    def label(self) -> str:
        return f"{self.mark} {self.word}"


KINDS: Mapping[str, Kind] = {
    k.id: k
    for k in (
        Kind("linkage", "⇄", "linkage", "a condition, sequence or parallel between provisions"),
        Kind("weaker", "▼", "weaker", "a verb made weaker"),
        Kind("stronger", "▲", "stronger", "a verb made stronger"),
        Kind("demoted", "⤓", "demoted", "moved from the operative part to the preamble"),
        Kind("promoted", "⤒", "promoted", "moved from the preamble to the operative part"),
        Kind("removed", "✕", "removed", "a paragraph, topic or actor gone"),
        Kind("added", "+", "added", "a paragraph, topic or actor new"),
        Kind("verb", "•", "verb", "a verb changed on another scale"),
        Kind("wording", "•", "wording", "qualifiers, actors, references or numbers"),
        Kind("header", "☰", "header", "sponsors, symbol, date, title or author line"),
    )
}


def kind(group: ChangeGroup) -> Kind:
    """The kind of a group, from the change that leads it."""
    return change_kind(group.lead)


def change_kind(lead: Change) -> Kind:
    """The kind of one change (the app's pair view lists a clause's changes one by one,
    with the reports' marks)."""
    if lead.kind == "linkage":
        return KINDS["linkage"]
    if lead.kind in HEADER_CHANGE_KINDS:
        return KINDS["header"]
    if lead.kind == "kind-change":
        return KINDS["demoted" if lead.direction == "weaker" else "promoted"]
    if lead.kind == "verb-strength":
        return KINDS[lead.direction or "verb"]
    one_sided = not (lead.a and lead.b)
    if lead.kind.endswith("-removed") and (one_sided or lead.kind == "clause-removed"):
        return KINDS["removed"]
    if lead.kind.endswith("-added") and (one_sided or lead.kind == "clause-added"):
        return KINDS["added"]
    return KINDS["wording"]


def is_header(group: ChangeGroup) -> bool:
    """A group of changes to the header's fields (sponsors, symbol, date...)."""
    return group.lead.kind in HEADER_CHANGE_KINDS


def title(group: ChangeGroup) -> str:
    """What a key difference says under its address: its lead change's sentence; for the
    header, what changed in it at all ("10 sponsors added, 1 removed; date changed"),
    since its facets name each sponsor (a lone change says itself: "Algeria joins the
    sponsors")."""
    if not is_header(group) or len(group.changes) == 1:
        return detail(group.lead)
    kinds: list[str] = [c.kind for c in group.changes]
    counts = [(kinds.count(f"sponsor-{k}"), k) for k in ("added", "removed")]
    said = [f"{n} {what}" for n, what in counts if n]
    parts = []
    if said:  # "10 sponsors added, 1 removed", "1 sponsor removed"
        noun = "sponsor" if said[0].startswith("1 ") else "sponsors"
        first, _, rest = ", ".join(said).partition(" ")
        parts.append(f"{first} {noun} {rest}")
    fields = [k.removesuffix("-changed") for k in HEADER_CHANGE_KINDS if k.endswith("-changed")]
    changed = [f for f in fields if f"{f}-changed" in kinds]
    if changed:
        names = changed[0] if len(changed) == 1 else f"{', '.join(changed[:-1])} and {changed[-1]}"
        parts.append(f"{names} changed")
    return "; ".join(parts)


def legend(kinds: Sequence[Kind]) -> tuple[Kind, ...]:
    """The kinds shown, once each, in the legend's fixed order."""
    shown = {k.id for k in kinds}
    return tuple(k for k in KINDS.values() if k.id in shown)


def detail(change: Change) -> str:
    """The summary without its leading address, for a line under that address: "OP1:
    verb weakened ..." says "verb weakened ..."; "OP7 removed: 'Condemns ...'" and "new
    OP9: '...'" quote the clause alone (the kind already says removed or added)."""
    if change.kind in ("clause-added", "clause-removed"):
        return change.summary.split(": ", 1)[-1]
    prefix = compact(change.a, change.b, " -> ") + ": "
    return change.summary[len(prefix) :] if change.summary.startswith(prefix) else change.summary


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


#: The order of a group's facets: how a clause's force, place and relations changed,
#: then its wording.
_FACET_ORDER = ("verb", "kind", "linkage", "clause", "qualifier", "actor", "reference", "number")


def _facet_rank(change: Change) -> int:
    head = change.kind.split("-")[0]
    return _FACET_ORDER.index(head) if head in _FACET_ORDER else len(_FACET_ORDER)


def facets(group: ChangeGroup, topic_labels: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """One line per facet of a group beyond its lead: each linkage, verb or kind change;
    the qualifiers of each topic on one line; the actors named or no longer named in the
    pair on one line; each other change. Verb first, then kind, linkage, clause,
    qualifiers, actors, references, numbers, topics; rank order within each."""
    labels = topic_labels or {}
    if is_header(group):
        return _header_facets(group.changes) if len(group.changes) > 1 else ()
    buckets: dict[tuple[int, str, str], list[Change]] = {}
    first: dict[tuple[int, str, str], int] = {}
    for n, change in enumerate(group.changes[1:]):
        if change.kind.startswith("qualifier-"):
            key = (_facet_rank(change), "qualifiers", change.topic or "")
        elif change.kind.startswith("actor-") and change.a and change.b:
            key = (_facet_rank(change), "actors", "")
        else:
            key = (_facet_rank(change), "one", str(n))
        buckets.setdefault(key, []).append(change)
        first.setdefault(key, n)
    lines = []
    for key in sorted(buckets, key=lambda k: (k[0], first[k])):
        _, what, topic = key
        if what == "qualifiers":
            lines.append(_qualifiers(labels.get(topic, topic), buckets[key]))
        elif what == "actors":
            lines.append(_actors(buckets[key]))
        else:
            lines.append(detail(buckets[key][0]))
    return tuple(lines)


def _header_facets(changes: Sequence[Change]) -> tuple[str, ...]:
    """The header's facets: the sponsors who joined on one line, those who left on
    another, then each other field's change (the title says how many of each)."""
    joined = [c.to for c in changes if c.kind == "sponsor-added" and c.to]
    left = [c.from_ for c in changes if c.kind == "sponsor-removed" and c.from_]
    lines = [f"sponsors added: {', '.join(joined)}"] if joined else []
    lines += [f"no longer sponsors: {', '.join(left)}"] if left else []
    return (*lines, *(c.summary for c in changes if not c.kind.startswith("sponsor-")))


def _qualifiers(label: str, changes: Sequence[Change]) -> str:
    added = [c.to for c in changes if c.kind == "qualifier-added" and c.to]
    dropped = [c.from_ for c in changes if c.kind == "qualifier-removed" and c.from_]
    parts = ([f"added {_quoted(added)}"] if added else []) + (
        [f"dropped {_quoted(dropped)}"] if dropped else []
    )
    return f"{label}: " + "; ".join(parts)


def _actors(changes: Sequence[Change]) -> str:
    named = [c.to for c in changes if c.kind == "actor-added" and c.to]
    gone = [c.from_ for c in changes if c.kind == "actor-removed" and c.from_]
    parts = ([f"actors now named: {', '.join(named)}"] if named else []) + (
        [f"actors no longer named: {', '.join(gone)}"] if gone else []
    )
    return "; ".join(parts)


def headline(group: ChangeGroup, group_facets: Sequence[str]) -> str:
    """A headline entry: the lead's sentence, the first facet, and how many more changes
    the clause has ("... (and 14 more changes here)"); for the header, its title."""
    if is_header(group):
        return f"Header: {title(group)}"
    text = group.lead.summary
    if group_facets:
        text = text.removesuffix(".") + "; " + group_facets[0]
    rest = len(group.changes) - 2
    if rest > 0:
        text += f" (and {rest} more {'change' if rest == 1 else 'changes'} here)"
    return text
