"""Render the HTML report of the demo seed pair in headless Chromium and save a PNG.

    python bench/screenshot_html.py                      # -> docs/img/report-html.png
    python bench/screenshot_html.py --out /tmp/r.png --height 900 --dark
    python bench/screenshot_html.py --markdown --out docs/img/report-md.png

``--markdown`` shows the Markdown report as a GFM renderer would: rendered with
markdown-it-py (tables, strikethrough, linkify) into a bare page with minimal styling.

Checks the report in a real browser (layout, colours, no external requests: the
browser runs with networking features off and the page is a local file). Needs
Debian's ``chromium`` package; exits with status 3 and a message when it is absent.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resdiff.pipeline import compare, load  # noqa: E402
from resdiff.render import ReportOptions, render_report  # noqa: E402
from resdiff.seeds import DEMO_PAIR, seed_path  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
NO_MISSING_BROWSER = 3


def find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


MARKDOWN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Markdown report</title>
<style>
body {{ max-width: 60rem; margin: 1rem auto; font: 15px/1.5 sans-serif; color: #1f2328; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #d0d7de; padding: 4px 10px; }}
h1, h2 {{ border-bottom: 1px solid #d0d7de; }}
</style></head><body>
{body}
</body></html>
"""


def render_demo(path: Path, options: ReportOptions, markdown: bool = False) -> None:
    # Relative paths, as a user would type them, so the report shows "seeds/...".
    names = [str(seed_path(n).relative_to(ROOT)) for n in DEMO_PAIR]
    docs = [load(n, doc_id=i) for n, i in zip(names, "AB", strict=True)]
    report = render_report(compare(*docs), "md" if markdown else "html", options)
    assert isinstance(report, str)
    if markdown:
        from markdown_it import MarkdownIt

        report = MARKDOWN_PAGE.format(body=MarkdownIt("gfm-like").render(report))
    path.write_text(report, encoding="utf-8")


def screenshot(browser: str, page: Path, out: Path, width: int, height: int, dark: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="resdiff-chromium-") as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
        ]
        if dark:
            cmd.append("--force-dark-mode")
        cmd.append(page.as_uri())
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "report-html.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--dark", action="store_true", help="prefers-color-scheme: dark")
    parser.add_argument("--all", action="store_true", help="show every clause")
    parser.add_argument("--markdown", action="store_true", help="the Markdown report, rendered")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    browser = find_browser()
    if browser is None:
        print("no Chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return NO_MISSING_BROWSER
    with tempfile.TemporaryDirectory(prefix="resdiff-report-") as tmp:
        page = Path(tmp) / "report.html"
        render_demo(page, ReportOptions(show_all=args.all), markdown=args.markdown)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        screenshot(browser, page, args.out.resolve(), args.width, args.height, args.dark)
    print(f"{args.out} ({browser})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
