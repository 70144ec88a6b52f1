"""The one rewrite rule: when an aligned pair reads as rewritten rather than edited.

Every face asks this one question (reports and the app show the old text then the new,
Word marks the whole paragraph, amendments replace the paragraph), so they agree.
"""

from __future__ import annotations

from resdiff.align.params import DEFAULT, AlignParams
from resdiff.model import ClausePair


def is_rewritten(pair: ClausePair, params: AlignParams = DEFAULT) -> bool:
    """A pair with both sides whose kept share of characters is below the threshold."""
    return bool(pair.a and pair.b) and pair.similarity < params.rewrite_below
