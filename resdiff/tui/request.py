"""What the app was asked to show: one value from ``make_app`` to the main screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.model import CompareOptions, Comparison

if TYPE_CHECKING:
    from resdiff.pipeline import LoadOptions
    from resdiff.tui.early import EarlyComparison


@dataclass(frozen=True, slots=True)
class Request:
    """The drafts to compare (or a comparison already made), how to read them (``load``)
    and compare them (``options``), which corpus database to search for agreed language
    (``corpus``; ``None``: none), whether they are a series when the reader said so
    (``series``; ``None``: the pipeline's rule, ``pipeline.is_series``), where the
    preferences live (``config``; ``None``: none read or written), and the comparison
    of ``files`` if the CLI started it before the app (``early``, ``tui.early``)."""

    files: tuple[str, ...] = ()
    options: CompareOptions = field(default_factory=CompareOptions)
    load: LoadOptions | None = None
    series: bool | None = None
    comparison: Comparison | None = None
    config: Path | None = None
    corpus: str | None = None
    early: EarlyComparison | None = None
