"""Terminal app speed: first paint on a large pair, and keypress latency.

Run from the repository root: ``python bench/bench_tui.py [--paragraphs 460] [--runs 3]``.
Writes a synthetic UN-style pair (``--paragraphs`` operative paragraphs per side, with
rewording, deletions, insertions and moves) to a temporary folder, then drives the app
headless with Textual's Pilot at 120x40:

- first paint: from before ``import resdiff.tui.app`` to the first frame composed with
  a pair selected (reported with the import and the compare worker separately);
- ``n`` (next difference) and ``]`` (next key difference): time from the key press to
  the end of composing the first frame that shows the newly selected pair (headless:
  the terminal write itself is not included), over many presses;
- with ``--quit``: ``q`` pressed 0.3 s into the comparison, to the end of the process
  (the app must not wait for the comparison).

Each run is a fresh interpreter, so import costs are real. Numbers go to
docs/performance.md ("Terminal app").
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = tuple(
    " ".join(
        (
            "humanitarian assistance civilians parties obligations international law access",
            "protection ceasefire immediate sustained lasting release hostages crossings aid",
            "Member States Secretary-General report implementation funding agencies region",
            "security peace negotiations solution commitment efforts support relevant",
            "resolutions situation population infrastructure delivery personnel facilities",
        )
    ).split()
)
OPENERS = ("Calls upon", "Demands", "Requests", "Urges", "Encourages", "Decides", "Welcomes")
PP_OPENERS = ("Recalling", "Reaffirming", "Expressing deep concern", "Stressing", "Noting")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_pair(folder: Path, paragraphs: int, seed: int = 7) -> tuple[Path, Path]:
    """Two drafts of ~``paragraphs`` paragraphs each; the second edits about a third."""
    rng = random.Random(seed)
    pps = [f"{rng.choice(PP_OPENERS)} {_sentence(rng, 30)}," for _ in range(paragraphs // 8)]
    ops = [f"{rng.choice(OPENERS)} {_sentence(rng, 60)};" for _ in range(paragraphs - len(pps))]
    b_pps, b_ops = list(pps), []
    for text in ops:
        r = rng.random()
        if r < 0.05:
            continue  # removed
        if r < 0.25:
            words = text.split()
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            text = " ".join(words)
        b_ops.append(text)
        if r > 0.95:
            b_ops.append(f"{rng.choice(OPENERS)} {_sentence(rng, 40)};")  # inserted
    for _ in range(len(b_ops) // 50):  # moves
        i, j = rng.randrange(len(b_ops)), rng.randrange(len(b_ops))
        b_ops.insert(j, b_ops.pop(i))

    def draft(symbol: str, pp: list[str], op: list[str]) -> str:
        head = f"United Nations    {symbol}\nSecurity Council\n\nThe Security Council,\n\n"
        body = "\n\n".join(pp) + "\n\n"
        body += "\n\n".join(f"{n}. {t}" for n, t in enumerate(op, 1))
        return head + body + "\n"

    a, b = folder / "large-a.txt", folder / "large-b.txt"
    a.write_text(draft("S/2099/500", pps, ops), encoding="utf-8")
    b.write_text(draft("S/2099/501", b_pps, b_ops), encoding="utf-8")
    return a, b


CHILD = r"""
import asyncio, json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from resdiff.tui.app import make_app
from resdiff.tui.widgets.navigator import ClauseNavigator
t_import = time.perf_counter() - t0

# Record when each frame is composed and which pair it showed.
from textual.screen import Screen
frames = []
_refresh = Screen._compositor_refresh
def _recording(self):
    _refresh(self)
    frames.append((time.perf_counter(), getattr(self, "selected", None)))
Screen._compositor_refresh = _recording

# Record when the comparison reaches the screen (the worker's message is handled).
from resdiff.tui.screens.main import MainScreen
ready = []
_show = MainScreen._show
def _timed_show(self, *args, **kwargs):
    ready.append(time.perf_counter())
    return _show(self, *args, **kwargs)
MainScreen._show = _timed_show

async def main():
    app = make_app([{a!r}, {b!r}], config=False)
    out = {{"import": t_import}}
    async with app.run_test(size=(120, 40)) as pilot:
        t1 = time.perf_counter()
        await app.workers.wait_for_complete()
        out["worker"] = time.perf_counter() - t1
        nav = app.screen.query_one(ClauseNavigator)
        while not nav.listed:
            await pilot.pause(0.005)
        await pilot.pause()
        shown = next(t for t, sel in frames if sel is not None)
        out["first_frame"] = frames[0][0] - t0  # the shell with its loading indicator
        out["first_paint"] = shown - t0
        out["paint_after_result"] = shown - ready[0]
        out["rows"] = len(nav.listed)
        for key, name in (("n", "next"), ("right_square_bracket", "key")):
            times = []
            for _ in range({presses}):
                screen = app.screen
                before = (screen.selected, screen.key_pos)
                frames.clear()
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause(0.05)
                after = (screen.selected, screen.key_pos)
                if after == before:
                    break  # the last difference (or key difference) was reached
                if after[0] == before[0]:
                    continue  # another change in the same clause: nothing new to draw
                done = next((f for f, sel in frames if sel == after[0]), None)
                if done is not None:
                    times.append(done - t)
            out[name] = times
    print("RESULT " + json.dumps(out))

asyncio.run(main())
"""


QUIT_CHILD = r"""
import sys, time
sys.path.insert(0, {root!r})
from resdiff.tui.app import make_app, run_app

app = make_app([{a!r}, {b!r}], config=False)

async def quit_while_comparing(pilot):
    while not app.screen.computing:
        await pilot.pause(0.01)
    await pilot.pause({after})
    print("PRESS", time.time(), flush=True)
    await pilot.press("q")

run_app(app, headless=True, auto_pilot=quit_while_comparing)  # as the CLI runs it
"""


def quit_once(a: Path, b: Path, after: float) -> float:
    """Seconds from pressing q (``after`` seconds into the comparison) to the end of the
    process: the app must not wait for the comparison to finish."""
    code = QUIT_CHILD.format(root=str(ROOT), a=str(a), b=str(b), after=after)
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    pressed = None
    for line in proc.stdout:
        if line.startswith("PRESS "):
            pressed = float(line.split()[1])
    proc.wait()
    ended = time.time()
    assert pressed is not None, "the comparison ended before q was pressed"
    return ended - pressed


def run_once(a: Path, b: Path, presses: int) -> dict[str, object]:
    code = CHILD.format(root=str(ROOT), a=str(a), b=str(b), presses=presses)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    result: dict[str, object] = json.loads(line.removeprefix("RESULT "))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=460)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument(
        "--quit", action="store_true", help="also time q pressed 0.3 s into the comparison"
    )
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    with tempfile.TemporaryDirectory() as tmp:
        a, b = make_pair(Path(tmp), args.paragraphs)
        results = [run_once(a, b, args.presses) for _ in range(args.runs)]
        quits = [quit_once(a, b, 0.3) for _ in range(args.runs)] if args.quit else []
    med = statistics.median

    def ms(x: object) -> float:
        return float(x) * 1000  # type: ignore[arg-type]

    print(f"pair: {args.paragraphs} paragraphs per side, {results[0]['rows']} navigator rows")
    if quits:
        worst = max(quits) * 1000
        print(f"q while comparing: median {med(quits) * 1000:5.0f} ms, max {worst:5.0f} ms")
    for key in ("import", "first_frame", "worker", "paint_after_result", "first_paint"):
        print(f"{key:18s} median {med(ms(r[key]) for r in results):7.0f} ms")
    for key in ("next", "key"):
        samples = [ms(t) for r in results for t in r[key]]  # type: ignore[attr-defined]
        if samples:
            samples.sort()
            p95 = samples[int(0.95 * (len(samples) - 1))]
            print(
                f"press {key:6s} median {med(samples):6.1f} ms  p95 {p95:6.1f} ms  "
                f"max {max(samples):6.1f} ms  ({len(samples)} presses)"
            )


if __name__ == "__main__":
    main()
