"""The one reader of word-list data files (function words, number words, lexicon phrases,
hyphen prefixes): one entry a line; blank lines and lines starting with "#" are skipped."""

from __future__ import annotations

from importlib import resources


def read_list(package: str, path: str) -> list[str]:
    """The entries of ``path`` (relative, "/"-separated) inside ``package``, in order."""
    text = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]
