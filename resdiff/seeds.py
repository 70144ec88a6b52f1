"""Where the bundled sample drafts live (in the wheel, or in a source checkout)."""

from __future__ import annotations

from pathlib import Path

#: The pair modelled on March 2024: a ceasefire tied to hostage release vs both demanded.
DEMO_PAIR = ("s-2024-9001-tied.txt", "s-2024-9002-demands.txt")
#: A draft and an amendment document to it, for ``resdiff apply`` with no files.
EXAMPLE_AMENDMENTS = ("s-2024-9001-tied.txt", "s-2024-9001-amendments.txt")


def seed_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seed drafts are missing from this installation")


def seed_path(name: str) -> Path:
    return seed_dir() / name


def demo_paths() -> list[str]:
    return [str(seed_path(n)) for n in DEMO_PAIR]
