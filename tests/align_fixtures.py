"""Labelled alignment fixtures: drafts as clause lists (built by ``tests.builders.rows``,
so alignment tests need no parser) and the pairs a person expects.

A fixture file (tests/fixtures/align/*.txt) has three sections::

    == A
    PP1 Recalling ...            one clause per line: id, one space, text
    OP4 Requests ... to:
    OP4(a) Report ...            an id with "(x)" is a sub-paragraph of the id before it
    == B
    ...
    == PAIRS
    PP4 PP5 > PP4                my labels: which top-level clause(s) became which;
    PP10 > -                     "-" for none (removed / added)

Lines starting with "#" are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from resdiff.model import Document
from tests.builders import rows as make_document

__all__ = ["FIXTURES", "Label", "LabelledPair", "labelled_pairs", "load_labelled", "make_document"]

FIXTURES = Path(__file__).parent / "fixtures" / "align"

Label = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class LabelledPair:
    name: str
    a: Document
    b: Document
    labels: tuple[Label, ...]


def load_labelled(path: Path) -> LabelledPair:
    sections: dict[str, list[str]] = {"A": [], "B": [], "PAIRS": []}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            current = line[3:].strip()
            continue
        assert current in sections, f"{path.name}: line outside a section: {line!r}"
        sections[current].append(line)

    def rows(lines: list[str]) -> list[tuple[str, str]]:
        return [(ln.split(" ", 1)[0], ln.split(" ", 1)[1]) for ln in lines]

    labels: list[Label] = []
    for ln in sections["PAIRS"]:
        left, right = ln.split(">")
        labels.append(
            (
                tuple(x for x in left.split() if x != "-"),
                tuple(x for x in right.split() if x != "-"),
            )
        )
    return LabelledPair(
        path.stem,
        make_document("A", rows(sections["A"])),
        make_document("B", rows(sections["B"])),
        tuple(labels),
    )


def labelled_pairs() -> list[LabelledPair]:
    return [load_labelled(p) for p in sorted(FIXTURES.glob("*.txt"))]
