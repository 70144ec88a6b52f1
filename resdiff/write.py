"""Writing reports safely: atomically, never over an input, nothing left on failure."""

from __future__ import annotations

import contextlib
import os
import stat
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
            # `resdiff report - b -o a < a`: standard input may be the very file.
            if _stdin_is(target):
                raise OutputError("refusing to overwrite an input file (standard input)", out)
            continue
        try:
            if target.exists() and target.samefile(src):
                raise OutputError("refusing to overwrite an input file", out)
        except OSError:
            continue
        here, there = _resolved(target), _resolved(Path(src))
        if here is not None and here == there:
            raise OutputError("refusing to overwrite an input file", out)


def _resolved(path: Path) -> Path | None:
    """The path with links followed, or None for a link loop (RuntimeError before
    Python 3.13, OSError after)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def write_atomic(out: str, data: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename it into place."""
    target = Path(out)
    try:
        mode = target.stat().st_mode  # through links: /dev/stdout may lead to a pipe
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A device or a pipe (/dev/stdout, a FIFO): no rename possible or wanted. Opened
        # by the name given: /dev/stdout resolves to a "pipe:[...]" name nothing can open.
        _write_through(target, data, out)
        return
    if target.is_symlink():
        # Write through the link, as the user meant, instead of replacing the link.
        resolved = _resolved(target)
        if resolved is None:
            raise OutputError("too many levels of symbolic links", out)
        target = resolved
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
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(exc.strerror or "cannot write", out) from exc
        raise


def _stdin_is(target: Path) -> bool:
    try:
        here, there = os.fstat(sys.stdin.fileno()), target.stat()
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(here.st_mode) and (here.st_dev, here.st_ino) == (
        there.st_dev,
        there.st_ino,
    )


def _write_through(target: Path, data: str | bytes, out: str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(target, "wb") as fh:
            fh.write(payload)
    except OSError as exc:
        raise OutputError(exc.strerror or "cannot write", out) from exc


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets what ``open`` would give it
    (mkstemp makes its file private, 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_stdout(data: str | bytes) -> None:
    """Reports are UTF-8 whatever the locale says."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(payload.decode("utf-8"))
    else:
        sys.stdout.flush()
        buffer.write(payload)
        buffer.flush()
    sys.stdout.flush()
