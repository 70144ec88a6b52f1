"""Inline word diff. (Stub: difflib over word tokens.)"""

from __future__ import annotations

import difflib
import re

from resdiff.model import CompareOptions, Run

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def diff_texts(a: str, b: str, options: CompareOptions | None = None) -> tuple[Run, ...]:
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    runs: list[Run] = []
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            runs.append(Run("=", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("-", "".join(ta[i1:i2])))
        if j2 > j1:
            runs.append(Run("+", "".join(tb[j1:j2])))
    return tuple(runs)
