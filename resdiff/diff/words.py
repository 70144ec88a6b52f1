"""The word diff of two clause texts: tokens, the engine, then the named clean-up passes.

Options (ignore case, whitespace, quote style, punctuation) change only the comparison
key of a token: both sides' original text is always emitted, and where keys are equal
but the raw text differs the runs are marked ``minor``, so every diff reconstructs both
texts exactly. See docs/word-diff.md.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from resdiff.diff.cleanup import absorb_islands, snap_to_word_groups
from resdiff.diff.engine import diff_tokens, engine_in_use
from resdiff.diff.guard import estimated_similarity
from resdiff.diff.segments import Equal, coalesce, to_runs
from resdiff.diff.tokens import tokenize
from resdiff.model import CompareOptions, Run

if TYPE_CHECKING:
    from resdiff.align.params import AlignParams

_DEFAULT_OPTIONS = CompareOptions()
# Equal tokens kept on each side of the stretch that is diffed (see diff_texts).
_CONTEXT_TOKENS = 4


def diff_texts(
    a: str, b: str, options: CompareOptions | None = None, params: AlignParams | None = None
) -> tuple[Run, ...]:
    """Word-level runs turning ``a`` into ``b``.

    Joining the ``=`` and ``-`` runs gives ``a`` exactly; ``=`` and ``+`` give ``b``.
    A long pair that shares little is a rewrite (``resdiff.diff.guard``, with the
    thresholds of ``params``): one ``-`` run of all of ``a``, one ``+`` run of all of ``b``.
    """
    if a == b:
        return (Run("=", a),) if a else ()
    opts = options or _DEFAULT_OPTIONS
    if len(a) + len(b) > _CACHED_CHARS:
        return _diff(a, b, opts, params, engine_in_use())
    return _recent(a, b, opts, params, engine_in_use())


# Pairs of clauses up to this size (both texts) are kept once diffed: comparing N drafts
# of one text (and their series) diffs the same clause pairs again and again. Runs are
# frozen, so sharing them is safe; the key holds the engine, so a test switching
# engines compares two real diffs.
_CACHED_CHARS = 20_000


def _diff(
    a: str, b: str, opts: CompareOptions, params: AlignParams | None, engine: str
) -> tuple[Run, ...]:
    """``diff_texts`` of two different texts."""
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
    if max(len(ta), len(tb)) - lo - hi > _guard_params(params).guard_tokens and _rewritten(
        ta, tb, lo, hi, opts, params
    ):
        return (Run("-", a), Run("+", b))
    middle = diff_tokens(ta[lo : len(ta) - hi], tb[lo : len(tb) - hi], opts)
    segments = coalesce([Equal("".join(ta[:lo])), *middle, Equal("".join(ta[len(ta) - hi :]))])
    # Widening one edit can change how a neighbouring group reads (groups are found by
    # scanning, and the two texts differ around edits), so snap until nothing moves.
    while True:
        snapped = snap_to_word_groups(segments, a, b)
        if snapped == segments:
            return to_runs(absorb_islands(snapped))
        segments = snapped


def _guard_params(params: AlignParams | None) -> AlignParams:
    if params is not None:
        return params
    from resdiff.align.params import DEFAULT  # align imports this module: no cycle at import

    return DEFAULT


def _rewritten(
    ta: list[str], tb: list[str], lo: int, hi: int, opts: CompareOptions, params: AlignParams | None
) -> bool:
    """Whether a long pair's estimated kept share is below the one rewrite threshold."""
    return estimated_similarity(ta, tb, lo, hi, opts) < _guard_params(params).rewrite_below


_recent = lru_cache(maxsize=1 << 13)(_diff)
