"""Word-level diff of two clause texts: the only module that touches diff_match_patch.

diff_match_patch diffs characters. We diff *tokens* instead (words, numbers, single
punctuation marks, whitespace runs) by mapping each distinct token key to one private-use
character, diffing those strings and decoding at once into ``Run`` values; the library's
tuples never leave this module. Options (ignore case, whitespace, quote style,
punctuation) change only the comparison key of a token: both sides' original text is
always emitted, and where keys are equal but the raw text differs we emit a ``-``/``+``
couple marked ``minor``, so every diff reconstructs both texts exactly.

After ``diff_cleanupSemantic`` a separate pass, ``snap_to_word_groups``, widens edits that
stop inside a word group ("U.N.", "2/4", "(a)") so that no fragment of a word is shown as
unchanged next to an edit of the same word. See docs/inline.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from diff_match_patch import diff_match_patch

from resdiff.model import CompareOptions, Run

# Why no timeout: diff_match_patch stops searching when Diff_Timeout expires and returns
# a valid but coarse diff (in the worst case "delete everything, insert everything"),
# silently. We only ever diff one aligned clause pair at a time (hundreds of tokens), for
# which the exact diff costs well under a millisecond, so we let it always finish.
_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0

_DEFAULT_OPTIONS = CompareOptions()
# Equal tokens kept on each side of the stretch that is diffed (see diff_texts).
_CONTEXT_TOKENS = 4
# absorb_islands: an unchanged stretch of at most ISLAND_MAX_WORDS function words between
# two edits is shown as part of one rewrite when the edits around it change at least
# ISLAND_RATIO times as many words ("Determines [the] imperative [of] ..." reads as one
# rewrite, not as a sentence chopped around "the" and "of").
ISLAND_MAX_WORDS = 2
ISLAND_RATIO = 4

# Combining marks count as word characters, so "e" + U+0301 is never split.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Chinese and Japanese are written without spaces: each ideograph (or kana) is a token
# of its own, otherwise a whole clause would be one "word" and change as a block.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_W = rf"(?:(?![{CJK}])[\w{_MARKS}])"
# Joiners inside a word: hyphens (ASCII, U+2010, U+2011), soft hyphen, apostrophes; and a
# "." or "," between digits ("35,000,000", "2.5").
_JOINER = r"(?:[-\u2010\u2011\u00ad'\u2019]|(?<=\d)[.,](?=\d))"
_WORD = rf"{_W}+(?:{_JOINER}{_W}+)*"
# "2720 (2023)": a resolution number with its year changes as one unit.
_NUMBER_WITH_YEAR = r"\d+(?:[.,]\d+)*[ \u00a0]\(\d{4}\)"
# "S/2024/239", "A/ES-10/L.27": document symbols change as one unit.
_SYMBOL = rf"[A-Z]{{1,4}}(?:/(?:[\w.\-]*\w))+(?!{_W})"

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_WORD_JOINERS = re.compile(r"[-\u2010\u2011\u00ad'\u2019]")
_SPACES = re.compile(r"\s+")
_WORD_CHAR = re.compile(rf"{_W}|[{CJK}]")

# A word group: word characters joined by single inner marks ("U.N", "e.g", "2/4"), or a
# short bracketed label ("(a)", "(iv)"). Edits are snapped to these.
_INNER_MARK = r"[./:\-\u2010\u2011'\u2019&+@_\u00b7]"
_GROUP = re.compile(rf"\({_W}{{1,5}}\)|{_W}+(?:{_INNER_MARK}{_W}+)*")


def _word_list(name: str) -> list[str]:
    text = files("resdiff").joinpath(f"data/{name}").read_text(encoding="utf-8")
    words = (line.strip() for line in text.splitlines())
    return [w for w in words if w and not w.startswith("#")]


@cache
def _number_words() -> tuple[str, ...]:
    return tuple(sorted(_word_list("number_words.txt"), key=len, reverse=True))


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in _word_list("function_words.txt"))


@cache
def _token_pattern() -> re.Pattern[str]:
    nw = "|".join(_number_words())
    number_word = rf"(?i:{nw})(?!{_W})"
    spelled = rf"{number_word}(?:(?:[-\u2010 ]|\s+and\s+){number_word})*\s*\(\d+(?:[.,]\d+)*\)"
    # Whitespace first (the commonest token); lookaheads skip alternatives that cannot start.
    alternatives = (
        r"\s+",
        rf"(?=[A-Za-z]){spelled}",
        rf"(?=\d){_NUMBER_WITH_YEAR}",
        rf"(?=[A-Z]){_SYMBOL}",
        _WORD,
        r"(?s:.)",
    )
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens that join back to it exactly."""
    return _token_pattern().findall(text)


def token_key(token: str, options: CompareOptions) -> str:
    """What a token is compared by; the options decide what it forgets."""
    if token.isspace():
        return " " if options.ignore_whitespace else token
    key = token
    if options.ignore_whitespace:
        key = _SPACES.sub(" ", key)
    if options.ignore_quotes:
        key = key.translate(_QUOTES)
    if options.ignore_case:
        key = key.casefold()
    if options.ignore_punctuation:
        if not _WORD_CHAR.search(key):
            return ""
        if not any(ch.isdigit() for ch in key):
            key = _WORD_JOINERS.sub("", key)
    return key


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
class _Unit:
    """The thing diffed: one token, or (ignoring punctuation) a token with its marks."""

    key: str
    tokens: list[str]

    @property
    def raw(self) -> str:
        return "".join(self.tokens)


def _units(tokens: Sequence[str], options: CompareOptions) -> list[_Unit]:
    """Tokens as comparison units.

    Ignoring punctuation, a punctuation token has no key of its own: it rides on the unit
    before it (or the first unit), and whitespace on both sides of it becomes one unit, so
    "a , b" and "a b" have the same keys.
    """
    units: list[_Unit] = []
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
        units.append(_Unit(key, [*pending, tok]))
        pending = []
    if pending:
        units.append(_Unit("", pending))
    return units


@dataclass(slots=True)
class _Equal:
    text: str


@dataclass(slots=True)
class _Block:
    """A change between two equal stretches: what a had, what b has."""

    deleted: str
    inserted: str
    minor: bool


_Segment = _Equal | _Block


def _encode(units_a: list[_Unit], units_b: list[_Unit]) -> tuple[str, str]:
    """The chars-encoding recipe: one code point per distinct key, private use first."""
    codes: dict[str, str] = {}

    def code(key: str) -> str:
        found = codes.get(key)
        if found is None:
            found = codes[key] = chr(_code_point(len(codes)))
        return found

    return "".join(code(u.key) for u in units_a), "".join(code(u.key) for u in units_b)


# Code points that stand for token keys, in order of use: private use first (never in
# real text we diff as keys), then the rest of the supplementary planes, then the BMP
# above Latin-1 (surrogates excluded). Over a million distinct keys in one pair.
_CODE_RANGES = ((0xE000, 0xF900), (0xF0000, 0x110000), (0x10000, 0xF0000), (0x100, 0xD800))


def _code_point(index: int) -> int:
    """The index-th code point to stand for a key; each index gets its own."""
    for start, end in _CODE_RANGES:
        if index < end - start:
            return start + index
        index -= end - start
    raise ValueError("too many distinct tokens in one pair of texts to diff")


def _is_minor_edit(units: Iterator[_Unit], options: CompareOptions) -> bool:
    """An insertion or deletion of only what the options ignore (whitespace, marks)."""
    for u in units:
        if u.key == "":
            continue
        if options.ignore_whitespace and u.key.isspace():
            continue
        return False
    return True


def _refine(a: _Unit, b: _Unit) -> list[_Segment]:
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
        _Equal("".join(ta[:lo])),
        _Block("".join(ta[lo:hi_a]), "".join(tb[lo:hi_b]), True),
        _Equal("".join(ta[hi_a:])),
    ]


def _content(units: list[_Unit]) -> list[int]:
    """Indexes of the units that carry meaning: words other than function words, and
    numbers."""
    function_words = _function_words()
    return [
        i
        for i, u in enumerate(units)
        if _WORD_CHAR.search(u.key) and u.key.casefold() not in function_words
    ]


def _best_diff(
    enc_a: str, enc_b: str, content_a: list[int], content_b: list[int]
) -> list[tuple[int, str]]:
    """The plain diff after semantic clean-up, unless lining up content words first
    keeps more of them (see ``_anchored_diff``); the second diff is only tried when the
    first dropped a content word both texts share."""
    diffs: list[tuple[int, str]] = _DMP.diff_main(enc_a, enc_b, False)
    _DMP.diff_cleanupSemantic(diffs)
    kept = _kept_content(diffs, content_a)
    if kept == min(len(content_a), len(content_b)):
        return diffs
    # No diff can keep more content words than the two texts share.
    shared = Counter(enc_a[i] for i in content_a) & Counter(enc_b[j] for j in content_b)
    if kept == shared.total():
        return diffs
    anchored = _anchored_diff(enc_a, enc_b, content_a, content_b)
    _DMP.diff_cleanupMerge(anchored)
    _DMP.diff_cleanupSemantic(anchored)
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
    for op, chunk in _DMP.diff_main(seq_a, seq_b, False):
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
            diffs.extend(_DMP.diff_main(enc_a[prev_a:ia], enc_b[prev_b:ib], False))
        if ia < len(enc_a):
            diffs.append((0, enc_a[ia]))
        prev_a, prev_b = ia + 1, ib + 1
    return diffs


def _segments(
    units_a: list[_Unit], units_b: list[_Unit], options: CompareOptions
) -> list[_Segment]:
    """Diff the units' keys and decode straight into equal stretches and change blocks."""
    enc_a, enc_b = _encode(units_a, units_b)
    diffs = _best_diff(enc_a, enc_b, _content(units_a), _content(units_b))
    out: list[_Segment] = []
    ia = ib = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            same: list[str] = []  # joined once per stretch, not once per unit
            for ua, ub in zip(units_a[ia : ia + n], units_b[ib : ib + n], strict=True):
                if ua.tokens == ub.tokens:
                    same.extend(ua.tokens)
                    continue
                out.append(_Equal("".join(same)))
                same = []
                out.extend(_refine(ua, ub))
            out.append(_Equal("".join(same)))
            ia += n
            ib += n
        elif op < 0:
            part = units_a[ia : ia + n]
            out.append(
                _Block("".join(u.raw for u in part), "", _is_minor_edit(iter(part), options))
            )
            ia += n
        else:
            part = units_b[ib : ib + n]
            out.append(
                _Block("", "".join(u.raw for u in part), _is_minor_edit(iter(part), options))
            )
            ib += n
    return _coalesce(out)


def _coalesce(segments: list[_Segment]) -> list[_Segment]:
    """Drop empty stretches, join neighbours of one kind; a block is minor only if all
    its parts are."""
    out: list[_Segment] = []
    for seg in segments:
        if isinstance(seg, _Equal):
            if not seg.text:
                continue
            if out and isinstance(out[-1], _Equal):
                out[-1] = _Equal(out[-1].text + seg.text)
            else:
                out.append(seg)
        else:
            if not seg.deleted and not seg.inserted:
                continue
            if out and isinstance(out[-1], _Block):
                prev = out[-1]
                out[-1] = _Block(
                    prev.deleted + seg.deleted,
                    prev.inserted + seg.inserted,
                    prev.minor and seg.minor,
                )
            else:
                out.append(seg)
    return out


def _group_around(text: str, pos: int) -> tuple[int, int] | None:
    """The word group that a boundary at ``pos`` cuts through, if any. Groups hold no
    whitespace, so only the whitespace-free chunk around ``pos`` is searched."""
    if pos <= 0 or pos >= len(text) or text[pos - 1].isspace() or text[pos].isspace():
        return None
    start = pos - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    for m in _GROUP.finditer(text, start, end):
        if m.start() >= pos:
            break
        if pos < m.end():
            return m.span()
    return None


def _reach_back(a: str, pa: int, b: str, pb: int) -> int:
    """How many characters before the boundary the groups it cuts (in a, in b) start."""
    ga, gb = _group_around(a, pa), _group_around(b, pb)
    return max(pa - ga[0] if ga else 0, pb - gb[0] if gb else 0)


def _reach_forward(a: str, qa: int, b: str, qb: int) -> int:
    ga, gb = _group_around(a, qa), _group_around(b, qb)
    return max(ga[1] - qa if ga else 0, gb[1] - qb if gb else 0)


def snap_to_word_groups(segments: list[_Segment], a: str, b: str) -> list[_Segment]:
    """Widen every change block that starts or ends inside a word group to the whole
    group, on both sides, so no fragment of a changed word is shown as unchanged.

    Equal text is the same on both sides, so moving k of its characters into the block
    keeps both texts intact; a stretch swallowed whole joins the blocks around it.
    """
    if not any(isinstance(s, _Block) for s in segments):
        return segments
    # Left edges, walking forwards.
    out: list[_Segment] = []
    pa = pb = 0
    for seg in segments:
        if isinstance(seg, _Equal):
            out.append(seg)
            pa += len(seg.text)
            pb += len(seg.text)
            continue
        block = seg
        k = _reach_back(a, pa, b, pb)
        if k and out and isinstance(out[-1], _Equal):
            text = out[-1].text
            take = min(k, len(text))
            moved = text[len(text) - take :]
            block = _Block(moved + block.deleted, moved + block.inserted, block.minor)
            if take == len(text):
                out.pop()
                if out and isinstance(out[-1], _Block):
                    prev = out.pop()
                    assert isinstance(prev, _Block)
                    block = _Block(
                        prev.deleted + block.deleted,
                        prev.inserted + block.inserted,
                        prev.minor and block.minor,
                    )
            else:
                out[-1] = _Equal(text[: len(text) - take])
        out.append(block)
        pa += len(seg.deleted)
        pb += len(seg.inserted)
    # Right edges, walking backwards.
    back: list[_Segment] = []
    qa, qb = len(a), len(b)
    for seg in reversed(out):
        if isinstance(seg, _Equal):
            back.append(seg)
            qa -= len(seg.text)
            qb -= len(seg.text)
            continue
        block = seg
        k = _reach_forward(a, qa, b, qb)
        if k and back and isinstance(back[-1], _Equal):
            text = back[-1].text
            take = min(k, len(text))
            moved = text[:take]
            block = _Block(block.deleted + moved, block.inserted + moved, block.minor)
            if take == len(text):
                back.pop()
                if back and isinstance(back[-1], _Block):
                    nxt = back.pop()
                    assert isinstance(nxt, _Block)
                    block = _Block(
                        block.deleted + nxt.deleted,
                        block.inserted + nxt.inserted,
                        block.minor and nxt.minor,
                    )
            else:
                back[-1] = _Equal(text[take:])
        back.append(block)
        qa -= len(seg.deleted)
        qb -= len(seg.inserted)
    back.reverse()
    return back


def _words(text: str) -> list[str]:
    return [t for t in tokenize(text) if _WORD_CHAR.search(t)]


def _changed_words(block: _Block) -> int:
    return max(len(_words(block.deleted)), len(_words(block.inserted)))


def absorb_islands(segments: list[_Segment]) -> list[_Segment]:
    """Fold small unchanged islands of function words into the rewrite around them.

    An island becomes a change of its text into itself, which ``_coalesce`` joins with
    its neighbours: the equal text goes to both sides, so the diff stays lossless. Minor
    blocks are never folded (their text is, as far as the options go, unchanged).
    """
    function_words = _function_words()
    out = list(segments)
    # The rewrite so far (blocks, and islands already folded): what an island is weighed
    # against, so a chain of islands is judged as one growing rewrite.
    run = _Block("", "", False)
    for i, seg in enumerate(out):
        if isinstance(seg, _Block):
            run = _Block(run.deleted + seg.deleted, run.inserted + seg.inserted, seg.minor)
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        words = _words(seg.text)
        if (
            (run.deleted or run.inserted)
            and not run.minor
            and isinstance(nxt, _Block)
            and not nxt.minor
            and len(words) <= ISLAND_MAX_WORDS
            and all(w.casefold() in function_words for w in words)
            and _changed_words(run) + _changed_words(nxt) >= ISLAND_RATIO * max(1, len(words))
        ):
            out[i] = _Block(seg.text, seg.text, False)
            run = _Block(run.deleted + seg.text, run.inserted + seg.text, False)
        else:
            run = _Block("", "", False)
    return _coalesce(out)


def _runs(segments: list[_Segment]) -> tuple[Run, ...]:
    """Canonical runs: no empty run, neighbours merged, ``-`` before ``+`` in a block."""
    runs: list[Run] = []
    for seg in _coalesce(segments):
        if isinstance(seg, _Equal):
            runs.append(Run("=", seg.text))
            continue
        if seg.deleted:
            runs.append(Run("-", seg.deleted, seg.minor))
        if seg.inserted:
            runs.append(Run("+", seg.inserted, seg.minor))
    return tuple(runs)


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
    middle = _segments(
        _units(ta[lo : len(ta) - hi], opts), _units(tb[lo : len(tb) - hi], opts), opts
    )
    segments = _coalesce([_Equal("".join(ta[:lo])), *middle, _Equal("".join(ta[len(ta) - hi :]))])
    # Widening one edit can change how a neighbouring group reads (groups are found by
    # scanning, and the two texts differ around edits), so snap until nothing moves.
    while True:
        snapped = snap_to_word_groups(segments, a, b)
        if snapped == segments:
            return _runs(absorb_islands(snapped))
        segments = snapped
