"""The lens file format, written once as a declarative schema, and the walker that checks
a parsed TOML layer against it.

Every table, key and value a lens may hold is declared in ``LENS`` below; ``check`` stops
at the first problem with one line naming where it is ("topics.ceasefire.weight must be
a number >= 0"). docs/lenses.md describes the same format for people. The bundled lenses
are checked by the tests, not on every run; user lenses (``--lens``) on load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol, get_args

from resdiff.model import ChangeKind, Relation
from resdiff.signals.lens import Invalid as Invalid  # raised here, defined with the lens

TOPIC_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


class Spec(Protocol):
    def check(self, value: Any, where: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Text:
    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"{where} must be a non-empty string")


@dataclass(frozen=True, slots=True)
class Number:
    def check(self, value: Any, where: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise Invalid(f"{where} must be a number >= 0")


@dataclass(frozen=True, slots=True)
class Flag:
    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, bool):
            raise Invalid(f"{where} must be true or false")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A lens phrase (see docs/lenses.md) that compiles as a regex."""

    def check(self, value: Any, where: str) -> None:
        from resdiff.signals.compiled import phrase_regex

        try:
            re.compile(phrase_regex(value))
        except re.error as exc:
            raise Invalid(f"{where}: bad pattern {value!r} ({exc})") from None


@dataclass(frozen=True, slots=True)
class Phrases:
    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise Invalid(f"{where} must be a list of non-empty strings")
        for v in value:
            Phrase().check(v, where)


@dataclass(frozen=True, slots=True)
class Strength:
    """A verb's strength: operative verbs 1 or more, preambular openers below 1 (the one
    convention the code relies on)."""

    operative: bool

    def check(self, value: Any, where: str) -> None:
        Number().check(value, where)
        if self.operative and value < 1:
            raise Invalid(f"{where}: operative strengths are 1 or more")
        if not self.operative and value >= 1:
            raise Invalid(
                f"{where}: preambular strengths must be below 1 (operative ones are 1 or more)"
            )


@dataclass(frozen=True, slots=True)
class Table:
    """A table with known keys, checked in the order declared."""

    fields: Mapping[str, Spec]
    required: tuple[str, ...] = ()

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(f"{where} must be a table")
        for key in value:
            if key not in self.fields:
                raise Invalid(
                    f"unknown key {where + '.' if where else ''}{key} (expected one of: "
                    f"{', '.join(self.fields)})"
                )
        for key, spec in self.fields.items():
            if key in value or key in self.required:
                spec.check(value.get(key), f"{where}.{key}" if where else key)


@dataclass(frozen=True, slots=True)
class MapOf:
    """A table whose keys are names the lens chooses (topic ids, phrases, labels)."""

    value: Spec
    key: Spec | None = None
    quote_keys: bool = False

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(f"{where} must be a table")
        for k, v in value.items():
            if self.key is not None:
                self.key.check(k, where)
            self.value.check(v, f"{where}.{k!r}" if self.quote_keys else f"{where}.{k}")


@dataclass(frozen=True, slots=True)
class TopicId:
    def check(self, value: Any, where: str) -> None:
        if not TOPIC_ID.match(value):
            raise Invalid(f"topic id {value!r} must be lower-case letters, digits and hyphens")


@dataclass(frozen=True, slots=True)
class ByType:
    """A value of type ``kind`` checked as ``matching``, anything else as ``other`` (a
    qualifier written as one phrase or as a list of them)."""

    kind: type
    matching: Spec
    other: Spec

    def check(self, value: Any, where: str) -> None:
        (self.matching if isinstance(value, self.kind) else self.other).check(value, where)


@dataclass(frozen=True, slots=True)
class Both:
    """``first``, then ``second`` (a non-empty string that is also a good pattern)."""

    first: Spec
    second: Spec

    def check(self, value: Any, where: str) -> None:
        self.first.check(value, where)
        self.second.check(value, where)


@dataclass(frozen=True, slots=True)
class Tables:
    """An array of tables (``[[references]]``)."""

    entry: Table = field(default_factory=lambda: Table({}))

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, list):
            raise Invalid(f"{where} must be an array of tables ([[{where}]])")
        for i, entry in enumerate(value):
            self.entry.check(entry, f"{where}[{i}]")


def _pattern(label_required: bool) -> Table:
    return Table(
        {"kind": Text(), "pattern": Both(Text(), Phrase()), "label": Text()},
        required=("kind", "pattern", "label") if label_required else ("kind", "pattern"),
    )


@cache
def lens_schema() -> Table:
    """The whole format, keys in the order error messages list them."""
    change_kinds: tuple[ChangeKind, ...] = get_args(ChangeKind)
    relations: tuple[Relation, ...] = get_args(Relation)
    scale = Table(
        {
            "label": Text(),
            "operative": MapOf(Strength(operative=True), key=Phrase(), quote_keys=True),
            "preambular": MapOf(Strength(operative=False), key=Phrase(), quote_keys=True),
        }
    )
    qualifier_ways = ByType(str, Phrase(), Phrases())
    qualifier_group = ByType(list, Phrases(), MapOf(qualifier_ways, quote_keys=True))
    topic = Table(
        {
            "label": Text(),
            "phrase": Text(),
            "weight": Number(),
            "terms": Phrases(),
            "qualifiers": MapOf(qualifier_group),
            "enabled": Flag(),
            "traded": Flag(),
        }
    )
    cue = Table({"phrases": Phrases()})
    return Table(
        {
            "lens": Table({"name": Text(), "description": Text()}),
            "ranking": Table(
                {
                    "default_topic_weight": Number(),
                    "preambular_factor": Number(),
                    "partial_factor": Number(),
                    "clause": Table(
                        dict.fromkeys(
                            ("further-topic", "actor", "link", "reference", "cap", "operative"),
                            Number(),
                        )
                    ),
                    "kinds": Table(dict.fromkeys(change_kinds, Number())),
                    "linkage": Table(dict.fromkeys(relations, Number())),
                }
            ),
            "openers": Table({"skip": Phrases()}),
            "scales": MapOf(scale),
            "cues": Table({"negations": Phrases(), **dict.fromkeys((*relations, "cancel"), cue)}),
            "topics": MapOf(topic, key=TopicId()),
            "actors": Table(
                {"names": MapOf(Phrases(), quote_keys=True), "patterns": Tables(_pattern(True))}
            ),
            "references": Tables(_pattern(True)),
            "numbers": Tables(_pattern(False)),
        }
    )
