"""The applier: an amendment list applied to the draft as tabled.

Every target is resolved against the draft's original numbering before anything
changes; words are found in the paragraph's own text (``words.find``); then all edits
are made at once, paragraphs placed, and the result renumbered and printed
(``draft``). Every instruction applies exactly or nothing does: the first problem
raises ``InputError`` naming the instruction and why.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from resdiff.amend.address import Address, AddressError, parse_address, resolve
from resdiff.amend.draft import Node, payload_nodes, print_draft, renumber, tree
from resdiff.amend.model import Amendment, AmendmentList
from resdiff.amend.words import How, OverlapError, WordEdit, apply_edits, find
from resdiff.errors import InputError
from resdiff.ingest import SourceText
from resdiff.model import Clause, ClauseKind, Document
from resdiff.parse.structure import parse_source

_WHOLE = ("delete-paragraph", "replace-paragraph")


@dataclass(frozen=True)
class AmendedDraft:
    """The draft with the amendments in: its text, which instructions were applied, and
    (parsed on first use) the text read back as a ``Document``."""

    text: str
    applied: tuple[int, ...]
    draft: Document

    @cached_property
    def document(self) -> Document:
        source = SourceText(f"{self.draft.source} (amended)", "txt", self.text)
        return parse_source(source, self.draft.id)


class _Stop(ValueError):
    def __init__(self, number: int, problem: str) -> None:
        super().__init__(f"instruction {number}: {problem}")


@dataclass(slots=True)
class _Plan:
    """Everything the instructions do, resolved to clause ids of the draft as tabled."""

    edits: dict[str, list[WordEdit]] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, tuple[int, list[Node]]] = field(default_factory=dict)
    moved: dict[str, int] = field(default_factory=dict)
    # anchor id (None: the end of the text) -> position -> things placed there, in order
    placed: dict[str | None, dict[str, list[Node | str]]] = field(default_factory=dict)
    claims: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def claim(self, clause: str, number: int, how: str) -> None:
        self.claims.setdefault(clause, []).append((number, how))

    def place(self, anchor: str | None, position: str, item: Node | str) -> None:
        self.placed.setdefault(anchor, {}).setdefault(position, []).append(item)


def apply_amendments(
    draft: Document,
    amendments: AmendmentList,
    only: Collection[int] | None = None,
    source: str = "<amendments>",
) -> AmendedDraft:
    """``draft`` with ``amendments`` (or only the instructions numbered ``only``) in."""
    _check_draft(draft, amendments, source)
    chosen = _chosen(amendments, only, source)
    try:
        applier = _Applier(draft)
        for amendment in chosen:
            applier.add(amendment)
        nodes = applier.result()
    except _Stop as exc:
        raise InputError(str(exc), source) from None
    renumber(nodes, draft)
    text = print_draft(draft, nodes)
    return AmendedDraft(text, tuple(dict.fromkeys(a.number for a in chosen)), draft)


def _normal_symbol(symbol: str) -> str:
    """A symbol as compared: no spaces, upper case, no year ("S/RES/2728 (2024)")."""
    return re.sub(r"\(\d{4}\)$", "", "".join(symbol.split()).upper())


def _check_draft(draft: Document, amendments: AmendmentList, source: str) -> None:
    named = amendments.draft
    symbol = draft.symbol
    if named and "/" in named and symbol and _normal_symbol(symbol) != _normal_symbol(named):
        raise InputError(f"these amendments are to {named}, but the draft is {symbol}", source)


def _chosen(
    amendments: AmendmentList, only: Collection[int] | None, source: str
) -> list[Amendment]:
    if only is None:
        return list(amendments.amendments)
    missing = sorted(set(only) - set(amendments.numbers))
    if missing:
        have = amendments.numbers
        raise InputError(
            f"no instruction {missing[0]} (the document has {have[0]} to {have[-1]})"
            if have
            else f"no instruction {missing[0]}",
            source,
        )
    return [a for a in amendments.amendments if a.number in set(only)]


class _Applier:
    def __init__(self, draft: Document) -> None:
        self.draft = draft
        self.ids: dict[str, Clause] = {c.id: c for c in draft.walk()}
        self.parent: dict[str, str | None] = {c.id: None for c in draft.clauses}
        for c in draft.walk():
            for child in c.children:
                self.parent[child.id] = c.id
        self.plan = _Plan()

    # resolving

    def _clause(self, number: int, address_text: str) -> str:
        address = parse_address(address_text)
        if address is None:
            raise _Stop(number, f"no paragraph is called {address_text!r}")
        try:
            return resolve(self.draft, address, self.ids)
        except AddressError as exc:
            raise _Stop(number, str(exc)) from None

    def _name(self, clause_id: str) -> str:
        from resdiff.amend.address import address_of

        return address_of(self.draft, clause_id)

    # one instruction

    def add(self, a: Amendment) -> None:
        if a.op in ("replace-words", "delete-words", "insert-words"):
            self._words(a)
        elif a.op == "delete-paragraph":
            clause = self._clause(a.number, a.target.address)
            self.plan.deleted[clause] = a.number
            self.plan.claim(clause, a.number, "delete")
        elif a.op == "replace-paragraph":
            clause = self._clause(a.number, a.target.address)
            nodes = payload_nodes(a.new or "", self.ids[clause].kind)
            if len(nodes) != 1:
                raise _Stop(a.number, f"the new text has {len(nodes)} paragraphs; give one")
            self.plan.replaced[clause] = (a.number, nodes)
            self.plan.claim(clause, a.number, "replace")
        elif a.op == "insert-paragraph":
            self._insert(a)
        else:
            self._move(a)

    def _words(self, a: Amendment) -> None:
        clause_id = self._clause(a.number, a.target.address)
        text = self.ids[clause_id].text
        position = a.target.position
        if a.op == "insert-words" and position in ("start", "end"):
            at = 0 if position == "start" else len(text)
            edit = WordEdit(position, at, at, a.new or "", a.number)
        else:
            quoted = (a.target.words if a.op == "insert-words" else a.old) or ""
            s, e = self._find(a, clause_id, quoted)
            how: How = "replace" if a.op == "replace-words" else "delete"
            if a.op == "insert-words":
                how = "before" if position == "before" else "after"
            edit = WordEdit(how, s, e, a.new or "", a.number)
        self.plan.edits.setdefault(clause_id, []).append(edit)
        self.plan.claim(clause_id, a.number, "words")

    def _find(self, a: Amendment, clause_id: str, words: str) -> tuple[int, int]:
        clause = self.ids[clause_id]
        found = find(clause.text, words)
        if len(found) == 1 and a.target.occurrence in (None, 1):
            return found[0]
        where = self._name(clause_id)
        if not found:
            elsewhere = [c for c in clause.walk() if c is not clause and find(c.text, words)]
            hint = f" (they are in {self._name(elsewhere[0].id)})" if elsewhere else ""
            raise _Stop(a.number, f"the words “{words}” are not in {where}{hint}")
        occurrence = a.target.occurrence
        if occurrence is None:
            if len(found) > 1:
                raise _Stop(
                    a.number,
                    f"the words “{words}” occur {len(found)} times in {where}; quote more "
                    "words or say which occurrence",
                )
            return found[0]
        if occurrence > len(found):
            raise _Stop(a.number, f"the words “{words}” occur only {len(found)} times in {where}")
        return found[occurrence - 1]

    def _insert(self, a: Amendment) -> None:
        anchor, position = self._place(a.number, a.target.address, a.target.position)
        kind = a.kind or self._kind_at(anchor, position)
        if kind == "subparagraph" and (
            anchor is None or (self.parent[anchor] is None and position != "end")
        ):
            raise _Stop(
                a.number,
                "a new subparagraph goes next to a subparagraph, or at the end of a paragraph",
            )
        if (
            kind != "subparagraph"
            and anchor is not None
            and (self.parent[anchor] is not None or position == "end")
        ):
            raise _Stop(a.number, f"a new {kind} paragraph cannot go inside {self._name(anchor)}")
        nodes = payload_nodes(a.new or "", kind)
        if not nodes:
            raise _Stop(a.number, "the text to insert is missing")
        for node in nodes:
            self.plan.place(anchor, position, node)
        if anchor is not None:
            self.plan.claim(anchor, a.number, f"insert-{position}")

    def _move(self, a: Amendment) -> None:
        clause = self._clause(a.number, a.target.address)
        assert a.destination is not None
        anchor, position = self._place(a.number, a.destination.address, a.destination.position)
        if clause in self.plan.moved:
            raise _Stop(
                a.number,
                f"{self._name(clause)} is already moved by instruction {self.plan.moved[clause]}",
            )
        level_ok = (self.parent[clause] is None) == (
            anchor is None or (self.parent[anchor] is None and position != "end")
        )
        if not level_ok:
            raise _Stop(
                a.number, "a paragraph moves among paragraphs, a subparagraph among subparagraphs"
            )
        if anchor == clause:
            raise _Stop(a.number, f"{self._name(clause)} cannot move next to itself")
        self.plan.moved[clause] = a.number
        self.plan.place(anchor, position, clause)
        self.plan.claim(clause, a.number, "move")
        if anchor is not None:
            self.plan.claim(anchor, a.number, f"insert-{position}")

    def _place(self, number: int, address_text: str, position: str) -> tuple[str | None, str]:
        """The clause a paragraph goes after/before/at the end of (None: the text's end)."""
        address = parse_address(address_text) if address_text else Address("text")
        if address is None:
            raise _Stop(number, f"no paragraph is called {address_text!r}")
        if address.part in ("preamble", "operative_part", "text"):
            return self._part_place(number, address, position)
        return self._clause(number, address_text), position

    def _part_place(self, number: int, address: Address, position: str) -> tuple[str | None, str]:
        tops = list(self.draft.clauses)
        if address.part == "preamble":
            members = [c for c in tops if c.kind == "preambular"]
        elif address.part == "operative_part":
            members = [c for c in tops if c.kind == "operative"]
        else:
            members = tops
        if position in ("start", "before"):
            if members:
                return members[0].id, "before"
            if address.part == "preamble" and tops:
                return tops[0].id, "before"
        elif members and address.part != "text":
            return members[-1].id, "after"
        if address.part == "preamble":
            ops = [c for c in tops if c.kind == "operative"]
            if ops:
                return ops[0].id, "before"
        return None, "end"

    def _kind_at(self, anchor: str | None, position: str) -> ClauseKind:
        if anchor is None:
            return "operative"
        if position == "end" or self.parent[anchor] is not None:
            return "subparagraph"
        kind = self.ids[anchor].kind
        return kind if kind in ("preambular", "operative") else "operative"

    # checking and building

    def _descendants(self, clause_id: str) -> Iterator[str]:
        for c in self.ids[clause_id].walk():
            if c.id != clause_id:
                yield c.id

    def _check(self) -> None:
        """Instructions that overlap: a paragraph deleted or replaced and also changed
        in any other way (or its sub-paragraphs), a paragraph deleted and moved."""
        claims = self.plan.claims
        for clause, mine in claims.items():
            for number, how in mine:
                if how not in ("delete", "replace"):
                    continue
                for other, other_how in claims.get(clause, []):
                    if other == number or other_how in ("insert-after", "insert-before"):
                        continue
                    if how == "replace" and other_how == "move":
                        continue
                    self._overlap(number, other, clause)
                for sub in self._descendants(clause):
                    for other, _ in claims.get(sub, []):
                        self._overlap(number, other, clause)

    def _overlap(self, x: int, y: int, clause: str) -> None:
        first, second = sorted((x, y))
        raise _Stop(second, f"overlaps instruction {first} (both change {self._name(clause)})")

    def result(self) -> list[Node]:
        self._check()
        tops = [tree(c) for c in self.draft.clauses]
        nodes = {n.origin: n for top in tops for n in _walk(top) if n.origin is not None}
        for clause_id, edits in self.plan.edits.items():
            try:
                new = apply_edits(self.ids[clause_id].text, edits)
            except OverlapError as exc:
                first, second = sorted((exc.first.number, exc.second.number))
                raise _Stop(
                    second,
                    f"overlaps instruction {first} (the same words of {self._name(clause_id)})",
                ) from None
            nodes[clause_id].text = new
        for clause_id, (_, replacement) in self.plan.replaced.items():
            node = nodes[clause_id]
            node.text, node.children = replacement[0].text, replacement[0].children
            node.roman = False
        return _Builder(self, nodes).top()


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


class _Builder:
    """Lays out the result: each clause of the draft in its original order, unless moved
    or deleted, with what was placed before, after and at the end of it."""

    def __init__(self, applier: _Applier, nodes: dict[str, Node]) -> None:
        self.a = applier
        self.plan = applier.plan
        self.nodes = nodes
        self.visiting: set[str] = set()
        self.emitted: set[str] = set()

    def top(self) -> list[Node]:
        out: list[Node] = []
        for clause in self.a.draft.clauses:
            if clause.id not in self.plan.moved:
                out += self._block(self.nodes[clause.id])
        out += self._items(self.plan.placed.get(None, {}).get("end", []))
        lost = [n for c, n in self.plan.moved.items() if c not in self.emitted]
        if lost:  # moved after one another in a circle: never reached from the text
            raise _Stop(min(lost), "moves form a circle")
        return out

    def _items(self, items: list[Node | str]) -> list[Node]:
        out: list[Node] = []
        for item in items:
            if isinstance(item, Node):
                out.append(item)
                continue
            if item in self.visiting:
                raise _Stop(self.plan.moved[item], "moves form a circle")
            out += self._block(self.nodes[item])
        return out

    def _block(self, node: Node) -> list[Node]:
        """A clause with what goes before and after it; its children laid out too."""
        clause_id = node.origin
        if clause_id is None:
            return [node]
        self.visiting.add(clause_id)
        self.emitted.add(clause_id)
        placed = self.plan.placed.get(clause_id, {})
        out = self._items(placed.get("before", []))
        if clause_id not in self.plan.deleted:
            if clause_id not in self.plan.replaced:
                node.children = self._children(node)
            node.children += self._items(placed.get("end", []))
            out.append(node)
        out += self._items(placed.get("after", []))
        self.visiting.discard(clause_id)
        return out

    def _children(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for child in node.children:
            if child.origin not in self.plan.moved:
                out += self._block(child)
        return out
