"""Header fields: symbols, dates, sponsors, titles."""

from __future__ import annotations

import pytest

from resdiff.parse.header import find_date, find_symbol, parse_header, split_sponsors
from resdiff.parse.lexicon import load_lexicon

LEX = load_lexicon("en")


@pytest.mark.parametrize(
    ("line", "symbol"),
    [
        ("United Nations          S/2024/239", "S/2024/239"),
        ("A/78/L.10/Rev.1", "A/78/L.10/Rev.1"),
        ("A/HRC/55/L.3", "A/HRC/55/L.3"),
        ("General Assembly   A/ES-10/L.27   Distr.: General", "A/ES-10/L.27"),
        ("E/CN.6/2024/L.3", "E/CN.6/2024/L.3"),
        ("A/C.3/78/L.12/Rev.2", "A/C.3/78/L.12/Rev.2"),
        ("S/RES/2728 (2024)", "S/RES/2728 (2024)"),
        ("See S/2024/239.", "S/2024/239"),
        ("United Nations A/RES/ES–10/21", "A/RES/ES-10/21"),  # en dash as pasted
        ("TCP/IP and N/A", None),
        ("Original: English", None),
    ],
)
def test_symbols(line: str, symbol: str | None) -> None:
    assert find_symbol(line) == symbol


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("22 March 2024", "2024-03-22"),
        ("on 5 December\n2023", "2023-12-05"),
        ("March 22, 2024", "2024-03-22"),
        ("2024-03-25", "2024-03-25"),
        ("31 February 2024", None),
        ("resolution 2728 (2024)", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    found = find_date(text, LEX)
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("United States of America", ("United States of America",)),
        ("Algeria, Guyana and Slovenia", ("Algeria", "Guyana", "Slovenia")),
        ("Jamaica and Trinidad and Tobago", ("Jamaica", "Trinidad and Tobago")),
        (
            "Bosnia and Herzegovina, Saint Vincent and the Grenadines, and Chile*",
            ("Bosnia and Herzegovina", "Saint Vincent and the Grenadines", "Chile"),
        ),
        (
            "United Kingdom of Great Britain and Northern Ireland and France",
            ("United Kingdom of Great Britain and Northern Ireland", "France"),
        ),
        ("", ()),
    ],
)
def test_sponsors(text: str, names: tuple[str, ...]) -> None:
    assert split_sponsors(text, LEX) == names


def test_wrapped_sponsors_line_and_title() -> None:
    lines = [
        "United Nations                 A/78/L.5",
        "General Assembly               Distr.: Limited",
        "                               1 November 2023",
        "Seventy-eighth session",
        "Agenda item 12",
        "",
        "Argentina, Brazil, Chile,",
        "Mexico and Uruguay: draft resolution",
        "",
        "Water for all",
        "",
    ]
    info = parse_header(lines, LEX)
    assert info.symbol == "A/78/L.5"
    assert info.date == "2023-11-01"
    assert info.sponsors == ("Argentina", "Brazil", "Chile", "Mexico", "Uruguay")
    assert info.title == "Water for all"


def test_title_without_sponsors() -> None:
    info = parse_header(["Protection of civilians", "in armed conflict", ""], LEX)
    assert info.title == "Protection of civilians in armed conflict"
    assert (info.symbol, info.date, info.sponsors) == (None, None, ())


def test_sponsors_broken_over_blank_lines_keep_every_name() -> None:
    lines = [
        "United Nations S/2033/77",
        "",
        "Arcadia, Borduria, Carpathia, Republic",
        "",
        "",
        "of Sylvania and Westmark: draft resolution",
    ]
    assert parse_header(lines, LEX).sponsors == (
        "Arcadia",
        "Borduria",
        "Carpathia",
        "Republic of Sylvania",
        "Westmark",
    )


def test_agenda_title_above_the_sponsors_is_not_a_sponsor() -> None:
    lines = [
        "Agenda item 5",
        "The situation in the Middle East, including the Palestinian question",
        "Norland and Sylvania: draft resolution",
    ]
    assert parse_header(lines, LEX).sponsors == ("Norland", "Sylvania")
    lines = [
        "Letter dated 3 April 2029 from the Permanent Representative",
        "Westmark*: draft resolution",
    ]
    info = parse_header(lines, LEX)
    assert info.sponsors == ("Westmark",)
    assert info.date is None  # the letter's date is not the draft's


def test_a_date_in_a_header_item_is_found() -> None:
    assert parse_header(["Distr.: General 22 March 2024"], LEX).date == "2024-03-22"


def test_an_adoption_date_outside_the_header_items_is_the_drafts() -> None:
    lines = [
        "Human Rights Council. Forty-ninth session",
        "Resolution adopted by the Human Rights Council on 13 July 2031",
        "49/12. Peaceful assembly",
    ]
    assert parse_header(lines, LEX).date == "2031-07-13"
    lines[1] = "Note verbale dated 13 July 2031 from the Permanent Mission of Norland"
    assert parse_header(lines, LEX).date is None
