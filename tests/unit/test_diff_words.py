"""Worked examples of the word diff: what a reader of a redline expects to see."""

from __future__ import annotations

import re
from pathlib import Path

from resdiff.diff import diff_texts, engine, tokenize
from resdiff.diff.engine import CODE_RANGES, code_point
from resdiff.model import CompareOptions, Run

EXACT = CompareOptions(ignore_whitespace=False, ignore_quotes=False)


def changes(runs: tuple[Run, ...]) -> list[tuple[str, str]]:
    return [(r.op, r.text) for r in runs if r.op != "="]


def test_verb_change_is_one_couple() -> None:
    runs = diff_texts(
        "1. Demands an immediate ceasefire for the month of Ramadan;",
        "1. Calls for an immediate ceasefire for the month of Ramadan;",
    )
    assert changes(runs) == [("-", "Demands"), ("+", "Calls for")]


def test_qualifier_change() -> None:
    runs = diff_texts("leading to a permanent ceasefire", "leading to a sustainable ceasefire")
    assert runs == (
        Run("=", "leading to a "),
        Run("-", "permanent"),
        Run("+", "sustainable"),
        Run("=", " ceasefire"),
    )


def test_number_changes_as_a_whole_token() -> None:
    runs = diff_texts("a budget of 35,000,000 dollars", "a budget of 36,000,000 dollars")
    assert changes(runs) == [("-", "35,000,000"), ("+", "36,000,000")]


def test_spelled_number_with_figures_is_one_unit() -> None:
    runs = diff_texts("within thirty (30) days", "within sixty (60) days")
    assert changes(runs) == [("-", "thirty (30)"), ("+", "sixty (60)")]
    runs = diff_texts("within thirty (30) days", "within thirty (45) days")
    assert changes(runs) == [("-", "thirty (30)"), ("+", "thirty (45)")]


def test_resolution_reference_is_one_unit() -> None:
    runs = diff_texts("its resolution 2712 (2023),", "its resolution 2728 (2024),")
    assert changes(runs) == [("-", "2712 (2023)"), ("+", "2728 (2024)")]


def test_hyphenated_word_stays_whole() -> None:
    runs = diff_texts("a coal phase-out by 2030", "a coal phase-down by 2030")
    assert changes(runs) == [("-", "phase-out"), ("+", "phase-down")]


def test_identical_texts_are_one_equal_run() -> None:
    text = "Decides to remain seized of the matter."
    assert diff_texts(text, text) == (Run("=", text),)
    assert diff_texts("", "") == ()


def test_empty_side() -> None:
    assert diff_texts("", "Welcomes") == (Run("+", "Welcomes"),)
    assert diff_texts("Welcomes", "") == (Run("-", "Welcomes"),)


def test_case_only_change_is_minor_under_ignore_case() -> None:
    runs = diff_texts(
        "Demands the release", "demands the release", CompareOptions(ignore_case=True)
    )
    assert runs[:2] == (Run("-", "Demands", minor=True), Run("+", "demands", minor=True))
    assert runs[2:] == (Run("=", " the release"),)
    strict = diff_texts("Demands the release", "demands the release")
    assert not any(r.minor for r in strict)
    assert changes(strict) == [("-", "Demands"), ("+", "demands")]


def test_hard_wrap_is_not_a_change_by_default() -> None:
    runs = diff_texts("the civilian\npopulation", "the civilian population")
    assert [r for r in runs if r.op != "=" and not r.minor] == []
    assert Run("-", "\n", minor=True) in runs and Run("+", " ", minor=True) in runs
    exact = diff_texts("the civilian\npopulation", "the civilian population", EXACT)
    assert changes(exact) == [("-", "\n"), ("+", " ")]
    assert not any(r.minor for r in exact)


def test_curly_quotes_are_minor_by_default() -> None:
    runs = diff_texts("the \u201cbuffer zone\u201d", 'the "buffer zone"')
    assert all(r.minor for r in runs if r.op != "=")
    assert len([r for r in runs if r.op != "="]) == 4
    exact = diff_texts("the \u201cbuffer zone\u201d", 'the "buffer zone"', EXACT)
    assert not any(r.minor for r in exact)


def test_punctuation_only_change_is_minor_when_ignored() -> None:
    opts = CompareOptions(ignore_punctuation=True)
    runs = diff_texts("hospitals, schools and shelters", "hospitals schools and shelters", opts)
    assert runs == (
        Run("=", "hospitals"),
        Run("-", ",", minor=True),
        Run("=", " schools and shelters"),
    )
    runs = diff_texts("as applicable;", "as applicable.", opts)
    assert changes(runs) == [("-", ";"), ("+", ".")]
    assert all(r.minor for r in runs if r.op != "=")
    # Without the option the same edit is a real change.
    plain = diff_texts("as applicable;", "as applicable.")
    assert changes(plain) == [("-", ";"), ("+", ".")] and not any(r.minor for r in plain)


def test_word_change_next_to_ignored_difference_is_not_minor() -> None:
    runs = diff_texts("Strongly condemns", "strongly deplores", CompareOptions(ignore_case=True))
    real = [r for r in runs if r.op != "=" and not r.minor]
    assert [(r.op, r.text) for r in real] == [("-", "condemns"), ("+", "deplores")]


def test_edits_snap_to_word_groups() -> None:
    # "U.N" -> "U.K": the unchanged "U." is not left dangling next to the edit.
    assert changes(diff_texts("the U.N. said", "the U.K. said")) == [("-", "U.N"), ("+", "U.K")]
    runs = diff_texts("in paragraph (a) above", "in paragraph (b) above")
    assert changes(runs) == [("-", "(a)"), ("+", "(b)")]
    assert changes(diff_texts("pages 2/4", "pages 3/4")) == [("-", "2/4"), ("+", "3/4")]


def test_snapping_merges_blocks_separated_by_a_group_fragment() -> None:
    runs = diff_texts("see A.B.C here", "see X.B.Y here")
    assert changes(runs) == [("-", "A.B.C"), ("+", "X.B.Y")]


def test_tokens() -> None:
    assert tokenize("non-State actors' 35,000,000 (a);\n") == [
        "non-State",
        " ",
        "actors",
        "'",
        " ",
        "35,000,000",
        " ",
        "(",
        "a",
        ")",
        ";",
        "\n",
    ]
    assert tokenize("S/2024/239, thirty-five (35)") == ["S/2024/239", ",", " ", "thirty-five (35)"]


def test_no_timeout_so_long_texts_stay_fine_grained() -> None:
    assert engine.DMP.Diff_Timeout == 0
    words = [f"w{i}" for i in range(4000)]
    edited = list(words)
    for i in range(0, 4000, 50):
        edited[i] = f"x{i}"
    a, b = " ".join(words), " ".join(edited)
    runs = diff_texts(a, b)
    equal = sum(len(r.text) for r in runs if r.op == "=")
    assert equal > 0.95 * len(a)
    assert len([r for r in runs if r.op == "-"]) == 80


def test_content_words_are_kept_when_a_tie_allows() -> None:
    # "and" or "sustained" could be kept; a reader wants the qualifier kept.
    runs = diff_texts(
        "an immediate and sustained ceasefire", "an immediate, sustained and durable ceasefire"
    )
    assert Run("=", " sustained ") in runs
    assert changes(runs) == [("-", " and"), ("+", ","), ("+", "and durable ")]


def test_lining_up_content_words_never_loses_a_longer_match() -> None:
    runs = diff_texts(
        "Condemns all attacks on civilians and on hospitals;",
        "Strongly condemns all attacks on civilians;\nCondemns attacks on schools;",
    )
    assert Run("=", " all attacks on civilians") in runs


def test_a_label_next_to_a_changed_word_stays_whole() -> None:
    # Found by hypothesis: brackets are not inner marks, so "word(a)" is "word" + "(a)".
    runs = diff_texts("Demands(a)", "Demands thirty (30)(a)")
    assert runs[-1] == Run("=", "(a)")


def test_every_key_gets_its_owncode_point() -> None:
    total = sum(end - start for start, end in CODE_RANGES)
    sample = [*range(0, total, 7), total - 1]
    points = {code_point(i) for i in sample}
    assert len(points) == len(set(sample))
    assert not any(0xD800 <= p < 0xE000 for p in points)


def test_only_the_word_diff_module_imports_diff_match_patch() -> None:
    package = Path(engine.__file__).resolve().parent.parent
    importers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+diff_match_patch\b", path.read_text("utf-8"), re.M)
    )
    assert importers == ["diff/engine.py"]


def _marked(a: str, b: str) -> str:
    return "".join(
        f"[-{r.text}-]" if r.op == "-" else f"{{+{r.text}+}}" if r.op == "+" else r.text
        for r in diff_texts(a, b)
    )


def test_function_word_islands_inside_a_rewrite_fold_into_it() -> None:
    """'the' and 'of' left unchanged between long rewrites chop the sentence; one block reads."""
    a = "Determines the imperative of an immediate and sustained ceasefire to protect civilians;"
    b = "Demands an immediate ceasefire for the month of Ramadan respected by all parties;"
    marked = _marked(a, b)
    assert "] the [" not in marked.replace("-]{+", "|").replace("+}", "]")
    assert marked.startswith("[-Determines the imperative of")


def test_small_parallel_edits_keep_the_word_between_them() -> None:
    marked = _marked(
        "calls for a permanent and durable ceasefire",
        "calls for a sustainable and lasting ceasefire",
    )
    assert marked == "calls for a [-permanent-]{+sustainable+} and [-durable-]{+lasting+} ceasefire"


def test_chinese_changes_by_character_not_by_clause() -> None:
    from resdiff.diff import diff_texts

    runs = diff_texts("要求立即停火；", "要求立即持久停火；")
    assert [(r.op, r.text) for r in runs] == [("=", "要求立即"), ("+", "持久"), ("=", "停火；")]
