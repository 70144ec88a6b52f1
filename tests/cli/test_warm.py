"""``resdiff serve``: a command run warm gives what it gives cold, to the byte.

One server runs for the module, started as a user starts it; each test points
``XDG_RUNTIME_DIR`` at its folder and switches warm runs back on (``conftest`` switches
them off for every other test). ``serve --status`` counts the commands the server ran,
which is how a test knows a command did run warm.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from resdiff.warm import place
from resdiff.warm.server import fingerprint

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
A = str(SEEDS / "s-2024-9001-tied.txt")
B = str(SEEDS / "s-2024-9002-demands.txt")
C = str(SEEDS / "s-2024-9000-earlier.txt")


def this_tree(env: dict[str, str]) -> dict[str, str]:
    """Server and callers import this checkout's resdiff from any folder: a server
    declines a caller from another installation (an installed copy, say)."""
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))}


def resdiff(
    *args: str, env: dict[str, str], cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "resdiff", *args],
        input=stdin,
        capture_output=True,
        env=this_tree(env),
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("warm") / "run"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture(scope="module")
def server(run_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(run_dir),
        "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache")),
        "RESDIFF_WARM": "on",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "resdiff", "serve", "--idle", "30"],
        env=this_tree(env),
        stderr=subprocess.PIPE,
    )
    sock = Path(place.socket_path(env))
    deadline = time.monotonic() + 120
    while not (sock.exists() and process.poll() is None):
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the warm server did not start"
        time.sleep(0.05)
    assert process.stderr is not None
    assert b"serving at" in process.stderr.readline()  # ready once it has said so
    yield sock
    resdiff("serve", "--stop", env=env)
    process.wait(timeout=60)
    assert not sock.exists()


@pytest.fixture
def warm_env(server: Path, run_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run_dir))
    monkeypatch.setenv("RESDIFF_WARM", "on")
    return dict(os.environ)


def served(env: dict[str, str]) -> int:
    done = resdiff("serve", "--status", env=env)
    assert done.returncode == 0, done.stderr
    found = re.search(rb"(\d+) commands? run", done.stderr)
    assert found, done.stderr
    return int(found.group(1))


CASES = [
    ("report", A, B),
    ("report", A, B, "--format", "json"),
    ("report", A, B, "--format", "html"),
    ("report", A, B, "--format", "md", "--all"),
    ("report", C, A, B, "--series"),
    ("report", A, A),  # no difference: exit 0
    ("report", A, B, "--fail-on", "linkage"),
    ("matrix", A, B, C),
    ("parse", A),
    (A, B),  # the app's command in a pipe: the text report
    ("report", "no-such-draft.txt", B),  # one line, exit 2
    ("report", A, B, "--format", "pdf"),  # argparse's own error, exit 2
    ("--version",),
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(Path(x).name for x in a))
def test_warm_run_is_the_cold_run(args: tuple[str, ...], warm_env: dict[str, str]) -> None:
    before = served(warm_env)
    warm = resdiff(*args, env=warm_env)
    cold = resdiff(*args, env={**warm_env, "RESDIFF_WARM": "off"})
    assert served(warm_env) == before + 1  # the first ran warm, the second did not
    assert (warm.returncode, warm.stdout, warm.stderr) == (
        cold.returncode,
        cold.stdout,
        cold.stderr,
    )


def test_folder_standard_input_and_output_file_are_the_callers(
    warm_env: dict[str, str], tmp_path: Path
) -> None:
    text = Path(A).read_bytes()
    before = served(warm_env)
    for mode, folder in (("on", tmp_path / "warm"), ("off", tmp_path / "cold")):
        folder.mkdir()
        done = resdiff(
            "report",
            "-",
            B,
            "-o",
            "out.json",
            env={**warm_env, "RESDIFF_WARM": mode},
            cwd=folder,
            stdin=text,
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout == b""
    assert served(warm_env) == before + 1
    assert (tmp_path / "warm" / "out.json").read_bytes() == (
        tmp_path / "cold" / "out.json"
    ).read_bytes()


@pytest.mark.parametrize(
    "how",
    [
        pytest.param(["-X", "dev"], id="other interpreter flags"),
        pytest.param(["-O"], id="optimised"),
    ],
)
def test_a_caller_unlike_the_server_runs_cold(how: list[str], warm_env: dict[str, str]) -> None:
    before = served(warm_env)
    done = subprocess.run(
        [sys.executable, *how, "-m", "resdiff", "report", A, B],
        capture_output=True,
        env=this_tree(warm_env),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and done.stdout.startswith(b"resdiff report:")
    assert served(warm_env) == before


def test_a_caller_with_lower_limits_runs_cold(warm_env: dict[str, str], tmp_path: Path) -> None:
    """Limits a script puts on resdiff (here the size of a file it may write) hold: a
    caller that does not run as the server does is not served."""
    import resource

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    before = served(warm_env)
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "report", A, B, "--format", "html", "-o", "r.html"],
        capture_output=True,
        env=this_tree(warm_env),
        cwd=tmp_path,
        preexec_fn=small_files,
        timeout=120,
        check=False,
    )
    assert served(warm_env) == before
    assert done.returncode != 0 and not (tmp_path / "r.html").exists()


def test_process_substitution_runs_cold(warm_env: dict[str, str]) -> None:
    """``<(...)`` names one of the caller's own open files (/dev/fd/N), which the
    server's child does not have."""
    before = served(warm_env)
    line = f"{shlex.quote(sys.executable)} -m resdiff report <(cat {A}) {B} | head -c 16"
    done = subprocess.run(
        ["bash", "-c", line], capture_output=True, env=this_tree(warm_env), timeout=120
    )
    assert done.stdout == b"resdiff report: "
    assert served(warm_env) == before


def test_unlike_or_malformed_callers_hold_up_no_one(server: Path, warm_env: dict[str, str]) -> None:
    """Connections that send nothing, or garbage, are the children's business: a real
    command meanwhile is served at once, and the server goes on."""
    import socket

    idle = [socket.socket(socket.AF_UNIX) for _ in range(3)]
    for s in idle:
        s.connect(str(server))
    with socket.socket(socket.AF_UNIX) as junk:
        junk.connect(str(server))
        junk.sendall(b"RDW2\xff\xff\xff\xff" + b"[" * 64)
    before = served(warm_env)
    started = time.monotonic()
    assert resdiff("report", A, B, env=warm_env).returncode == 1
    assert time.monotonic() - started < 5
    assert served(warm_env) == before + 1
    for s in idle:
        s.close()


def test_a_caller_killed_takes_its_command_with_it(
    warm_env: dict[str, str], tmp_path: Path
) -> None:
    """kill -9 of the caller: its command ends too, and writes nothing afterwards."""
    before = served(warm_env)
    caller = subprocess.Popen(
        [sys.executable, "-m", "resdiff", "report", "-", B, "-o", "late.json"],
        stdin=subprocess.PIPE,
        env=this_tree(warm_env),
        cwd=tmp_path,
    )
    _wait_served(warm_env, before)
    caller.kill()
    caller.wait(timeout=60)
    assert caller.stdin is not None
    with contextlib.suppress(BrokenPipeError):
        caller.stdin.write(Path(A).read_bytes())
        caller.stdin.close()
    time.sleep(2)
    assert not (tmp_path / "late.json").exists()


def _wait_served(env: dict[str, str], before: int) -> None:
    deadline = time.monotonic() + 60
    while served(env) == before:
        assert time.monotonic() < deadline, "the command did not reach the server"
        time.sleep(0.05)


def test_a_second_server_is_refused(warm_env: dict[str, str]) -> None:
    done = resdiff("serve", env=warm_env)
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1
    assert "already running" in done.stderr.decode()


def test_no_server(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path), "RESDIFF_WARM": "on"}
    status = resdiff("serve", "--status", env=env)
    assert (status.returncode, status.stderr) == (1, b"resdiff: no warm server is running\n")
    assert resdiff("serve", "--stop", env=env).returncode == 0
    assert resdiff("report", A, B, env=env).returncode == 1  # cold, as ever


def test_a_folder_others_can_enter_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "resdiff"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path), "RESDIFF_WARM": "on"}
    done = resdiff("serve", env=env)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"resdiff: {shared}: not a private folder")
    assert list(shared.iterdir()) == []
    assert not place.private(str(shared))


def test_who_tries_a_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "resdiff"
    folder.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert place.reachable(["report", A, B], env) is None  # no socket yet
    import socket

    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / place.SOCKET_NAME))
        monkeypatch.setattr(os, "isatty", lambda fd: False)
        assert place.reachable(["report", A, B], env) == str(folder / place.SOCKET_NAME)
        assert place.reachable(["--debug", "serve"], env) is None
        assert place.reachable(["report", A, B], {**env, place.SWITCH: "off"}) is None
        assert place.reachable(["report", "/dev/fd/63", B], env) is None
        monkeypatch.setattr(os, "isatty", lambda fd: fd == 1)
        assert place.reachable(["report", A, B], env) is None  # to a terminal: cold


def test_fingerprint_sees_an_edit_and_ignores_bytecode(tmp_path: Path) -> None:
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "m.py").write_text("x = 1\n")
    before = fingerprint(str(tmp_path))
    (tmp_path / "__pycache__" / "m.pyc").write_bytes(b"")
    assert fingerprint(str(tmp_path)) == before
    os.utime(tmp_path / "m.py", ns=(1, 1))
    assert fingerprint(str(tmp_path)) != before


def test_idle_server_stops_and_tidies_up(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(run), "RESDIFF_WARM": "on"}
    done = resdiff("serve", "--idle", "0.01", env=env)
    assert done.returncode == 0
    assert b"serving at" in done.stderr
    assert not Path(place.socket_path(env)).exists()


def test_bad_idle_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}
    done = resdiff("serve", "--idle", "soon", env=env)
    assert done.returncode == 2
    assert b"not a number of minutes" in done.stderr


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, -15)])
def test_stopping_the_caller_stops_its_worker(
    signum: int, code: int, warm_env: dict[str, str]
) -> None:
    """A worker waiting on standard input that never ends: Ctrl-C (SIGINT) is passed on
    and the command ends as a cold run does (130, nothing printed); SIGTERM ends both,
    the caller by that signal, as a cold run ends."""
    before = served(warm_env)
    caller = subprocess.Popen(
        [sys.executable, "-m", "resdiff", "report", "-", B],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=this_tree(warm_env),
    )
    _wait_served(warm_env, before)  # counted once the worker was told to go
    caller.send_signal(signum)
    caller.wait(timeout=60)  # standard input still open: the worker never sees its end
    assert caller.stdout is not None and caller.stderr is not None and caller.stdin is not None
    assert (caller.returncode, caller.stdout.read(), caller.stderr.read()) == (code, b"", b"")
    caller.stdin.close()


def test_a_server_whose_files_change_stops(tmp_path: Path) -> None:
    """An upgrade or an edit under a running server: the next command runs cold (with
    the new code) and the server stops. A copy of the package, without the sample
    drafts, also shows a server starting without them."""
    import shutil

    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "resdiff", tree / "resdiff", ignore=shutil.ignore_patterns("_*cache*"))
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(run), "RESDIFF_WARM": "on", "PYTHONPATH": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "resdiff", "serve"], cwd=tree, env=env, stderr=subprocess.PIPE
    )
    assert server.stderr is not None
    assert b"serving at" in server.stderr.readline()
    edited = tree / "resdiff" / "labels.py"
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 10**9))
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "report", A, B],
        cwd=tree,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and done.stdout.startswith(b"resdiff report:")
    assert server.wait(timeout=60) == 0
    assert not Path(place.socket_path(env)).exists()
