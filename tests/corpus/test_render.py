"""Every format renders the same precedent list; document text stays data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from resdiff.corpus.indexing import add_paths
from resdiff.corpus.model import Precedents
from resdiff.corpus.precedents import find_precedents
from resdiff.corpus.sqlite import SqliteCorpus
from resdiff.pipeline import load
from resdiff.render.precedents import render_precedents
from resdiff.render.schema import load_schema
from tests.corpus.conftest import DRAFTS, resolution, write

HOSTILE = (
    "1. Urges <script>alert(1)</script> all **parties** [link](javascript:x) to stop "
    "\x1b[31mred\x1b[0m {+fake+} [-marks-] attacks;"
)


def _result(store: SqliteCorpus, tmp_path: Path) -> Precedents:
    write(tmp_path, "old.txt", resolution("S/RES/1 (2001)", "1 May 2001", HOSTILE))
    add_paths(store, [str(tmp_path / "old.txt")])
    edited = HOSTILE.replace("Urges", "Demands that").replace("attacks", "all attacks")
    draft = write(tmp_path, "new.txt", resolution("S/2002/1", "1 May 2002", edited))
    return find_precedents(load(str(draft)), store)


def test_hostile_text_is_escaped_in_every_format(store: SqliteCorpus, tmp_path: Path) -> None:
    result = _result(store, tmp_path)
    txt = render_precedents(result, "txt")
    assert "\x1b" not in txt and "[-Urges-]{+Demands that+}" in txt
    assert "{\\+fake\\+}" in txt  # the draft's own marker-like text cannot pass for a change
    html = render_precedents(result, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and "\x1b" not in html
    assert "<del>" in html and "<ins>" in html
    assert not re.search(r'href="(?!#)', html)
    md = render_precedents(result, "md")
    assert not re.search(r"(?<!\\)<script>", md) and "\\<script>" in md
    assert "\\*\\*parties\\*\\*" in md and "\x1b" not in md
    data = json.loads(render_precedents(result, "json"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    (item,) = data["precedents"]
    assert item["matches"][0]["text"] == HOSTILE[3:]  # JSON keeps text as written


def test_the_formats_agree(library: SqliteCorpus) -> None:
    result = find_precedents(load(str(DRAFTS / "a-c3-77-l99-media.txt")), library)
    data = json.loads(render_precedents(result, "json"))
    txt = render_precedents(result, "txt", width=200)
    md = render_precedents(result, "md")
    html = render_precedents(result, "html")
    for p in data["precedents"]:
        assert re.search(rf"^{re.escape(p['clause'])}  {p['status']}", txt, re.M)
        assert f"## {p['clause']}: {p['status']}" in md
        assert f'{p["clause"]} <span class="badge">{p["status"]}</span>' in html
        for m in p["matches"]:
            where = f"{m['symbol'] or Path(m['source']).name} {m['clause']}"
            assert where in txt and where in html
    assert txt.count("= ") >= sum(p["identical"] for p in data["precedents"])


def test_colour_only_when_asked(library: SqliteCorpus) -> None:
    result = find_precedents(load(str(DRAFTS / "s-2022-9210-veloria.txt")), library)
    plain = render_precedents(result, "txt")
    coloured = render_precedents(result, "txt", color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
