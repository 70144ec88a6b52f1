"""UN-style drafts the parser has never seen, written for these tests (all invented).

Each input stresses something people paste: hard wrapping without blank lines, "1)"
numbering, no header, General Assembly and Human Rights Council authors, sub-paragraphs
inside a preambular paragraph, missing and repeated numbers, headings and footnotes.
"""

from __future__ import annotations

from resdiff.ingest import SourceText
from resdiff.ingest.markdown import render_markdown
from resdiff.model import Document
from resdiff.parse.invariants import tiling_problems
from resdiff.parse.structure import parse_source


def parse(text: str, heading_lines: tuple[int, ...] = (), fmt: str = "txt") -> Document:
    doc = parse_source(SourceText("test." + fmt, fmt, text, heading_lines))
    assert tiling_problems(doc) == []
    return doc


def ids(doc: Document) -> list[str]:
    return [c.id for c in doc.walk()]


def openers(doc: Document, kind: str) -> list[str | None]:
    return [c.opener for c in doc.walk() if c.kind == kind]


GA_DRAFT = """\
United Nations                                        A/78/L.99/Rev.1
General Assembly                                      Distr.: Limited
                                                      5 December 2023
                                                      Original: English
Seventy-eighth session
Agenda item 68
Illustrative draft written for tests; not a UN document.

Bosnia and Herzegovina, Chile, Trinidad and Tobago and Norway: revised draft resolution

Protection of journalists and media workers in
situations of armed conflict

The General Assembly,

Guided by the purposes and principles of the Charter of the United Nations,

Recalling its previous resolutions on the subject, in particular:

(a) Resolution 77/111 of 1 December 2022;

(b) Resolution 76/222 of 3 December 2021,

Deeply concerned by the number of journalists killed in the exercise of their profession,

I

General provisions

1. Condemns all attacks against journalists and media workers;

2. Calls upon all States to ensure accountability;

4. Urges States to release arbitrarily detained journalists;

II

Follow-up

4. Requests the Secretary-General to report to it at its eightieth session on:

(a) Measures taken;

(b) Obstacles encountered;

(c) Good practices;

(d) Data collected;

(e) Training provided;

(f) Cooperation with regional bodies;

(g) Support to victims;

(h) Safety mechanisms;

(i) Awareness-raising;

(j) Any other matter;

5. Decides to include in the provisional agenda of its eightieth session the item entitled
"Protection of journalists".

__________________
1 See A/78/123, para. 4.
2 See also resolution 77/111.
"""


def test_general_assembly_draft_with_headings_gaps_repeats_and_footnotes() -> None:
    doc = parse(GA_DRAFT)
    assert doc.parse.structure == "un"
    assert (doc.author, doc.symbol, doc.date) == (
        "The General Assembly",
        "A/78/L.99/Rev.1",
        "2023-12-05",
    )
    assert doc.sponsors == ("Bosnia and Herzegovina", "Chile", "Trinidad and Tobago", "Norway")
    assert (
        doc.title == "Protection of journalists and media workers in situations of armed conflict"
    )
    assert [c.id for c in doc.clauses] == [
        "PP1",
        "PP2",
        "PP3",
        "H1",
        "OP1",
        "OP2",
        "OP4",
        "H2",
        "OP4-2",
        "OP5",
    ]
    # A sub-paragraph list inside a preambular paragraph.
    assert [c.id for c in doc.clause("PP2").children] == ["PP2(a)", "PP2(b)"]
    assert doc.clause("PP2(b)").text == "Resolution 76/222 of 3 December 2021,"
    # Headings: roman numeral with its title on the next paragraph.
    assert (doc.clause("H1").label, doc.clause("H1").text) == ("I", "General provisions")
    assert doc.clause("H2").text == "Follow-up"
    # (i) after (h) is the letter i, not a roman sub-list.
    assert [c.id for c in doc.clause("OP4-2").children][-3:] == [
        "OP4-2(h)",
        "OP4-2(i)",
        "OP4-2(j)",
    ]
    assert all(c.kind == "subparagraph" for c in doc.clause("OP4-2").children)
    assert "operative paragraph 3 missing" in doc.parse.note
    assert "operative number 4 repeated (OP4-2)" in doc.parse.note
    assert doc.clause("OP5").text.endswith('"Protection of journalists".')
    assert [(n.id, n.kind, n.text) for n in doc.footnotes] == [
        ("FN1", "other", "See A/78/123, para. 4."),
        ("FN2", "other", "See also resolution 77/111."),
    ]
    assert "____" not in doc.clause("OP5").text


HRC_HARD_WRAPPED = """\
Human Rights Council
Fifty-fifth session
A/HRC/55/L.99
The Human Rights Council,
Reaffirming the Universal Declaration of Human Rights,
Recalling Human Rights Council resolution 52/1 of 3 April
2023, and noting the report of the Special Rapporteur,
Also recalling its decision to hold an annual panel
discussion,
1) Welcomes the report of the Special Rapporteur on the
right to food;
2) Also requests the Office of the High Commissioner to
prepare a study, in consultation with States and
Member States, on:
(a) Good practices;
(b) Challenges, including:
(i) Financing;
(ii) Capacity;
3) Expresses its grave concern at the persistence of hunger,
Noting that this is not a new paragraph;
4) Decides to continue its consideration of the matter.
"""


def test_human_rights_council_hard_wrapped_with_parenthesis_numbers() -> None:
    doc = parse(HRC_HARD_WRAPPED)
    assert (doc.author, doc.symbol, doc.date) == (
        "The Human Rights Council",
        "A/HRC/55/L.99",
        None,
    )
    assert ids(doc) == [
        "PP1",
        "PP2",
        "PP3",
        "OP1",
        "OP2",
        "OP2(a)",
        "OP2(b)",
        "OP2(b)(i)",
        "OP2(b)(ii)",
        "OP3",
        "OP4",
    ]
    assert openers(doc, "preambular") == ["Reaffirming", "Recalling", "Also recalling"]
    assert openers(doc, "operative") == [
        "Welcomes",
        "Also requests",
        "Expresses its grave concern",
        "Decides",
    ]
    # "2023, and noting" continues PP2 (lower case); "Member States" continues OP2.
    assert doc.clause("PP2").text.endswith("2023, and noting the report of the Special Rapporteur,")
    assert doc.clause("OP2").text.endswith("Member States, on:")
    # An opener after a comma inside the operative part does not make a preambular paragraph.
    assert "Noting that this is not a new paragraph;" in doc.clause("OP3").text
    assert doc.parse.note.endswith("4 sub-paragraphs")


NO_HEADER_UNNUMBERED = """\
Expressing deep concern about the situation,

Noting with appreciation the work of the mission,

1. Demands an immediate halt to hostilities;

Strongly condemns all attacks on civilians;

3. Decides to remain seized of the matter.
"""


def test_no_header_and_an_operative_paragraph_without_number() -> None:
    doc = parse(NO_HEADER_UNNUMBERED)
    assert doc.parse.structure == "un"
    assert "no author line" in doc.parse.note
    assert doc.header.end == 0
    assert ids(doc) == ["PP1", "PP2", "OP1", "OP1-2", "OP3"]
    assert doc.clause("OP1-2").opener == "Strongly condemns"
    assert doc.clause("OP1-2").number is None
    assert "OP1-2 has no number" in doc.parse.note
    assert "missing" not in doc.parse.note


ADOPTED = """\
Security Council                                      Distr.: General
                                                      26 March 2024
Illustrative text written for tests; not a UN document.

Resolution 2999 (2024)

Adopted by the Security Council at its 9999th meeting, on
25 March 2024

The Security Council,

Recalling its resolution 2728 (2024),

Acting under Chapter VII of the Charter of the United Nations,

1. Decides that all States shall comply;

2. Decides to remain actively seized of the matter.
"""


def test_adopted_resolution_header() -> None:
    doc = parse(ADOPTED)
    assert doc.symbol == "S/RES/2999 (2024)"
    assert doc.date == "2024-03-26"
    assert doc.sponsors == ()
    assert doc.title is None  # the wrapped adoption line is not a title
    assert openers(doc, "preambular") == [
        "Recalling",
        "Acting under Chapter VII of the Charter of the United Nations",
    ]
    assert openers(doc, "operative") == ["Decides", "Decides to remain actively seized"]


MARKDOWN = """\
# Draft resolution on water

**The General Assembly**,

*Recalling* its resolution 64/292,

*Noting with concern* that many people lack _safe_ water,

## A. Access

1. **Calls upon** States to:
   1. invest in water;
   2. protect sources:
      - rivers;
      - lakes;
2. *Decides* to remain seized of the matter.

[^1]: A note on sources.
"""


def test_markdown_draft() -> None:
    text, headings = render_markdown(MARKDOWN)
    doc = parse(text, headings, fmt="md")
    assert doc.title == "Draft resolution on water"
    assert doc.author == "The General Assembly"
    assert ids(doc) == [
        "PP1",
        "PP2",
        "H1",
        "OP1",
        "OP1(a)",
        "OP1(b)",
        "OP1(b)(i)",
        "OP1(b)(ii)",
        "OP2",
        "FN1",
    ]
    assert (doc.clause("H1").label, doc.clause("H1").text) == ("A.", "Access")
    assert doc.clause("PP2").text == "Noting with concern that many people lack safe water,"
    assert openers(doc, "operative") == ["Calls upon", "Decides to remain seized"]
    assert [(n.id, n.text) for n in doc.footnotes] == [("FN1", "A note on sources.")]


SECTIONS_AND_LETTER_HEADINGS = """\
The Economic and Social Council,

Welcoming the report,

Part I

A. Humanitarian access

1. Takes note of the report;

2. Underscores the need for access;

B. Funding

3. Encourages donors to contribute:

    (i) Promptly;

    (ii) Flexibly;

[^1]: Mid-text note.

4. Requests a report.
"""


def test_part_and_letter_headings_and_a_roman_first_level_list() -> None:
    doc = parse(SECTIONS_AND_LETTER_HEADINGS)
    assert doc.author == "The Economic and Social Council"
    assert [(c.id, c.kind) for c in doc.clauses] == [
        ("PP1", "preambular"),
        ("H1", "heading"),
        ("H2", "heading"),
        ("OP1", "operative"),
        ("OP2", "operative"),
        ("H3", "heading"),
        ("OP3", "operative"),
        ("FN1", "other"),  # a note in the middle stays in document order
        ("OP4", "operative"),
    ]
    assert (doc.clause("H2").label, doc.clause("H2").text) == ("A.", "Humanitarian access")
    assert [c.id for c in doc.clause("OP3").children] == ["OP3(i)", "OP3(ii)"]
    assert doc.footnotes == ()
    assert doc.clause("OP1").opener == "Takes note"


def test_plain_paragraphs_fallback() -> None:
    doc = parse("A letter to the editor.\n\nIt has two paragraphs,\nwrapped.\n")
    assert doc.parse.structure == "paragraphs"
    assert "read as plain paragraphs" in doc.parse.note
    assert [(c.id, c.text) for c in doc.clauses] == [
        ("P1", "A letter to the editor."),
        ("P2", "It has two paragraphs,\nwrapped."),
    ]


def test_numbered_fallback_with_section_signs_and_articles() -> None:
    text = (
        "Article 1. The parties agree to cooperate.\n\n"
        "§ 2 Each party shall report yearly.\n\n"
        "§ 3 Reports are public:\n(a) online;\n(b) in print.\n"
    )
    doc = parse(text)
    assert doc.parse.structure == "numbered"
    assert ids(doc) == ["Art1", "§2", "§3", "§3(a)", "§3(b)"]
    assert doc.clause("Art1").kind == "operative"
    assert doc.clause("Art1").text == "The parties agree to cooperate."


def test_crlf_free_text_with_odd_whitespace_keeps_every_character() -> None:
    text = "\ufeffThe Security Council,\x0c\n\u00a0Recalling\u00a0x,\n\t1.\tDecides;\u2028more\n"
    doc = parse(text)
    assert ids(doc) == ["PP1", "OP1"]
    assert doc.clause("OP1").text == "Decides;\u2028more"


def test_number_alone_on_its_line_takes_the_next_line_as_text() -> None:
    text = (
        "The Security Council,\nRecalling x,\n1.\nDemands y;\nAlso demands w;\n2.\n\nDecides z.\n"
    )
    doc = parse(text)
    assert [(c.id, c.label, c.opener, c.text) for c in doc.clauses] == [
        ("PP1", None, "Recalling", "Recalling x,"),
        ("OP1", "1.", "Demands", "Demands y;"),
        ("OP1-2", None, "Also demands", "Also demands w;"),
        ("OP2", "2.", "Decides", "Decides z."),
    ]


def test_unnumbered_operative_part_is_counted_in_order() -> None:
    text = (
        "The Security Council,\n\nRecalling x,\n\nAppalled by y,\n\n"
        "Welcomes z;\n\nOnce again calls upon all parties to comply;\n\nDecides w.\n"
    )
    doc = parse(text)
    assert ids(doc) == ["PP1", "PP2", "OP1", "OP2", "OP3"]
    assert [c.number for c in doc.clauses] == [None] * 5
    assert openers(doc, "operative") == ["Welcomes", "Once again calls upon", "Decides"]
    assert "without numbers counted in order" in doc.parse.note


def test_header_without_author_line() -> None:
    text = (
        "S/2024/1\n\nMalta and Japan: draft resolution\n\nRecalling its resolutions,\n\n"
        "1. Demands x;\n\n2. Decides to remain seized of the matter.\n"
    )
    doc = parse(text)
    assert (doc.symbol, doc.sponsors, doc.author) == ("S/2024/1", ("Malta", "Japan"), None)
    assert doc.header.slice(doc.text) == "S/2024/1\n\nMalta and Japan: draft resolution\n\n"
    assert ids(doc) == ["PP1", "OP1", "OP2"]


PDF_PAGES = """\
The Security Council,
Recalling its resolutions on the protection of
civilians in armed conflict,
Expressing grave concern at the situation of civilians in the
region and at the obstacles to the delivery of

24-05234 (E)    250324
*2405234*

S/2024/999
2/3

Humanitarian assistance, and at the scale of displacement,
1. Demands that all parties protect civilians;

S/2024/999
3/3

2. Decides to remain seized of the matter.
"""


def test_pdf_page_artefacts_neither_split_nor_start_paragraphs() -> None:
    doc = parse(PDF_PAGES)
    assert ids(doc) == ["PP1", "PP2", "OP1", "OP2"]
    pp2 = doc.clause("PP2")
    # The artefacts stay in the text (nothing is lost) but do not cut the paragraph.
    assert pp2.text.startswith("Expressing grave concern at the situation")
    assert pp2.text.endswith("Humanitarian assistance, and at the scale of displacement,")
    assert "2/3" in pp2.text
    assert doc.clause("OP2").text == "Decides to remain seized of the matter."
    # A page footer after a paragraph's last line is not part of its text.
    assert doc.clause("OP1").text == "Demands that all parties protect civilians;"


def test_the_structure_note_counts_one_sub_paragraph_in_the_singular() -> None:
    doc = parse(
        "The Security Council,\n\nRecalling its resolutions,\n\n"
        "1. Requests the Secretary-General to:\n(a) report;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert doc.parse.note.endswith("2 operative, 1 sub-paragraph"), doc.parse.note
