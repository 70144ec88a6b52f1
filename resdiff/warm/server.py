"""``resdiff serve``: keep the pipeline loaded and run each command in a fork of it.

The server imports the pipeline and every report writer, compares the bundled sample
drafts once (so the lens's patterns are compiled), freezes what it holds for the
collector, and only then listens. Each request is run by a child forked for it: the
child takes the caller's streams, folder, environment and umask, runs the command as a
cold run would (``resdiff.cli.main``), writes to the caller's streams directly and
sends back the exit code. The child exits after one command, so nothing of one
command's drafts survives into the next, and the server itself never reads a draft.

The server answers its own user only (``SO_PEERCRED``), from a private folder
(``place``), and the installation it was started from only: a request from another
``resdiff`` folder or Python is declined (the caller runs cold), and when its own files
change (an upgrade, an edit in a checkout) it declines and stops.
"""

from __future__ import annotations

import contextlib
import gc
import io
import marshal
import os
import signal
import socket
import struct
import sys
import traceback
from collections.abc import Mapping
from typing import NoReturn

from resdiff.errors import ResdiffError
from resdiff.warm import place
from resdiff.warm.client import MAGIC, package_dir, peer_uid

#: Requests waiting to be accepted.
BACKLOG = 16
#: The largest request read (arguments and environment).
MAX_REQUEST = 1 << 20

Fingerprint = dict[str, int]

#: Commands run since the server started (``serve --status``).
served = [0]


def fingerprint(package: str) -> Fingerprint:
    """Modification time of every file of the installation (bytecode caches aside)."""
    seen: Fingerprint = {}
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in files:
            path = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                seen[path] = os.stat(path).st_mtime_ns
    return seen


def warm_up() -> None:
    """Import and run what commands use, on the bundled sample drafts."""
    from resdiff import cli
    from resdiff.pipeline import LoadOptions, compare, load_all, positions
    from resdiff.render import ReportOptions, render_matrix, render_report
    from resdiff.seeds import demo_paths

    cli.build_parser()
    try:
        paths = demo_paths()
    except FileNotFoundError:
        paths = []  # an installation without the samples: patterns compile in each child
    if paths:
        documents = load_all(paths, LoadOptions())
        comparison = compare(*documents)
        for fmt in ("txt", "json", "md", "html"):
            render_report(comparison, fmt, ReportOptions())
        render_matrix(positions(*documents), "txt")
    gc.collect()
    gc.freeze()  # what the server holds is shared with its children, never collected


def _listen(path: str) -> socket.socket:
    """Bind the socket in its private folder; refuse to start beside a running server."""
    folder = os.path.dirname(path)
    if not os.path.lexists(folder):
        try:
            os.mkdir(folder, 0o700)
        except OSError as exc:
            raise ResdiffError(
                f"{folder}: cannot create the server's folder ({exc.strerror})"
            ) from None
    if not place.private(folder):
        raise ResdiffError(
            f"{folder}: not a private folder of this user (mode 700); not serving there"
        )
    if len(os.fsencode(path)) > place.MAX_PATH:
        raise ResdiffError(f"{path}: too long for a socket; set XDG_RUNTIME_DIR or TMPDIR")
    if os.path.lexists(path):
        if _answers(path):
            raise ResdiffError(f"{path}: a warm server is already running")
        os.unlink(path)  # left by a server that was killed
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o600)
    listener.listen(BACKLOG)
    return listener


def _answers(path: str) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(path)
        except OSError:
            return False
    return True


def serve(idle_minutes: float, announce: io.TextIOBase | None = None) -> int:
    """Serve until stopped (``--stop``, SIGTERM, Ctrl-C) or idle for ``idle_minutes``
    (0: never)."""
    if not hasattr(socket, "SO_PEERCRED") or not hasattr(os, "fork"):
        raise ResdiffError("the warm server needs Linux (fork and SO_PEERCRED)")
    path = place.socket_path(os.environ)
    listener = _listen(path)
    try:
        warm_up()
        own = fingerprint(package_dir())
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        listener.settimeout(idle_minutes * 60 or None)
        out = announce if announce is not None else sys.stderr
        out.write(f"resdiff: serving at {path} (pid {os.getpid()}); 'resdiff serve --stop'\n")
        out.flush()
        while True:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                return 0
            with conn:
                if not _handle(conn, listener, own):
                    return 0
    except KeyboardInterrupt:
        return 0
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(path)


def _receive(conn: socket.socket) -> tuple[Mapping[str, object], list[int]] | None:
    """The request and the caller's streams, or None for anything malformed."""
    conn.settimeout(5)
    head, fds, _, _ = socket.recv_fds(conn, len(MAGIC) + 4, 3)
    if len(head) != len(MAGIC) + 4 or not head.startswith(MAGIC):
        _close(fds)
        return None
    (size,) = struct.unpack("!I", head[len(MAGIC) :])
    body = b""
    while len(body) < size <= MAX_REQUEST:
        chunk = conn.recv(size - len(body))
        if not chunk:
            break
        body += chunk
    conn.settimeout(None)
    try:
        request = marshal.loads(body) if len(body) == size else None
    except (EOFError, ValueError, TypeError):
        request = None
    if not isinstance(request, dict):
        _close(fds)
        return None
    return request, fds


def _handle(conn: socket.socket, listener: socket.socket, own: Fingerprint) -> bool:
    """Run one request in a child; False when the server should stop."""
    if peer_uid(conn) != os.getuid():
        return True
    try:
        received = _receive(conn)
    except OSError:
        return True
    if received is None:
        return True
    request, fds = received
    if request.get("stop") or request.get("status"):
        _close(fds)
        conn.sendall(b"N%d %d\nX0\n" % (os.getpid(), served[0]))
        return not request.get("stop")
    same_install = request.get("package") == package_dir() and request.get("python") == sys.version
    current = same_install and fingerprint(package_dir()) == own
    if not current or len(fds) != 3:
        _close(fds)
        with contextlib.suppress(OSError):
            conn.sendall(b"S\n")
        return not same_install  # our files changed: stop, the next run starts cold
    try:
        child = os.fork()
    except OSError:  # no process to spare: the caller runs cold
        child = -1
        with contextlib.suppress(OSError):
            conn.sendall(b"S\n")
    if child == 0:
        listener.close()
        _work(conn, request, fds)
    _close(fds)
    served[0] += child > 0
    return True


def _close(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _work(conn: socket.socket, request: Mapping[str, object], fds: list[int]) -> NoReturn:
    """In the child: become the caller's process, run the command, report its exit."""
    code = 2
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            _take_process(request, fds)
        except OSError as exc:
            os.write(2, f"resdiff: cannot run in the caller's folder: {exc.strerror}\n".encode())
            raise SystemExit(2) from None
        conn.sendall(b"P%d\n" % os.getpid())
        code = _run(list(request["argv"]))  # type: ignore[call-overload]
    except SystemExit:
        pass
    except BaseException:  # whatever happens, the caller gets an exit code
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        with contextlib.suppress(OSError):
            conn.sendall(b"X%d\n" % code)
        os._exit(code)


def _take_process(request: Mapping[str, object], fds: list[int]) -> None:
    """The caller's streams, folder, environment and umask, in place of the server's."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    _close([fd for fd in fds if fd > 2])
    env = request["env"]
    assert isinstance(env, dict)
    os.environ.clear()
    os.environ.update(env)
    os.umask(int(request["umask"]))  # type: ignore[call-overload]
    streams = request["streams"]
    assert isinstance(streams, list)
    sys.stdin, sys.stdout, sys.stderr = (
        open(  # noqa: SIM115 - the child's own streams, closed by its exit
            fd,
            "r" if fd == 0 else "w",
            buffering=1 if fd == 2 else -1,  # stderr is line-buffered, as Python's own
            encoding=encoding or "utf-8",
            errors=errors or "strict",
            closefd=False,
        )
        for fd, (encoding, errors) in enumerate(streams)
    )
    os.chdir(str(request["cwd"]))


def _run(argv: list[str]) -> int:
    """``resdiff.cli.main`` as the console script runs it, ``SystemExit`` included."""
    from resdiff.cli import main

    sys.argv = argv
    try:
        return main(argv[1:])
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return 1
