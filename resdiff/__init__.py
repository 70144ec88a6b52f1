"""resdiff: compare draft UN resolutions clause by clause.

The library API is three names::

    from resdiff import load, compare
    a, b = load("draft.txt"), load("rev1.txt")
    result = compare(a, b)          # a Comparison (see resdiff.model)

It never imports the terminal UI.
"""

from __future__ import annotations

from resdiff.model import CompareOptions, Comparison, Document
from resdiff.pipeline import compare, load

__all__ = ["CompareOptions", "Comparison", "Document", "compare", "load"]
__version__ = "0.1.0"
