"""Every face shows the same changed words: text, Markdown, HTML, Word and the app, for the
same pair under each option of what to ignore (case, whitespace, quote style, punctuation).

One word diff feeds every display (the comparison's runs; ``present.segments`` for how
they are shown), so this holds by construction; the test reads each face's own output
back - its markers, its tags, its tracked changes - and compares with the JSON runs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pytest

from resdiff.model import CompareOptions, Comparison
from resdiff.render import ReportOptions, render_report
from resdiff.render.redline import plan
from resdiff.tui import viewmodel as vm
from tests.builders import comparison, parsed

A = """The Security Council,

Recalling its earlier resolutions on the region,

1. Demands an immediate ceasefire throughout the region;

2. Calls upon  all parties   to comply with international law;

3. Welcomes the \u2018road map\u2019 of the mediators;

4. Requests the Secretary-General to report, within 30 days;

5. Decides to remain seized of the matter.
"""

B = """The Security Council,

Recalling its earlier
resolutions on the region,

1. Demands an Immediate ceasefire throughout the whole region;

2. Calls upon all parties to comply fully with international law;

3. Welcomes the 'road map' of the regional mediators;

4. Requests the Secretary-General to report within 15 days;

5. Decides to remain seized of the matter.
"""

OPTIONS = {
    "default": CompareOptions(),
    "ignore case": CompareOptions(ignore_case=True),
    "strict whitespace": CompareOptions(ignore_whitespace=False),
    "strict quotes": CompareOptions(ignore_quotes=False),
    "ignore punctuation": CompareOptions(ignore_punctuation=True),
    "nothing ignored": CompareOptions(ignore_whitespace=False, ignore_quotes=False),
}

Words = list[tuple[str, str]]
_VISIBLE_SPACE = re.compile(r"^[\s␣¶]*$")


def tokens(op: str, text: str) -> Words:
    """A marked run as words; a run of whitespace alone is one token, '<ws>'."""
    if _VISIBLE_SPACE.match(text):
        return [(op, "<ws>")] if text else []
    return [(op, word) for word in text.split()]


def from_runs(runs: Iterable[tuple[str, str]]) -> Words:
    out: Words = []
    for op, text in runs:
        if op != "=":
            out += tokens(op, text)
    return out


def json_words(c: Comparison) -> Words:
    """The contract: each pair's runs, an ignored difference shown as B's text."""
    out: Words = []
    for pair in (p for top in c.comparisons[0].pairs for p in top.walk()):
        shown: list[tuple[str, str]] = []
        for run in pair.diff:
            if run.minor and run.op == "-":
                continue
            op = "=" if run.minor else run.op
            if shown and shown[-1][0] == op:
                shown[-1] = (op, shown[-1][1] + run.text)
            else:
                shown.append((op, run.text))
        out += from_runs(shown)
    return out


_TXT = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")
_MD = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)
_HTML_TEXT = re.compile(r'<p class="text">(.*?)</p>', re.S)
_HTML = re.compile(r"<del>(.*?)</del>|<ins>(.*?)</ins>", re.S)


def _marked(pattern: re.Pattern[str], text: str, clean: object = None) -> Words:
    out: Words = []
    for m in pattern.finditer(text):
        op, body = ("-", m.group(1)) if m.group(1) is not None else ("+", m.group(2))
        out += tokens(op, clean(body) if callable(clean) else body)
    return out


def txt_words(c: Comparison) -> Words:
    text = render_report(c, "txt", ReportOptions(show_all=True, width=10_000))
    assert isinstance(text, str)
    return _marked(_TXT, text.split("Clause by clause")[1])


def md_words(c: Comparison) -> Words:
    text = render_report(c, "md", ReportOptions(show_all=True))
    assert isinstance(text, str)

    def clean(body: str) -> str:
        body = body.replace("~~", "").replace("**", "").replace("\\\n", " ")
        return re.sub(r"\\(.)", r"\1", body)

    return _marked(_MD, text.split("## Clause by clause")[1], clean)


def html_words(c: Comparison) -> Words:
    text = render_report(c, "html", ReportOptions(show_all=True))
    assert isinstance(text, str)

    def clean(body: str) -> str:
        body = re.sub(r'<span class="vh">.*?</span>', "", body).replace("<br>", " ")
        return html.unescape(body)

    inline = " ".join(_HTML_TEXT.findall(text))  # not the side-by-side tables
    return _marked(_HTML, inline, clean)


def word_words(c: Comparison) -> Words:
    """The tracked changes the Word file is written from."""
    pc = c.comparisons[0]
    redline = plan(*c.documents, pc, c.options)
    return from_runs((p.op, p.text) for para in redline.paragraphs for p in para.pieces)


def app_words(c: Comparison) -> Words:
    pc = c.comparisons[0]
    out: Words = []
    for row in vm.build_rows(c, pc):
        out += from_runs(vm.pair_display(row.pair, "A", "B", runs=row.runs).inline)
    return out


FACES = {"txt": txt_words, "md": md_words, "html": html_words, "docx": word_words, "app": app_words}


@pytest.mark.parametrize("name", list(OPTIONS))
def test_every_face_shows_the_same_changed_words(name: str) -> None:
    c = comparison(parsed(A, "A"), parsed(B, "B"), options=OPTIONS[name])
    assert [p.status for p in c.comparisons[0].pairs].count("modified") >= 4
    expected = json_words(c)
    assert expected, "the drafts differ under every option"
    for face, words in FACES.items():
        assert words(c) == expected, face


def test_the_options_change_what_every_face_shows() -> None:
    """The options matter: what is ignored is not marked anywhere, what is not is."""
    words = {
        name: json_words(comparison(parsed(A, "A"), parsed(B, "B"), options=o))
        for name, o in OPTIONS.items()
    }
    assert ("+", "Immediate") in words["default"]
    assert not any(w.lower() == "immediate" for _, w in words["ignore case"])
    assert ("-", "<ws>") in words["strict whitespace"] and ("-", "<ws>") not in words["default"]
    assert ("-", "\u2018") in words["strict quotes"] and ("-", "\u2018") not in words["default"]
    assert ("-", "report,") not in words["ignore punctuation"]
    assert set(words["nothing ignored"]) >= set(words["strict whitespace"] + words["strict quotes"])
    assert ("+", "whole") in words["default"] and ("+", "regional") in words["ignore case"]
