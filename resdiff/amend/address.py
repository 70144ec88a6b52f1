"""Paragraph addresses as delegations write them, to and from clause ids.

"the third preambular paragraph" is ``PP3``, "operative paragraph 7 (b)" is ``OP7(b)``,
"subparagraph (ii) of operative paragraph 7 (b)" is ``OP7(b)(ii)``. The forms are the
``[address]`` templates of ``grammar.toml``; the first of each list is the one printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from resdiff.amend import grammar
from resdiff.model import Clause, Document

Part = Literal[
    "preambular",
    "operative",
    "heading",
    "other",
    "provision",
    "article",
    "paragraph",
    "preamble",
    "operative_part",
    "text",
]
_PARTS: tuple[Part, ...] = get_args(Part)
_ID = re.compile(r"(PP|OP|H|X|P|Art)?(§?[\d.]*\d)(-\d+)?((?:\([a-z]+\))*)$")
_SUBS = re.compile(r"\(?\s*([a-zA-Z]{1,5})\s*\)")
_PREFIX: dict[Part, str] = {
    "preambular": "PP",
    "operative": "OP",
    "heading": "H",
    "other": "X",
    "provision": "",
    "article": "Art",
    "paragraph": "P",
}
_ORDINAL_PARTS = ("preambular", "heading", "other", "paragraph")


class AddressError(ValueError):
    """An address that names no paragraph of the draft (the message says why)."""


@dataclass(frozen=True, slots=True)
class Address:
    """A parsed address: which part, which paragraph (its ordinal or printed number),
    which sub-paragraphs below it. Parts without a number name places ("the preamble")."""

    part: Part
    number: str = ""
    subs: tuple[str, ...] = ()


def _template_regex(template: str) -> str:
    out = []
    for k, piece in enumerate(re.split(r"\{(\w+)\}", template)):
        if k % 2 == 0:
            out.append(r"\s*".join(re.escape(w) for w in piece.split(" ")))
        elif piece == "ordinal":
            out.append(r"(?P<ordinal>[a-z0-9][a-z0-9\- ]*?)")
        elif piece == "n":
            out.append(r"(?P<n>§?\s?\d+(?:\.\d+)*)")
        elif piece == "subs":
            out.append(r"(?P<subs>(?:\(?\s*[a-zA-Z]{1,5}\s*\)\s*)+)")
        elif piece == "parent":
            out.append(r"(?P<parent>.+?)")
        else:
            raise ValueError(f"unknown placeholder {piece!r} in address {template!r}")
    return "".join(out)


@cache
def _forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    forms = []
    for part, templates in grammar.data()["address"].items():
        for template in templates:
            forms.append((part, re.compile(_template_regex(template), re.I)))
    return tuple(forms)


def parse_address(text: str, *, subs: bool = True) -> Address | None:
    """The address a phrase names, or None if it is not one (``subs=False``: only a
    whole paragraph)."""
    text = " ".join(text.split()).strip(" ,")
    for part, pattern in _forms():
        if not subs and part == "subparagraph":
            continue
        m = pattern.fullmatch(text)
        if m is None:
            continue
        found = _from_match(part, m)
        if found is not None:
            return found
    return None


def _from_match(form: str, m: re.Match[str]) -> Address | None:
    groups = m.groupdict()
    subs = tuple(s.lower() for s in _SUBS.findall(groups.get("subs") or ""))
    if form == "subparagraph":
        n = groups.get("n")
        parent = (
            Address("operative", n)
            if n
            else parse_address(groups.get("parent") or "", subs=m.start("parent") > 0)
        )
        if parent is None or parent.part not in ("preambular", "operative", "provision"):
            return None
        return Address(parent.part, parent.number, parent.subs + subs)
    part = next((p for p in _PARTS if p == form), None)
    if part is None:
        return None
    if groups.get("ordinal") is not None:
        value = grammar.ordinal_value(groups["ordinal"])
        if value is None:
            return None
        return Address(part, str(value), subs)
    number = (groups.get("n") or "").replace(" ", "")
    return Address(part, number, subs)


# --- clause ids <-> addresses ------------------------------------------------------------


def clause_address(document: Document, clause_id: str) -> Address:
    """The address of a clause of ``document`` by its id (see the module docstring)."""
    m = _ID.match(clause_id)
    if m is None:
        return Address("paragraph", "0")
    prefix, number, _, subs = m.groups()
    sub_labels = tuple(_SUBS.findall(subs))
    un = document.parse.structure == "un"
    part: Part
    if prefix == "PP":
        part = "preambular"
    elif prefix == "OP":
        part = "operative"
    elif prefix == "H":
        part = "heading"
    elif prefix == "X":
        part = "other"
    elif prefix == "Art":
        part = "article"
    elif prefix == "P" and not un:
        part = "paragraph"
    else:
        part = "provision"
    return Address(part, number, sub_labels)


def render_address(address: Address) -> str:
    """The address as the writer prints it (the first form of its part)."""
    forms = grammar.data()["address"]
    if address.part in ("preamble", "operative_part", "text"):
        return str(forms[address.part][0])
    values = {"n": address.number}
    if address.part in _ORDINAL_PARTS:
        values["ordinal"] = grammar.ordinal(int(address.number))
    base = grammar.fill(str(forms[address.part][0]), **values)
    if not address.subs:
        return base
    subs = " ".join(f"({s})" for s in address.subs)
    # "operative paragraph 7 (b)", but "subparagraph (a) of the third preambular paragraph"
    form = forms["subparagraph"][1 if address.part in _ORDINAL_PARTS else 0]
    return grammar.fill(str(form), parent=base, subs=subs)


def address_of(document: Document, clause_id: str) -> str:
    return render_address(clause_address(document, clause_id))


def clause_id(document: Document, address: Address) -> str:
    """The id of the clause an address names in ``document`` (no check that it exists)."""
    return address_id(address, document.parse.structure)


def address_id(address: Address, structure: str) -> str:
    """The id an address names in a draft of that structure (``un``, ``numbered``...)."""
    part = address.part
    if part == "operative" and structure != "un":
        part = "provision"
    if part == "provision" and structure == "un":
        part = "operative"
    base = _PREFIX.get(part, "") + address.number
    return base + "".join(f"({s})" for s in address.subs)


def resolve(document: Document, address: Address, ids: dict[str, Clause]) -> str:
    """The clause id ``address`` names; AddressError says why there is none."""
    found = clause_id(document, address)
    if f"{found}-2" in ids:
        raise AddressError(f"{render_address(address)} is ambiguous: the draft has two of them")
    if found in ids:
        return found
    why = _what_exists(document, address, ids)
    raise AddressError(f"{render_address(address)} not found ({why})")


def _what_exists(document: Document, address: Address, ids: dict[str, Clause]) -> str:
    if address.subs:
        up = Address(address.part, address.number, address.subs[:-1])
        parent = ids.get(clause_id(document, up))
        if parent is None:
            return _what_exists(document, up, ids)
        labels = [c.number for c in parent.children if c.number]
        if not labels:
            return f"{render_address(up)} has no subparagraphs"
        return f"its subparagraphs are ({labels[0]}) to ({labels[-1]})"
    tops = [c for c in ids.values() if "(" not in c.id]
    if address.part == "preambular":
        n = sum(1 for c in tops if c.kind == "preambular")
        return f"the draft has {n} preambular paragraph{'s' if n != 1 else ''}"
    if address.part == "operative":
        numbers = [c.number for c in tops if c.kind == "operative" and c.number]
        if not numbers:
            return "the draft has no numbered operative paragraphs"
        return f"the draft has operative paragraphs {numbers[0]} to {numbers[-1]}"
    return "no such paragraph in the draft"
