"""Printed lines -> paragraphs: what a PDF (or any hard-wrapped text) loses, rebuilt.

A PDF holds lines, not paragraphs, and UN drafts often have no blank line between
paragraphs. Resolutions are regular enough to rebuild them: a preambular paragraph ends
with "," and the next one opens with a participle or a listed opener ("Recalling",
"Deeply concerned"); an operative paragraph ends with ";" or "." and the next one starts
with its number; sub-paragraphs start with "(a)" or "(i)". Any other line continues the
paragraph above it - which also rejoins a paragraph cut by a page break.

Words hyphenated at a line end are rejoined unless the hyphen looks real (see
``join_hyphenated``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from resdiff.datalists import read_list
from resdiff.labels import Labels
from resdiff.parse.lexicon import load_lexicon

AUTHOR_LINE = re.compile(r"^The [A-Z][A-Za-z' -]{2,60}(?: of the [A-Z][A-Za-z' -]+)?,$")
#: Labels that open a paragraph wherever a line starts with them (resdiff/data/labels.toml).
_LABELS = Labels("number", "paren-number", "dotted", "sub", "roman-heading", "letter-heading")
#: A number this long opening a line is more often a year ("... adopted in\n2024. Decides",
#: "resolution 2720\n(2023) and") than a paragraph number: it counts only after a clause
#: ended.
_YEAR_LIKE = 4
_SECTION = re.compile(r"^(?:Article|Section|Chapter|Part|Annex)\s+[\dIVXLC]+\b")
_ENDS_CLAUSE = (",", ";", ":", ".")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")


@cache
def _word_list(name: str) -> frozenset[str]:
    return frozenset(read_list("resdiff.ingest.data", name))


def _openers() -> frozenset[str]:
    # The parser's lexicon is the one list of openers; PDFs are read as English drafts.
    return load_lexicon("en").preambular_first_words


def hyphen_prefixes() -> frozenset[str]:
    return _word_list("hyphen_prefixes.txt")


def find_author_line(lines: Sequence[str]) -> int | None:
    """Index of the author line ("The Security Council,"), or None."""
    for i, line in enumerate(lines):
        if AUTHOR_LINE.match(line.strip()):
            return i
    return None


def _all_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def starts_paragraph(previous: str, line: str, before_previous: str = "") -> bool:
    """Does ``line`` open a new paragraph, given the (non-blank) lines before it?

    Besides the resolution rules, a heading stands alone: an "Article 3" line with the
    title line under it, and a line in capitals (a treaty's title).
    """
    label = _LABELS.match(line)
    if label and (
        label.form not in ("number", "paren-number")
        or len(label.value) < _YEAR_LIKE
        or previous.endswith(_ENDS_CLAUSE)
    ):
        return True
    if _SECTION.match(line):
        return True
    if _SECTION.match(before_previous) and not previous.endswith(_ENDS_CLAUSE):
        return True  # the line after an article's title line
    if _all_caps(line) or _all_caps(previous):
        return True
    if not previous.endswith(_ENDS_CLAUSE):
        return False
    first = line.split(" ", 1)[0].rstrip(",")
    if not first[:1].isupper():
        return False
    if first.lower() in _openers() or (first.endswith("ing") and first[1:].islower()):
        return True
    # After ";" or "." a capitalised line is a new paragraph (an operative one without a
    # number, a closing line); after "," it may be a name continuing the sentence.
    return previous.endswith((";", "."))


def _title_line(lines: Sequence[str], within: int = 6) -> int | None:
    """Index of a line in capitals among the first non-blank lines, or None."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _all_caps(line.strip()):
            return i
        seen += 1
        if seen >= within:
            return None
    return None


def vocabulary(lines: Iterable[str]) -> Counter[str]:
    """Lower-cased words of a text with their counts, to judge a line-end hyphen."""
    words: Counter[str] = Counter()
    for line in lines:
        words.update(w.lower() for w in _WORD.findall(line))
    return words


def join_hyphenated(head: str, tail: str, vocab: Mapping[str, int]) -> bool:
    """Drop the hyphen between ``head-`` (end of a line) and ``tail`` (start of the next)?

    In order: keep it when the tail is capitalised ("two-State") or the hyphenated form
    occurs elsewhere in the text; join when the joined word occurs elsewhere; keep it when
    the head is a listed prefix that makes real compounds ("non-", "self-", "cease-") or
    when both halves are words used elsewhere in the text ("conflict-" + "induced");
    otherwise join - line-break hyphenation cuts words into syllables that are not words
    ("humani-" + "tarian"). ``vocab`` counts the text's words, the broken pieces included,
    so the tail must occur twice to count as a word of its own.
    """
    if not tail[:1].islower():
        return False
    if vocab.get(f"{head}-{tail}".lower(), 0):
        return False
    if vocab.get((head + tail).lower(), 0):
        return True
    if head.lower() in hyphen_prefixes():
        return False
    return not (vocab.get(head.lower(), 0) >= 1 and vocab.get(tail.lower(), 0) >= 2)


def join_lines(lines: Sequence[str], vocab: Mapping[str, int]) -> str:
    """One paragraph from its printed lines, rejoining words hyphenated at line ends."""
    out = ""
    for k, line in enumerate(lines):
        line = line.strip()
        if not out:
            out = line
            continue
        if k == 1 and _SECTION.match(out):
            out = f"{out}\n{line}"  # "Article 3" and its title: two lines, as printed
            continue
        m = _HYPHEN_END.search(out)
        tail = re.match(r"[A-Za-z]+", line)
        if m and tail and join_hyphenated(m.group(1), tail.group(0), vocab):
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def rebuild_paragraphs(lines: Sequence[str]) -> str:
    """Text with one paragraph per line and blank lines between paragraphs.

    Lines before the author line (the document header: symbol, date, sponsors) are kept
    as they are, one per line; the author line stands alone; everything after it is
    regrouped into paragraphs.
    """
    vocab = vocabulary(lines)
    author = find_author_line(lines)
    head: list[str] = []
    body: Sequence[str] = lines
    title = None if author is not None else _title_line(lines)
    if author is not None:
        head = [line.rstrip() for line in lines[:author]]
        while head and not head[-1].strip():
            head.pop()
        body = lines[author + 1 :]
    elif title is not None:
        # No author line, but a title in capitals near the top (a treaty): the lines
        # above it are a header block, kept together as printed.
        head = [line.strip() for line in lines[:title] if line.strip()]
        body = lines[title:]
    paragraphs: list[str] = []
    current: list[str] = []
    previous = before_previous = ""
    for raw in body:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(join_lines(current, vocab))
            current, previous, before_previous = [], "", ""
            continue
        if current and starts_paragraph(previous, line, before_previous):
            paragraphs.append(join_lines(current, vocab))
            current = []
        current.append(line)
        previous, before_previous = line, previous
    if current:
        paragraphs.append(join_lines(current, vocab))
    blocks = []
    if head:
        blocks.append("\n".join(head))
    if author is not None:
        blocks.append(lines[author].strip())
    blocks.extend(paragraphs)
    return "\n\n".join(blocks) + "\n" if blocks else ""
