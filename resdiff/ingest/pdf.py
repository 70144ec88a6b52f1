"""Read a PDF draft: its text layer, without the page furniture, as paragraphs.

pypdf (pure Python, maintained) extracts each page's lines in reading order. We then
drop what the printer added on every page - the symbol at the top, page numbers ("2/4"),
job numbers ("24-05234 (E)"), bar-code text, the "Distr.: General" block repeated on
later pages - and rebuild paragraphs from the remaining lines (see ``lines``), which
rejoins words hyphenated at line ends and paragraphs cut by page breaks.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter

from resdiff.errors import InputError
from resdiff.ingest import SourceText
from resdiff.ingest.paragraphs import find_author_line, rebuild_paragraphs
from resdiff.ingest.reader import check_lines
from resdiff.labels import Labels
from resdiff.typography import LIGATURES

ZONE = 3  # lines at the top and at the bottom of a page where furniture lives
_SYMBOL = re.compile(r"\b[A-Z]{1,5}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+")
_FURNITURE = (
    re.compile(r"\b\d{1,4}\s*/\s*\d{1,4}\b"),  # page x/y
    re.compile(r"\b\d{2}-\d{5}\s*\([A-Z]\)(?:\s+\d{6})?"),  # job number, optional date code
    re.compile(r"\*\d{5,}\*"),  # bar-code text
    re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.I),  # "Page 2 of 4", "2"
    re.compile(r"^-\s*\d{1,4}\s*-$"),  # "- 2 -"
    re.compile(r"^please recycle$", re.I),
)
#: Header block lines that some documents repeat on every page (removed on later pages).
_REPEATED_HEADER = (
    re.compile(r"\bDistr\.?:?\s*(?:General|Limited|Restricted)\b", re.I),
    re.compile(r"\bOriginal:\s*[A-Z][a-z]+(?:/[A-Z][a-z]+)*\b"),
)
#: A line opening with a paragraph label is never a running header.
_LABEL = Labels("number", "paren-number", "sub")
# What a text layer carries that no one typed: ligatures (resdiff.typography's), the spaces
# of justified print, soft hyphens. Only these are cleaned; the rest stays as printed.
_PRINT = str.maketrans({**LIGATURES, "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": None})
MIN_TEXT = 20  # fewer visible characters than this in the whole file: no text layer


def read_pdf(data: bytes, source: str) -> SourceText:
    """Paragraph text of a PDF's text layer; ``InputError`` for encrypted, scanned or corrupt."""
    pages = [_clean(page) for page in _page_texts(data, source)]
    if sum(len("".join(p.split())) for p in pages) < MIN_TEXT:
        raise InputError("no text layer: run OCR first", source)
    body: list[str] = []
    notes: list[tuple[str, str]] = []
    for page in strip_pages([p.split("\n") for p in pages]):
        page_body, page_notes = split_footnotes(page)
        body.extend(page_body)
        notes.extend(page_notes)
    text = rebuild_paragraphs(body)
    if notes:
        text += "\n" + "\n\n".join(f"[{n}] {note}" for n, note in notes) + "\n"
    return SourceText(source=source, format="pdf", text=text)


_NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
NOTE_ZONE = 12  # footnotes are looked for among the last lines of a page body


def _marker(number: str) -> re.Pattern[str]:
    """A footnote marker as text extraction leaves it: the number glued to the word or
    closing bracket before it ("(2023)1", "law,2")."""
    return re.compile(rf"(?<=[A-Za-z)\].,;:\u2019\u201d\"]){number}(?=[\s,.;:)]|$)")


def split_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """A page's body lines and its footnotes ``(number, text)``.

    A footnote starts on one of the page's last lines with a number and a space ("1 See
    S/2024/100.") *and* that number appears glued to a word above as a marker
    ("(2023)1"); following lines continue it until the next numbered note. The marker in
    the body becomes "[1]", the note goes to the end of the text as "[1] ..." - the
    layout the .docx reader writes and the parser reads as footnotes.
    """
    body = list(lines)
    start = None
    for k in range(max(1, len(body) - NOTE_ZONE), len(body)):
        m = _NOTE_START.match(body[k].strip())
        if m and any(_marker(m.group(1)).search(line) for line in body[:k]):
            start = k
            break
    if start is None:
        return body, []
    notes: list[tuple[str, str]] = []
    for line in body[start:]:
        m = _NOTE_START.match(line.strip())
        expected = str(int(notes[-1][0]) + 1) if notes else None
        if m and (not notes or m.group(1) == expected):
            notes.append((m.group(1), m.group(2).strip()))
        else:
            notes[-1] = (notes[-1][0], f"{notes[-1][1]} {line.strip()}")
    body = body[:start]
    for number, _ in notes:
        marker = _marker(number)
        for i, line in enumerate(body):
            if marker.search(line):
                body[i] = marker.sub(f"[{number}]", line, count=1)
                break
    return body, notes


def _page_texts(data: bytes, source: str) -> list[str]:
    from pypdf import PdfReader  # lazy: only PDF input pays for it
    from pypdf.errors import (
        DependencyError,
        FileNotDecryptedError,
        LimitReachedError,
        PdfReadError,
    )

    # pypdf logs its repairs ("EOF marker not found") to stderr through logging's
    # last-resort handler; the user gets our one line instead.
    pypdf_log = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in pypdf_log.handlers):
        pypdf_log.addHandler(logging.NullHandler())
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF: cannot read", source)
        texts: list[str] = []
        lines = 0
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            lines += texts[-1].count("\n") + 1
            check_lines(lines, source)  # a page of compressed text can hold 60,000 lines
        return texts
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise InputError("encrypted PDF: cannot read", source) from exc
    except (LimitReachedError, RecursionError, MemoryError) as exc:
        # pypdf's guards (page tree depth, decompressed size) and nesting it recursed into.
        raise InputError(
            f"PDF too deeply nested or too large to read safely ({_first_line(exc)})", source
        ) from exc
    except PdfReadError as exc:
        raise InputError(f"corrupt PDF ({_first_line(exc)})", source) from exc
    except Exception as exc:
        # Only pypdf runs in this block, and it raises many kinds of errors on damaged
        # files (its own, ValueError, KeyError, struct and zlib errors...): a file it
        # cannot read is one line for the user, whatever the kind.
        raise InputError(f"corrupt PDF ({type(exc).__name__}: {_first_line(exc)})", source) from exc


def _first_line(exc: BaseException, limit: int = 160) -> str:
    """pypdf's message, cut: it may quote pages of the file's bytes."""
    line = (str(exc).strip().splitlines() or ["unreadable"])[0]
    return line if len(line) <= limit else line[:limit] + "..."


def _clean(text: str) -> str:
    text = text.translate(_PRINT)
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_furniture(line: str, symbol_too: bool) -> bool:
    """Is this top/bottom line made only of page furniture (page and job numbers, bar
    codes, and - except in the first page's header - the document symbol and a repeated
    "Distr.: General" / "Original: English")?"""
    rest = line.strip()
    if not rest:
        return False
    if symbol_too:
        rest = _SYMBOL.sub(" ", rest)
        for pattern in _REPEATED_HEADER:
            rest = pattern.sub(" ", rest)
    for pattern in _FURNITURE:
        rest = pattern.sub(" ", rest).strip()
    return not rest


def strip_furniture(pages: list[list[str]]) -> list[str]:
    """All body lines of all pages, running headers and footers removed."""
    return [line for page in strip_pages(pages) for line in page]


def strip_pages(pages: list[list[str]]) -> list[list[str]]:
    """Each page's body lines, running headers and footers removed.

    A line in the top or bottom ``ZONE`` of a page goes when it is furniture, when it
    repeats a line of the first page's header block (later pages only), or when it recurs,
    digits aside, in the zones of at least half the pages (and at least two).
    """
    first = pages[0] if pages else []
    author = find_author_line(first)
    header = {_norm(line) for line in first[: author if author is not None else ZONE]}
    header.discard("")
    recurring = Counter(
        key for page in pages for key in {_key(line) for line in _zone(page) if line.strip()}
    )
    threshold = max(2, (len(pages) + 1) // 2)
    kept_pages: list[list[str]] = []
    for number, page in enumerate(pages):
        kept: list[str] = []
        kept_pages.append(kept)
        lines = [line for line in page if line.strip()]
        top = set(range(min(ZONE, len(lines))))
        bottom = set(range(max(0, len(lines) - ZONE), len(lines)))
        for i, line in enumerate(lines):
            in_top, in_bottom = i in top, i in bottom
            later = number > 0
            if (in_top and (later or author is None)) or in_bottom:
                if is_furniture(line, symbol_too=later or in_bottom):
                    continue
                if later and in_top and _norm(line) in header:
                    continue
                if (
                    len(pages) > 1
                    and (later or in_bottom)
                    and recurring[_key(line)] >= threshold
                    and _may_run(line)
                ):
                    continue
            kept.append(line)
    return kept_pages


def _may_run(line: str) -> bool:
    """Could this be a running header or footer? Not when it reads like a paragraph's
    first or last line (a label in front, clause punctuation at the end)."""
    text = line.strip()
    return len(text) <= 80 and not text.endswith((",", ";", ":", ".")) and not _LABEL.match(text)


def _zone(page: list[str]) -> list[str]:
    lines = [line for line in page if line.strip()]
    return lines[:ZONE] + lines[ZONE:][-ZONE:]


def _norm(line: str) -> str:
    return " ".join(line.split())


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", _norm(line))
