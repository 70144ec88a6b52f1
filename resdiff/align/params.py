"""Every threshold of clause alignment, in one place (explained in docs/alignment.md).

They live in one frozen value so a test or a benchmark can vary one of them without
monkey-patching; ``DEFAULT`` is what the pipeline uses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignParams:
    all_pairs_limit: int = 3000
    """Up to this many clause pairs (len(a) * len(b)) every pair is scored; above it only
    candidates from the inverted index and the position window are."""

    rare_posting_max: int = 12
    """A term generates candidates only if it occurs in at most this many clauses on
    each side; commoner terms still count in the score but do not propose pairs."""

    candidates_per_clause: int = 6
    """Best candidates (by the rare-term partial score) kept for each clause, each side."""

    position_window: int = 2
    """Clauses within this distance of a clause's expected position are always candidates."""

    min_similarity: float = 0.42
    """A pair anywhere in the documents needs at least this TF-IDF cosine."""

    min_similarity_in_gap: float = 0.24
    """A pair that sits in the same gap between anchors (the same place in both drafts)
    needs only this much: a paragraph reworded in place."""

    gap_shared_df_max: int = 2
    """...and must share at least one word found in at most this many clauses of the two
    drafts (2: in these two only). Sharing boilerplate alone ("Requests the
    Secretary-General to") is no evidence that one paragraph was rewritten into the other."""

    position_weight: float = 0.08
    """How much being at the expected position adds to a pair's score (a tie-breaker for
    boilerplate paragraphs, never enough to beat a clearly better text match)."""

    position_scale: float = 3.0
    """Distance (in clauses) from the expected position at which the position bonus halves."""

    group_min_similarity: float = 0.12
    """Only pairs with at least this cosine are tested as part and whole (a real part
    shares its rarest words with its whole, so its cosine is well above this)."""

    part_min_containment: float = 0.6
    """A clause can be one part of a split (or merge) only if at least this share of its
    weighted words occurs in the whole it came from."""

    group_min_coverage: float = 0.65
    """The parts together must cover at least this share of the whole's weighted words."""

    part_full_containment: float = 0.85
    """A part with at least this share of its weighted words in the whole is *absorbed*
    ("Demands an immediate humanitarian ceasefire;" inside a longer demand)..."""

    group_min_coverage_absorbed: float = 0.2
    """...and parts all absorbed need cover only this share of the whole: the whole may
    say much that is new around them (a merge and additions in one edit)..."""

    group_min_gain_absorbed: float = 0.03
    """...provided each part brings words of its own: without it, the others would cover
    at least this much less of the whole."""

    group_min_gain: float = 0.08
    """...and cover at least this much more of it than the best single part does;
    otherwise it is one modified pair plus an added (or removed) clause."""

    rewrite_below: float = 0.5
    """An aligned pair whose ``ClausePair.similarity`` (share of characters kept) is below
    this reads as rewritten, not edited: shown as the old text then the new, and amended
    by one "replace the paragraph" instruction. The one rewrite threshold of every face.
    """

    guard_tokens: int = 4000
    """The rewrite guard (``resdiff.diff.guard``): a pair whose stretch to word-diff holds
    more tokens than this on its longer side (a word, a space and a mark are a token each:
    about 2,000 words, several times the longest real paragraph) is first estimated, and
    below ``rewrite_below`` reported as rewritten instead of diffed word by word (whose
    cost grows with length times differences)."""


DEFAULT = AlignParams()
