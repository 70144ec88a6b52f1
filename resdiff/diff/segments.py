"""What the word diff works on between the engine and the runs: equal stretches and
change blocks, and the one rule that keeps a list of them canonical."""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.model import Run


@dataclass(slots=True)
class Equal:
    text: str


@dataclass(slots=True)
class Block:
    """A change between two equal stretches: what a had, what b has."""

    deleted: str
    inserted: str
    minor: bool


Segment = Equal | Block


def coalesce(segments: list[Segment]) -> list[Segment]:
    """Drop empty stretches, join neighbours of one kind; a block is minor only if all
    its parts are."""
    out: list[Segment] = []
    for seg in segments:
        if isinstance(seg, Equal):
            if not seg.text:
                continue
            if out and isinstance(out[-1], Equal):
                out[-1] = Equal(out[-1].text + seg.text)
            else:
                out.append(seg)
        else:
            if not seg.deleted and not seg.inserted:
                continue
            if out and isinstance(out[-1], Block):
                prev = out[-1]
                out[-1] = Block(
                    prev.deleted + seg.deleted,
                    prev.inserted + seg.inserted,
                    prev.minor and seg.minor,
                )
            else:
                out.append(seg)
    return out


def to_runs(segments: list[Segment]) -> tuple[Run, ...]:
    """Canonical runs: no empty run, neighbours merged, ``-`` before ``+`` in a block."""
    runs: list[Run] = []
    for seg in coalesce(segments):
        if isinstance(seg, Equal):
            runs.append(Run("=", seg.text))
            continue
        if seg.deleted:
            runs.append(Run("-", seg.deleted, seg.minor))
        if seg.inserted:
            runs.append(Run("+", seg.inserted, seg.minor))
    return tuple(runs)
