"""Which clause of one sequence became which of the other: 1:1 matches, splits, merges.

Order of work (docs/alignment.md explains why):

1. exact matches on the normalised text (stems in order), which become anchors
   (a text found a different number of times on each side is left to step 3);
2. candidates: every pair when the sequences are small, else pairs sharing a rare term
   (inverted index over the still unmatched clauses) plus a window around each
   clause's expected position, interpolated between anchors;
3. scores: TF-IDF cosine plus a small position bonus; greedy global assignment,
   best score first, with a lower bar for pairs in the same gap between anchors;
4. splits and merges: a clause whose weighted words are covered by 2+ consecutive
   clauses of the other side, each of them mostly contained in it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from resdiff.align.params import AlignParams
from resdiff.align.terms import ClauseTerms, Idf, Vector, containment, cosine, function_words
from resdiff.subsequence import increasing_subsequence


@dataclass(frozen=True, slots=True)
class Pairing:
    """Indices of clauses on each side that form one pair (both sides non-empty)."""

    a: tuple[int, ...]
    b: tuple[int, ...]


class _Matcher:
    def __init__(
        self, ta: Sequence[ClauseTerms], tb: Sequence[ClauseTerms], idf: Idf, p: AlignParams
    ) -> None:
        self.ta, self.tb, self.idf, self.p = ta, tb, idf, p
        self.a_to_b = [-1] * len(ta)
        self.b_to_a = [-1] * len(tb)
        self.sims: dict[tuple[int, int], float] = {}

    def run(self) -> list[Pairing]:
        self._exact()
        self._expected_positions()
        self._assign(self._candidates())
        split = self._groups(self.ta, self.tb, self.a_to_b, self.b_to_a, transpose=False)
        merge = self._groups(self.tb, self.ta, self.b_to_a, self.a_to_b, transpose=True)
        units = [Pairing((i,), tuple(js)) for i, js in split]
        units += [Pairing(tuple(is_), (j,)) for j, is_ in merge]
        grouped_a = {i for u in units for i in u.a}
        for i, j in enumerate(self.a_to_b):
            if j >= 0 and i not in grouped_a and self.b_to_a[j] == i:
                units.append(Pairing((i,), (j,)))
        units.sort(key=lambda u: u.a[0])
        return units

    def _link(self, i: int, j: int) -> None:
        self.a_to_b[i] = j
        self.b_to_a[j] = i

    def _exact(self) -> None:
        by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for j, t in enumerate(self.tb):
            by_key[t.key].append(j)
        a_keys: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, t in enumerate(self.ta):
            a_keys[t.key].append(i)
        for key, ia in a_keys.items():
            jb = by_key.get(key, [])
            if len(ia) != len(jb) and key:
                continue  # unequal copies: position decides, in the scored stage
            for i, j in zip(ia, jb, strict=False):  # unequal only for wordless clauses
                self._link(i, j)
                self.sims[i, j] = 1.0

    def _expected_positions(self) -> None:
        """Anchors: the exact matches in consistent order. Each clause of ``a`` gets an
        expected position in ``b`` and the gap ``(lo, hi)`` between its anchors."""
        exact = [(i, j) for i, j in enumerate(self.a_to_b) if j >= 0]
        keep = increasing_subsequence([j for _, j in exact])
        anchors = [(-1, -1), *(exact[k] for k in keep), (len(self.ta), len(self.tb))]
        self.expected: list[float] = []
        self.gap: list[tuple[int, int]] = []
        k = 0
        for i in range(len(self.ta)):
            while anchors[k + 1][0] < i:
                k += 1
            (ip, jp), (inx, jn) = anchors[k], anchors[k + 1]
            if inx == i:
                self.expected.append(float(jn))
                self.gap.append((jn - 1, jn + 1))
                continue
            self.expected.append(jp + (i - ip) * (jn - jp) / (inx - ip))
            self.gap.append((jp, jn))

    def _candidates(self) -> set[tuple[int, int]]:
        p = self.p
        free_a = [i for i, j in enumerate(self.a_to_b) if j < 0]
        free_b = [j for j, i in enumerate(self.b_to_a) if i < 0]
        if len(free_a) * len(free_b) <= p.all_pairs_limit:
            return {(i, j) for i in free_a for j in free_b}
        scores = _rare_term_scores(
            [(i, self.ta[i].vector) for i in free_a],
            [(j, self.tb[j].vector) for j in free_b],
            p.rare_posting_max,
        )
        cands = _best_pairs(scores, p.candidates_per_clause)
        nb, w = len(self.tb), p.position_window
        for i in free_a:
            centre = round(self.expected[i])
            for j in range(max(0, centre - w), min(nb, centre + w + 1)):
                if self.b_to_a[j] < 0:
                    cands.add((i, j))
        return cands

    def _assign(self, cands: set[tuple[int, int]]) -> None:
        p = self.p
        edges: list[tuple[float, int, int]] = []
        for i, j in cands:
            s = cosine(self.ta[i].vector, self.tb[j].vector)
            self.sims[i, j] = s
            if s < p.min_similarity:
                lo, hi = self.gap[i]
                if not (lo < j < hi and s >= p.min_similarity_in_gap and self._distinct(i, j)):
                    continue
            bonus = p.position_weight / (1.0 + abs(j - self.expected[i]) / p.position_scale)
            edges.append((s + bonus, i, j))
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        for _, i, j in edges:
            if self.a_to_b[i] < 0 and self.b_to_a[j] < 0:
                self._link(i, j)

    def _distinct(self, i: int, j: int) -> bool:
        """Whether clauses ``a[i]`` and ``b[j]`` share a word rare in both drafts, other
        than the verb both open with: "Expressing its concern at ..." and "Expresses its
        appreciation for ..." share a stem, but a verb says what a paragraph does, not
        what it is about; a paragraph removed and another added share no more."""
        ta, tb = self.ta[i], self.tb[j]
        ka, kb = ta.key, tb.key
        opener = ka[0] if ta.opens and tb.opens and ka and kb and ka[0] == kb[0] else None
        x, y = self.ta[i].counts, self.tb[j].counts
        if len(x) > len(y):
            x, y = y, x
        df_max, skip = self.p.gap_shared_df_max, function_words()
        return any(t in y and self.idf.df(t) <= df_max and t not in skip and t != opener for t in x)

    def _groups(
        self,
        whole: Sequence[ClauseTerms],
        parts: Sequence[ClauseTerms],
        whole_to_part: list[int],
        part_to_whole: list[int],
        transpose: bool,
    ) -> list[tuple[int, list[int]]]:
        """Wholes covered by 2+ consecutive parts (parts that went elsewhere may stand
        between them); updates the matching to match."""
        p, idf = self.p, self.idf

        # Each free part's best container among the wholes it was scored against; a
        # whole's own 1:1 partner joins only if the whole has a free part. A part held
        # by a weak match (one that passed only the in-gap bar) counts as free: being
        # contained in a whole is better evidence than a weak in-place match.
        def free(p_j: int) -> bool:
            owner = part_to_whole[p_j]
            if owner == -1:
                return True
            key = (p_j, owner) if transpose else (owner, p_j)
            return owner >= 0 and self.sims.get(key, 1.0) < p.min_similarity

        container: dict[int, tuple[float, int]] = {}
        for key, s in self.sims.items():
            w_i, p_j = (key[1], key[0]) if transpose else key
            if s < p.group_min_similarity or whole_to_part[w_i] < -1 or not free(p_j):
                continue
            if whole_to_part[w_i] == p_j:
                continue  # its own partner: added below
            c = containment(parts[p_j], whole[w_i].counts, idf)
            if c >= p.part_min_containment and c > container.get(p_j, (0.0, -1))[0]:
                container[p_j] = (c, w_i)
        for w_i in {w for _, w in container.values()}:
            partner = whole_to_part[w_i]
            if partner >= 0:
                c = containment(parts[partner], whole[w_i].counts, idf)
                if c >= p.part_min_containment:
                    container[partner] = (c, w_i)
        members: dict[int, list[int]] = defaultdict(list)
        for p_j, (_, w_i) in container.items():
            members[w_i].append(p_j)
        found: list[tuple[int, list[int]]] = []
        for w_i, js in sorted(members.items()):
            if len(js) < 2:
                continue
            partner = whole_to_part[w_i]
            run = self._best_run(
                whole[w_i], parts, sorted(js), (w_i, partner), container, part_to_whole
            )
            if run is None:
                continue
            whole_to_part[w_i] = -2  # grouped: out of 1:1 matching for good
            for j in run:
                owner = part_to_whole[j]
                if owner >= 0 and owner != w_i:
                    whole_to_part[owner] = -1  # a weak match given up: that whole is alone
                part_to_whole[j] = -2
            found.append((w_i, run))
        return found

    def _best_run(
        self,
        whole: ClauseTerms,
        parts: Sequence[ClauseTerms],
        js: list[int],
        owner: tuple[int, int],
        container: dict[int, tuple[float, int]],
        part_to_whole: list[int],
    ) -> list[int] | None:
        """The best run of 2+ parts (in order; parts that went elsewhere may stand
        between them) that covers the whole, or None. ``owner``: the whole's index and
        its 1:1 partner (-1 if none), which a run must then include."""
        p, idf = self.p, self.idf
        w_i, partner = owner
        runs: list[list[int]] = [[js[0]]]
        for j in js[1:]:
            between = range(runs[-1][-1] + 1, j)
            if all(part_to_whole[k] not in (-1, w_i) for k in between):
                runs[-1].append(j)  # what stands between went elsewhere (demoted, moved)
            else:
                runs.append([j])
        best: tuple[float, list[int]] | None = None
        for run in runs:
            if len(run) < 2 or (partner >= 0 and partner not in run):
                continue
            union: Counter[str] = Counter()
            for j in run:
                union.update(parts[j].counts)
            cover = containment(whole, union, idf)
            if min(container[j][0] for j in run) >= p.part_full_containment:
                # Short paragraphs absorbed into a longer one that also says new things:
                # each part found whole in it, each adding words of its own.
                good = cover >= p.group_min_coverage_absorbed and all(
                    cover - containment(whole, union - parts[j].counts, idf)
                    >= p.group_min_gain_absorbed
                    for j in run
                )
            else:
                single = max(containment(whole, parts[j].counts, idf) for j in run)
                good = cover >= p.group_min_coverage and cover - single >= p.group_min_gain
            if good and (best is None or cover > best[0]):
                best = (cover, run)
        return best[1] if best else None


Indexed = Sequence[tuple[int, Vector]]


_RareScores = tuple[dict[int, dict[int, float]], tuple[int, ...]]
"""Rare-term scores: ``rows[i][j]`` for clause ``i`` of ``a`` and ``j`` of ``b``, and
the clauses of ``b`` in the order the term-by-term pass first met them."""


def _rare_term_scores(free_a: Indexed, free_b: Indexed, limit: int) -> _RareScores:
    """The dot product of each pair of clauses over the terms they share that are rare
    (in at most ``limit`` clauses of each side): clauses sharing a rare term are the
    likely partners. Postings are built for the rare terms only; terms are visited in
    order of first use by ``a``, so each score adds its products in one fixed order."""
    count_a = Counter(chain.from_iterable(vector for _, vector in free_a))
    count_b = Counter(chain.from_iterable(vector for _, vector in free_b))
    rare = [t for t, n in count_a.items() if n <= limit and 0 < count_b[t] <= limit]
    post_a = _postings(free_a, rare)
    post_b = _postings(free_b, rare)
    rows: dict[int, dict[int, float]] = defaultdict(dict)
    for t in rare:
        pb = post_b[t]
        for i, wa in post_a[t]:
            row = rows[i]
            for j, wb in pb:
                row[j] = row.get(j, 0.0) + wa * wb
    b_order = tuple(dict.fromkeys(j for t in rare for j, _ in post_b[t]))
    return rows, b_order


def _postings(clauses: Indexed, terms: Sequence[str]) -> dict[str, list[tuple[int, float]]]:
    """For each of ``terms``, the clauses holding it (in order) with its weight there."""
    post: dict[str, list[tuple[int, float]]] = {t: [] for t in terms}
    wanted = post.keys()
    for k, vector in clauses:
        for t in wanted & vector.keys():
            post[t].append((k, vector[t]))
    return post


def _best_pairs(scores: _RareScores, k: int) -> set[tuple[int, int]]:
    """The ``k`` best-scored pairs of each clause, on either side (ties: the higher
    index first). Pairs are added clause by clause in the order the scores were first
    met, first ``a``'s then ``b``'s: the set, and so the order in which the pairs are
    scored (which breaks ties when splits and merges are sought), is then always the
    same for the same drafts."""
    rows, b_order = scores
    cands: set[tuple[int, int]] = set()
    columns: dict[int, list[tuple[float, int]]] = {j: [] for j in b_order}
    for i, row in rows.items():
        best = sorted(zip(row.values(), row, strict=True), reverse=True)[:k]
        cands.update((i, j) for _, j in best)
        for j, s in row.items():
            columns[j].append((s, i))
    for j, column in columns.items():
        column.sort(reverse=True)
        cands.update((i, j) for _, i in column[:k])
    return cands


def match_sequences(
    ta: Sequence[ClauseTerms], tb: Sequence[ClauseTerms], idf: Idf, params: AlignParams
) -> list[Pairing]:
    """Matched units (1:1, splits, merges) between two clause sequences, by ``a`` order.

    Clauses of either side in no unit are removed (``a``) or added (``b``).
    """
    return _Matcher(ta, tb, idf, params).run()
