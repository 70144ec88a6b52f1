"""The one reader of the package's data files (``data_path``, ``read_text``,
``read_toml``) and of its word-list files (function words, number words, lexicon
phrases, hyphen prefixes): one entry a line; blank lines and lines starting with "#"
are skipped."""

from __future__ import annotations

import contextlib
import importlib
import marshal
import os
import sys
from typing import Any


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


def read_toml(package: str, path: str) -> dict[str, Any]:
    """A TOML data file of the package, parsed.

    Importing tomllib and parsing the bundled lens, lexicon and label grammar took about
    5% of a typical report, on every run, for the same answer. So the parsed data is
    kept in the user's cache folder (``cache_file``), together with the text it was
    parsed from, and used while the file still holds that very text; the TOML file stays
    the one source (a changed file is parsed again). Without a usable cache folder the
    file is parsed every time, as before.
    """
    text = read_text(package, path)
    cache = cache_file(package, path)
    data = _cached(cache, text) if cache is not None else None
    if data is None:
        import tomllib

        data = tomllib.loads(text)
        if cache is not None:
            _keep(cache, text, data)
    return data


def cache_file(package: str, path: str) -> str | None:
    """Where ``read_toml`` keeps a file's parsed data: ``$XDG_CACHE_HOME/resdiff`` (by
    default ``~/.cache/resdiff``), one file per data file and Python version (marshal's
    format is Python's own); None when there is no home folder to put it in."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not (base and os.path.isabs(base)):
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    name = f"{package}-{path.replace('/', '-')}.{sys.implementation.cache_tag}.marshal"
    return os.path.join(base, "resdiff", name)


def _cached(cache: str, text: str) -> dict[str, Any] | None:
    """The data kept for ``text``, or None (no cache yet, another text, unreadable).
    marshal reads plain values here, as the interpreter reads its own ``.pyc`` files
    from a folder of the user's; anything unexpected is a miss."""
    try:
        with open(cache, "rb") as f:
            kept = marshal.loads(f.read())  # marshal.load(f) reads in small pieces: 6x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == text:
        data = kept[1]
        if isinstance(data, dict):
            return data
    return None


def _keep(cache: str, text: str, data: dict[str, Any]) -> None:
    """Write the cache atomically (a reader never sees half a file); any failure - a
    read-only home, a value marshal cannot hold - leaves the file parsed every time."""
    tmp = f"{cache}.{os.getpid()}-{os.urandom(4).hex()}.tmp"  # two writers never share one
    try:
        payload = marshal.dumps((text, data))
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(payload)
        os.replace(tmp, cache)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
