"""Load: bytes of a file (txt, md, docx, pdf, html, or stdin) -> ``SourceText``.

Each format has its own module; ``read_source`` picks one by content, not only by
extension, and every problem surfaces as an ``InputError`` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceText:
    """Decoded text of one input, ready for the structure parser.

    ``text`` has ``\\n`` line endings and is what spans index into. ``heading_lines``
    lists 0-based line numbers the format itself marks as headings (Markdown ``#``,
    Word heading styles), so the parser need not guess them. ``notes`` are what a reader
    did that the user should know (tracked changes accepted, a page cut down to the
    resolution it quotes).
    """

    source: str
    format: str
    text: str
    heading_lines: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
