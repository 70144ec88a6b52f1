"""The keys a corpus paragraph is found by: exact language, and fingerprints of its phrases.

Two paragraphs have the same *exact key* when they say the same words up to case, quote
style, whitespace and the closing mark (",", ";", "." or ":", which only says where the
paragraph stood): that is ``identical`` language. *Fingerprints* are hashes of a sample of
the paragraph's phrases (pairs of consecutive content words, as stems from the
aligner's ``terms``), chosen by the hash alone, so two versions of a paragraph that keep
a phrase both keep its fingerprint: a small edit removes only the few phrases it
touches. Content keys name a whole document.

Every function here is deterministic across runs and machines (no ``hash()``): the store
keeps their values and recomputes them to delete what it stored. ``INDEX_VERSION``
changes whenever any of them (or the stemmer) would give different values.
"""

from __future__ import annotations

import hashlib
import itertools
import zlib
from collections.abc import Sequence

from resdiff.align.terms import function_words
from resdiff.ingest.normalize import normalize_for_matching

#: Bump when exact keys, fingerprints or stems would change for the same text.
INDEX_VERSION = 1

#: A phrase is kept when its hash is divisible by this: one phrase in two, on average
#: (one in four loses 7% of paragraphs with a tenth of their words changed: too many).
SAMPLE = 2

_CLOSING = " ,;.:"


def identity_text(text: str) -> str:
    """The words of ``text`` as compared for ``identical``: typographic variants folded
    (``normalize_for_matching``), case folded, whitespace collapsed, closing mark dropped."""
    return " ".join(normalize_for_matching(text).casefold().split()).rstrip(_CLOSING)


def exact_key(text: str) -> int:
    """A signed 64-bit hash of ``identity_text`` (fits an SQLite INTEGER)."""
    digest = hashlib.blake2b(identity_text(text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def content_key(text: str) -> str:
    """A document's identity: SHA-256 of its decoded text (line endings normalised)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: Stem -> its CRC-32, or -1 for a function word. Stems repeat: each is hashed once.
_STEM_HASH: dict[str, int] = {}
_STEM_CACHE_MAX = 1 << 15
_MASK = 0xFFFFFFFF
_MIX = (0x9E3779B1, 0x85EBCA77)  # odd multipliers: keep the low bits mixed


def _stem_hash(stem: str) -> int:
    if len(_STEM_HASH) >= _STEM_CACHE_MAX:
        _STEM_HASH.clear()  # a corpus's vocabulary keeps growing; memory must not
    found = _STEM_HASH[stem] = -1 if stem in function_words() else zlib.crc32(stem.encode())
    return found


def fingerprints(stems: Sequence[str]) -> list[int]:
    """Sorted fingerprints of a paragraph's stems.

    A phrase here is two consecutive content words (function words such as "of the" are
    skipped: every paragraph has them, and swapping one is no edit of substance). Its
    hash is kept when divisible by ``SAMPLE``; the smallest hash is kept too, so that a
    short paragraph has at least one.
    """
    known = _STEM_HASH
    hs = [h for h in (known[s] if s in known else _stem_hash(s) for s in stems) if h >= 0]
    if not hs:
        return []
    m1, m2 = _MIX
    if len(hs) == 1:
        hashes = {(hs[0] * m1) & _MASK}
    else:
        hashes = {(x * m1 + y * m2) & _MASK for x, y in itertools.pairwise(hs)}
    picked = {h for h in hashes if h % SAMPLE == 0}
    picked.add(min(hashes))
    return sorted(picked)
