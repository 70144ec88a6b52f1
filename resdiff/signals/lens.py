"""Lenses. (Stub.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Lens:
    name: str = "empty"


def load_lens(paths: Sequence[str] = ()) -> Lens:
    return Lens()
