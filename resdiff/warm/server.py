"""``resdiff serve``: keep the pipeline loaded and run each command in a fork of it.

The server imports the pipeline and every report writer, compares the bundled sample
drafts once (so the lens's patterns are compiled), freezes what it holds for the
collector, and only then listens. It reads nothing from a caller: for each connection
from a process like itself (``peer``) it forks a child, and the child does the talking
(``wire``), so a slow or malformed caller holds up no one. The child becomes the caller
(its streams, folder, environment and umask, in a session of its own), runs the command
as a cold run would (``resdiff.cli.main``), writes to the caller's streams directly and
sends back the exit code. It exits after one command, so nothing of one command's
drafts survives into the next, and the server itself never reads a draft.

One server per folder (a lock held for its life); when its own files change (an
upgrade, an edit in a checkout) it declines and stops, and the next command starts
cold.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import io
import mmap
import os
import signal
import socket
import struct
import sys
import threading
import traceback
from typing import NoReturn

from resdiff.errors import ResdiffError
from resdiff.warm import peer, place, wire

#: Connections waiting to be accepted.
BACKLOG = 16
#: Seconds a child waits for its caller's request, and for the go.
PATIENCE = 10.0

Fingerprint = dict[str, int]


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


class Server:
    """The listening socket, the lock that makes it the folder's only server, and the
    count of commands run (``serve --status``), kept in memory the children share: a
    count, not an audit (two commands started in the same instant may count once)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lock = _lock(os.path.dirname(path))
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)  # left by a server that was killed: the lock is ours
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        os.chmod(path, 0o600)
        self.inode = os.stat(path).st_ino
        self.listener.listen(BACKLOG)
        self.served = mmap.mmap(-1, 8)

    def close(self) -> None:
        """Remove our socket (only ours: never one a later server put there) and unlock."""
        self.listener.close()
        with contextlib.suppress(OSError):
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        os.close(self.lock)

    def handle(self, conn: socket.socket, own: Fingerprint) -> bool:
        """Fork a child for one caller like us; False when the server should stop."""
        if not peer.same_as_us(conn):
            return True
        if fingerprint(wire.package_dir()) != own:
            with contextlib.suppress(OSError):
                conn.sendall(b"S\n")
            return False  # our files changed: stop, the next command starts cold
        try:
            child = os.fork()
        except OSError:
            return True  # no process to spare: the caller, unanswered, runs cold
        if child == 0:
            self.listener.close()
            _child(conn, self.served)
        return True


def _lock(folder: str) -> int:
    """Create the private folder if needed and lock it, or say why not."""
    if not os.path.lexists(folder):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o700)
    if not place.private(folder):
        owner = os.lstat(folder).st_uid if os.path.lexists(folder) else None
        raise ResdiffError(
            f"{folder}: not a private folder of this user (it must be ours, mode 700; "
            f"owner uid {owner}); not serving there"
        )
    fd = os.open(os.path.join(folder, "warm.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise ResdiffError(f"{folder}: a warm server is already running") from None
    return fd


def serve(idle_minutes: float, announce: io.TextIOBase | None = None) -> int:
    """Serve until stopped (``--stop``, SIGTERM, Ctrl-C) or idle for ``idle_minutes``
    (0: never)."""
    if not hasattr(socket, "SO_PEERCRED") or not os.path.isdir("/proc/self"):
        raise ResdiffError("the warm server needs Linux (fork, SO_PEERCRED and /proc)")
    own = fingerprint(wire.package_dir())  # before the imports: an edit during them counts
    path = place.socket_path(os.environ)
    if len(os.fsencode(path)) > place.MAX_PATH:
        raise ResdiffError(f"{path}: too long for a socket; set XDG_RUNTIME_DIR or TMPDIR")
    server = Server(path)
    try:
        warm_up()
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        server.listener.settimeout(idle_minutes * 60 or None)
        out = announce if announce is not None else sys.stderr
        out.write(f"resdiff: serving at {path} (pid {os.getpid()}); 'resdiff serve --stop'\n")
        out.flush()
        while True:
            try:
                conn, _ = server.listener.accept()
            except TimeoutError:
                return 0
            with conn:
                if not server.handle(conn, own):
                    return 0
    except KeyboardInterrupt:
        return 0
    finally:
        server.close()


def _child(conn: socket.socket, served: mmap.mmap) -> NoReturn:
    """In the child: introduce ourselves, take the request, run it; never returns."""
    code = 2
    try:
        _detach(conn)
        conn.settimeout(PATIENCE)
        conn.sendall(wire.identity().hex().encode() + b"\n")
        received = _receive(conn)
        if received is None:
            conn.sendall(b"S\n")
        elif received[0].kind == "run":
            code = _run_for(conn, *received, served)
        else:
            (count,) = struct.unpack_from("q", served)
            conn.sendall(b"N%d %d\nX0\n" % (os.getppid(), count))
            if received[0].kind == "stop":
                os.kill(os.getppid(), signal.SIGTERM)
            code = 0
    except BaseException:  # whatever happens, the child ends here
        code = 1
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        os._exit(code)


def _detach(conn: socket.socket) -> None:
    """A session of our own (the server's terminal and process group are not the
    caller's), default signal handling, and no file of the server's left open."""
    os.setsid()
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    keep = conn.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))


def _receive(conn: socket.socket) -> tuple[wire.Request, list[int]] | None:
    """The caller's request and streams, or None for anything malformed."""
    head, fds, _, _ = socket.recv_fds(conn, len(wire.MAGIC) + 4, 3)
    if len(head) != len(wire.MAGIC) + 4 or not head.startswith(wire.MAGIC):
        return None
    (size,) = struct.unpack("!I", head[len(wire.MAGIC) :])
    body = b""
    while len(body) < size <= wire.MAX_REQUEST:
        chunk = conn.recv(size - len(body))
        if not chunk:
            break
        body += chunk
    request = wire.Request.decode(body) if len(body) == size else None
    wanted = 3 if request is not None and request.kind == "run" else 0
    if request is None or len(fds) != wanted:
        return None
    return request, fds


def _run_for(conn: socket.socket, request: wire.Request, fds: list[int], served: mmap.mmap) -> int:
    """Become the caller once it says go, and run its command."""
    try:
        os.chdir(request.cwd)
    except OSError:
        conn.sendall(b"S\n")  # a folder we cannot enter: the caller runs cold
        return 0
    conn.sendall(b"P\n")
    if conn.recv(1) != b"G":
        with contextlib.suppress(OSError):
            conn.sendall(b"X130\n")
        return 130  # stopped (or gone) before it began: nothing was touched
    conn.settimeout(None)
    struct.pack_into("q", served, 0, struct.unpack_from("q", served)[0] + 1)
    _take_process(request, fds)
    threading.Thread(target=_listen_to_caller, args=(conn,), daemon=True).start()
    code = _run(request.argv)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):
            stream.flush()
    with contextlib.suppress(OSError):
        conn.sendall(b"X%d\n" % code)
    return code


def _listen_to_caller(conn: socket.socket) -> None:
    """Signals the caller passes on; the caller gone means the command is, too."""
    named = {b"I": signal.SIGINT, b"T": signal.SIGTERM, b"H": signal.SIGHUP}
    while True:
        try:
            byte = conn.recv(1)
        except OSError:
            byte = b""
        if not byte:
            os.kill(os.getpid(), signal.SIGKILL)
        if byte in named:
            os.kill(os.getpid(), named[byte])


def _take_process(request: wire.Request, fds: list[int]) -> None:
    """The caller's streams, environment and umask, in place of the server's."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        if fd > 2:
            os.close(fd)
    os.environ.clear()
    os.environ.update(request.env)
    os.umask(request.umask)
    buffered = type(getattr(sys.__stdout__, "buffer", None)).__name__ == "BufferedWriter"
    enc = request.encodings
    sys.stdin = io.TextIOWrapper(
        io.BufferedReader(io.FileIO(0, "r", closefd=False)), enc[0], enc[1]
    )
    sys.stdout, sys.stderr = (
        _writer(fd, encoding, errors, buffered)
        for fd, encoding, errors in ((1, enc[2], enc[3]), (2, enc[4], enc[5]))
    )


def _writer(fd: int, encoding: str, errors: str, buffered: bool) -> io.TextIOWrapper:
    """A text stream on ``fd`` as Python makes its own (stderr line-buffered; both
    unbuffered under ``-u``/``PYTHONUNBUFFERED``, which the caller shares with us)."""
    raw = io.FileIO(fd, "w", closefd=False)
    if not buffered:
        return io.TextIOWrapper(raw, encoding, errors, write_through=True)
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding, errors, line_buffering=fd == 2)


def _run(argv: list[str]) -> int:
    """``resdiff.cli.main`` as the console script runs it: ``SystemExit`` gives its
    code, an uncaught exception its traceback and 1."""
    from resdiff.cli import main

    sys.argv = argv
    try:
        return main(argv[1:])
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return 1
    except Exception:
        traceback.print_exc()
        return 1
