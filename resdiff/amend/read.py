"""The reader: an amendment document, as delegations write it, to an ``AmendmentList``.

A document is a header ("Russian Federation: amendment to draft resolution S/2024/9002")
and numbered instructions ("1.", "2)"...; a single unnumbered one is fine). An
instruction is one sentence of ``grammar.toml``'s ``[read]`` forms; one that gives a
paragraph's text ends with ":" and the text follows, quoted, on the next lines. Straight
and curly quotes are both read. ``In operative paragraph 1, replace “x” with “y”, and
delete “z”`` is two amendments sharing one number.

The reader does not look at the draft: targets carry the address as written, and the
applier resolves it. Anything not understood stops with the instruction's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdiff.amend import grammar
from resdiff.amend.address import Address, address_id, parse_address
from resdiff.amend.model import Amendment, AmendmentList, Position, Target, as_op, as_position
from resdiff.amend.words import canonical
from resdiff.errors import InputError
from resdiff.parse.layout import is_page_artefact
from resdiff.parse.segment import sub_label

_NUMBERED = re.compile(r"^\s*\(?(\d{1,5})\s*[.)]\s+(?=\S)")
_NUMBER_LABEL = re.compile(r"^\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.)]\s+")
_VERBS = r"(?:replace|delete|insert|add|after|before|strike|substitute|change|remove|omit)\b"
_PARTS = re.compile(rf"\s*(?:[;,]\s*)?\band\s+(?={_VERBS})|\s*;\s+(?={_VERBS})", re.I)
_IN_TARGET = re.compile(r"^(In\s+.+?,\s+)(.*)$", re.I | re.S)
_DOUBLE_QUOTES = '"“”„«»'
_OPENING = '"“„«'
_CLOSING = re.compile(r"[\"”»]\s*[.;,]?\s*$")


def _short(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "..."


class _Unread(ValueError):
    """An instruction the grammar does not understand (the message says how)."""


@dataclass(frozen=True, slots=True)
class _Block:
    number: int
    text: str


def read_amendments(text: str, source: str = "<amendments>") -> AmendmentList:
    """Parse an amendment document; InputError names the instruction not understood."""
    header, blocks = _blocks(text)
    symbol = sponsors = None
    for line in header.split("\n"):
        found = grammar.header_pattern().search(" ".join(line.split()))
        if found:
            symbol = found.group("symbol").rstrip(".,;")
            sponsors = " ".join(line.split())[: found.start()].rstrip(" :") or None
            break
    out: list[Amendment] = []
    for block in blocks:
        try:
            out += parse_instruction(block.number, block.text)
        except _Unread as exc:
            raise InputError(f"instruction {block.number}: {exc}", source) from None
    if not out:
        raise InputError("no amendment instructions found", source)
    return AmendmentList(draft=symbol, amendments=tuple(out), sponsors=sponsors)


# --- cutting the document into instructions ----------------------------------------------


def _artefact(line: str) -> bool:
    """A running header or footer of a printed page ("24-05234 (E)", "2/4")."""
    return bool(line.strip()) and is_page_artefact(line.strip())


_CLOSER = {'"': '"', "“": "”", "„": "”", "«": "»"}


def _scan(text: str) -> tuple[list[bool], bool]:
    """For each character, whether it is outside quoted text; and whether a quote is
    still open at the end. A quote opened with a straight mark closes with one; one opened
    with a curly mark only with a curly one, so straight quotes inside curly ones (and the
    reverse) are text."""
    out = []
    open_: str | None = None
    for ch in text:
        if open_ is None:
            out.append(ch not in _CLOSER)
            if ch in _CLOSER:
                open_ = ch
        else:
            out.append(False)
            if ch == _CLOSER[open_]:
                open_ = None
    return out, open_ is not None


def _outside(text: str) -> list[bool]:
    return _scan(text)[0]


def _quotes_open(text: str) -> bool:
    """Whether a quote opened in ``text`` is still open at its end."""
    return _scan(text)[1]


def _blocks(text: str) -> tuple[str, list[_Block]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts: list[tuple[int, int]] = []  # (line index, number)
    expected = 1
    current: list[str] = []
    for k, line in enumerate(lines):
        m = _NUMBERED.match(line)
        if m and int(m.group(1)) == expected and not _quotes_open("\n".join(current)):
            starts.append((k, expected))
            expected += 1
            current = [line]
        elif starts:
            current.append(line)
    if not starts:
        return _unnumbered(lines)
    header = "\n".join(lines[: starts[0][0]])
    blocks = []
    for (k, number), (nxt, _) in zip(starts, [*starts[1:], (len(lines), 0)], strict=True):
        body = [ln for ln in lines[k:nxt] if not _artefact(ln)]
        body[0] = _NUMBERED.sub("", body[0], count=1)
        blocks.append(_Block(number, "\n".join(body).strip()))
    return header, blocks


def _unnumbered(lines: list[str]) -> tuple[str, list[_Block]]:
    """No numbered instructions: each paragraph after the header is one."""
    pattern = grammar.header_pattern()
    first = next((k + 1 for k, ln in enumerate(lines) if pattern.search(ln)), 0)
    header = "\n".join(lines[:first])
    blocks: list[_Block] = []
    current: list[str] = []
    for line in [*lines[first:], ""]:
        if line.strip() or _quotes_open("\n".join(current)):
            if not _artefact(line):
                current.append(line)
            continue
        if any(ln.strip() for ln in current):
            blocks.append(_Block(len(blocks) + 1, "\n".join(current).strip()))
        current = []
    return header, blocks


# --- one instruction ---------------------------------------------------------------------


def _split_payload(text: str) -> tuple[str, str | None]:
    """The sentence and the paragraph text after its colon (None if there is none)."""
    if ":" not in text:
        return text, None
    outside = _outside(text)
    for i, ch in enumerate(text):
        if ch == ":" and outside[i]:
            rest = text[i + 1 :]
            gap = rest[: len(rest) - len(rest.lstrip())]
            if not rest.strip() or "\n" in gap or rest.lstrip()[0] in _OPENING:
                return text[: i + 1], rest
    return text, None


def _parts(body: str) -> list[str]:
    """``body`` cut at "and delete ...", "; replace ..." outside quotes."""
    cuts: list[tuple[int, int]] = []
    outside = _outside(body)
    for i, ch in enumerate(body):
        if outside[i] and ch in ",; a":
            m = _PARTS.match(body, i)
            if m and m.end() > i and (not cuts or i >= cuts[-1][1]):
                cuts.append((i, m.end()))
    out, at = [], 0
    for s, e in cuts:
        out.append(body[at:s])
        at = e
    out.append(body[at:])
    return [p for p in out if p.strip()]


def parse_instruction(number: int, text: str) -> list[Amendment]:
    """The amendment(s) one numbered instruction makes."""
    head, payload = _split_payload(text)
    if payload is not None:
        found = _match(number, canonical(head), text, payload)
        if found is not None:
            return [found]
    sentence = canonical(text)
    m = _IN_TARGET.match(sentence)
    if m:
        parts = _parts(m.group(2))
        if len(parts) > 1:
            return [_sole(number, m.group(1) + p, text) for p in parts]
    return [_sole(number, sentence, text)]


def _sole(number: int, sentence: str, text: str) -> Amendment:
    found = _match(number, sentence, text, None)
    if found is None:
        raise _Unread(
            f"not understood: {_short(sentence)!r} (see docs/amendments.md for the forms read)"
        )
    return found


def _match(number: int, sentence: str, text: str, payload: str | None) -> Amendment | None:
    bad_address: str | None = None
    for form in grammar.read_forms():
        paragraph_form = form.name.startswith(("insert-paragraph", "replace-paragraph"))
        if paragraph_form != (payload is not None):
            continue
        m = form.pattern.match(sentence)
        if m is None:
            continue
        try:
            return _amendment(number, form.name, m, text, payload)
        except _BadAddress as exc:
            bad_address = bad_address or str(exc)
    if bad_address is not None:
        raise _Unread(f"no paragraph is called {_short(bad_address)!r}")
    return None


class _BadAddress(ValueError):
    pass


def _address(text: str | None) -> tuple[Address, str]:
    phrase = canonical(text or "")
    found = parse_address(phrase)
    if found is None:
        raise _BadAddress(phrase)
    return found, phrase


def _target(text: str | None, position: Position = "in", words: str | None = None) -> Target:
    address, phrase = _address(text)
    clause = None if address.part == "text" else _guess_id(address)
    return Target(clause, phrase, position, words)


def _guess_id(address: Address) -> str:
    """The id the address has in a UN-structured draft (the applier resolves it again
    against the draft itself)."""
    return address_id(address, "un")


def _occurrence(m: re.Match[str]) -> int | None:
    word = next((v for k, v in m.groupdict().items() if k.startswith("occ") and v), None)
    if not word:
        return None
    value = grammar.ordinal_value(word)
    if value is None:
        raise _Unread(f"not an ordinal: {word!r}")
    return value


def _amendment(
    number: int, name: str, m: re.Match[str], text: str, payload: str | None
) -> Amendment:
    groups = m.groupdict()
    if name.startswith("insert-words-"):
        position = as_position(name.removeprefix("insert-words-"))
        target = _target(groups.get("target"), position, groups.get("words"))
        target = _with_occurrence(target, m)
        return Amendment(number, "insert-words", target, None, groups["new"], text)
    if name in ("replace-words", "delete-words"):
        target = _with_occurrence(_target(groups.get("target")), m)
        return Amendment(number, as_op(name), target, groups["old"], groups.get("new"), text)
    if name.startswith("insert-paragraph-"):
        position = as_position(name.removeprefix("insert-paragraph-"))
        anchor = _target(groups.get("anchor"), position)
        kind = grammar.kind_from_name(groups.get("kind") or "")
        return Amendment(
            number,
            "insert-paragraph",
            anchor,
            None,
            _paragraph_text(payload or ""),
            text,
            kind=kind,
        )
    if name == "replace-paragraph":
        target = _target(groups.get("target"))
        return Amendment(
            number, "replace-paragraph", target, None, _paragraph_text(payload or ""), text
        )
    if name == "delete-paragraph":
        return Amendment(
            number, "delete-paragraph", _target(groups.get("target")), None, None, text
        )
    position = as_position(name.removeprefix("move-paragraph-"))
    destination = _target(groups.get("anchor"), position)
    return Amendment(
        number, "move-paragraph", _target(groups.get("target")), None, None, text, destination
    )


def _with_occurrence(target: Target, m: re.Match[str]) -> Target:
    occurrence = _occurrence(m)
    if occurrence is None:
        return target
    return Target(target.clause, target.address, target.position, target.words, occurrence)


# --- a paragraph's text after "to read:" ---------------------------------------------------


def _paragraph_text(payload: str) -> str:
    """Paragraphs separated by blank lines, each with its sub-paragraph lines."""
    quoted = any(q in payload for q in _DOUBLE_QUOTES)
    paragraphs: list[list[str]] = []
    closed = True
    for raw in payload.split("\n"):
        line = raw.strip()
        if not line or _artefact(line):
            if not quoted:
                closed = True  # unquoted text: a blank line ends a paragraph
            continue
        opens = line[0] in _OPENING
        if opens:
            line = line[1:].lstrip()
        end = _CLOSING.search(line)
        if end is not None and quoted:
            line = line[: end.start()].rstrip()
        labelled = sub_label(line, 0) is not None
        if labelled and paragraphs:
            paragraphs[-1].append(line)
        elif opens or closed or not paragraphs or _NUMBER_LABEL.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1][-1] += " " + line
        closed = end is not None and quoted
    if not paragraphs:
        raise _Unread("the text to insert is missing after the colon")
    return "\n\n".join("\n".join(canonical(x) for x in p) for p in paragraphs)
