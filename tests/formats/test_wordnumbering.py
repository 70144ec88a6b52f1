"""Word's list counting, replayed: formats, restarts, overrides, legal numbering."""

from __future__ import annotations

import pytest
from lxml import etree

from resdiff.ingest.wordnumbering import Numbering, W, format_number


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (3, "decimal", "3"),
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (7, "decimalZero", "07"),
        (5, "someFutureFormat", "5"),
    ],
)
def test_number_formats(value: int, fmt: str, text: str) -> None:
    assert format_number(value, fmt) == text


DEFINITIONS = f"""<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
      <w:lvlText w:val="(%2)"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/>
      <w:isLgl/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
      <w:lvlText w:val="%1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/>
      <w:lvlRestart w:val="0"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="10"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="11"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="12"><w:abstractNumId w:val="1"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="20"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""


def numbering() -> Numbering:
    return Numbering.from_xml(etree.fromstring(DEFINITIONS))


def test_levels_restart_under_their_parent_and_legal_numbers_are_decimal() -> None:
    n = numbering()
    labels = [n.next_label("10", lvl) for lvl in (0, 1, 1, 2, 0, 1, 2)]
    assert labels == ["1.", "(a)", "(b)", "1.1", "2.", "(a)", "2.1"]


def test_a_second_list_on_the_same_definition_continues_unless_restarted() -> None:
    n = numbering()
    assert [n.next_label("10", 0), n.next_label("10", 0)] == ["1.", "2."]
    assert n.next_label("11", 0) == "3."  # same abstract list: Word continues counting
    assert [n.next_label("12", 0), n.next_label("12", 0)] == ["1.", "2."]  # startOverride


def test_lvl_restart_zero_never_restarts() -> None:
    n = numbering()
    labels = [n.next_label("20", lvl) for lvl in (0, 1, 1, 0, 1)]
    assert labels == ["I", "A.", "B.", "II", "C."]


def test_unknown_lists_and_numbering_off_give_no_label() -> None:
    n = numbering()
    assert n.next_label("0", 0) is None
    assert n.next_label("99", 0) is None
    assert n.next_label("10", 8) is None
