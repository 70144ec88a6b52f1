"""The cheaper signal readers of issue 16 give exactly the answers of the ones they
replaced (``legacy``), on the seed paragraphs and on random texts built from the lens's
own phrases, patterns' examples and the characters that trip matchers up."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resdiff.model import Clause, Span
from resdiff.signals import compiled
from resdiff.signals import lens as lens_module
from resdiff.signals.clausetext import flat_views
from resdiff.signals.extract import clause_signals, text_signals
from resdiff.signals.lens import Lens, bundled_lens_path, load_lens
from tests.unit.signals import legacy
from tests.unit.test_diff_words_props import seed_paragraphs

#: Text the lens's patterns read (references, numbers, actors), and what stops them.
PATTERN_PIECES = [
    "resolution 2720 (2023)",
    "resolutions 2712 (2023) and 2720",
    "S/2024/239",
    "A/RES/ES-10/21",
    "Article 25 of the Charter",
    "Articles 41 and 42 of the United Nations Charter",
    "Chapter VII",
    "the International Court of Justice",
    "an advisory opinion",
    "the Fourth Geneva Convention",
    "within 30 days",
    "no later than 31 March 2024",
    "by 7 October 2023",
    "2 per cent",
    "500 trucks",
    "twenty-five per cent",
    "the Government of Freedonia",
    "Hamas and other armed groups",
    "the armed group Sylvania Front",
    "committed by Ruritania",
    "1000.",
    "(a)",
    "12)",
]
#: Separators and characters that matchers treat specially.
NOISE = [
    " ", " ", " ", "  ", "\n", "\t", ", ", "; ", ". ", "-", " - ", "_", "'", '"', "(", ")",
    "\u00a0", "\u2011", "\u2019", "\u201c", "\u00ad", "\u0130", "\u0131", "\u017f",
    "\u212a", "é", "x", "s", "all", "the", "and", "not", "of", "1", "19",
]  # fmt: skip


@cache
def _lens(name: str = "default") -> Lens:
    return load_lens(() if name == "default" else (bundled_lens_path(name),))


@cache
def _phrases(name: str = "default") -> list[str]:
    """Every plain phrase of a bundled lens, as a writer would type it."""
    lens = _lens(name)
    out: set[str] = set()
    for t in lens.topics:
        out.update(t.terms)
        for quals in t.qualifiers.values():
            for ways in quals.values():
                out.update(ways)
    for ps in lens.cues.values():
        out.update(ps)
    out.update(lens.cancel_cues)
    out.update(lens.negations)
    out.update(lens.opener_skips)
    for ways in lens.actor_names.values():
        out.update(ways)
    out.update(v.phrase for v in lens.verbs)
    written = set()
    for p in out:
        if p.startswith("re:"):
            continue
        p = p.replace("(s)", "s").replace(" * ", " the immediate ")
        written.add(p)
    return sorted(written)


def _variant(phrase: str, how: int) -> str:
    if how == 1:
        return phrase.upper()
    if how == 2:
        return phrase.capitalize()
    if how == 3:
        return phrase.replace("-", " ")
    if how == 4:
        return phrase.replace("-", "")
    return phrase


@st.composite
def lens_texts(draw: st.DrawFn, name: str = "default") -> str:
    words = st.one_of(
        st.builds(_variant, st.sampled_from(_phrases(name)), st.integers(0, 6)),
        st.sampled_from(PATTERN_PIECES),
        st.sampled_from(NOISE),
    )
    parts = draw(st.lists(words, max_size=30))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", ", ", "\n", ""]), min_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=False))


def _as_clause(text: str, opener: str | None) -> Clause:
    return Clause(
        id="OP1",
        kind="operative",
        number="1",
        label="1.",
        opener=opener,
        text=text,
        span=Span(0, len(text)),
    )


def _same(text: str, opener: str | None = None, lens: Lens | None = None) -> None:
    lens = lens or _lens()
    assert text_signals(text, lens) == legacy.text_signals(text, lens), text
    if opener is not None:
        c = _as_clause(text, opener)
        assert clause_signals(c, lens) == legacy.text_signals(text, lens, clause=c), text


def test_same_signals_on_the_seed_paragraphs() -> None:
    for para in seed_paragraphs():
        _same(para, para.split(" ", 1)[0])


@pytest.mark.parametrize("uses", [0, 10**9])
def test_same_signals_on_the_seed_paragraphs_both_matchers(
    uses: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every word's phrases compiled, and with none (the literal matchers), on a
    lens of its own (a lens compiles each word's phrases once)."""
    monkeypatch.setattr(compiled, "LITERAL_USES", uses)
    monkeypatch.setattr(lens_module, "_CACHE", {})
    lens = load_lens(())
    for para in seed_paragraphs():
        _same(para, para.split(" ", 1)[0], lens)


@settings(max_examples=400, deadline=None)
@given(lens_texts(), st.sampled_from([None, "Demands", "Calls upon", "Recalling", "1."]))
def test_same_signals_on_random_lens_texts(text: str, opener: str | None) -> None:
    _same(text, opener)


@settings(max_examples=150, deadline=None)
@given(lens_texts("climate"))
def test_same_signals_with_the_climate_lens(text: str) -> None:
    _same(text, "Decides", _lens("climate"))


#: Phrases that the default lens does not have but a user's lens may: hyphenated and
#: plural second words, three-piece words, a case-sensitive one-word name.
ODD_PHRASES = [
    "all cease-fire(s)",
    "cease-fire",
    "the hostage(s)",
    "hostage(s)",
    "all",
    "full co-operation",
    "a x-y-z",
    "x-y-z",
    "in * of",
    "release of all",
]
ODD_CASED = ["Security Council", "Council", "the Council", "UN"]
ODD_WORDS = [
    "all", "cease", "fire", "fires", "ceasefire", "ceasefires", "the", "hostage", "hostages",
    "full", "co", "operation", "cooperation", "a", "x", "y", "z", "xy", "xyz", "in", "of",
    "release", "Council", "council", "Security", "security", "UN", "un", "-", " ", "  ",
    ", ", "\n", "_", "\u0131", "\u017f", "s",
]  # fmt: skip


@st.composite
def odd_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(ODD_WORDS), max_size=16))
    seps = draw(st.lists(st.sampled_from([" ", " ", "-", ", ", ""]), min_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=False))


@settings(max_examples=500, deadline=None)
@given(odd_texts())
@example("all ceasefire")
@example("all cease fires, the hostages")
@example("full cooperation and a xy-z")
@example("the Council, the council, Security  Council")
def test_same_scan_with_odd_phrases(text: str) -> None:
    scanner = _odd_scanner()
    folded, low = flat_views(text)
    assert scanner.scan(folded, low) == legacy.scan(scanner, folded, low)


@cache
def _odd_scanner() -> compiled.Scanner:
    return compiled.make_scanner([(ODD_PHRASES, False), (ODD_CASED, True), (ODD_CASED, False)])


def test_same_signals_on_long_clauses() -> None:
    """Long clauses with many qualifiers (where the word index is built) and dense ones."""
    paras = seed_paragraphs()
    for k in range(0, len(paras), 12):
        _same(" ".join(paras[k : k + 12]))
    dense = "immediate sustained ceasefire hostages unconditional release humanitarian access "
    _same(dense * 40)
