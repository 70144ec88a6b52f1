"""Where the corpus database lives: ``--db``, else ``$RESDIFF_CORPUS``, else the user's data
directory (``$XDG_DATA_HOME/resdiff/corpus.sqlite``, by default
``~/.local/share/resdiff/corpus.sqlite``)."""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable naming another corpus database.
ENV_VAR = "RESDIFF_CORPUS"
FILE_NAME = "corpus.sqlite"


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is set to an absolute path (the XDG rule), else
    ``~/.local/share``."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg)
    return Path.home() / ".local" / "share"


def default_database() -> Path:
    return data_home() / "resdiff" / FILE_NAME


def database_path(given: str | None = None) -> str:
    """The database to use: the one given, else ``$RESDIFF_CORPUS``, else the default."""
    if given:
        return given
    env = os.environ.get(ENV_VAR, "")
    return env or str(default_database())
