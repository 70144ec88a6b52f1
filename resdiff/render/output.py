"""Writing reports safely: atomically, never over an input, nothing left on failure."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from resdiff.errors import OutputError


def check_not_input(out: str, inputs: Iterable[str]) -> None:
    """Refuse to write a report over one of the files being compared."""
    target = Path(out)
    for src in inputs:
        if src == "-":
            continue
        try:
            if target.exists() and target.samefile(src):
                raise OutputError("refusing to overwrite an input file", out)
        except OSError:
            continue
        if target.resolve() == Path(src).resolve():
            raise OutputError("refusing to overwrite an input file", out)


def write_atomic(out: str, data: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename it into place."""
    target = Path(out)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("folder does not exist", out)
    if target.is_dir():
        raise OutputError("is a directory", out)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(exc.strerror or "cannot write", out) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(exc.strerror or "cannot write", out) from exc
        raise


def write_stdout(data: str | bytes) -> None:
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)
    sys.stdout.flush()
