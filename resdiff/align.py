"""Clause alignment. (Stub: difflib over top-level clause texts, no moves/splits.)"""

from __future__ import annotations

import difflib

from resdiff.inline import diff_texts
from resdiff.model import ClausePair, CompareOptions, Document


def align(a: Document, b: Document, options: CompareOptions) -> tuple[ClausePair, ...]:
    ca, cb = a.clauses, b.clauses
    sm = difflib.SequenceMatcher(None, [c.text for c in ca], [c.text for c in cb], autojunk=False)
    pairs: list[ClausePair] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for x, y in zip(ca[i1:i2], cb[j1:j2], strict=True):
                pairs.append(
                    ClausePair(
                        (x.id,),
                        (y.id,),
                        "unchanged",
                        False,
                        1.0,
                        diff_texts(x.text, y.text, options),
                    )
                )
            continue
        n = min(i2 - i1, j2 - j1)
        for x, y in zip(ca[i1 : i1 + n], cb[j1 : j1 + n], strict=True):
            pairs.append(
                ClausePair(
                    (x.id,), (y.id,), "modified", False, 0.5, diff_texts(x.text, y.text, options)
                )
            )
        for x in ca[i1 + n : i2]:
            pairs.append(
                ClausePair((x.id,), (), "removed", False, 0.0, diff_texts(x.text, "", options))
            )
        for y in cb[j1 + n : j2]:
            pairs.append(
                ClausePair((), (y.id,), "added", False, 0.0, diff_texts("", y.text, options))
            )
    return tuple(pairs)
