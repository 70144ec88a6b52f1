"""Regenerate the golden reports, on purpose, and say what changed::

    python -m tests.golden.regen            # rewrite every golden that differs
    python -m tests.golden.regen demo.md    # only these
    python -m tests.golden.regen --check    # only report, write nothing

For each file it prints whether it is unchanged, new or changed, and for a changed one
the number of lines added and removed and the first lines of the diff. Review the whole
diff (``git diff tests/golden``) before committing, and say in the commit why it changed.
The test never writes a golden: it only compares.
"""

from __future__ import annotations

import argparse
import difflib
import sys

from tests.golden.cases import CASES, HERE, stored

SHOWN = 12  # diff lines printed per changed file


def summary(name: str, old: str | None, new: str) -> list[str]:
    if old is None:
        return [f"{name}: new, {len(new.splitlines())} lines"]
    if old == new:
        return [f"{name}: unchanged"]
    diff = list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), "stored", "now", lineterm="", n=0)
    )
    added = sum(1 for d in diff if d.startswith("+") and not d.startswith("+++"))
    removed = sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
    lines = [f"{name}: changed, +{added} -{removed} lines"]
    lines += [f"    {d}" for d in diff[2 : 2 + SHOWN]]
    if len(diff) > 2 + SHOWN:
        lines.append(f"    ... {len(diff) - 2 - SHOWN} more diff lines")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("names", nargs="*", help="golden files to regenerate (default: all)")
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in CASES]
    if unknown:
        parser.error(f"no golden named {unknown[0]!r}; known: {', '.join(CASES)}")
    changed = 0
    for name in args.names or list(CASES):
        new = CASES[name]()
        old = stored(name)
        print("\n".join(summary(name, old, new)))
        if old != new:
            changed += 1
            if not args.check:
                (HERE / name).write_bytes(new.encode("utf-8"))
    verb = "differ" if args.check else "rewritten"
    print(f"{changed} golden file(s) {verb}.")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
