"""The diff engine: the only module that imports diff_match_patch.

diff_match_patch diffs characters. We diff comparison units instead (a token, or, when
punctuation is ignored, a token with the marks that ride on it) by mapping each distinct
key to one code point (its lines-to-chars recipe), diffing those strings and decoding at
once into equal stretches and change blocks; the library's tuples never leave this
module. Where keys are equal but the raw text differs, the tokens that differ become a
``minor`` block, so the result always rebuilds both texts exactly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

from resdiff.diff.segments import Block, Equal, Segment, coalesce
from resdiff.diff.tokens import function_words, has_word_char, token_key
from resdiff.model import CompareOptions

try:  # the C++ port of the same algorithm, where a wheel exists (docs/dependencies.md)
    from fast_diff_match_patch import diff as _fast_diff
except ImportError:  # pragma: no cover - the pure-Python original gives the same diffs
    _fast_diff = None

# Why no timeout: diff_match_patch stops searching when Diff_Timeout expires and returns
# a valid but coarse diff (in the worst case "delete everything, insert everything"),
# silently. We only ever diff one aligned clause pair at a time (hundreds of tokens), for
# which the exact diff costs well under a millisecond, so we let it always finish (the
# rewrite guard, ``resdiff.diff.guard``, keeps long unrelated pairs away from it).
DMP = diff_match_patch()
DMP.Diff_Timeout = 0

Engine = Literal["fast", "pure"]
#: The engines this installation has, fastest first; both give the same diffs.
ENGINES: tuple[Engine, ...] = ("fast", "pure") if _fast_diff is not None else ("pure",)
_engine: list[Engine] = [ENGINES[0]]
_OPS = {"=": 0, "-": -1, "+": 1}


def use_engine(name: Engine) -> None:
    """Diff with ``name`` from now on (tests and benchmarks compare the two)."""
    if name not in ENGINES:
        raise ValueError(f"diff engine {name!r} is not installed")
    _engine[0] = name


def engine_in_use() -> Engine:
    return _engine[0]


def _diff_main(a: str, b: str, semantic: bool = False) -> list[tuple[int, str]]:
    """diff_match_patch's ``diff_main`` (no time limit), then its semantic clean-up if
    asked, by the engine in use."""
    if _engine[0] == "fast" and _fast_diff is not None:
        found = _fast_diff(
            a,
            b,
            timelimit=0,
            checklines=False,
            cleanup="Semantic" if semantic else "No",
            counts_only=False,
        )
        return [(_OPS[op], text) for op, text in found]
    diffs: list[tuple[int, str]] = DMP.diff_main(a, b, False)
    if semantic:
        DMP.diff_cleanupSemantic(diffs)
    return diffs


# Keys of tokens seen before, per option set: a document repeats its vocabulary.
_KEY_CACHE_LIMIT = 200_000
_KEY_CACHES: dict[tuple[bool, bool, bool, bool], dict[str, str]] = {}


def _key_cache(options: CompareOptions) -> dict[str, str]:
    flags = (
        options.ignore_case,
        options.ignore_whitespace,
        options.ignore_quotes,
        options.ignore_punctuation,
    )
    return _KEY_CACHES.setdefault(flags, {})


@dataclass(slots=True)
class _Keyed:
    """The thing diffed: one token, or (ignoring punctuation) a token with its marks."""

    key: str
    tokens: list[str]

    @property
    def raw(self) -> str:
        return "".join(self.tokens)


def _keyed(tokens: Sequence[str], options: CompareOptions) -> list[_Keyed]:
    """Tokens as comparison units.

    Ignoring punctuation, a punctuation token has no key of its own: it rides on the unit
    before it (or the first unit), and whitespace on both sides of it becomes one unit, so
    "a , b" and "a b" have the same keys.
    """
    units: list[_Keyed] = []
    pending: list[str] = []  # leading punctuation, before any unit exists
    keys = _key_cache(options)
    for tok in tokens:
        key = keys.get(tok)
        if key is None:
            key = token_key(tok, options)
            if len(keys) < _KEY_CACHE_LIMIT:
                keys[tok] = key
        if options.ignore_punctuation and key == "" and not tok.isspace():
            if units:
                units[-1].tokens.append(tok)
            else:
                pending.append(tok)
            continue
        if tok.isspace() and units and units[-1].tokens[0].isspace():
            last = units[-1]
            last.tokens.append(tok)
            if not options.ignore_whitespace:
                last.key += key
            continue
        units.append(_Keyed(key, [*pending, tok]))
        pending = []
    if pending:
        units.append(_Keyed("", pending))
    return units


def _encode(units_a: list[_Keyed], units_b: list[_Keyed]) -> tuple[str, str]:
    """The chars-encoding recipe: one code point per distinct key, private use first."""
    codes: dict[str, str] = {}

    def code(key: str) -> str:
        found = codes.get(key)
        if found is None:
            found = codes[key] = chr(code_point(len(codes)))
        return found

    return "".join(code(u.key) for u in units_a), "".join(code(u.key) for u in units_b)


# Code points that stand for token keys, in order of use: private use first (never in
# real text we diff as keys), then the rest of the supplementary planes, then the BMP
# above Latin-1 (surrogates excluded). Over a million distinct keys in one pair.
CODE_RANGES = ((0xE000, 0xF900), (0xF0000, 0x110000), (0x10000, 0xF0000), (0x100, 0xD800))


def code_point(index: int) -> int:
    """The index-th code point to stand for a key; each index gets its own."""
    for start, end in CODE_RANGES:
        if index < end - start:
            return start + index
        index -= end - start
    raise ValueError("too many distinct tokens in one pair of texts to diff")


def _is_minor_edit(units: Iterable[_Keyed], options: CompareOptions) -> bool:
    """An insertion or deletion of only what the options ignore (whitespace, marks)."""
    for u in units:
        if u.key == "":
            continue
        if options.ignore_whitespace and u.key.isspace():
            continue
        return False
    return True


def _refine(a: _Keyed, b: _Keyed) -> list[Segment]:
    """Units with equal keys but different text: keep the common tokens equal, and mark
    the rest a minor change."""
    ta, tb = a.tokens, b.tokens
    lo = 0
    while lo < len(ta) and lo < len(tb) and ta[lo] == tb[lo]:
        lo += 1
    hi_a, hi_b = len(ta), len(tb)
    while hi_a > lo and hi_b > lo and ta[hi_a - 1] == tb[hi_b - 1]:
        hi_a -= 1
        hi_b -= 1
    return [
        Equal("".join(ta[:lo])),
        Block("".join(ta[lo:hi_a]), "".join(tb[lo:hi_b]), True),
        Equal("".join(ta[hi_a:])),
    ]


def _content(units: list[_Keyed]) -> list[int]:
    """Indexes of the units that carry meaning: words other than function words, and
    numbers."""
    skip = function_words()
    return [i for i, u in enumerate(units) if has_word_char(u.key) and u.key.casefold() not in skip]


def _best_diff(
    enc_a: str, enc_b: str, content_a: list[int], content_b: list[int]
) -> list[tuple[int, str]]:
    """The plain diff after semantic clean-up, unless lining up content words first
    keeps more of them (see ``_anchored_diff``); the second diff is only tried when the
    first dropped a content word both texts share."""
    diffs = _diff_main(enc_a, enc_b, semantic=True)
    kept = _kept_content(diffs, content_a)
    if kept == min(len(content_a), len(content_b)):
        return diffs
    # No diff can keep more content words than the two texts share.
    shared = Counter(enc_a[i] for i in content_a) & Counter(enc_b[j] for j in content_b)
    if kept == shared.total():
        return diffs
    anchored = _anchored_diff(enc_a, enc_b, content_a, content_b)
    DMP.diff_cleanupMerge(anchored)
    DMP.diff_cleanupSemantic(anchored)
    return anchored if _kept_content(anchored, content_a) > kept else diffs


def _kept_content(diffs: list[tuple[int, str]], content_a: list[int]) -> int:
    """How many content units of a (indexes ``content_a``, ascending) a diff keeps."""
    kept = ia = 0
    for op, chunk in diffs:
        if op == 0:
            kept += bisect_left(content_a, ia + len(chunk)) - bisect_left(content_a, ia)
        if op <= 0:
            ia += len(chunk)
    return kept


def _anchored_diff(
    enc_a: str, enc_b: str, content_a: list[int], content_b: list[int]
) -> list[tuple[int, str]]:
    """A diff of the encoded texts that keeps as many content words as it can.

    Two texts can often be lined up in several equally short ways ("immediate and
    sustained" -> "immediate, sustained and durable" keeps either "and" or "sustained").
    So the content words alone are diffed first; those kept become anchors, and the
    stretches between anchors are diffed in full. The result is still an exact diff of
    the two strings (no timeout, no heuristics that could drop a match).
    """
    seq_a = "".join(enc_a[i] for i in content_a)
    seq_b = "".join(enc_b[i] for i in content_b)
    anchors: list[tuple[int, int]] = []
    pa = pb = 0
    for op, chunk in _diff_main(seq_a, seq_b):
        n = len(chunk)
        if op == 0:
            anchors.extend(zip(content_a[pa : pa + n], content_b[pb : pb + n], strict=True))
            pa += n
            pb += n
        elif op < 0:
            pa += n
        else:
            pb += n
    diffs: list[tuple[int, str]] = []
    prev_a = prev_b = 0
    for ia, ib in [*anchors, (len(enc_a), len(enc_b))]:
        if ia > prev_a or ib > prev_b:
            diffs.extend(_diff_main(enc_a[prev_a:ia], enc_b[prev_b:ib]))
        if ia < len(enc_a):
            diffs.append((0, enc_a[ia]))
        prev_a, prev_b = ia + 1, ib + 1
    return diffs


def diff_tokens(
    tokens_a: Sequence[str], tokens_b: Sequence[str], options: CompareOptions
) -> list[Segment]:
    """Diff two token lists by their keys and decode straight into equal stretches and
    change blocks (not yet snapped to word groups)."""
    units_a, units_b = _keyed(tokens_a, options), _keyed(tokens_b, options)
    enc_a, enc_b = _encode(units_a, units_b)
    diffs = _best_diff(enc_a, enc_b, _content(units_a), _content(units_b))
    out: list[Segment] = []
    ia = ib = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            same: list[str] = []  # joined once per stretch, not once per unit
            for ua, ub in zip(units_a[ia : ia + n], units_b[ib : ib + n], strict=True):
                if ua.tokens == ub.tokens:
                    same.extend(ua.tokens)
                    continue
                out.append(Equal("".join(same)))
                same = []
                out.extend(_refine(ua, ub))
            out.append(Equal("".join(same)))
            ia += n
            ib += n
        elif op < 0:
            part = units_a[ia : ia + n]
            out.append(Block("".join(u.raw for u in part), "", _is_minor_edit(part, options)))
            ia += n
        else:
            part = units_b[ib : ib + n]
            out.append(Block("", "".join(u.raw for u in part), _is_minor_edit(part, options)))
            ib += n
    return coalesce(out)
