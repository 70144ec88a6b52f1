"""One plain, deterministic sentence per change, using the addresses negotiators use."""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.signals.lens import Lens

#: How much of a clause an added/removed summary quotes.
QUOTE_CHARS = 70


def address(a: Sequence[str], b: Sequence[str]) -> str:
    """ "OP1" when both sides agree, "OP3 -> OP4" when renumbered, "OP2 -> OP2+OP3" for a
    split; one side alone when the other is empty."""
    left, right = "+".join(a), "+".join(b)
    if not left:
        return right
    if not right or left == right:
        return left
    return f"{left} -> {right}"


def quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= QUOTE_CHARS:
        return f"'{flat}'"
    cut = flat[:QUOTE_CHARS].rsplit(" ", 1)[0]
    return f"'{cut} ...'"


def linkage(
    addr: str,
    x: str,
    y: str,
    rel_a: str | None,
    rel_b: str | None,
    cue_a: str | None,
    cue_b: str | None,
    lens: Lens,
    elsewhere: Sequence[str] = (),
) -> str:
    """``x`` and ``y`` are topic ids, ``x`` being the provision that is (or was) the
    conditional one; a relation is None where the two are not linked. ``elsewhere``:
    where ``y`` stands on its own in the draft that does not link them (linked in one
    draft, separate in the other)."""
    px, py = lens.topic_phrase(x), lens.topic_phrase(y)
    cues = _cues(cue_a, cue_b)
    if elsewhere and "conditional" in (rel_a, rel_b):
        # A condition made or lifted, the other provision standing alone: say where.
        verb = "was" if rel_a is None else "is now"
        where = ", ".join(elsewhere[:3]) + (", ..." if len(elsewhere) > 3 else "")
        note = f"{py} {verb} separate, in {where}"
        cues = f"{cues[:-1]}; {note})" if cues else f" ({note})"
    if rel_a == "conditional":
        return f"{addr}: {px} is no longer conditional on {py}{cues}"
    if rel_b == "conditional":
        return f"{addr}: {px} is now conditional on {py}{cues}"
    if rel_a is None and rel_b == "parallel":
        return f"{addr}: {px} and {py} now stand side by side{cues}"
    if rel_a == "parallel" and rel_b is None:
        return f"{addr}: {px} and {py} no longer stand side by side{cues}"
    if rel_b == "sequence":
        return f"{addr}: {px} now leads to {py}{cues}"
    if rel_a == "sequence":
        return f"{addr}: {px} no longer leads to {py}{cues}"
    return f"{addr}: the link between {px} and {py} changed from {rel_a} to {rel_b}{cues}"


def _cues(cue_a: str | None, cue_b: str | None) -> str:
    if cue_a and cue_b:
        return f" ('{cue_a}' -> '{cue_b}')"
    if cue_a:
        return f" ('{cue_a}' dropped)"
    if cue_b:
        return f" ('{cue_b}')"
    return ""


def verb(addr: str, a: str, b: str, direction: str | None, scale_a: str, scale_b: str) -> str:
    if direction == "stronger":
        return f"{addr}: verb strengthened from '{a}' to '{b}'"
    if direction == "weaker":
        return f"{addr}: verb weakened from '{a}' to '{b}'"
    return f"{addr}: verb changed from '{a}' ({scale_a}) to '{b}' ({scale_b})"


def kind_change(addr: str, kind_a: str, kind_b: str) -> str:
    if kind_a == "operative" and kind_b == "preambular":
        return f"{addr}: demoted from the operative part to the preamble"
    if kind_a == "preambular" and kind_b == "operative":
        return f"{addr}: promoted from the preamble to the operative part"
    return f"{addr}: changed from {kind_a} to {kind_b}"


def qualifier(
    addr: str,
    topic: str,
    qual: str,
    added: bool,
    lens: Lens,
    edit: tuple[str, str] | None = None,
) -> str:
    """``edit``: the whole qualifier before and after, when only some of its words went
    or came ("'remaining' dropped from hostage release ('all remaining' -> 'all')")."""
    what = lens.topic_phrase(topic)
    how = f" ('{edit[0]}' -> '{edit[1]}')" if edit else ""
    if added:
        return f"{addr}: '{qual}' added to {what}{how}"
    return f"{addr}: '{qual}' dropped from {what}{how}"


def topic(topic_id: str, ids: Sequence[str], added: bool, doc: str, lens: Lens) -> str:
    label = lens.topic_label(topic_id)
    where = ", ".join(ids)
    if added:
        return f"{label} is newly mentioned in {doc} ({where})"
    return f"{label} is no longer mentioned anywhere in {doc} (was in {where})"


def actor(addr: str, name: str, added: bool) -> str:
    return f"{addr}: {name} {'now named' if added else 'no longer named'}"


def actor_everywhere(name: str, ids: Sequence[str], added: bool, doc: str) -> str:
    where = ", ".join(ids)
    if added:
        return f"{name} is newly named in {doc} ({where})"
    return f"{name} is no longer named anywhere in {doc} (was in {where})"


def reference(addr: str, ref: str, added: bool) -> str:
    return f"{addr}: reference to {ref} {'added' if added else 'dropped'}"


def number(addr: str, a: str | None, b: str | None) -> str:
    if a and b:
        return f"{addr}: '{a}' -> '{b}'"
    if a:
        return f"{addr}: '{a}' dropped"
    return f"{addr}: '{b}' added"


def sponsor(name: str, added: bool) -> str:
    if added:
        return f"{name} joins the sponsors"
    return f"{name} is no longer a sponsor"


_FIELD_NAMES = {"symbol": "document symbol", "date": "date", "title": "title", "author": "author"}


def header_field(name: str, old: str | None, new: str | None) -> str:
    """'date changed from '2024-03-22' to '2024-03-25'', or a field found on one side."""
    what = _FIELD_NAMES.get(name, name)
    if old and new:
        return f"{what} changed from {quote(old)} to {quote(new)}"
    if new:
        return f"{what} {quote(new)} added"
    return f"{what} {quote(old or '')} dropped"


def clause(ids: Sequence[str], text: str, added: bool) -> str:
    addr = "+".join(ids)
    if added:
        return f"new {addr}: {quote(text)}"
    return f"{addr} removed: {quote(text)}"
