"""Decoding: BOMs, UTF-8, detected legacy code pages, and what we refuse."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.errors import InputError
from resdiff.ingest.decode import BINARY, UNDECODABLE, decode_bytes, normalize_newlines

CURLY = "The Council\u2019s \u201cimmediate\u201d ceasefire \u2013 caf\u00e9 r\u00e9sum\u00e9.\n"


def test_plain_utf8_is_returned_unchanged() -> None:
    assert decode_bytes(CURLY.encode("utf-8"), "a.txt") == CURLY


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + CURLY.encode("utf-8"), "a.txt") == CURLY


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + CURLY.encode(codec), "a.txt") == CURLY


def test_cp1252_curly_quotes_are_detected_not_mangled() -> None:
    text = (
        "Recalling its resolution \u201cProtection of civilians\u201d, the Council\u2019s "
        "na\u00efve caf\u00e9 r\u00e9sum\u00e9 \u2013 all of it,\n"
    ) * 3
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data, "a.txt") == text


def test_short_cp1252_with_only_quotes_and_dashes() -> None:
    text = "It\u2019s the \u201cceasefire\u201d \u2013 now."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == text


def test_cp1251_russian_is_not_read_as_western() -> None:
    text = "Совет Безопасности, ссылаясь на все свои резолюции, требует прекращения огня\n"
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_crlf_and_cr_become_lf_and_nothing_else_changes() -> None:
    raw = "a\r\nb\rc\n\u00a0d\u00ad\t\x0ce"
    assert decode_bytes(raw.encode("utf-8"), "a.txt") == "a\nb\nc\n\u00a0d\u00ad\t\x0ce"
    assert normalize_newlines("x\r\n\r\ny") == "x\n\ny"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "pic.txt")
    assert err.value.problem == BINARY
    assert err.value.path == "pic.txt"


def test_control_characters_mean_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(1, 9)) * 20 + b"text", "x.txt")


def test_undecodable_bytes() -> None:
    # Invalid UTF-8 that no code page reads as coherent text: noise in the high half.
    rng = random.Random(1)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(300))
    with pytest.raises(InputError) as err:
        decode_bytes(data, "odd.txt")
    assert err.value.problem == UNDECODABLE
    assert str(err.value) == f"odd.txt: {UNDECODABLE}"


def test_broken_utf16_after_bom_is_undecodable() -> None:
    with pytest.raises(InputError, match="cannot decode"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a", "x.txt")  # lone surrogate


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as err:
        assert err.path == "x.txt"
    else:
        assert "\r" not in text
