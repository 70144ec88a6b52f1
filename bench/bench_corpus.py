"""Benchmark of the corpus: indexing synthetic resolutions, and looking up a draft in it.

Writes N synthetic UN-style resolutions with known reuse (bench/corpus_synth.py) as text
files, then for each scale (a prefix of them) indexes them in a fresh process with
``resdiff corpus add`` (CPU time, wall time, peak memory, database size), and looks up two
100-paragraph drafts: the next text of the longest series (most paragraphs reused, as
drafts are) and a text of new paragraphs only (the search's worst case). Lookups are
timed in-process (median) and end to end through the CLI; the reused draft is checked
against the known truth at the largest scale.

Run from the repository root:
    python bench/bench_corpus.py                      # 1250, 2500 and 5000 documents
    python bench/bench_corpus.py --scales 5000 --keep /tmp/corpus-bench
Results go (by hand) into docs/performance.md, section "Corpus and precedents".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_synth import Generator, SynthDocument, Truth  # noqa: E402
from resdiff.corpus.keys import identity_text  # noqa: E402

_INDEX = """
import json, resource, sys, time
from resdiff.cli import main
t = time.perf_counter()
code = main(["corpus", "add", sys.argv[1], "--db", sys.argv[2]])
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "wall": wall, "cpu": r.ru_utime + r.ru_stime,
                  "rss_mb": r.ru_maxrss / 1024}), file=sys.stderr)
"""


def write_corpus(folder: Path, n: int, seed: int) -> Generator:
    folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed, paragraphs=48, series=max(3, n // 40))
    for doc in gen.documents(n):
        (folder / f"{doc.index:05d}.txt").write_text(doc.render(), encoding="utf-8")
    return gen


def index(files: Path, db: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _INDEX, str(files), str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    stats: dict[str, float] = json.loads(done.stderr.strip().splitlines()[-1])
    stats["paragraphs"] = float(done.stdout.split("(")[1].split()[0])
    stats["db_mb"] = db.stat().st_size / 2**20
    return stats


def lookup(draft: Path, db: Path, runs: int) -> tuple[float, float]:
    """Median seconds of find_precedents (in-process, after one warm-up), and of the CLI
    end to end (a fresh interpreter: imports, lens, search, JSON)."""
    from resdiff.corpus.precedents import find_precedents
    from resdiff.corpus.sqlite import open_sqlite
    from resdiff.pipeline import load

    store = open_sqlite(str(db))
    document = load(str(draft))
    find_precedents(document, store)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        find_precedents(document, store)
        times.append(time.perf_counter() - t)
    store.close()
    cli = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "resdiff", "precedents", str(draft), "--db", str(db),
             "--format", "json", "-o", os.devnull],
            check=True, cwd=ROOT,
        )  # fmt: skip
        cli.append(time.perf_counter() - t)
    return statistics.median(times), statistics.median(cli)


def accuracy(draft: Path, truth: list[Truth], db: Path) -> tuple[int, int]:
    from resdiff.corpus.precedents import find_precedents
    from resdiff.corpus.sqlite import open_sqlite
    from resdiff.pipeline import load

    store = open_sqlite(str(db))
    found = {c.clause: c for c in find_precedents(load(str(draft)), store).clauses}
    store.close()
    right = 0
    for t in truth:
        item = found[t.clause]
        ok = item.status == t.status
        if ok and t.source_text is not None:
            ok = identity_text(item.matches[0].text) == identity_text(t.source_text)
        right += ok
    return right, len(truth)


def _drafts(gen: Generator, folder: Path) -> list[tuple[str, Path, list[Truth]]]:
    # The series whose last text is longest below 90 paragraphs: its next text, grown to
    # 100 paragraphs, reuses most of its language, as drafts do.
    sizes = [len(s.last) if len(s.last) <= 90 else 0 for s in gen.series]
    longest = max(range(len(sizes)), key=sizes.__getitem__)
    out = []
    reused: tuple[SynthDocument, list[Truth]] = gen.draft(longest, 100)
    fresh = gen.fresh_draft(100)
    for name, (doc, truth) in (("reused", reused), ("all new", fresh)):
        path = folder / f"draft-{name.replace(' ', '-')}.txt"
        path.write_text(doc.render(), encoding="utf-8")
        out.append((name, path, truth))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", default="1250,2500,5000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="work here and keep the files")
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="resdiff-corpus-bench-"))
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    t = time.perf_counter()
    gen = write_corpus(work / "texts", max(scales), args.seed)
    print(f"wrote {max(scales)} documents in {time.perf_counter() - t:.1f} s to {work}")
    drafts = _drafts(gen, work)
    for n in scales:
        subset = work / f"first-{n}"
        subset.mkdir(exist_ok=True)
        for k in range(1, n + 1):
            link = subset / f"{k:05d}.txt"
            if not link.exists():
                link.symlink_to(work / "texts" / f"{k:05d}.txt")
        db = work / f"corpus-{n}.sqlite"
        db.unlink(missing_ok=True)
        s = index(subset, db)
        print(
            f"{n} documents, {s['paragraphs']:.0f} paragraphs: indexed in {s['cpu']:.1f} s CPU "
            f"({s['wall']:.1f} s wall), peak memory {s['rss_mb']:.0f} MB, "
            f"database {s['db_mb']:.0f} MB"
        )
        for name, path, _ in drafts:
            inside, cli = lookup(path, db, args.runs)
            print(f"  lookup, 100-paragraph draft ({name}): {inside:.2f} s search, {cli:.2f} s CLI")
    right, total = accuracy(drafts[0][1], drafts[0][2], work / f"corpus-{max(scales)}.sqlite")
    print(f"reused draft at {max(scales)} documents: {right}/{total} clauses as expected")


if __name__ == "__main__":
    main()
