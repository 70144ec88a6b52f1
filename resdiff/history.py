"""History of an ordered series of drafts (draft -> rev.1 -> ... -> adopted).

Consecutive drafts are aligned; every clause of the last draft is then traced back
through the chain. ``rounds`` says where it came from in each earlier draft and how that
step changed it; ``origins`` is word-level blame: its text cut into runs, each tagged with
the draft that introduced those words. A word kept by a step (an ``=`` run, or a ``minor``
couple: only what the options ignore differs) inherits its origin from the draft before;
a word inserted by a step is blamed on the draft that inserted it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from resdiff.align import align
from resdiff.diff import diff_texts
from resdiff.model import (
    Clause,
    ClauseHistory,
    ClausePair,
    CompareOptions,
    Document,
    PairStatus,
    Run,
    WordOrigin,
)

Aligner = Callable[[Document, Document, CompareOptions], Sequence[ClausePair]]
Round = tuple[str, tuple[str, ...], PairStatus]

# When a clause's ancestors sit in several pairs of one round, the round reports the
# most telling of their statuses.
_STATUS_RANK: dict[PairStatus, int] = {
    "unchanged": 0,
    "added": 1,
    "modified": 2,
    "removed": 3,
    "split": 4,
    "merged": 5,
}


def build_history(
    docs: Sequence[Document],
    options: CompareOptions,
    aligner: Aligner | None = None,
) -> tuple[ClauseHistory, ...]:
    """The history of every clause of the last document (sub-paragraphs included when
    the alignment pairs them), in document order."""
    if not docs:
        return ()
    series = _Series(docs, options, aligner or align)
    out: list[ClauseHistory] = []
    last = len(docs) - 1
    for top in docs[-1].clauses:
        for clause in top.walk():
            if last and clause.id not in series.pair_of[last - 1]:
                continue  # a sub-paragraph the alignment did not pair: no history to tell
            out.append(
                ClauseHistory(
                    clause=clause.id,
                    rounds=series.rounds(clause.id),
                    origins=_origins(clause.text, series.labels(last, clause.id)),
                )
            )
    return tuple(out)


class _Series:
    """The aligned chain, with the per-character blame of each clause computed lazily."""

    def __init__(self, docs: Sequence[Document], options: CompareOptions, aligner: Aligner):
        self.docs = tuple(docs)
        self.options = options
        self.clauses: list[dict[str, Clause]] = [{c.id: c for c in d.walk()} for d in docs]
        self.order: list[dict[str, int]] = [
            {cid: i for i, cid in enumerate(m)} for m in self.clauses
        ]
        # pair_of[k]: clause id of docs[k + 1] -> the pair (at any depth) holding it.
        self.pair_of: list[dict[str, ClausePair]] = []
        for k in range(len(docs) - 1):
            index: dict[str, ClausePair] = {}
            for top in aligner(docs[k], docs[k + 1], options):
                for pair in top.walk():
                    for cid in pair.b:
                        index[cid] = pair
            self.pair_of.append(index)
        self._labels: dict[tuple[int, str], list[str]] = {}
        self._diffs: dict[tuple[int, tuple[str, ...], tuple[str, ...]], tuple[Run, ...]] = {}

    def rounds(self, clause_id: str) -> tuple[Round, ...]:
        """One entry per round since the clause (or an ancestor) first appeared, oldest
        first: the earlier draft, the ancestors' ids there, the step's status."""
        out: list[Round] = []
        ids: tuple[str, ...] = (clause_id,)
        for k in range(len(self.docs) - 2, -1, -1):
            pairs: list[ClausePair] = []
            for cid in ids:
                pair = self.pair_of[k].get(cid)
                if pair is not None and all(pair is not p for p in pairs):
                    pairs.append(pair)
            if not pairs:
                break
            earlier = {cid for p in pairs for cid in p.a}
            ordered = tuple(sorted(earlier, key=lambda c: self.order[k].get(c, len(self.order[k]))))
            status = max((p.status for p in pairs), key=_STATUS_RANK.__getitem__)
            out.append((self.docs[k].id, ordered, status))
            if not ordered:
                break
            ids = ordered
        out.reverse()
        return tuple(out)

    def labels(self, k: int, clause_id: str) -> list[str]:
        """For each character of the clause's text in docs[k], the id of the document
        that introduced it."""
        cached = self._labels.get((k, clause_id))
        if cached is not None:
            return cached
        here = self.docs[k].id
        text = self.clauses[k][clause_id].text
        pair = self.pair_of[k - 1].get(clause_id) if k else None
        if pair is None or not pair.a:
            result = [here] * len(text)
        else:
            result = self._inherit(k, pair, clause_id)
        self._labels[(k, clause_id)] = result
        return result

    def _inherit(self, k: int, pair: ClausePair, clause_id: str) -> list[str]:
        """Blame for one clause of docs[k] from the diff of its pair with docs[k - 1]."""
        here = self.docs[k].id
        old_labels: list[str] = []
        for i, cid in enumerate(pair.a):
            if i:
                old_labels.append(here)  # the "\n" joining several clauses
            old_labels.extend(self.labels(k - 1, cid))
        runs = self._diff(k, pair)
        new_labels: list[str] = []
        pos = 0
        minor_from: tuple[int, int] | None = None  # span in the old text of a minor "-"
        for run in runs:
            size = len(run.text)
            if run.op == "=":
                new_labels.extend(old_labels[pos : pos + size])
                pos += size
                minor_from = None
            elif run.op == "-":
                minor_from = (pos, size) if run.minor else None
                pos += size
            else:
                if run.minor and minor_from is not None:
                    start, width = minor_from
                    new_labels.extend(old_labels[start + min(i, width - 1)] for i in range(size))
                else:
                    new_labels.extend([here] * size)
                minor_from = None
        offset = 0
        for cid in pair.b:
            if cid == clause_id:
                break
            offset += len(self.clauses[k][cid].text) + 1
        return new_labels[offset : offset + len(self.clauses[k][clause_id].text)]

    def _diff(self, k: int, pair: ClausePair) -> tuple[Run, ...]:
        key = (k, pair.a, pair.b)
        runs = self._diffs.get(key)
        if runs is None:
            old = "\n".join(self.clauses[k - 1][cid].text for cid in pair.a)
            new = "\n".join(self.clauses[k][cid].text for cid in pair.b)
            # The aligner's own diff serves when it is of these very texts.
            if pair.text_a() == old and pair.text_b() == new:
                runs = pair.diff
            else:
                runs = diff_texts(old, new, self.options)
            self._diffs[key] = runs
        return runs


def _origins(text: str, labels: Sequence[str]) -> tuple[WordOrigin, ...]:
    """Cut ``text`` into maximal runs of one origin."""
    out: list[WordOrigin] = []
    start = 0
    for label, run in groupby(labels):
        end = start + sum(1 for _ in run)
        out.append(WordOrigin(text[start:end], label))
        start = end
    return tuple(out)
