"""A hand-built Comparison with every kind of pair, change, signal and a history.

The stub stages cannot yet produce splits, merges, moves, ranked changes or topics, so
the app's tests and snapshots are built on this value (three drafts: A base, B, C).
"""

from __future__ import annotations

from resdiff.model import (
    Change,
    ClauseHistory,
    ClausePair,
    ClauseSignals,
    CompareOptions,
    Comparison,
    Counts,
    Document,
    MatrixCell,
    Mention,
    PairwiseComparison,
    ParseInfo,
    PositionsMatrix,
    Run,
    Span,
    Verb,
    WordOrigin,
)
from resdiff.model import Clause as C

MARKUP_TEXT = "Notes the [bold]sample[/bold] text and [link=https://example.org]a link[/link];"
ESCAPE_TEXT = "Stresses the need\x1b[31m for calm\x1b]0;pwned\x07;"


def _doc(
    doc_id: str, symbol: str, sponsors: tuple[str, ...], date: str, clauses: list[C]
) -> Document:
    text_parts = []
    fixed: list[C] = []
    pos = 0
    for c in clauses:
        kids = []
        start = pos
        text_parts.append(c.text + "\n")
        pos += len(c.text) + 1
        for k in c.children:
            kids.append(
                C(
                    k.id,
                    k.kind,
                    k.number,
                    k.label,
                    k.opener,
                    k.text,
                    Span(pos, pos + len(k.text) + 1),
                )
            )
            text_parts.append(k.text + "\n")
            pos += len(k.text) + 1
        fixed.append(
            C(
                c.id,
                c.kind,
                c.number,
                c.label,
                c.opener,
                c.text,
                Span(start, start + len(c.text) + 1),
                tuple(kids),
            )
        )
    return Document(
        id=doc_id,
        source=f"{symbol.replace('/', '-')}.txt",
        format="txt",
        text="".join(text_parts),
        symbol=symbol,
        author="The Security Council",
        date=date,
        sponsors=sponsors,
        title=None,
        language="en",
        parse=ParseInfo("un", "UN structure"),
        header=Span(0, 0),
        clauses=tuple(fixed),
    )


def _c(cid: str, kind: str, text: str, children: tuple[C, ...] = ()) -> C:
    return C(cid, kind, None, None, text.split()[0], text, Span(0, 0), children)  # type: ignore[arg-type]


PP1 = "Recalling its earlier resolutions on the matter,"
PP2_A = "Expressing deep concern about the humanitarian situation,"
PP2_B = "Expressing grave concern about the catastrophic humanitarian situation,"
PP3 = "Stressing that aid must reach civilians,"
OP1_A = (
    "Determines the imperative of an immediate and sustained ceasefire"
    " in connection with the release of hostages;"
)
OP1_B = "Demands an immediate ceasefire leading to a lasting sustainable ceasefire;"
OP2 = "Also demands the immediate and unconditional release of all hostages;"
OP3_A = "Requests the Secretary-General to report within 30 days, and to designate a focal point;"
OP3_B1 = "Requests the Secretary-General to report within 30 days;"
OP3_B2 = "Requests the Secretary-General to designate a focal point;"
OP4_A = "Urges all parties to open crossings;"
OP5_A = "Calls for more aid at scale;"
OP4_B = "Urges all parties to open crossings and to allow more aid at scale;"
OP5_B = "Decides to remain seized of the matter."
OP6_A = "Condemns all attacks against civilians;"
SUB_A = "(a) Report on the situation;"
SUB_B = "(a) Report monthly on the situation;"

DOC_A = _doc(
    "A",
    "S/2099/1",
    ("United States of America",),
    "22 March 2099",
    [
        _c("PP1", "preambular", PP1),
        _c("PP2", "preambular", PP2_A),
        _c("PP3", "preambular", PP3),
        _c("OP1", "operative", OP1_A),
        _c("OP2", "operative", OP3_A, (_c("OP2(a)", "subparagraph", SUB_A),)),
        _c("OP3", "operative", OP4_A),
        _c("OP4", "operative", OP5_A),
        _c("OP5", "operative", OP6_A),
        _c("OP6", "operative", MARKUP_TEXT),
        _c("OP7", "operative", ESCAPE_TEXT),
    ],
)
DOC_B = _doc(
    "B",
    "S/2099/2",
    ("Algeria", "Ecuador", "Guyana", "Japan", "Malta"),
    "25 March 2099",
    [
        _c("PP1", "preambular", PP1),
        _c("PP2", "preambular", PP2_B),
        _c("PP3", "preambular", OP6_A),
        _c("OP1", "operative", OP1_B),
        _c("OP2", "operative", OP2),
        _c("OP3", "operative", OP3_B1, (_c("OP3(a)", "subparagraph", SUB_B),)),
        _c("OP4", "operative", OP3_B2),
        _c("OP5", "operative", OP4_B),
        _c("OP6", "operative", MARKUP_TEXT),
        _c("OP7", "operative", ESCAPE_TEXT),
        _c("OP8", "operative", PP3),
        _c("OP9", "operative", OP5_B),
    ],
)
DOC_C = _doc(
    "C",
    "S/2099/3",
    ("Algeria",),
    "27 March 2099",
    [
        _c("PP1", "preambular", PP1),
        _c("OP1", "operative", OP1_B),
        _c("OP2", "operative", OP2),
    ],
)


def _eq(text: str) -> tuple[Run, ...]:
    return (Run("=", text),)


PAIRS_AB = (
    ClausePair(("PP1",), ("PP1",), "unchanged", False, 1.0, _eq(PP1)),
    ClausePair(
        ("PP2",),
        ("PP2",),
        "modified",
        False,
        0.8,
        (
            Run("=", "Expressing "),
            Run("-", "deep"),
            Run("+", "grave"),
            Run("=", " concern about the "),
            Run("+", "catastrophic "),
            Run("=", "humanitarian situation,"),
        ),
    ),
    ClausePair(
        ("PP3",),
        ("OP8",),
        "unchanged",
        True,
        1.0,
        _eq(PP3),
        kind_change=("preambular", "operative"),
    ),
    ClausePair(
        ("OP1",),
        ("OP1",),
        "modified",
        False,
        0.4,
        (
            Run("-", "Determines the imperative of"),
            Run("+", "Demands"),
            Run("=", " an immediate "),
            Run("-", "and sustained ceasefire in connection with the release of hostages"),
            Run("+", "ceasefire leading to a lasting sustainable ceasefire"),
            Run("=", ";"),
        ),
    ),
    ClausePair((), ("OP2",), "added", False, 0.0, (Run("+", OP2),)),
    ClausePair(
        ("OP2",),
        ("OP3", "OP4"),
        "split",
        False,
        0.7,
        (
            Run("=", "Requests the Secretary-General to report within 30 days"),
            Run("-", ", and to designate a focal point;"),
            Run("+", ";\nRequests the Secretary-General to designate a focal point;"),
        ),
        children=(
            ClausePair(
                ("OP2(a)",),
                ("OP3(a)",),
                "modified",
                False,
                0.8,
                (Run("=", "(a) Report "), Run("+", "monthly "), Run("=", "on the situation;")),
            ),
        ),
    ),
    ClausePair(
        ("OP3", "OP4"),
        ("OP5",),
        "merged",
        False,
        0.7,
        (
            Run("=", "Urges all parties to open crossings"),
            Run("-", ";\nCalls for"),
            Run("+", " and to allow"),
            Run("=", " more aid at scale;"),
        ),
    ),
    ClausePair(
        ("OP5",),
        ("PP3",),
        "unchanged",
        True,
        1.0,
        _eq(OP6_A),
        kind_change=("operative", "preambular"),
    ),
    ClausePair(("OP6",), ("OP6",), "unchanged", False, 1.0, _eq(MARKUP_TEXT)),
    ClausePair(("OP7",), ("OP7",), "unchanged", False, 1.0, _eq(ESCAPE_TEXT)),
    ClausePair((), ("OP9",), "added", False, 0.0, (Run("+", OP5_B),)),
)

CHANGES_AB = (
    Change(
        "qualifier-added",
        "ceasefire",
        None,
        ("PP2",),
        ("PP2",),
        None,
        "grave",
        None,
        0.3,
        "PP2 adds the qualifier 'grave' to the concern.",
    ),
    Change(
        "linkage",
        "ceasefire",
        "hostages",
        ("OP1",),
        ("OP1", "OP2"),
        "conditional",
        "parallel",
        None,
        0.95,
        "The ceasefire is no longer tied to the release of hostages: both are demanded separately.",
    ),
    Change(
        "verb-strength",
        "ceasefire",
        None,
        ("OP1",),
        ("OP1",),
        "determines the imperative",
        "demands",
        "stronger",
        0.9,
        "OP1 moves from 'determines the imperative' to 'demands' (stronger).",
    ),
    Change(
        "kind-change",
        "civilians",
        None,
        ("OP5",),
        ("PP3",),
        "operative",
        "preambular",
        "weaker",
        0.6,
        "The condemnation of attacks on civilians is demoted from OP5 to the preamble (PP3).",
    ),
    Change(
        "clause-added",
        None,
        None,
        (),
        ("OP9",),
        None,
        None,
        None,
        0.1,
        "OP9 is new: remains seized.",
    ),
)


def _signals(doc: Document, topics: dict[str, str]) -> dict[str, ClauseSignals]:
    out: dict[str, ClauseSignals] = {}
    for clause in doc.walk():
        mentions = tuple(
            Mention(topic, word, Span(0, len(word)))
            for word, topic in topics.items()
            if word in clause.text
        )
        out[clause.id] = ClauseSignals(topics=mentions)
    return out


TOPIC_WORDS = {
    "ceasefire": "ceasefire",
    "hostages": "hostages",
    "civilians": "civilians",
    "aid": "aid",
}

MATRIX = PositionsMatrix(
    topics=("ceasefire", "hostages"),
    labels={
        "ceasefire": "Ceasefire",
        "hostages": "Hostages",
        "civilians": "Civilians",
        "aid": "Aid",
    },
    documents=("A", "B", "C"),
    cells={
        ("ceasefire", "A"): MatrixCell(
            Verb("determines the imperative", "obligation", 2.0),
            ("OP1",),
            ("immediate", "sustained"),
            (),
        ),
        ("ceasefire", "B"): MatrixCell(
            Verb("demands", "obligation", 5.0),
            ("OP1",),
            ("immediate", "lasting", "sustainable"),
            (),
        ),
        ("ceasefire", "C"): MatrixCell(
            Verb("demands", "obligation", 5.0), ("OP1",), ("immediate",), ()
        ),
        ("hostages", "B"): MatrixCell(
            Verb("demands", "obligation", 5.0), ("OP2",), ("unconditional",), ()
        ),
        ("hostages", "C"): MatrixCell(
            Verb("demands", "obligation", 5.0), ("OP2",), ("unconditional",), ()
        ),
    },
)

HISTORY = (
    ClauseHistory(
        "PP1",
        (("A", ("PP1",), "unchanged"), ("B", ("PP1",), "unchanged"), ("C", ("PP1",), "unchanged")),
        (WordOrigin(PP1, "A"),),
    ),
    ClauseHistory(
        "OP1",
        (("A", ("OP1",), "unchanged"), ("B", ("OP1",), "modified"), ("C", ("OP1",), "unchanged")),
        (WordOrigin(OP1_B, "B"),),
    ),
    ClauseHistory(
        "OP2",
        (("A", (), "added"), ("B", ("OP2",), "added"), ("C", ("OP2",), "unchanged")),
        (WordOrigin(OP2, "B"),),
    ),
)

PAIRS_AC = (
    ClausePair(("PP1",), ("PP1",), "unchanged", False, 1.0, _eq(PP1)),
    ClausePair(("PP2",), (), "removed", False, 0.0, (Run("-", PP2_A),)),
    ClausePair(("PP3",), (), "removed", False, 0.0, (Run("-", PP3),)),
    ClausePair(
        ("OP1",),
        ("OP1",),
        "modified",
        False,
        0.4,
        (
            Run("-", "Determines the imperative of"),
            Run("+", "Demands"),
            Run("=", " an immediate "),
            Run("-", "and sustained ceasefire in connection with the release of hostages"),
            Run("+", "ceasefire leading to a lasting sustainable ceasefire"),
            Run("=", ";"),
        ),
    ),
    ClausePair((), ("OP2",), "added", False, 0.0, (Run("+", OP2),)),
)


def rich_comparison() -> Comparison:
    docs = (DOC_A, DOC_B, DOC_C)
    return Comparison(
        documents=docs,
        comparisons=(
            PairwiseComparison(
                "A",
                "B",
                PAIRS_AB,
                Counts(unchanged=5, modified=2, added=2, split=1, merged=1, moved=2),
                CHANGES_AB,
            ),
            PairwiseComparison(
                "A", "C", PAIRS_AC, Counts(unchanged=1, modified=1, added=1, removed=2), ()
            ),
        ),
        signals={d.id: _signals(d, TOPIC_WORDS) for d in docs},
        history=HISTORY,
        matrix=MATRIX,
        options=CompareOptions(series=True),
    )
