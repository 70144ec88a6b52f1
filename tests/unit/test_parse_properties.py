"""Parsing is lossless and never raises, on any text and on damaged seed drafts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resdiff.ingest import SourceText
from resdiff.model import Document
from resdiff.parse.invariants import tiling_problems
from resdiff.parse.structure import parse_source
from resdiff.seeds import seed_dir

SEED_TEXTS = sorted(p.read_text(encoding="utf-8") for p in seed_dir().glob("*.txt"))

#: Fragments that exercise every rule: labels, openers, authors, headings, notes, separators.
FRAGMENTS = [
    "\nThe Security Council,\n",
    "\nThe General Assembly,\n",
    "\nThe Security Council, Recalling its resolution, Noting ",
    "\nThe Security Council:\n",
    "\nPP1. ",
    "\nOP2 : ",
    "\n3 . ",
    "; and\n",
    "\n1. Decides ",
    "\n2) Calls upon ",
    "\n4. ",
    "\n(a) ",
    "\n(h) x;",
    "\n(i) ",
    "\n(ii) ",
    "\nRecalling its resolution,\n",
    "Also demands ",
    "\nII\n",
    "\nA. Access\n",
    "\nPart I\n",
    "\nArticle 3\n",
    "\n2.1 ",
    "\n§ 2 ",
    "\n[^1]: note\n",
    "\n1 See note.\n",
    "\n_____\n",
    "S/2024/239 ",
    "22 March 2024",
    "X and Y: draft resolution\n",
    "Resolution 2728 (2024)\n",
    "Adopted by the Security Council at its 1st meeting, on\n",
    "\n\n",
    ",\n",
    ";\n",
    ".\n",
    ":\n",
]
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.sampled_from("aZ (1.);,:\n\t\r\x0c\u2028\u00a0¹§_"), max_size=6),
    st.text(max_size=4),
)
STRUCTURED = st.lists(PIECES, max_size=40).map("".join)


def _check(text: str, heading_lines: tuple[int, ...] = ()) -> Document:
    doc = parse_source(SourceText("t.txt", "txt", text, heading_lines))
    assert doc.text == text
    assert tiling_problems(doc) == []
    return doc


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_is_tiled_exactly(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRUCTURED, st.lists(st.integers(0, 30), max_size=3))
def test_structured_noise_is_tiled_exactly(text: str, headings: list[int]) -> None:
    _check(text, tuple(headings))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEED_TEXTS),
    st.lists(
        st.tuples(st.integers(0, 10**5), st.integers(0, 120), st.sampled_from(["", *FRAGMENTS])),
        max_size=6,
    ),
)
def test_damaged_seeds_are_tiled_exactly(seed: str, edits: list[tuple[int, int, str]]) -> None:
    text = seed
    for pos, length, insert in edits:
        pos %= len(text) + 1
        text = text[:pos] + insert + text[pos + length :]
    _check(text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_seed_layout_variants_keep_their_clause_ids(seed: str, newline: str, squeeze: bool) -> None:
    """Removing blank lines (a PDF paste) must not change what the parser finds."""
    original = _check(seed)
    text = seed
    if squeeze:
        text = "\n".join(line for line in text.split("\n") if line.strip()) + "\n"
    text = text.replace("\n", newline).replace("\r\n", "\n")
    variant = _check(text)
    if original.parse.structure == "un":
        assert [c.id for c in variant.walk()] == [c.id for c in original.walk()]
        assert [c.opener for c in variant.walk()] == [c.opener for c in original.walk()]
