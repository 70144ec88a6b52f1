"""Writing reports safely: atomically, never over an input, nothing left on failure.

A report is written to a temporary file beside its target and renamed over it. The
temporary file is named ``.<target name>.resdiff-<host>-<pid>-<random>.tmp`` (``host``
a short hash of the host name, ``pid`` the writing process), so that a write cut short
by ``kill -9`` or a power cut leaves a file the next write to the same target can prove
is ours and stale - same host, our user, a process that no longer runs - and remove.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from resdiff.errors import OutputError

#: Room left for our part of a temporary file's name (most file systems allow 255 bytes).
_NAME_BYTES = 180


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
    remove_stale_temporaries(target)
    try:
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=".tmp", dir=folder)
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


def _host_tag() -> str:
    """Eight hex digits naming this host in temporary names: a checksum of its name, not
    a secure hash (telling hosts apart is all it does), read without importing hashlib
    and socket (16 ms of start-up between them, for one short name)."""
    import zlib

    return f"{zlib.crc32(_host_name().encode('utf-8', 'replace')):08x}"


def _host_name() -> str:
    """The host's name, as ``socket.gethostname()`` gives it (on POSIX both read
    ``uname``)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket  # Windows has no os.uname

    return socket.gethostname()


def _stem(target: Path) -> str:
    """The target's name as it appears in its temporary files (cut to fit)."""
    return target.name.encode("utf-8", "surrogateescape")[:_NAME_BYTES].decode("utf-8", "ignore")


def _temporary_prefix(target: Path) -> str:
    return f".{_stem(target)}.resdiff-{_host_tag()}-{os.getpid()}-"


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove what interrupted writes to ``target`` left beside it; return what went.

    A file goes only when all of this holds: its name is a temporary name for this very
    target written on this host, it is a regular file (not a link) owned by us, and the
    process that wrote it no longer runs. Anything else - another target's file, another
    host's (a shared folder), a live writer's, a process id reused since - stays.
    """
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(
        rf"\.{re.escape(_stem(target))}\.resdiff-{_host_tag()}-(\d{{1,10}})-[A-Za-z0-9_]+\.tmp"
    )
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        found = pattern.fullmatch(name)
        if found is None or _runs(int(found.group(1))):
            continue
        path = folder / name
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _runs(pid: int) -> bool:
    """Is a process with this id running (as far as we may know)?"""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a value we cannot ask about: keep
    return True


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
