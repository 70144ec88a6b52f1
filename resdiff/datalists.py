"""The one reader of the package's data files (``data_path``, ``read_text``) and of its
word-list files (function words, number words, lexicon phrases, hyphen prefixes): one
entry a line; blank lines and lines starting with "#" are skipped."""

from __future__ import annotations

import importlib
import os


def data_path(package: str, path: str) -> str:
    """The file ``path`` (relative, "/"-separated) inside ``package``'s folder. Read from
    the installed package's folder directly: ``importlib.resources`` would import the
    zip and temporary-file machinery on every run for the same answer."""
    folder = os.path.dirname(importlib.import_module(package).__file__ or "")
    return os.path.join(folder, *path.split("/"))


def read_text(package: str, path: str) -> str:
    with open(data_path(package, path), encoding="utf-8") as f:
        return f.read()


def read_list(package: str, path: str) -> list[str]:
    """The entries of ``path`` (relative, "/"-separated) inside ``package``, in order."""
    text = read_text(package, path)
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]
