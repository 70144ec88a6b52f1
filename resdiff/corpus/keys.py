"""The keys a corpus paragraph is found by: exact language, and fingerprints of its phrases.

Two paragraphs have the same *exact key* when they say the same words up to case, quote
style, whitespace and the closing mark (",", ";", "." or ":", which only says where the
paragraph stood): that is ``identical`` language. *Fingerprints* are hashes of a sample of
the paragraph's three-word phrases (stems, from the aligner's ``terms``), chosen by the
hash alone, so two versions of a paragraph that keep a phrase both keep its fingerprint:
a small edit removes only the few phrases it touches. Content keys name a whole document.

Every function here is deterministic across runs and machines (no ``hash()``): the store
keeps their values and recomputes them to delete what it stored. ``INDEX_VERSION``
changes whenever any of them (or the stemmer) would give different values.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence

from resdiff.align.terms import function_words
from resdiff.ingest.normalize import normalize_for_matching

#: Bump when exact keys, fingerprints or stems would change for the same text.
INDEX_VERSION = 1

#: Words per phrase (shingle).
SHINGLE = 3
#: A phrase is kept when its hash is divisible by this: one phrase in four, on average.
SAMPLE = 4

_SPACE = re.compile(r"\s+")
_CLOSING = re.compile(r"[\s,;.:]+$")


def identity_text(text: str) -> str:
    """The words of ``text`` as compared for ``identical``: typographic variants folded
    (``normalize_for_matching``), case folded, whitespace collapsed, closing mark dropped."""
    folded = _SPACE.sub(" ", normalize_for_matching(text).casefold()).strip()
    return _CLOSING.sub("", folded)


def exact_key(text: str) -> int:
    """A signed 64-bit hash of ``identity_text`` (fits an SQLite INTEGER)."""
    digest = hashlib.blake2b(identity_text(text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def content_key(text: str) -> str:
    """A document's identity: SHA-256 of its decoded text (line endings normalised)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprints(stems: Sequence[str]) -> list[int]:
    """Sorted fingerprints of a paragraph's stems: the hashes of its three-stem phrases
    that are divisible by ``SAMPLE``, plus the smallest hash so that a short paragraph
    has one too. Phrases of function words only ("of the", "to the") are left out:
    every paragraph has them."""
    if not stems:
        return []
    common = function_words()
    content = [s not in common for s in stems]
    n = len(stems)
    width = min(SHINGLE, n)
    hashes: set[int] = set()
    crc = zlib.crc32
    for i in range(n - width + 1):
        if any(content[i : i + width]):
            hashes.add(crc(" ".join(stems[i : i + width]).encode("utf-8")))
    if not hashes:
        return []
    picked = {h for h in hashes if h % SAMPLE == 0}
    picked.add(min(hashes))
    return sorted(picked)
