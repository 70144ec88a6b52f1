"""How well resdiff reads real drafts, scored against an analyst's hand annotations.

    python bench/real_accuracy.py DIR [--json] [--errors]

DIR holds one annotation file per pair of drafts (``*.json``, or ``*/expect.json`` next to
the pair's ``a.txt`` and ``b.txt``, as in tests/fixtures/phenomena). The drafts themselves
stay outside the repository (they are third-party text); each annotation names them by
a path relative to its own file. resdiff is run on every pair through its public
contract (``python -m resdiff report A B --format json``), so the scorer survives any
reorganisation of the core, and the figures are those a user would see.

Figures, per pair and in total (micro-averaged):

- links: clause-level alignment accuracy, links right / links annotated. A link is right
  when resdiff has a pair with exactly the same clause ids on each side (or one of the
  link's accepted ``alt`` readings). ``uncertain`` links are reported apart and left out.
- status: of the links found, how many also carry the right status.
- R, R@10: recall of the analyst's key differences anywhere in resdiff's ranked list,
  and within its first ten.
- P@10: of resdiff's first ten differences, the share an analyst accepts (a ``key`` or an
  ``also`` item).
- false@10: how many of the first ten are false: they match a ``false`` pattern (and no
  accepted item), or say a clause was removed/added/moved between preamble and
  operative part when the annotated alignment says it was kept.
- header differences (a sponsor joining or leaving, a new symbol, date, title or author)
  are judged against the annotation's ``header`` fields: accepted when both sides'
  fields bear them out, false when they contradict them, neither when a side's field is
  not annotated (a ``"*"`` false pattern does not cover them).
- top: whether resdiff's first difference is one of the annotation's ``top`` items;
  counted apart for pairs whose ``top_reason`` is a changed linkage or operative verb.
- warn: whether each document carries a warning exactly when it should (a partial copy
  should, a complete text should not). A report without a ``warnings`` field counts as
  carrying none, and the table says the field was absent.
- header: expected header fields (symbol, date, author, sponsors) read right.

Annotation format (JSON object; every key but ``a``, ``b`` and ``links`` optional)::

    {
      "id": "p01",
      "title": "what the pair is",
      "a": "../texts/earlier.txt",          # base draft, relative to this file
      "b": "../texts/later.txt",
      "phenomena": [2, 6],                  # issue 10's numbering, for grouping
      "parse_errors": [{"doc": "a", "note": "..."}],   # where the parser errs
      "header": {"a": {"symbol": "S/2024/1", "date": "2024-03-22",
                       "author": "The Security Council", "sponsors": ["..."]}},
      "warnings": {"a": false, "b": true},  # true: a warning is due; null: not scored
      "links": [                            # which clause became which (true ids)
        {"a": ["OP1", "OP3"], "b": ["OP1"], "status": "merged",
         "alt": [{"a": ["OP1"], "b": ["OP1"], "status": "modified"}],
         "uncertain": false, "note": "..."}
      ],
      "key":   [ITEM, ...],                 # what an analyst would list
      "also":  [ITEM, ...],                 # true but minor: fine to report
      "false": [ITEM, ...],                 # must not be reported
      "top":   [ITEM, ...],                 # acceptable first differences
      "top_reason": "linkage" | "verb" | null
    }

Clause ids are those an analyst gives (``PP3``, ``OP2(b)``), which are resdiff's own
when the parser reads the structure right; where it does not, the annotation keeps the
truth and notes the parse error, so parse errors cost alignment. An ``ITEM`` matches one
of resdiff's differences when its ``kind`` equals the difference's kind (``"*"`` is any
kind; a list allows several) and every other field given agrees: ``a``/``b`` share a
clause with the difference's side (a sub-paragraph shares with its paragraph), ``topic``
(with ``related``, in either order), ``from``/``to``/``text`` occur in the value or the
summary (case-insensitive; ``null`` means no value), and ``direction`` is equal.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

TOP_N = 10
NO_VALUE = (None, "", "none")

Json = dict[str, Any]


# ---------------------------------------------------------------- matching


def ids_overlap(xs: Iterable[str], ys: Iterable[str]) -> bool:
    """True when a clause of ``xs`` is, contains or lies inside a clause of ``ys``."""
    ys = list(ys)
    for x in xs:
        for y in ys:
            if x == y or x.startswith(y + "(") or y.startswith(x + "("):
                return True
    return False


def _norm(value: Any) -> str | None:
    if value in NO_VALUE:
        return None
    return str(value).casefold()


def _kind_ok(item: Mapping[str, Any], change: Mapping[str, Any]) -> bool:
    kind = item.get("kind", "*")
    kinds = [kind] if isinstance(kind, str) else list(kind)
    return "*" in kinds or change.get("kind") in kinds


def _side_ok(item: Mapping[str, Any], change: Mapping[str, Any], side: str) -> bool:
    if side not in item:
        return True
    want = list(item[side])
    got = list(change.get(side) or [])
    if not want:
        return not got
    return ids_overlap(want, got)


def _value_ok(item: Mapping[str, Any], change: Mapping[str, Any], key: str) -> bool:
    if key not in item:
        return True
    want = _norm(item[key])
    got = _norm(change.get(key))
    if want is None:
        return got is None
    return got is not None and want in got


def _topic_ok(item: Mapping[str, Any], change: Mapping[str, Any]) -> bool:
    if "topic" not in item:
        return True
    pair = {change.get("topic"), change.get("related")}
    if item["topic"] not in pair:
        return False
    return "related" not in item or item["related"] in pair


def _text_ok(item: Mapping[str, Any], change: Mapping[str, Any]) -> bool:
    if "text" not in item:
        return True
    want = str(item["text"]).casefold()
    fields = (change.get("summary"), change.get("from"), change.get("to"))
    return any(want in str(f).casefold() for f in fields if f is not None)


def item_matches(item: Mapping[str, Any], change: Mapping[str, Any]) -> bool:
    """Whether one annotated item describes one of resdiff's differences."""
    return (
        _kind_ok(item, change)
        and _side_ok(item, change, "a")
        and _side_ok(item, change, "b")
        and _topic_ok(item, change)
        and _value_ok(item, change, "from")
        and _value_ok(item, change, "to")
        and _text_ok(item, change)
        and ("direction" not in item or item["direction"] == change.get("direction"))
    )


def any_match(items: Iterable[Mapping[str, Any]], change: Mapping[str, Any]) -> bool:
    return any(item_matches(item, change) for item in items)


# ---------------------------------------------------------------- alignment

Link = tuple[frozenset[str], frozenset[str]]


def flatten_pairs(pairs: Iterable[Mapping[str, Any]]) -> dict[Link, str]:
    """Every aligned pair of resdiff's report, sub-paragraph pairs included, with status."""
    out: dict[Link, str] = {}
    for pair in pairs:
        out[(frozenset(pair.get("a") or ()), frozenset(pair.get("b") or ()))] = str(
            pair.get("status")
        )
        out.update(flatten_pairs(pair.get("children") or ()))
    return out


def _readings(link: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [link, *link.get("alt", ())]


@dataclass
class AlignmentScore:
    right: int = 0
    total: int = 0
    status_right: int = 0
    uncertain_right: int = 0
    uncertain_total: int = 0
    errors: list[str] = field(default_factory=list)


def _describe(found: Mapping[Link, str], link: Mapping[str, Any]) -> str:
    """What resdiff did with the clauses of a link it missed."""
    a, b = set(link.get("a", ())), set(link.get("b", ()))
    seen = [
        f"{'+'.join(sorted(pa)) or '-'} -> {'+'.join(sorted(pb)) or '-'} ({status})"
        for (pa, pb), status in found.items()
        if (pa & a) or (pb & b)
    ]
    return "; ".join(sorted(seen)) or "nothing with these ids"


def score_alignment(ann: Mapping[str, Any], report: Mapping[str, Any]) -> AlignmentScore:
    found = flatten_pairs(report["comparisons"][0]["pairs"])
    score = AlignmentScore()
    for link in ann.get("links", ()):
        hit = None
        for reading in _readings(link):
            key = (frozenset(reading.get("a", ())), frozenset(reading.get("b", ())))
            if key in found:
                hit = (reading, found[key])
                break
        want = f"{'+'.join(link.get('a', ())) or '-'} -> {'+'.join(link.get('b', ())) or '-'}"
        if link.get("uncertain"):
            score.uncertain_total += 1
            score.uncertain_right += hit is not None
            continue
        score.total += 1
        if hit is None:
            score.errors.append(f"link {want} ({link.get('status')}): got {_describe(found, link)}")
            continue
        score.right += 1
        if hit[0].get("status") == hit[1]:
            score.status_right += 1
        else:
            score.errors.append(f"status {want}: {hit[1]}, expected {hit[0].get('status')}")
    return score


# ---------------------------------------------------------------- differences


def _kept(links: Iterable[Mapping[str, Any]], side: str, ids: Sequence[str]) -> bool:
    """The annotation keeps a clause of ``ids`` (on ``side``) paired with something."""
    other = "b" if side == "a" else "a"
    return any(
        not link.get("uncertain") and link.get(other) and ids_overlap(link.get(side, ()), ids)
        for link in links
    )


def _kind_kept(links: Iterable[Mapping[str, Any]], ids: Sequence[str]) -> bool:
    """The annotation pairs these A clauses with clauses of the same kind (PP/OP)."""
    for link in links:
        if link.get("uncertain") or not link.get("b") or not ids_overlap(link["a"], ids):
            continue
        kinds_a = {x[:2] for x in link["a"]}
        kinds_b = {x[:2] for x in link["b"]}
        if kinds_a == kinds_b:
            return True
    return False


HEADER_FIELDS = {
    "symbol-changed": "symbol",
    "date-changed": "date",
    "title-changed": "title",
    "author-changed": "author",
}


def header_verdict(ann: Mapping[str, Any], change: Mapping[str, Any]) -> bool | None:
    """A header difference (sponsor, symbol, date, title, author) judged against the
    annotated header fields: True when both sides' fields bear it out, False when they
    contradict it, None when a side's field is not annotated (or not a header change)."""
    kind = change.get("kind")
    header = ann.get("header", {})
    side_a, side_b = header.get("a", {}), header.get("b", {})
    if kind in ("sponsor-added", "sponsor-removed"):
        if "sponsors" not in side_a or "sponsors" not in side_b:
            return None
        added = kind == "sponsor-added"
        name = str(change.get("to") if added else change.get("from")).casefold()
        mine, other = (side_b, side_a) if added else (side_a, side_b)
        names = {str(n).casefold() for n in mine["sponsors"] or ()}
        others = {str(n).casefold() for n in other["sponsors"] or ()}
        return name in names and name not in others
    name = HEADER_FIELDS.get(str(kind))
    if name is None or name not in side_a or name not in side_b:
        return None
    want_a, want_b = side_a[name], side_b[name]
    return (
        _norm(want_a) != _norm(want_b)
        and _same(name, want_a, change.get("from"))
        and _same(name, want_b, change.get("to"))
    )


def is_accepted(ann: Mapping[str, Any], change: Mapping[str, Any]) -> bool:
    """A difference the analyst accepts: a ``key`` or ``also`` item, or a header change
    the annotated header fields bear out."""
    accepted = (*ann.get("key", ()), *ann.get("also", ()))
    return any_match(accepted, change) or header_verdict(ann, change) is True


def is_false(ann: Mapping[str, Any], change: Mapping[str, Any]) -> bool:
    """A difference the analyst rejects: contradicts the alignment, the annotated header
    or a ``false`` pattern (``"*"`` patterns cover clause differences, not the header's,
    which are judged by the header fields)."""
    if is_accepted(ann, change):
        return False
    verdict = header_verdict(ann, change)
    if verdict is False:
        return True
    if change.get("kind") in (*HEADER_FIELDS, "sponsor-added", "sponsor-removed"):
        named = [f for f in ann.get("false", ()) if f.get("kind", "*") != "*"]
        return any_match(named, change)
    links = ann.get("links", ())
    kind = change.get("kind")
    a, b = list(change.get("a") or ()), list(change.get("b") or ())
    if kind == "clause-removed" and a and _kept(links, "a", a):
        return True
    if kind == "clause-added" and b and _kept(links, "b", b):
        return True
    if kind == "kind-change" and a and _kind_kept(links, a):
        return True
    return any_match(ann.get("false", ()), change)


@dataclass
class ChangeScore:
    key_total: int = 0
    key_found: int = 0
    key_found_top: int = 0
    accepted_top: int = 0
    shown_top: int = 0
    false_top: int = 0
    top_ok: bool | None = None
    top_reason: str | None = None
    errors: list[str] = field(default_factory=list)


def score_changes(
    ann: Mapping[str, Any], report: Mapping[str, Any], top_n: int = TOP_N
) -> ChangeScore:
    changes = list(report["comparisons"][0]["changes"])
    top = changes[:top_n]
    score = ChangeScore(top_reason=ann.get("top_reason"))
    for item in ann.get("key", ()):
        score.key_total += 1
        if any(item_matches(item, c) for c in changes):
            score.key_found += 1
            score.key_found_top += any(item_matches(item, c) for c in top)
        else:
            score.errors.append(
                f"missed key: {item.get('kind')} {_where(item)} {item.get('note', '')}"
            )
    score.shown_top = len(top)
    for rank, change in enumerate(top, 1):
        if is_accepted(ann, change):
            score.accepted_top += 1
        if is_false(ann, change):
            score.false_top += 1
            score.errors.append(f"false #{rank}: [{change.get('kind')}] {change.get('summary')}")
    if ann.get("top"):
        score.top_ok = bool(changes) and any_match(ann["top"], changes[0])
        if not score.top_ok:
            first = changes[0].get("summary") if changes else "(no differences)"
            score.errors.append(f"top is: {first}")
    return score


def _where(item: Mapping[str, Any]) -> str:
    a = "+".join(item.get("a", ())) or "-"
    b = "+".join(item.get("b", ())) or "-"
    return f"{a} -> {b}"


# ---------------------------------------------------------------- documents


@dataclass
class DocScore:
    warn_right: int = 0
    warn_total: int = 0
    warnings_absent: bool = False
    header_right: int = 0
    header_total: int = 0
    errors: list[str] = field(default_factory=list)


def _same(field_name: str, want: Any, got: Any) -> bool:
    if field_name == "sponsors":
        return [str(s).casefold() for s in want or ()] == [str(s).casefold() for s in got or ()]
    if want is None:
        return got in NO_VALUE
    return got is not None and str(want).casefold() == str(got).casefold()


def score_documents(ann: Mapping[str, Any], report: Mapping[str, Any]) -> DocScore:
    score = DocScore()
    docs = {"a": report["documents"][0], "b": report["documents"][1]}
    for side, doc in docs.items():
        due = ann.get("warnings", {}).get(side)
        if "warnings" not in doc:
            score.warnings_absent = True
        got = list(doc.get("warnings") or ())
        if due is not None:
            score.warn_total += 1
            if bool(got) == bool(due):
                score.warn_right += 1
            else:
                said = "; ".join(map(str, got)) or "none"
                score.errors.append(
                    f"warnings {side}: expected {'some' if due else 'none'}, got {said}"
                )
        for name, want in ann.get("header", {}).get(side, {}).items():
            score.header_total += 1
            if _same(name, want, doc.get(name)):
                score.header_right += 1
            else:
                score.errors.append(f"header {side}.{name}: {doc.get(name)!r}, expected {want!r}")
    return score


# ---------------------------------------------------------------- running


@dataclass
class PairScore:
    id: str
    title: str
    alignment: AlignmentScore
    changes: ChangeScore
    documents: DocScore
    phenomena: list[int] = field(default_factory=list)


def load_annotations(folder: Path) -> list[tuple[Path, Json]]:
    files = sorted([*folder.glob("*.json"), *folder.glob("*/expect.json")])
    if not files:
        raise SystemExit(f"real_accuracy: {folder}: no annotation files (*.json, */expect.json)")
    out = []
    for path in files:
        try:
            ann = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"real_accuracy: {path}: {exc}") from None
        if not isinstance(ann, dict) or not {"a", "b", "links"} <= ann.keys():
            raise SystemExit(f"real_accuracy: {path}: needs 'a', 'b' and 'links'")
        out.append((path, ann))
    return out


def run_resdiff(a: Path, b: Path) -> Json:
    """resdiff's JSON report on one pair, through the command line a user would type."""
    cmd = [sys.executable, "-m", "resdiff", "report", str(a), str(b), "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"real_accuracy: resdiff failed on {a} {b}: {proc.stderr.strip()}")
    try:
        report: Json = json.loads(proc.stdout)
    except json.JSONDecodeError:
        first = proc.stdout.strip().splitlines()[:1] or ["(nothing)"]
        raise SystemExit(
            f"real_accuracy: resdiff's output on {a} {b} is not JSON; it begins: {first[0][:120]}"
        ) from None
    return report


def score_pair(ann: Mapping[str, Any], report: Mapping[str, Any]) -> PairScore:
    return PairScore(
        id=str(ann.get("id", "?")),
        title=str(ann.get("title", "")),
        alignment=score_alignment(ann, report),
        changes=score_changes(ann, report),
        documents=score_documents(ann, report),
        phenomena=list(ann.get("phenomena", ())),
    )


# ---------------------------------------------------------------- output


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den}" if den else "-"


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.0f}%" if den else "-"


def _ratio_pct(num: int, den: int) -> str:
    return f"{_ratio(num, den)} {_pct(num, den)}"


def totals(scores: Sequence[PairScore]) -> Json:
    """Micro-averaged totals over every pair."""

    def total(get: Any) -> int:
        return sum(get(s) for s in scores)

    top_lv = [s.changes.top_ok for s in scores if s.changes.top_reason in ("linkage", "verb")]
    top_other = [
        s.changes.top_ok
        for s in scores
        if s.changes.top_reason not in ("linkage", "verb") and s.changes.top_ok is not None
    ]
    return {
        "pairs": len(scores),
        "links_right": total(lambda s: s.alignment.right),
        "links_total": total(lambda s: s.alignment.total),
        "status_right": total(lambda s: s.alignment.status_right),
        "uncertain_right": total(lambda s: s.alignment.uncertain_right),
        "uncertain_total": total(lambda s: s.alignment.uncertain_total),
        "key_found": total(lambda s: s.changes.key_found),
        "key_found_top": total(lambda s: s.changes.key_found_top),
        "key_total": total(lambda s: s.changes.key_total),
        "accepted_top": total(lambda s: s.changes.accepted_top),
        "shown_top": total(lambda s: s.changes.shown_top),
        "false_top": total(lambda s: s.changes.false_top),
        "top_linkage_verb_right": sum(bool(x) for x in top_lv),
        "top_linkage_verb_total": len(top_lv),
        "top_other_right": sum(bool(x) for x in top_other),
        "top_other_total": len(top_other),
        "warn_right": total(lambda s: s.documents.warn_right),
        "warn_total": total(lambda s: s.documents.warn_total),
        "warnings_absent": any(s.documents.warnings_absent for s in scores),
        "header_right": total(lambda s: s.documents.header_right),
        "header_total": total(lambda s: s.documents.header_total),
    }


HEAD = ("pair", "links", "status", "R", "R@10", "P@10", "false@10", "top", "warn", "header")


def _row(s: PairScore) -> tuple[str, ...]:
    al, ch, doc = s.alignment, s.changes, s.documents
    top = "-" if ch.top_ok is None else ("ok" if ch.top_ok else "WRONG")
    return (
        s.id,
        _ratio(al.right, al.total),
        _ratio(al.status_right, al.right),
        _ratio(ch.key_found, ch.key_total),
        _ratio(ch.key_found_top, ch.key_total),
        _ratio(ch.accepted_top, ch.shown_top),
        str(ch.false_top),
        top,
        _ratio(doc.warn_right, doc.warn_total),
        _ratio(doc.header_right, doc.header_total),
    )


def render_table(scores: Sequence[PairScore], errors: bool = False) -> str:
    t = totals(scores)
    rows = [HEAD, *(_row(s) for s in scores)]
    rows.append(
        (
            "total",
            _ratio_pct(t["links_right"], t["links_total"]),
            _pct(t["status_right"], t["links_right"]),
            _ratio_pct(t["key_found"], t["key_total"]),
            _pct(t["key_found_top"], t["key_total"]),
            _pct(t["accepted_top"], t["shown_top"]),
            str(t["false_top"]),
            _ratio(t["top_linkage_verb_right"], t["top_linkage_verb_total"]),
            _ratio(t["warn_right"], t["warn_total"]),
            _ratio(t["header_right"], t["header_total"]),
        )
    )
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEAD))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(len(lines) - 1, lines[1])
    notes = [
        f"uncertain links (not counted): {t['uncertain_right']}/{t['uncertain_total']} found",
        f"top on other pairs: {_ratio(t['top_other_right'], t['top_other_total'])}",
    ]
    if t["warnings_absent"]:
        notes.append("the reports carry no 'warnings' field: read as no warning")
    lines += ["", *notes]
    if errors:
        for s in scores:
            errs = [*s.alignment.errors, *s.changes.errors, *s.documents.errors]
            if errs:
                lines += ["", f"{s.id}: {s.title}", *(f"  {e}" for e in errs)]
    return "\n".join(lines)


def as_json(scores: Sequence[PairScore]) -> Json:
    return {"pairs": [asdict(s) for s in scores], "totals": totals(scores)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="folder of annotation files (*.json)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    scores = []
    for path, ann in load_annotations(args.dir):
        a, b = (path.parent / ann["a"]).resolve(), (path.parent / ann["b"]).resolve()
        scores.append(score_pair(ann, run_resdiff(a, b)))
    if args.json:
        print(json.dumps(as_json(scores), indent=1))
    else:
        print(render_table(scores, errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
