"""`resdiff report` end to end: formats, exit codes, --fail-on, colour and safe output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from resdiff import cli
from resdiff.model import HEADER_ID, Change, ChangeKind, Comparison
from tests.fixtures.comparisons import identical_comparison, rich_comparison

DRAFT_A = "Recalling its resolutions,\n\n1. Demands a ceasefire;\n\n2. Decides to remain seized.\n"
DRAFT_B = (
    "Recalling its resolutions,\n\n1. Calls for a ceasefire;\n\n2. Decides to remain seized.\n"
)


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DRAFT_A, encoding="utf-8")
    b.write_text(DRAFT_B, encoding="utf-8")
    return str(a), str(b)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _fake_compare(monkeypatch: pytest.MonkeyPatch, comparison: Comparison) -> None:
    monkeypatch.setattr("resdiff.pipeline.compare", lambda *docs, options=None: comparison)


def test_exit_codes_follow_diff(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str]
) -> None:
    a, b = drafts
    assert _run(capsys, "report", a, a)[0] == 0
    code, out, err = _run(capsys, "report", a, b)
    # the verb change, its words marked as the cue of a key difference
    assert code == 1 and "[-⟨Demands⟩-]{+⟨Calls for⟩+}" in out and err == ""
    code, out, err = _run(capsys, "report", a, str(Path(a).parent / "missing.txt"))
    assert code == 2 and out == ""
    assert err.startswith("resdiff: ") and err.count("\n") == 1 and "missing.txt" in err


@pytest.mark.parametrize(
    ("fail_on", "rich", "only_stronger"),
    [("weaker", 1, 0), ("linkage", 1, 0), ("removed", 1, 0)],
)
def test_fail_on_means_a_change_of_that_kind(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    fail_on: str,
    rich: int,
    only_stronger: int,
) -> None:
    a, b = drafts
    _fake_compare(monkeypatch, rich_comparison())
    assert _run(capsys, "report", a, b, "--fail-on", fail_on)[0] == rich
    # Differs, but every change is a stronger verb: --fail-on finds nothing of its kind.
    base = rich_comparison()
    stronger = tuple(c for c in base.comparisons[0].changes if c.direction == "stronger")
    pcs = tuple(replace(pc, changes=stronger) for pc in base.comparisons)
    _fake_compare(monkeypatch, replace(base, comparisons=pcs))
    assert _run(capsys, "report", a, b, "--fail-on", fail_on)[0] == only_stronger
    assert _run(capsys, "report", a, b)[0] == 1
    _fake_compare(monkeypatch, identical_comparison())
    assert _run(capsys, "report", a, b, "--fail-on", fail_on)[0] == 0


def _only(kinds: set[ChangeKind]) -> Comparison:
    """The rich comparison whose changes are one of each of ``kinds``."""
    base = rich_comparison()
    made = tuple(
        Change(k, None, None, (HEADER_ID,), (HEADER_ID,), "x", None, None, 1.0, k)
        for k in sorted(kinds)
    )
    return replace(base, comparisons=(replace(base.comparisons[0], changes=made),))


@pytest.mark.parametrize(
    ("kinds", "fail_on", "code"),
    [
        # "removed" is every removal, a sponsor's and a qualifier's included
        ({"sponsor-removed"}, "removed", 1),
        ({"qualifier-removed"}, "removed", 1),
        ({"sponsor-removed"}, "weaker", 0),
        # a change kind named on its own, alone or in a list
        ({"sponsor-removed"}, "sponsor-removed", 1),
        ({"sponsor-added"}, "sponsor-removed", 0),
        ({"sponsor-added"}, "weaker, sponsor-added", 1),
        ({"qualifier-added"}, "linkage,removed", 0),
    ],
)
def test_fail_on_takes_groups_and_change_kinds(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    kinds: set[ChangeKind],
    fail_on: str,
    code: int,
) -> None:
    _fake_compare(monkeypatch, _only(kinds))
    assert _run(capsys, "report", *drafts, "--fail-on", fail_on)[0] == code


@pytest.mark.parametrize(
    ("fail_on", "named"), [("weaker,sponsor-gone", "'sponsor-gone'"), (",", "no kind")]
)
def test_fail_on_refuses_an_unknown_kind_before_reading_anything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fail_on: str, named: str
) -> None:
    out = tmp_path / "r.md"
    code, stdout, err = _run(
        capsys, "report", "missing-a.txt", "missing-b.txt", "--fail-on", fail_on, "-o", str(out)
    )
    assert code == 2 and stdout == "" and not out.exists()
    assert err.startswith("resdiff: --fail-on: ") and named in err and err.count("\n") == 1
    assert "missing-a" not in err  # the option is checked first


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # B's OP1 is new and ties the ceasefire to the hostages: a linkage that comes
        # with a clause (issue 10 item 8)
        ("seeds/s-2024-9000-earlier.txt", "seeds/s-2024-9001-tied.txt", 1),
        (
            "tests/fixtures/phenomena/8b-linkage-with-removed-clause/a.txt",
            "tests/fixtures/phenomena/8b-linkage-with-removed-clause/b.txt",
            1,
        ),
        # a new paragraph repeating a condition the draft already made: no linkage change
        (
            "tests/fixtures/phenomena/8d-link-already-there/a.txt",
            "tests/fixtures/phenomena/8d-link-already-there/b.txt",
            0,
        ),
    ],
)
def test_fail_on_linkage_catches_a_link_that_comes_or_goes_with_a_clause(
    capsys: pytest.CaptureFixture[str], a: str, b: str, code: int
) -> None:
    assert _run(capsys, "report", str(ROOT / a), str(ROOT / b), "--fail-on", "linkage")[0] == code


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("r.html", lambda s: s.startswith("<!DOCTYPE html>")),
        ("r.htm", lambda s: s.startswith("<!DOCTYPE html>")),
        ("r.md", lambda s: s.startswith("# resdiff report")),
        ("r.markdown", lambda s: s.startswith("# resdiff report")),
        ("r.txt", lambda s: s.startswith("resdiff report") and "\x1b" not in s),
        ("r.json", lambda s: json.loads(s)["schema"] == "resdiff/1"),
    ],
)
def test_format_from_extension(
    capsys: pytest.CaptureFixture[str],
    drafts: tuple[str, str],
    tmp_path: Path,
    name: str,
    check: Callable[[str], bool],
) -> None:
    a, b = drafts
    out = tmp_path / name
    code, stdout, _ = _run(capsys, "report", a, b, "-o", str(out))
    assert code == 1 and stdout == ""
    assert check(out.read_text(encoding="utf-8"))


def test_unknown_extension_and_missing_folder_are_trouble(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str], tmp_path: Path
) -> None:
    a, b = drafts
    code, _, err = _run(capsys, "report", a, b, "-o", str(tmp_path / "r.pdfx"))
    assert code == 2 and "--format" in err
    code, _, err = _run(capsys, "report", a, b, "-o", str(tmp_path / "nope" / "r.md"))
    assert code == 2 and "folder does not exist" in err
    code, _, err = _run(capsys, "report", a, b, "-o", str(tmp_path))
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def _same_inputs(a: str, b: str) -> bool:
    return Path(a).read_text() == DRAFT_A and Path(b).read_text() == DRAFT_B


def test_refuses_to_overwrite_an_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    tmp_path: Path,
) -> None:
    a, b = drafts
    link = tmp_path / "link.txt"
    link.symlink_to(b)
    hard = tmp_path / "hard.txt"
    os.link(a, hard)
    monkeypatch.chdir(tmp_path)
    for target in (a, b, "./a.txt", "a.txt", str(link), str(hard), "sub/../b.txt"):
        if target.startswith("sub/"):
            (tmp_path / "sub").mkdir(exist_ok=True)
        code, _out, err = _run(capsys, "report", a, b, "--format", "md", "-o", target)
        assert code == 2, target
        assert "refusing to overwrite an input file" in err
        assert _same_inputs(a, b)
    # an input given through the symlink is protected too
    code, _, err = _run(capsys, "report", a, str(link), "--format", "md", "-o", b)
    assert code == 2 and _same_inputs(a, b)


def test_rendering_failure_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    tmp_path: Path,
) -> None:
    a, b = drafts
    out = tmp_path / "report.html"

    def boom(*args: object) -> str:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr("resdiff.render.render_report", boom)
    code, stdout, err = _run(capsys, "report", a, b, "-o", str(out))
    assert code == 2 and stdout == "" and "internal error" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_failed_rename_keeps_the_old_report_and_no_temp_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    tmp_path: Path,
) -> None:
    a, b = drafts
    out = tmp_path / "report.md"
    out.write_text("old report\n")

    def fail(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = _run(capsys, "report", a, b, "-o", str(out))
    assert code == 2 and "No space left on device" in err
    assert out.read_text() == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "report.md"]


def test_report_file_gets_normal_permissions(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str], tmp_path: Path
) -> None:
    a, b = drafts
    out = tmp_path / "r.md"
    _run(capsys, "report", a, b, "-o", str(out))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "json"])
def test_byte_identical_twice(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str], tmp_path: Path, fmt: str
) -> None:
    a, b = drafts
    one, two = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
    _run(capsys, "report", a, b, "--all", "-o", str(one))
    _run(capsys, "report", a, b, "--all", "-o", str(two))
    assert one.read_bytes() == two.read_bytes()


def test_colour_only_on_a_terminal_without_no_color(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
) -> None:
    a, b = drafts
    assert "\x1b" not in _run(capsys, "report", a, b)[1]  # captured: not a terminal
    assert "\x1b[" in _run(capsys, "report", a, b, "--color", "always")[1]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("PAGER", "")  # a terminal's report would go through the pager
    assert "\x1b[" in _run(capsys, "report", a, b)[1]
    assert "\x1b" not in _run(capsys, "report", a, b, "--color", "never")[1]
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b" not in _run(capsys, "report", a, b)[1]
    assert "\x1b[" in _run(capsys, "report", a, b, "--color", "always")[1]
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in _run(capsys, "report", a, b)[1]


def _widest(text: str) -> int:
    from rich.cells import cell_len

    return max(cell_len(line) for line in text.splitlines())


def test_width_follows_the_option_then_columns_then_100(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
) -> None:
    a, b = drafts
    _fake_compare(monkeypatch, rich_comparison())
    assert _widest(_run(capsys, "report", a, b, "--all")[1]) == 100
    monkeypatch.setenv("COLUMNS", "64")
    assert _widest(_run(capsys, "report", a, b, "--all")[1]) == 64
    assert 100 < _widest(_run(capsys, "report", a, b, "--all", "--width", "150")[1]) <= 150
    monkeypatch.setenv("COLUMNS", "junk")
    assert _widest(_run(capsys, "report", a, b, "--all")[1]) == 100
    with pytest.raises(SystemExit) as exit_:
        cli.main(["report", a, b, "--width", "12"])
    assert exit_.value.code == 2 and "at least 40" in capsys.readouterr().err


def test_topic_errors_and_bad_context(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    tmp_path: Path,
) -> None:
    a, b = drafts
    _fake_compare(monkeypatch, rich_comparison())
    out = tmp_path / "r.md"
    code, stdout, err = _run(capsys, "report", a, b, "--topic", "water", "-o", str(out))
    assert code == 2 and not out.exists()
    assert err == "resdiff: unknown topic 'water'; valid topics: ceasefire, hostages, shields\n"
    code, stdout, _ = _run(capsys, "report", a, b, "--topic", "hostages", "--format", "md")
    assert code == 1 and "A OP1 -> B OP1" in stdout and "A PP6" not in stdout.split("## Clause")[1]
    with pytest.raises(SystemExit) as exit_:
        cli.main(["report", a, b, "--context", "-1"])
    assert exit_.value.code == 2 and "0 or more" in capsys.readouterr().err


def test_fail_on_with_the_real_engine_on_the_demo_pair(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from resdiff.pipeline import compare, load

    root = Path(__file__).resolve().parent.parent.parent
    monkeypatch.chdir(root)
    a, b = "seeds/s-2024-9001-tied.txt", "seeds/s-2024-9002-demands.txt"
    assert len(compare(load(a), load(b)).comparisons[0].changes) >= 10
    # 9002 weakens OP10 ("Calls upon" -> "Encourages"), demotes OP8, unties the ceasefire
    # from the hostages and removes OP7: every --fail-on kind is found.
    for kind in ("weaker", "linkage", "removed"):
        assert _run(capsys, "report", a, b, "--fail-on", kind)[0] == 1, kind
        assert _run(capsys, "report", a, a, "--fail-on", kind)[0] == 0, kind
    # and the exit code agrees with what the JSON report lists
    code, out, _ = _run(capsys, "report", a, b, "--format", "json", "--fail-on", "weaker")
    weaker = [
        c
        for c in json.loads(out)["comparisons"][0]["changes"]
        if c["direction"] == "weaker" and c["kind"] in ("verb-strength", "kind-change")
    ]
    assert code == (1 if weaker else 0)


def test_unwritable_folder_is_trouble_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    drafts: tuple[str, str],
    tmp_path: Path,
) -> None:
    """(Simulated: the tests may run as root, for whom chmod does not bite.)"""
    import tempfile

    a, b = drafts

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    code, stdout, err = _run(capsys, "report", a, b, "-o", str(tmp_path / "r.html"))
    assert code == 2 and stdout == ""
    assert err == f"resdiff: {tmp_path / 'r.html'}: Permission denied\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_output_through_a_symlink_and_into_a_pipe(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str], tmp_path: Path
) -> None:
    import threading

    a, b = drafts
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert _run(capsys, "report", a, b, "-o", str(link))[0] == 1
    assert link.is_symlink() and real.read_text().startswith("# resdiff report")
    # A FIFO (like /dev/stdout) is written through, never replaced by a regular file.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert _run(capsys, "report", a, b, "-o", str(fifo))[0] == 1
    reader.join(timeout=10)
    assert got and got[0].startswith(b"resdiff report")
    assert fifo.is_fifo()


def test_three_drafts_make_two_comparisons_against_the_first(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str]
) -> None:
    a, b = drafts
    code, out, _ = _run(capsys, "report", a, b, a, "--format", "md")
    assert code == 1
    assert out.count("## Differences: ") == 2 and out.count("## Clause by clause: ") == 2
    assert "C does not differ from A." in out
    code, _, err = _run(capsys, "report", a)
    assert code == 2 and err == "resdiff: report needs at least two drafts\n"


def test_as_a_script_reading_stdin_into_a_pipe(drafts: tuple[str, str]) -> None:
    a, b = drafts
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "report", "-", b],
        input=Path(a).read_bytes(),
        capture_output=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent.parent,
    )
    assert done.returncode == 1 and done.stderr == b""
    out = done.stdout.decode("utf-8")
    assert b"\x1b" not in done.stdout and "[-⟨Demands⟩-]{+⟨Calls for⟩+}" in out


def test_topic_focus_with_the_real_lens(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent.parent)
    a, b = "seeds/s-2024-9001-tied.txt", "seeds/s-2024-9002-demands.txt"
    code, out, err = _run(capsys, "report", a, b, "--topic", "no-such-topic")
    assert code == 2 and out == "" and "hostages" in err and err.count("\n") == 1
    code, out, _ = _run(capsys, "report", a, b, "--topic", "hostages", "--format", "md")
    assert code == 1
    clauses = out.split("## Clause by clause")[1]
    assert "### A OP1 -> B OP1 (modified)" in clauses
    assert "A PP2 -> B PP2" not in clauses  # the Charter: no hostages there
    summary = out.split("## Positions")[0].split("### Key differences")[1]
    assert "hostage" in summary.lower()


@pytest.mark.parametrize("fmt", ["json", "docx"])
@pytest.mark.parametrize(
    "flags", [["--topic", "hostages"], ["--only", "changed"], ["--context", "0"]]
)
def test_whole_comparison_formats_refuse_what_they_cannot_show(
    capsys: pytest.CaptureFixture[str],
    drafts: tuple[str, str],
    tmp_path: Path,
    fmt: str,
    flags: list[str],
) -> None:
    """JSON and Word hold the whole comparison: a selection is refused, not ignored."""
    a, b = drafts
    out = tmp_path / f"r.{fmt}"
    code, stdout, err = _run(capsys, "report", a, b, *flags, "-o", str(out))
    assert code == 2 and stdout == "" and not out.exists()
    assert err.count("\n") == 1 and flags[0] in err and f"{fmt} report" in err
    # the default context and --all select nothing: accepted
    assert _run(capsys, "report", a, b, "--all", "--context", "1", "-o", str(out))[0] == 1


def test_three_drafts_are_a_series_unless_told_otherwise(
    capsys: pytest.CaptureFixture[str], drafts: tuple[str, str]
) -> None:
    """One rule with the app (pipeline.is_series): three drafts in order are a series."""
    a, b = drafts
    for flags, series in (([], True), (["--no-series"], False)):
        out = _run(capsys, "report", a, b, a, "--format", "json", *flags)[1]
        data = json.loads(out)
        assert data["options"]["series"] is series
        assert bool(data["history"]) is series
    out = _run(capsys, "report", a, b, "--format", "json", "--series")[1]
    assert json.loads(out)["options"]["series"] is True
    out = _run(capsys, "report", a, b, "--format", "json")[1]
    assert json.loads(out)["options"]["series"] is False


def test_demo_names_the_bundled_drafts_not_where_they_are_installed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In a pipe, ``resdiff demo`` prints the text report of the bundled pair."""
    from resdiff.seeds import seed_dir

    code, out, err = _run(capsys, "demo", "--report")
    assert code == 1 and err == ""  # 1: the sample drafts differ, as `resdiff A B`
    assert "s-2024-9001-tied.txt (bundled sample)" in out
    assert "s-2024-9002-demands.txt (bundled sample)" in out
    assert str(seed_dir()) not in out and "site-packages" not in out


def _flat(text: str) -> str:
    import html
    import re

    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\\", "")
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_amendments_section_says_what_resdiff_amendments_says(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    from resdiff.amend.write import amendments
    from resdiff.pipeline import compare, load_all
    from resdiff.render.amendments import instructions

    seeds = [str(Path(__file__).resolve().parents[2] / "seeds" / n) for n in DEMO_NAMES]
    plain = _run(capsys, "report", *seeds, "--format", fmt)[1]
    assert "Amendments:" not in plain
    code, out, err = _run(capsys, "report", *seeds, "--format", fmt, "--amendments")
    assert code == 1 and err == ""
    flat = _flat(out)
    section = flat[flat.index("Amendments: A S/2024/9001 -> B S/2024/9002") :]
    listed = list(instructions(amendments(compare(*load_all(seeds)))))
    assert len(listed) >= 10
    at = 0
    for number, lines in listed:
        sentence = _flat(lines[0])
        at = section.index(sentence, at)  # every instruction, in order
        assert f"{number}." in section[max(0, at - 8) : at] or fmt == "html"


def test_amendments_in_json_and_refused_for_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import jsonschema  # type: ignore[import-untyped]

    from resdiff.render.schema import load_schema

    seeds = [str(Path(__file__).resolve().parents[2] / "seeds" / n) for n in DEMO_NAMES]
    data = json.loads(_run(capsys, "report", *seeds, "--format", "json", "--amendments")[1])
    jsonschema.validate(data, load_schema())
    alone = json.loads(_run(capsys, "amendments", *seeds, "--format", "json")[1])
    assert data["comparisons"][0]["amendments"] == alone["amendments"]
    assert (
        "amendments"
        not in json.loads(_run(capsys, "report", *seeds, "--format", "json")[1])["comparisons"][0]
    )
    out = tmp_path / "r.docx"
    code, _, err = _run(capsys, "report", *seeds, "-o", str(out), "--amendments")
    assert code == 2 and "--amendments cannot apply to a docx report" in err
    assert not out.exists()


DEMO_NAMES = ("s-2024-9001-tied.txt", "s-2024-9002-demands.txt")
