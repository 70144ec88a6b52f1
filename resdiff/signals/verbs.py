"""The opener's verb and where it sits on its strength scale."""

from __future__ import annotations

from resdiff.model import Clause, Direction, Verb
from resdiff.signals.clausetext import fold, label_end
from resdiff.signals.lens import Lens

#: Only the first characters of a clause can hold its opener.
OPENER_WINDOW = 80


Reading = tuple[tuple[int, int], Verb]


def opener_verb(clause: Clause, lens: Lens) -> Verb | None:
    """Read the verb from the parser's opener and from the start of the text; the more
    specific reading wins ("Determines the imperative of" over "Determines")."""
    best = _opener_reading(clause.opener, lens) if clause.opener else None
    if clause.text:
        found = match_opener(clause.text, lens)
        if found and (best is None or found[0] > best[0]):
            best = found
    return best[1] if best else None


def _opener_reading(opener: str, lens: Lens) -> Reading | None:
    """``match_opener`` of a parser's opener, remembered per lens (openers repeat)."""
    memo = lens.compiled.openers
    if opener not in memo:
        memo[opener] = match_opener(opener, lens)
    return memo[opener]


def match_opener(text: str, lens: Lens) -> Reading | None:
    """Match a verb phrase at the start of ``text`` (after any label and skip words).

    The key ranks readings: more literal words of the lens phrase, then a longer match.
    """
    c = lens.compiled
    head = fold(text[:OPENER_WINDOW])
    start = label_end(head)
    while start < len(head) and head[start] in " \n\"'*_":
        start += 1
    begin = start
    skip = c.skips.match(head, start)
    if skip:
        start = skip.end()
    found = c.verbs.match(head, start)
    if found is None:
        return None
    end, index = found
    entry = c.verb_entries[index]
    words = c.verb_words[index]
    # As written, with any skipped words ("Further demands"): they do not change strength.
    written = " ".join(text[begin:end].split())
    verb = Verb(text=written, scale=entry.scale, strength=entry.strength)
    return (words, end - start), verb


def verb_from_text(text: str, lens: Lens) -> Verb | None:
    """The verb at the start of a bare opener string ("Calls upon")."""
    found = match_opener(text, lens)
    return found[1] if found else None


def compare_verbs(a: Verb, b: Verb) -> Direction | None:
    """``stronger``/``weaker`` from a to b, or None when the scales cannot be compared.

    Within one scale strengths compare directly. Across scales, a preambular opener
    (strength < 1) is weaker than any operative verb; two operative verbs on different
    scales are not comparable.
    """
    if a.scale == b.scale:
        if b.strength == a.strength:
            return None
        return "stronger" if b.strength > a.strength else "weaker"
    a_op, b_op = a.strength >= 1, b.strength >= 1
    if a_op != b_op:
        return "stronger" if b_op else "weaker"
    return None
