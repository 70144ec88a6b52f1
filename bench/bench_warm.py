"""Issue 16's whole-process cases with the warm server (``resdiff serve``): each case run
cold, warm, and by git word-diff, alternating in one hyperfine run:

    python bench/bench_warm.py [--runs 15] [--inputs FOLDER] [--only seeds,large]

The server is started for the run in a private runtime folder of its own, and stopped
after. Read the wall time (median): a warm command's work is done by the server's
child, whose CPU time hyperfine does not see, so its CPU column is the caller's alone
(the interpreter's start and the socket round trip). Inputs as ``bench_speed.py``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_speed import RESDIFF, _files, git_diff, hyperfine
from speed_inputs import input_sets

CASES = ("seeds", "large", "huge")


def start_server(env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [*shlex.split(RESDIFF), "serve", "--idle", "30"], env=env, stderr=subprocess.PIPE
    )
    assert server.stderr is not None
    line = server.stderr.readline()  # said once it is warm and listening
    if b"serving at" not in line:
        server.kill()
        raise SystemExit(f"the warm server did not start: {line.decode(errors='replace')}")
    return server


def main() -> None:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # users run from bytecode
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--inputs", type=Path, default=Path(tempfile.gettempdir(), "resdiff-speed"))
    ap.add_argument("--only", default="", help="comma-separated case names")
    args = ap.parse_args()
    sets = input_sets(args.inputs)
    only = set(filter(None, args.only.split(",")))
    with tempfile.TemporaryDirectory() as run:
        os.chmod(run, 0o700)
        os.environ.update({"XDG_RUNTIME_DIR": run, "RESDIFF_WARM": "on"})
        server = start_server(dict(os.environ))
        try:
            print("| case | cold (median) | warm (median) | git word-diff | warm / git | load |")
            print("|---|---:|---:|---:|---:|---:|", flush=True)
            for name in CASES:
                if only and name not in only:
                    continue
                files = sets[name]
                report = f"{RESDIFF} report {_files(files)}"
                (cold, _), (warm, _), (git, _) = hyperfine(
                    [f"env RESDIFF_WARM=off {report}", report, git_diff(files[0], files[1])],
                    args.runs,
                )
                print(
                    f"| {name} | {cold:.3f} s | {warm:.3f} s | {git * 1000:.1f} ms "
                    f"| {warm / git:.0f}x | {os.getloadavg()[0]:.1f} |",
                    flush=True,
                )
        finally:
            subprocess.run([*shlex.split(RESDIFF), "serve", "--stop"], check=False)
            server.wait(timeout=60)
            time.sleep(0.1)


if __name__ == "__main__":
    main()
