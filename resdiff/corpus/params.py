"""Every threshold of the precedent search, in one place (explained in docs/corpus.md).

One frozen value, so a test or a benchmark can vary one without monkey-patching;
``DEFAULT`` is what ``resdiff precedents`` uses (``--top`` sets ``top``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PrecedentParams:
    top: int = 3
    """Matches shown per clause. Identical language is an exception: every document that
    holds it is listed (up to ``identical_limit``), oldest first."""

    adapted_min_similarity: float = 0.5
    """An earlier paragraph is ``adapted`` into the draft's clause when the aligner's
    similarity of the two (TF-IDF cosine of their stems, weighted by the corpus) is at
    least this. Measured on the synthetic corpus and the hand-written test corpus
    (docs/corpus.md): a paragraph with a few words changed scores 0.7-0.95; two
    different paragraphs on one subject, sharing its boilerplate, 0.1-0.4."""

    identical_limit: int = 50
    """At most this many documents are listed for one identical paragraph (the oldest);
    the total is always given. "Decides to remain seized of the matter." is in every
    Council resolution."""

    phrase_candidates: int = 20
    """Paragraphs sharing the most phrase fingerprints, scored for each clause."""

    word_candidates: int = 10
    """Paragraphs sharing the rarest words (full-text search), scored for each clause."""


DEFAULT = PrecedentParams()
