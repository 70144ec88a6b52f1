"""Warnings a parsed copy carries (Document.warnings): what a reader should doubt."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from resdiff import load
from resdiff.ingest import SourceText
from resdiff.parse.structure import parse_source
from resdiff.parse.warnings import _LONE_LETTER, lone_letters, text_layer_warnings

HEAD = "The Security Council,\n\nRecalling its resolution 4012 (2031),\n\n"


def warnings(text: str) -> tuple[str, ...]:
    return parse_source(SourceText("x.txt", "txt", text), "A").warnings


def test_complete_text_has_none() -> None:
    assert warnings(HEAD + "1. Demands a ceasefire;\n\n2. Decides to remain seized.\n") == ()


def test_un_text_without_operative_part() -> None:
    found = warnings(HEAD + "Noting the report of the Panel,\n")
    assert found == ("no operative paragraph: the copy may stop before the operative part",)


def test_a_copy_that_ends_mid_list() -> None:
    found = warnings(HEAD + "1. Requests the Mission to give priority to:\n\n(a) civilians; and\n")
    assert found == ("OP1(a) ends with '; and': the copy may be cut after it",)


def test_a_copy_cut_mid_word_in_its_last_subparagraph() -> None:
    text = HEAD + "1. Requests the Mission to:\n\n(a) protect civilians;\n\n(b) monitor the rep\n"
    assert warnings(text) == (
        "OP1(b) stops mid-sentence ('... monitor the rep'): the copy may be cut inside it",
    )


def test_a_copy_cut_mid_sentence_with_a_trailing_space() -> None:
    text = HEAD + "1. Demands a truce;\n\n2. Expresses its intent to review the mandate \n"
    assert warnings(text) == (
        "OP2 stops mid-sentence ('... its intent to review the mandate'): "
        "the copy may be cut inside it",
    )


def test_a_copy_that_ends_on_a_colon() -> None:
    found = warnings(HEAD + "1. Requests the Mission to give priority to:\n")
    assert found == ("OP1 ends with ':': the copy may be cut after it",)


def test_a_full_stop_behind_closing_marks_ends_the_text() -> None:
    for ending in ('."', ".”", ".*", ".¹", ". ", "…"):
        assert warnings(HEAD + f"1. Decides to remain seized of the matter{ending}\n") == ()


def test_a_preamble_only_copy_is_warned_once() -> None:
    found = warnings(HEAD + "Noting the report of the Pan\n")
    assert found == ("no operative paragraph: the copy may stop before the operative part",)


def test_plain_text_without_a_final_stop_is_not_warned_about() -> None:
    assert warnings("1. Some notes\n\n2. More notes without an end\n") == ()


def test_a_folded_paragraph_misses_words() -> None:
    text = HEAD + "Noting the damage done … [read more]\n\n1. Decides to remain seized.\n"
    assert warnings(text) == (
        "PP2 is folded ('… [read more]'): words of it are missing from the copy",
    )
    text = HEAD + "1. Requests the Mission to:\n\n(a) protect... (Show more)\n\n(b) report.\n"
    assert warnings(text) == (
        "OP1(a) is folded ('... (Show more)'): words of it are missing from the copy",
    )


def test_a_page_link_after_the_last_paragraph_is_no_cut() -> None:
    assert warnings(HEAD + "1. Decides to remain seized of the matter. [^]\n") == ()
    assert warnings(HEAD + "1. Decides to remain seized of the matter.\n\n[^]\n") == ()


def test_numbers_that_jump_or_repeat() -> None:
    text = HEAD + "1. Demands a ceasefire;\n\n1. Urges restraint;\n\n4. Decides to remain seized.\n"
    found = warnings(text)
    assert "operative number 1 repeated (OP1-2)" in found
    assert "operative paragraph 2-3 missing" in found


def test_operative_paragraph_with_no_known_opener() -> None:
    found = warnings(HEAD + "1. Herewith extends the mandate for one year.\n")
    assert found == ("OP1 opens with no known operative phrase ('Herewith extends the ...')",)


def test_plain_text_is_not_warned_about() -> None:
    assert warnings("Some notes.\n\nMore notes,\n") == ()


def test_negotiation_labels_and_spaced_numbers_are_labels() -> None:
    text = (
        "The Security Council,\n\nPP1. Recalling its resolution,\n\n"
        "OP1 : Demands a truce;\n\n2 . Decides to remain seized.\n"
    )
    doc = parse_source(SourceText("x.txt", "txt", text), "A")
    assert [(c.id, c.label, c.opener) for c in doc.clauses] == [
        ("PP1", "PP1.", "Recalling"),
        ("OP1", "OP1 :", "Demands"),
        ("OP2", "2 .", "Decides to remain seized"),
    ]
    assert doc.warnings == ()


def test_author_line_run_on_with_its_paragraphs() -> None:
    text = (
        "The Security Council, Reaffirming its support, Recalling its resolution 1 (2030),\n"
        "1. Demands a truce.\n"
    )
    doc = parse_source(SourceText("x.txt", "txt", text), "A")
    assert doc.author == "The Security Council"
    assert [(c.id, c.text) for c in doc.clauses] == [
        ("PP1", "Reaffirming its support,"),
        ("PP2", "Recalling its resolution 1 (2030),"),
        ("OP1", "Demands a truce."),
    ]
    assert text[: doc.header.end] == "The Security Council, "


def test_many_problems_of_one_sort_are_counted_after_the_first_ten() -> None:
    """A text read against its grain (numbers cycling 1, 2, 1, 2...) gets ten warnings of
    a sort and a count, not one line per paragraph; the parse note too."""
    body = "".join(f"{k % 2 + 1}. Demands measure {k};\n\n" for k in range(40))
    body += "".join(f"{k + 3}. Zebras graze {k};\n\n" for k in range(15))
    doc = parse_source(SourceText("x.txt", "txt", HEAD + body + "60. Decides.\n"), "A")
    repeated = [w for w in doc.warnings if "repeated" in w]
    assert len(repeated) == 10 and repeated[0] == "operative number 1 repeated (OP1-2)"
    assert "and 29 more numbering problems" in doc.warnings
    unknown = [w for w in doc.warnings if "no known operative phrase" in w]
    assert len(unknown) == 10
    assert "and 5 more operative paragraphs opening with no known phrase" in doc.warnings
    assert doc.parse.note.endswith("; and 29 more numbering problems")


def test_cut_short_is_what_the_cut_warnings_say() -> None:
    """Ranking discounts what a cut copy may merely lack; it asks ``cut_short``, which
    must agree with the warnings a reader sees."""
    from resdiff.parse.warnings import cut_short

    cases = {
        HEAD + "1. Demands a ceasefire;\n\n2. Decides to remain seized.\n": False,
        HEAD + "Noting the report of the Panel,\n": True,
        HEAD + "1. Requests the Mission to give priority to:\n\n(a) civilians; and\n": True,
        HEAD + "1. Demands a ceasefire;\n\n1. Urges restraint;\n": True,
        HEAD + "1. Demands a ceasefire;\n\n1. Urges restraint.\n": False,
    }
    for text, cut in cases.items():
        doc = parse_source(SourceText("x.txt", "txt", text), "A")
        un_text = doc.author is not None or bool(doc.sponsors)
        assert cut_short(doc.clauses, un_text=un_text) is cut, text
        assert any("may be cut" in w or "may stop" in w for w in doc.warnings) is cut, text


SPLIT = (
    "The S ecurity Counci l,\n"
    "Reca llin g all its p revious r esolutio ns on the V arnish\n"
    "Archipelago,\n1 . De mands that the p ort be r eopened;\n"
)


def test_words_split_by_spaces_are_warned_of() -> None:
    assert text_layer_warnings(SPLIT) == (
        "words split by spaces ('Reca llin g all its p revious r'): the copy's text "
        "layer is broken, so its paragraphs, openers and author line may be misread",
    )


def test_a_few_lone_letters_in_prose_are_no_broken_layer() -> None:
    line = "1. Endorses the plan of the Office for the water supply of the districts,\n"
    text = HEAD + line * 8 + "2. Takes note of Plan B, annex C, options (b) and x of Part D.\n"
    assert len(text.split()) > 100
    assert text_layer_warnings(text) == ()
    assert text_layer_warnings("") == ()


def test_the_loader_warns_of_a_broken_layer_whatever_the_reading(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(SPLIT, encoding="utf-8")
    doc = load(str(path))
    assert doc.parse.structure == "paragraphs"
    assert doc.warnings == text_layer_warnings(SPLIT)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["a", "I", "b", "Z", "é", "x", "Reca", "llin", "g", "1", "."]),
            st.text(alphabet="abIZ .\n\t\u00a0\u2003\u3000é", max_size=6),
        ),
        max_size=40,
    )
)
def test_lone_letters_counts_what_the_pattern_finds(parts: list[str]) -> None:
    """Counting one-letter words on ``str.split`` finds exactly the pattern's matches,
    whatever the spaces (Unicode ones included)."""
    text = " ".join(parts)
    assert lone_letters(text.split()) == len(_LONE_LETTER.findall(text))
