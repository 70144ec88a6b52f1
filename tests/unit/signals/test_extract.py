"""Clause signals: verbs, topics with spans, qualifiers, links, actors, references, numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.model import Link
from resdiff.signals.extract import clause_signals, text_signals
from resdiff.signals.lens import Lens
from tests.unit.signals.conftest import OP1_DEMANDS, OP1_TIED, clause


def test_op1_tied_reads_the_condition(lens: Lens) -> None:
    s = clause_signals(clause("OP1", OP1_TIED), lens)
    assert s.verb is not None
    assert (s.verb.text, s.verb.scale) == ("Determines the imperative of", "obligation")
    assert s.qualifiers["ceasefire"] == ("immediate", "sustained")
    assert s.qualifiers["hostages"] == ("all remaining",)
    assert s.links == (Link(("ceasefire", "hostages"), "conditional", "in connection with"),)


def test_op1_demands_reads_two_parallel_demands(lens: Lens) -> None:
    s = clause_signals(clause("OP1", OP1_DEMANDS), lens)
    assert s.verb is not None and s.verb.text == "Demands"
    assert set(s.qualifiers["ceasefire"]) >= {
        "immediate",
        "for the month of Ramadan",
        "lasting",
        "sustainable",
    }
    assert "permanent" not in s.qualifiers["ceasefire"]
    assert set(s.qualifiers["hostages"]) == {"immediate", "unconditional", "all"}
    link = next(x for x in s.links if set(x.topics) == {"ceasefire", "hostages"})
    assert link.relation == "parallel"
    assert link.cue.startswith("also demands")
    assert "all parties" in s.actors


def test_mention_spans_index_the_original_text(lens: Lens) -> None:
    text = "Calls for a humanitarian\u00a0pause and a \u201ccease\u2011fire\u201d;"
    s = text_signals(text, lens)
    assert [m.topic for m in s.topics] == ["ceasefire", "ceasefire"]
    for m in s.topics:
        assert text[m.span.start : m.span.end] == m.text
    assert s.topics[1].text == "cease\u2011fire"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Demands",
                "ceasefire",
                "cease-fire",
                "\u201chostages\u201d",
                "İstanbul",
                "ﬁre",
                "\u00a0",
                "in connection with",
                "and also demands",
                "civilians",
                "within 30 days",
                "resolution 2720 (2023)",
                ";",
                ",",
                ". ",
                "the Government of Freedonia",
                "ẞ",
            ]
        ),
        max_size=25,
    ).map(" ".join)
)
def test_spans_always_slice_their_text(lens: Lens, text: str) -> None:
    s = text_signals(text, lens)
    for m in s.topics:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
    for link in s.links:
        assert set(link.topics) <= set(s.topic_ids)
        assert link.topics[0] != link.topics[1]
    for topic in s.qualifiers:
        assert topic in s.topic_ids


@pytest.mark.parametrize(
    ("text", "opener", "verb", "scale"),
    [
        ("Calls upon all parties to comply;", None, "Calls upon", "obligation"),
        ("1. Strongly condemns the attacks;", None, "Strongly condemns", "condemnation"),
        ("(b) Further demands that aid flow;", None, "Further demands", "obligation"),
        (
            "Expressing deep concern at the situation,",
            None,
            "Expressing deep concern",
            "condemnation",
        ),
        (
            "Expresses its grave concern at the situation;",
            None,
            "Expresses its grave concern",
            "condemnation",
        ),
        ("Expresses its appreciation to donors;", None, "Expresses", "obligation"),
        ("Mindful of the month of Ramadan,", None, "Mindful of", "obligation"),
        ("Decides to remain seized of the matter.", "Decides", "Decides", "obligation"),
        ("the text does not start with the verb", "Urges", "Urges", "obligation"),
    ],
)
def test_opener_verbs(lens: Lens, text: str, opener: str | None, verb: str, scale: str) -> None:
    s = clause_signals(clause("OP1", text, opener=opener), lens)
    assert s.verb is not None
    assert (s.verb.text, s.verb.scale) == (verb, scale)


def test_no_verb_for_a_subparagraph_continuation(lens: Lens) -> None:
    assert clause_signals(clause("OP4(a)", "(a) Expedite the mechanism;"), lens).verb is None


def test_preambular_opener_is_weaker_than_operative(lens: Lens) -> None:
    pre = clause_signals(clause("PP7", "Condemning all attacks,", "preambular"), lens).verb
    op = clause_signals(clause("OP8", "Deplores all attacks;"), lens).verb
    assert pre is not None and op is not None
    assert pre.scale == op.scale == "condemnation"
    assert pre.strength < op.strength


@pytest.mark.parametrize(
    ("text", "relation", "cue"),
    [
        ("Supports a ceasefire linked to the release of hostages;", "conditional", "linked to"),
        (
            "Supports a ceasefire contingent on the release of hostages;",
            "conditional",
            "contingent on",
        ),
        (
            "Calls for a truce in return for the release of hostages;",
            "conditional",
            "in return for",
        ),
        (
            "Calls for a ceasefire, provided that hostages are freed;",
            "conditional",
            "provided that",
        ),
        (
            "Provided that all hostages are freed, supports a ceasefire;",
            "conditional",
            "Provided that",
        ),
        (
            "Calls for a ceasefire not conditional on the release of hostages;",
            "parallel",
            "not conditional on",
        ),
        ("Calls for the release of hostages followed by a ceasefire;", "sequence", "followed by"),
        ("Calls for a ceasefire as well as the release of hostages;", "parallel", "as well as"),
        (
            "Calls for a ceasefire and the unconditional release of hostages;",
            "parallel",
            "unconditional",
        ),
    ],
)
def test_link_cues(lens: Lens, text: str, relation: str, cue: str) -> None:
    links = text_signals(text, lens).links
    assert len(links) == 1
    assert set(links[0].topics) == {"ceasefire", "hostages"}
    assert (links[0].relation, links[0].cue) == (relation, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Demands a ceasefire. It also demands the release of hostages in connection with talks.",
        "Demands a ceasefire; demands the release of hostages.",
        "Demands a ceasefire and the release of hostages;",
        "Calls for a humanitarian pause leading to a ceasefire;",
    ],
)
def test_no_link(lens: Lens, text: str) -> None:
    assert text_signals(text, lens).links == ()


def test_actors_named_and_found(lens: Lens) -> None:
    s = text_signals(
        "Calls upon the Government of Freedonia and the Secretary-General, and condemns the "
        "attacks carried out by Sylvanian Liberation Front and other armed groups;",
        lens,
    )
    assert s.actors == (
        "Government of Freedonia",
        "Secretary-General",
        "Sylvanian Liberation Front",
        "armed groups",
    )


def test_references_and_numbers(lens: Lens) -> None:
    s = text_signals(
        "Recalling its resolutions 2712 (2023) and 2720 (2023), document S/2024/239, "
        "A/ES-10/L.27 and Article 25 of the Charter, and the advisory opinion of the "
        "International Court of Justice, requests a report within 30 days and a briefing "
        "by 31 March 2024,",
        lens,
    )
    assert s.references == (
        "resolution 2712 (2023)",
        "resolution 2720 (2023)",
        "S/2024/239",
        "A/ES-10/L.27",
        "Charter Article 25",
        "ICJ advisory opinion",
        "International Court of Justice",
    )
    assert s.numbers == ("within 30 days", "by 31 March 2024")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_read_without_error(lens: Lens, text: str) -> None:
    s = text_signals(text, lens)
    for m in s.topics:
        assert text[m.span.start : m.span.end] == m.text
