"""What a reader should doubt in a parsed copy (``Document.warnings``).

Real drafts reach resdiff as pasted pages and PDF text layers, often cut short. Such a
copy is still compared, but its reader is told: "no longer mentioned anywhere" is only
as good as the copy. Warned of: a UN text (author line or sponsors) with no operative
paragraph; a last paragraph that ends as if more followed ("," ";" "; and"); operative
numbers that jump or repeat; an operative paragraph opening with no known phrase; a
paragraph a web page folded ("… [read more]"), whose hidden words the copy lacks; and,
whatever the reading, a PDF text layer that splits words ("Reca llin g its p revious").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resdiff.model import Clause

#: Marks that may close a paragraph after its punctuation (quotes, a note marker).
_CLOSING = "\"'”’»)*]¹²³⁴⁵⁶⁷⁸⁹⁰ \t\n"
#: Endings of a paragraph that announces another one.
_OPEN_ENDINGS = (",", ";", "; and", "; or", ", and", ", or", ":")
#: Endings of a sentence: a last operative paragraph without one stops mid-sentence.
_FINAL_STOPS = (".", "!", "?", "…")
#: How many last words of a paragraph cut mid-sentence a warning quotes.
_QUOTED_TAIL = 6
#: A web page's fold inside a paragraph ("… [read more]", "(show more)"): the words
#: behind it are not in the copy.
_FOLD = re.compile(r"(?:…|\.\.\.)?\s*[\[(](?:read|show|see|view) more[\])]", re.IGNORECASE)
#: A web page's link after the text ("[^]", back to the top): not an ending of a sentence.
_PAGE_LINK = re.compile(r"\s*\[(?:\^|↑|top)\]\s*$", re.IGNORECASE)
#: A word of one letter other than "a" and "I" is rare in prose; a PDF text layer that
#: splits words with spaces ("Reca llin g", "The S ecurity Counci l") leaves many. Split
#: words are assumed from this many such letters, making this share of the words.
_LONE_LETTER = re.compile(r"(?<!\S)[B-HJ-Zb-z](?!\S)")
_LONE_SET = frozenset("BCDEFGHJKLMNOPQRSTUVWXYZbcdefghijklmnopqrstuvwxyz")
_SPLIT_LEAST = 5
_SPLIT_SHARE = 0.05
#: How many words of such a line a warning quotes.
_QUOTED_SPLIT = 8
#: How many words of an unknown opener a warning quotes.
_QUOTED_WORDS = 3
#: How many problems of one sort are listed one by one; the rest are counted. A text
#: read against its grain (numbers cycling, a list that is not a resolution) would
#: otherwise fill the report with thousands of lines of warnings.
LISTED = 10


def bounded(problems: Sequence[str], what: str) -> list[str]:
    """The first ``LISTED`` problems, then one line counting the rest."""
    if len(problems) <= LISTED:
        return list(problems)
    return [*problems[:LISTED], f"and {len(problems) - LISTED:,} more {what}"]


def document_warnings(
    clauses: Sequence[Clause], numbering: Sequence[str], *, un_text: bool
) -> tuple[str, ...]:
    """The warnings for one document read as a UN text (``un_text``: it has an author
    line or sponsors); ``numbering`` lists the operative numbers that jump or repeat."""
    out = _cut_warnings(clauses, un_text=un_text)
    out += bounded(numbering, "numbering problems")
    unknown = [
        f"{clause.id} opens with no known operative phrase "
        f"('{' '.join(clause.text.split()[:_QUOTED_WORDS])} ...')"
        for clause in clauses
        if clause.kind == "operative" and clause.opener is None and clause.text[:1].isupper()
    ]
    out += bounded(unknown, "operative paragraphs opening with no known phrase")
    folded = [
        f"{node.id} is folded ('{fold.group().strip()}'): words of it are missing from the copy"
        for clause in clauses
        for node in clause.walk()
        if (fold := _FOLD.search(node.text))
    ]
    out += bounded(folded, "folded paragraphs")
    return tuple(out)


def lone_letters(words: Sequence[str]) -> int:
    """How many of ``words`` are one letter other than "a" and "I" (the words
    ``_LONE_LETTER`` finds: ``str.split`` and the pattern's ``\\S`` agree on what a
    space is). Counted on the words: three times cheaper than the pattern over the
    text, which is run only on the rare text that has enough of them."""
    return sum(1 for w in words if len(w) == 1 and w in _LONE_SET)


def text_layer_warnings(text: str) -> tuple[str, ...]:
    """A warning when the text's words are split by spaces (a PDF text layer read
    letter run by letter run): no paragraph, opener or author line can be trusted, so
    "removed" and "dropped" say more about the copy than about the draft."""
    words = text.split()
    count = lone_letters(words)
    if count < _SPLIT_LEAST or count < _SPLIT_SHARE * len(words):
        return ()
    lone = [m.start() for m in _LONE_LETTER.finditer(text)]
    # The line of the first lower-case one ("Reca llin g"): it shows a word cut in two.
    at = next((k for k in lone if text[k].islower()), lone[0])
    line = text[text.rfind("\n", 0, at) + 1 :].split("\n", 1)[0]
    example = " ".join(line.split()[:_QUOTED_SPLIT])
    return (
        f"words split by spaces ('{example}'): the copy's text layer is broken, so its "
        "paragraphs, openers and author line may be misread",
    )


def cut_short(clauses: Sequence[Clause], *, un_text: bool) -> bool:
    """Whether the copy looks cut short (a warning says so): what the other draft has
    after the copy's end may be missing from the copy, not from the draft."""
    return bool(_cut_warnings(clauses, un_text=un_text))


def _cut_warnings(clauses: Sequence[Clause], *, un_text: bool) -> list[str]:
    """A UN text with no operative paragraph, or a last paragraph that announces more
    or stops mid-sentence."""
    out: list[str] = []
    no_operative = un_text and not any(c.kind == "operative" for c in clauses)
    if no_operative:
        out.append("no operative paragraph: the copy may stop before the operative part")
    last = _last(clauses)
    if last is not None and not (no_operative and last.kind == "preambular"):
        ending = _open_ending(last.text)
        if ending:
            out.append(f"{last.id} ends with '{ending}': the copy may be cut after it")
        elif un_text and last.kind in ("operative", "subparagraph") and _unfinished(last.text):
            tail = " ".join(last.text.split()[-_QUOTED_TAIL:])
            out.append(
                f"{last.id} stops mid-sentence ('... {tail}'): the copy may be cut inside it"
            )
    return out


def _last(clauses: Sequence[Clause]) -> Clause | None:
    """The last clause in reading order (a sub-paragraph if the text ends with one)."""
    last = None
    for clause in clauses:
        for node in clause.walk():
            last = node
    return last


def _unfinished(text: str) -> bool:
    """Whether a paragraph's text stops before its final stop (closing marks aside)."""
    body = _PAGE_LINK.sub("", text).rstrip(_CLOSING)
    return bool(body) and not body.endswith(_FINAL_STOPS)


def _open_ending(text: str) -> str | None:
    body = text.rstrip(_CLOSING)
    for ending in sorted(_OPEN_ENDINGS, key=len, reverse=True):
        if body.endswith(ending):
            return ending
    return None
