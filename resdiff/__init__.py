"""resdiff: compare draft UN resolutions clause by clause.

The library API is three names::

    from resdiff import load, compare
    a, b = load("draft.txt"), load("rev1.txt")
    result = compare(a, b)          # a Comparison (see resdiff.model)

It never imports the terminal UI.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing's own flag, without importing typing (start-up)
if TYPE_CHECKING:
    from resdiff.model import CompareOptions, Comparison, Document
    from resdiff.pipeline import compare, load

__all__ = ["CompareOptions", "Comparison", "Document", "compare", "load"]
__version__ = "0.1.0"

_LAZY = {
    "compare": "resdiff.pipeline",
    "load": "resdiff.pipeline",
    "CompareOptions": "resdiff.model",
    "Comparison": "resdiff.model",
    "Document": "resdiff.model",
}


def __getattr__(name: str) -> object:
    """Import the pipeline on first use, so `resdiff --help` and the app's first frame do
    not wait for every stage to load."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'resdiff' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
