"""What every precedents format shows the same way: titles, counts, match headings, and
the word diff as display segments (minor differences folded in, as in comparison
reports)."""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.corpus.model import PRECEDENT_STATUSES, ClausePrecedents, Precedent, Precedents
from resdiff.model import Clause, ClausePair
from resdiff.present.segments import Segment, inline_segments, reflow
from resdiff.render.corpus import counted, holdings

LEGEND = (
    "identical: the same words (up to case, quotes, spacing and the closing mark); "
    "adapted: derived from it, with edits; new: no earlier paragraph close enough."
)


@dataclass(frozen=True, slots=True)
class ClauseView:
    """One clause of the draft as a report section."""

    item: ClausePrecedents
    clause: Clause
    anchor: str

    @property
    def identical(self) -> tuple[Precedent, ...]:
        return tuple(m for m in self.item.matches if m.status == "identical")

    @property
    def adapted(self) -> tuple[Precedent, ...]:
        return tuple(m for m in self.item.matches if m.status == "adapted")

    @property
    def closest(self) -> str:
        """'S/RES/2990 (2023) PP1 and 1 more' (empty for a new clause)."""
        if not self.item.matches:
            return ""
        more = self.item.identical - 1
        return source(self.item.matches[0]) + (f" and {more} more" if more > 0 else "")

    @property
    def similarity(self) -> str:
        """The closest precedent's similarity, '0.82' (empty for a new clause)."""
        return f"{self.item.matches[0].similarity:.2f}" if self.item.matches else ""

    @property
    def more_identical(self) -> int:
        """Identical paragraphs not listed (beyond the limit)."""
        return self.item.identical - len(self.identical)


def title(result: Precedents) -> str:
    return f"Precedents for {result.document.label}"


def summary(result: Precedents) -> str:
    counts = ", ".join(f"{result.count(s)} {s}" for s in PRECEDENT_STATUSES)
    searched = holdings(result.corpus_documents, result.corpus_paragraphs)
    until = f"dated up to {result.document.date}" if result.document.date else "of any date"
    return f"{counted(len(result.clauses), 'clause')}: {counts}. Searched {searched} {until}."


def clause_views(result: Precedents, prefix: str = "p") -> list[ClauseView]:
    """Every clause looked up; anchors are ``prefix`` and the clause's number (a comparison
    report holds one such list per comparison, each with its own prefix)."""
    clauses: dict[str, Clause] = {}
    for c in result.document.walk():
        clauses.setdefault(c.id, c)
    return [
        ClauseView(item, clauses[item.clause], f"{prefix}{k + 1}")
        for k, item in enumerate(result.clauses)
    ]


def agreed_title(result: Precedents) -> str:
    """The heading of a comparison report's section on agreed language."""
    return f"Agreed language in {result.document.id} {result.document.label}"


def source(match: Precedent) -> str:
    """'S/2024/9001 OP3': the document's symbol (else its file name) and the clause."""
    return f"{match.document.label} {match.clause}"


def details(match: Precedent) -> str:
    """'2024-03-22 · similarity 0.82 · same text in S/2024/9000 OP3' (date when known;
    similarity and copies for adapted ones)."""
    parts = [match.document.date or "undated"]
    if match.status == "adapted":
        parts.append(f"similarity {match.similarity:.2f}")
    if match.copies:
        where = ", ".join(f"{c.document.label} {c.clause}" for c in match.copies)
        parts.append(f"same text in {where}")
    return " · ".join(parts)


def identical_note(view: ClauseView) -> str:
    n = view.item.identical
    noun = "document" if n == 1 else "documents"
    note = f"the same words in {n} earlier {noun}"
    if view.more_identical:
        note += f" (the oldest {len(view.identical)} listed)"
    return note


def segments(match: Precedent, clause: Clause) -> tuple[Segment, ...]:
    """The diff as comparison reports show an aligned pair's: line breaks inside a clause
    are layout (shown as spaces); a minor couple appears once, as the draft's text."""
    pair = ClausePair((match.clause,), (clause.id,), "modified", False, 0.0, match.diff)
    runs = reflow(pair, {match.clause: match.text}, {clause.id: clause.text})
    return inline_segments(pair, runs)


def flat(text: str) -> str:
    """A clause's text on one line (its line breaks are layout)."""
    return " ".join(text.split())
