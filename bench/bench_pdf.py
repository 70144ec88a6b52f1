"""PDF and Word input: time to read and parse drafts of growing size.

Builds UN-style PDFs (running headers, footers, hyphenated wrapped lines) and
auto-numbered .docx files from the seed draft with the test builders, then times
``load`` (detect + read + parse) on each. Target: a 40-page PDF in under 3 s.

    python bench/bench_pdf.py
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdf

from resdiff.pipeline import load
from tests.formats.builders import make_docx, make_pdf, split_draft

SEED = Path(__file__).resolve().parent.parent / "seeds" / "s-2024-9001-tied.txt"


def _repeated(text: str, times: int) -> str:
    """The seed with its operative part repeated (numbers continue), as plain text."""
    draft = split_draft(text)
    lines = [*draft.header, "", draft.author, ""]
    for item in draft.items:
        if item.level is None:
            lines += ["", item.text]
    n = 0
    for _ in range(times):
        for item in draft.items:
            if item.level == 0:
                n += 1
                lines += ["", f"{n}. {item.text}"]
            elif item.level:
                lines += ["", "    " * item.level + f"({item.label}) {item.text}"]
    return "\n".join(lines) + "\n"


def _time(path: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    text = SEED.read_text("utf-8")
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, pypdf {pypdf.__version__}"
    )
    print("| pages | paragraphs | PDF load (median of 5) | .docx load | .txt load |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for times in (1, 10, 20, 40):
            body = _repeated(text, times)
            pdf_data = make_pdf(body)
            pages = len(pypdf.PdfReader(io.BytesIO(pdf_data)).pages)
            paths = {}
            for ext, data in (
                ("pdf", pdf_data),
                ("docx", make_docx(body)),
                ("txt", body.encode()),
            ):
                paths[ext] = Path(tmp) / f"d{times}.{ext}"
                paths[ext].write_bytes(data)
            paragraphs = len(split_draft(body).items)
            t = {ext: _time(str(p)) for ext, p in paths.items()}
            print(
                f"| {pages} | {paragraphs} | {t['pdf']:.2f} s | {t['docx']:.3f} s | "
                f"{t['txt']:.3f} s |"
            )


if __name__ == "__main__":
    main()
