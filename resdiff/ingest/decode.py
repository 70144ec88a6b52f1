"""Bytes -> text: BOMs first, then strict UTF-8, then a detector for legacy code pages.

Decoding never guesses silently: a legacy single-byte encoding is accepted only when
charset-normalizer finds one that reads the bytes as coherent text. When several code
pages tie (they decode the bytes to the same quality), we prefer the Windows code pages
of the UN working languages, Western (cp1252) first: that is a tie-break among equally
good readings, not a guess. Line endings are normalised to ``\\n``; nothing else in the
text is changed.
"""

from __future__ import annotations

import codecs

from resdiff.errors import InputError

UNDECODABLE = "cannot decode: not UTF-8, UTF-16 or a recognisable legacy encoding"
BINARY = "binary file, not text"

#: Tie-break order among code pages the detector rates equally (UN working languages).
PREFERRED_LEGACY = ("cp1252", "cp1251", "cp1256", "cp1250", "cp1253", "cp1254", "cp1257")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return, escape.
_CONTROL = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_CONTROL_BYTES = bytes(sorted(_CONTROL))  # counted by bytes.translate: C speed


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF: the one change made to what was written."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, mean this is not a text file."""
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a text file's bytes; raise ``InputError`` naming ``source`` if we cannot."""
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(UNDECODABLE, source) from exc
        if encoding.startswith("utf-8") and looks_binary(data):
            raise InputError(BINARY, source)
        # A UTF-16/32 BOM is consumed by the codec; a UTF-8 BOM by utf-8-sig.
        return normalize_newlines(text.removeprefix("\ufeff"))
    if looks_binary(data):
        raise InputError(BINARY, source)
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return normalize_newlines(_decode_legacy(data, source))


def _decode_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 input

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(UNDECODABLE, source)
    best = matches[0]
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    for preferred in PREFERRED_LEGACY:
        for match in tied:
            if preferred in match.could_be_from_charset:
                try:
                    return data.decode(preferred)
                except UnicodeDecodeError:
                    continue
    text = str(best)
    if not text:
        raise InputError(UNDECODABLE, source)
    return text
