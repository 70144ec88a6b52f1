"""The ``resdiff`` command: run by a warm server if one is there, else here (cold).

Only ``os`` and ``resdiff.warm.place`` are imported before that is decided, so a warm
run costs the interpreter's start and a socket round trip (``resdiff serve``).
"""

from __future__ import annotations

import os
import sys

from resdiff.warm import place


def main() -> int:
    argv = sys.argv[1:]
    path = place.reachable(argv, os.environ)
    if path is not None:
        from resdiff.warm.client import run

        code = run(path, argv)
        if code is not None:
            return code
    from resdiff.cli import main as cold

    return cold(argv)
