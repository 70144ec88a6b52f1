"""Precision and recall of clause signals on the hand-labelled set.

    python bench/signals_accuracy.py [--lens FILE] [--errors]

Reads tests/fixtures/signals/labelled.toml and prints, for the tune set, the held-out
set and both, precision / recall / F1 per signal (verb, topic, qualifier, link, link by
relation) and the share of changed openers whose direction is right. Figures go to
docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resdiff.signals.compiled import phrase_regex  # noqa: E402
from resdiff.signals.extract import text_signals  # noqa: E402
from resdiff.signals.lens import Lens, load_lens  # noqa: E402
from resdiff.signals.verbs import compare_verbs, verb_from_text  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "signals" / "labelled.toml"
SETS = ("tune", "held-out", "all")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, cid: str, expected: Iterable[object], found: Iterable[object]) -> None:
        exp, got = set(expected), set(found)
        self.tp += len(exp & got)
        self.fp += len(got - exp)
        self.fn += len(exp - got)
        for x in sorted(map(str, got - exp)):
            self.errors.append(f"{cid}: extra {x}")
        for x in sorted(map(str, exp - got)):
            self.errors.append(f"{cid}: missed {x}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_labelled(path: Path = LABELLED) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _link_key(topics: Sequence[str], relation: str) -> tuple[str, str, str]:
    a, b = sorted(topics)
    return (a, b, relation)


def score_clauses(examples: Sequence[dict[str, Any]], lens: Lens) -> dict[str, Score]:
    scores = {
        k: Score()
        for k in (
            "verb",
            "topic",
            "qualifier",
            "link",
            "link (any relation)",
            "link: conditional",
            "link: sequence",
            "link: parallel",
        )
    }
    for ex in examples:
        cid = ex["id"]
        s = text_signals(ex["text"], lens)
        # Verb: right when the detected opener is the labelled lens phrase on its scale.
        exp_verb = [(ex["verb"], ex["scale"])] if ex["verb"] else []
        got_verb = []
        if s.verb is not None:
            # The verb as written may carry skipped words first ("Further demands").
            label_ok = bool(ex["verb"]) and re.search(
                phrase_regex(ex["verb"]) + r"\Z", s.verb.text, re.IGNORECASE
            )
            got_verb = [(ex["verb"], s.verb.scale) if label_ok else (s.verb.text, s.verb.scale)]
        scores["verb"].add(cid, exp_verb, got_verb)
        scores["topic"].add(cid, ex["topics"], s.topic_ids)
        exp_q = [(t, q) for t, qs in ex["qualifiers"].items() for q in qs]
        got_q = [(t, q) for t, qs in s.qualifiers.items() for q in qs]
        scores["qualifier"].add(cid, exp_q, got_q)
        exp_l = [_link_key(link[:2], link[2]) for link in ex["links"]]
        got_l = [_link_key(link.topics, link.relation) for link in s.links]
        scores["link"].add(cid, exp_l, got_l)
        scores["link (any relation)"].add(cid, [k[:2] for k in exp_l], [k[:2] for k in got_l])
        for rel in ("conditional", "sequence", "parallel"):
            scores[f"link: {rel}"].add(
                cid, [k for k in exp_l if k[2] == rel], [k for k in got_l if k[2] == rel]
            )
    return scores


def score_openers(changes: Sequence[dict[str, Any]], lens: Lens) -> tuple[int, int, list[str]]:
    right, errors = 0, []
    for ch in changes:
        va, vb = verb_from_text(ch["a"], lens), verb_from_text(ch["b"], lens)
        got = "none" if va is None or vb is None else (compare_verbs(va, vb) or "same")
        if got == ch["direction"]:
            right += 1
        else:
            errors.append(f"{ch['a']!r} -> {ch['b']!r}: expected {ch['direction']}, got {got}")
    return right, len(changes), errors


def select(items: Sequence[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    return [x for x in items if which == "all" or x["set"] == which]


def report(lens: Lens, show_errors: bool = False) -> str:
    data = load_labelled()
    lines = []
    for which in SETS:
        clauses = select(data["clause"], which)
        openers = select(data["opener_change"], which)
        scores = score_clauses(clauses, lens)
        right, total, op_errors = score_openers(openers, lens)
        lines.append(f"## {which}: {len(clauses)} clauses, {total} changed openers")
        lines.append("")
        lines.append("| signal | precision | recall | F1 | tp | fp | fn |")
        lines.append("|---|---|---|---|---|---|---|")
        for name, sc in scores.items():
            lines.append(
                f"| {name} | {sc.precision:.2f} | {sc.recall:.2f} | {sc.f1:.2f} "
                f"| {sc.tp} | {sc.fp} | {sc.fn} |"
            )
        lines.append(f"| opener direction (accuracy) | {right}/{total} | | | | | |")
        lines.append("")
        if show_errors:
            for sc_name, sc in scores.items():
                if sc_name.startswith("link:") or sc_name == "link (any relation)":
                    continue
                lines += [f"- {sc_name} {e}" for e in sc.errors]
            lines += [f"- opener {e}" for e in op_errors]
            lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lens", action="append", default=[], metavar="FILE")
    parser.add_argument("--errors", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    print(report(load_lens(args.lens), args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
