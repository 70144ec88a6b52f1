"""The inputs issue 16 is measured on, written as the files a user would pass to resdiff.

    python bench/speed_inputs.py FOLDER        # writes every input set into FOLDER

Each set is a list of files compared in the order given:

- ``seeds``: the demo pair of the bundled seeds (a typical Security Council pair);
- ``large``, ``huge``, ``x16``: the alignment benchmark's synthetic pair
  (``align_synth.make_pair``: 460, 1,840 and 7,360 paragraphs a side, rewordings, moves,
  splits, merges, demotions) written as text under "The General Assembly,";
- ``drafts10``: ten drafts of the large text, each editing the one before (about a tenth
  of its paragraphs reworded, a few removed, inserted and moved);
- the stress shapes of ``bench_stress.py`` (one file pair each, up to 1 MB a side).

Everything is seeded: the same files every time.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_synth import make_pair

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"large": 460, "huge": 1840, "x16": 7360}


def synthetic_pair(paragraphs: int, seed: int = 1) -> tuple[str, str]:
    """The alignment benchmark's pair as the text of two files."""
    pair = make_pair(paragraphs, seed)
    head = "The General Assembly,\n\n"
    return head + pair.a.text, head + pair.b.text


def _edited(rng: random.Random, paras: list[str], vocabulary: list[str]) -> list[str]:
    """The next draft: a tenth of the paragraphs reworded, 2% removed, 2% inserted, 1% moved."""
    out = []
    for p in paras:
        r = rng.random()
        if r < 0.02:
            continue
        if r < 0.12:
            words = p.split(" ")
            for _ in range(rng.randint(1, 4)):
                k = rng.randrange(1, len(words))
                words[k] = rng.choice(vocabulary)
            p = " ".join(words)
        out.append(p)
        if r > 0.98:
            out.append("Requests " + " ".join(rng.choice(vocabulary) for _ in range(40)) + ";")
    for _ in range(len(out) // 100):
        out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
    return out


def draft_series(count: int, paragraphs: int = 460, seed: int = 3) -> list[str]:
    """``count`` drafts of one text, each made from the previous one."""
    first, _ = synthetic_pair(paragraphs, seed)
    head, body = first.split("\n\n", 1)
    paras = [p for p in body.split("\n\n") if p.strip()]
    bodies = [p.split(" ", 1)[1] if p[0].isdigit() else p for p in paras]
    vocabulary = sorted({w for p in bodies for w in p.split() if w.isalpha()})
    rng = random.Random(seed)
    drafts = []
    for k in range(count):
        if k:
            bodies = _edited(rng, bodies, vocabulary)
        lines, op = [], 0
        for p in bodies:
            if p.endswith(";"):
                op += 1
                lines.append(f"{op}. {p}")
            else:
                lines.append(p)
        drafts.append(head + "\n\n" + "\n\n".join(lines) + "\n")
    return drafts


def input_sets(folder: Path, big: bool = True) -> dict[str, list[Path]]:
    """Write every input set into ``folder``; name -> files."""
    from bench_stress import STRESS_INPUTS

    folder.mkdir(parents=True, exist_ok=True)
    sets: dict[str, list[Path]] = {}

    def put(name: str, make: Callable[[], list[str]]) -> None:
        """Write the set once (a marker holds its file count: generating x16 takes a minute)."""
        marker = folder / f"{name}.count"
        if marker.exists():
            count = int(marker.read_text())
        else:
            texts = make()
            for k, text in enumerate(texts):
                (folder / f"{name}-{chr(ord('a') + k)}.txt").write_text(text, encoding="utf-8")
            marker.write_text(str(len(texts)))
            count = len(texts)
        sets[name] = [folder / f"{name}-{chr(ord('a') + k)}.txt" for k in range(count)]

    seeds = ROOT / "seeds"
    sets["seeds"] = [seeds / "s-2024-9001-tied.txt", seeds / "s-2024-9002-demands.txt"]
    sets["seeds3"] = [
        seeds / "s-2024-9000-earlier.txt",
        seeds / "s-2024-9001-tied.txt",
        seeds / "s-2024-9002-demands.txt",
    ]
    for name, n in SIZES.items():
        if big or name != "x16":
            put(name, lambda n=n: list(synthetic_pair(n)))
    put("drafts10", lambda: draft_series(10))
    for name, (make, size) in STRESS_INPUTS.items():
        put(name, lambda make=make, size=size: list(make(size)))
    return sets


if __name__ == "__main__":
    for name, paths in input_sets(Path(sys.argv[1])).items():
        size = max(p.stat().st_size for p in paths)
        print(f"{name:28} {len(paths):2} files, largest {size / 1024:,.0f} KB")
