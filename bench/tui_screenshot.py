"""Save an SVG screenshot of the app, as a new user would first see it.

Run from the repository root::

    python bench/tui_screenshot.py                       # the demo pair -> docs/img/tui-main.svg
    python bench/tui_screenshot.py A.txt B.txt -o shot.svg --size 100x30 --press n n

It drives the production app (``make_app``) headless with Textual's Pilot, waits for the
comparison worker, presses the given keys, and writes the SVG. Inside a running app the
command palette (ctrl+p) has "Screenshot", which saves one to the current folder.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def shoot(files: list[str], out: Path, size: tuple[int, int], keys: list[str]) -> None:
    from resdiff.tui.app import make_app

    app = make_app(files)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.2)
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> None:
    from resdiff.seeds import demo_paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="drafts (default: the demo pair)")
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "img" / "tui-main.svg"))
    parser.add_argument("--size", default="120x40", help="COLUMNSxROWS (default 120x40)")
    parser.add_argument(
        "--press",
        nargs="*",
        default=[],
        help="keys to press first (it opens on the top-ranked change)",
    )
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.lower().split("x"))
    files = args.files or demo_paths()
    asyncio.run(shoot(files, Path(args.output), (cols, rows), args.press))
    print(args.output)


if __name__ == "__main__":
    main()
