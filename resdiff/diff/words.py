"""The word diff of two clause texts: tokens, the engine, then the named clean-up passes.

Options (ignore case, whitespace, quote style, punctuation) change only the comparison
key of a token: both sides' original text is always emitted, and where keys are equal
but the raw text differs the runs are marked ``minor``, so every diff reconstructs both
texts exactly. See docs/word-diff.md.
"""

from __future__ import annotations

from resdiff.diff.cleanup import absorb_islands, snap_to_word_groups
from resdiff.diff.engine import diff_tokens
from resdiff.diff.segments import Equal, coalesce, to_runs
from resdiff.diff.tokens import tokenize
from resdiff.model import CompareOptions, Run

_DEFAULT_OPTIONS = CompareOptions()
# Equal tokens kept on each side of the stretch that is diffed (see diff_texts).
_CONTEXT_TOKENS = 4


def diff_texts(a: str, b: str, options: CompareOptions | None = None) -> tuple[Run, ...]:
    """Word-level runs turning ``a`` into ``b``.

    Joining the ``=`` and ``-`` runs gives ``a`` exactly; ``=`` and ``+`` give ``b``.
    """
    if a == b:
        return (Run("=", a),) if a else ()
    opts = options or _DEFAULT_OPTIONS
    ta, tb = tokenize(a), tokenize(b)
    # Tokens identical on both sides at either end are equal whatever the options; only
    # the middle needs diffing (most aligned clause pairs differ in a few words).
    lo, limit = 0, min(len(ta), len(tb))
    while lo < limit and ta[lo] == tb[lo]:
        lo += 1
    hi = 0
    while hi < limit - lo and ta[-1 - hi] == tb[-1 - hi]:
        hi += 1
    # Leave a few equal tokens in the middle: the semantic clean-up slides an edit
    # as far right as it can, and should find the same room as in the whole text.
    lo, hi = max(0, lo - _CONTEXT_TOKENS), max(0, hi - _CONTEXT_TOKENS)
    middle = diff_tokens(ta[lo : len(ta) - hi], tb[lo : len(tb) - hi], opts)
    segments = coalesce([Equal("".join(ta[:lo])), *middle, Equal("".join(ta[len(ta) - hi :]))])
    # Widening one edit can change how a neighbouring group reads (groups are found by
    # scanning, and the two texts differ around edits), so snap until nothing moves.
    while True:
        snapped = snap_to_word_groups(segments, a, b)
        if snapped == segments:
            return to_runs(absorb_islands(snapped))
        segments = snapped
