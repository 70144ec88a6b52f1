"""What client and server say to each other, as plain bytes.

Fields are NUL-separated (an argument, a variable or a path cannot hold a NUL), so a
request is read with ``split`` and counted, never evaluated: a malformed one is simply
declined. The server's child speaks first, with who it is (``identity``), and the
client goes on only if that is exactly its own: same resdiff folder, Python, interpreter
file, prefix, flags, module path and stream buffering.

Messages, each a line: ``S`` (declined: run cold), ``P`` (ready: the child waits for
``G`` before it touches anything), ``X<code>`` (done); from the client after ``G``:
``I``, ``T``, ``H`` (pass on SIGINT, SIGTERM, SIGHUP).
"""

from __future__ import annotations

import os
import sys

MAGIC = b"RDW2"
#: The largest request read: arguments and environment.
MAX_REQUEST = 1 << 20
#: What a request asks for.
KINDS = ("run", "status", "stop")


def _text(value: str) -> bytes:
    return value.encode("utf-8", "surrogateescape")


def package_dir() -> str:
    """This installation's ``resdiff`` folder (the server watches its files)."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def identity() -> bytes:
    """This process as the other end must match it."""
    here = package_dir()
    buffered = type(getattr(sys.stdout, "buffer", None)).__name__ == "BufferedWriter"
    fields = [
        here,
        sys.version,
        os.path.realpath(sys.executable),
        sys.prefix,
        repr(tuple(sys.flags)),
        os.pathsep.join(sys.path[1:]),  # the first is the script's or working folder
        str(buffered),
    ]
    return b"\0".join(map(_text, fields))


class Request:
    """A command to run in the caller's place, or a question to the server."""

    __slots__ = ("argv", "cwd", "encodings", "env", "kind", "umask")

    def __init__(
        self,
        kind: str,
        argv: list[str],
        cwd: str,
        umask: int,
        encodings: list[str],
        env: dict[str, str],
    ) -> None:
        self.kind, self.argv, self.cwd, self.umask = kind, argv, cwd, umask
        self.encodings, self.env = encodings, env

    def encode(self) -> bytes:
        head = [self.kind, self.cwd, str(self.umask), *self.encodings, str(len(self.argv))]
        env = [f"{k}={v}" for k, v in self.env.items()]
        return b"\0".join(map(_text, [*head, *self.argv, *env]))

    @classmethod
    def decode(cls, data: bytes) -> Request | None:
        """The request, or None for anything malformed."""
        fields = data.decode("utf-8", "surrogateescape").split("\0")
        if len(fields) < 10 or fields[0] not in KINDS:
            return None
        kind, cwd, umask, *encodings = fields[:9]
        count = fields[9]
        if not (umask.isdigit() and count.isdigit()) or len(fields) < 10 + int(count):
            return None
        argv = fields[10 : 10 + int(count)]
        pairs = [f.partition("=") for f in fields[10 + int(count) :]]
        if any(not sep or not key for key, sep, _ in pairs):
            return None
        env = {key: value for key, _, value in pairs}
        return cls(kind, argv, cwd, int(umask) & 0o777, encodings, env)


def caller_request(kind: str, argv: list[str]) -> Request:
    """This process's command, folder, umask, stream encodings and environment."""
    mask = os.umask(0)
    os.umask(mask)
    encodings = []
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        encodings += [getattr(stream, "encoding", None) or "utf-8"]
        encodings += [getattr(stream, "errors", None) or "strict"]
    full = [sys.argv[0] if sys.argv else "resdiff", *argv]
    return Request(kind, full, os.getcwd(), mask, encodings, dict(os.environ))
