"""Lenses load, merge by topic id and key, and reject bad files with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.errors import InputError
from resdiff.signals.extract import text_signals
from resdiff.signals.lens import Lens, bundled_lens_path, load_lens

REQUIRED_TOPICS = (
    "ceasefire",
    "hostages",
    "humanitarian-access",
    "displacement",
    "military-operation",
    "civilians",
    "terrorism",
    "international-law",
    "un-agencies",
    "political-settlement",
    "monitoring-reporting",
)


def write(tmp_path: Path, text: str, name: str = "extra.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_default_lens_has_the_contract_topics(lens: Lens) -> None:
    ids = [t.id for t in lens.topics]
    for topic in REQUIRED_TOPICS:
        assert topic in ids
    assert lens.topic_weight("ceasefire") > lens.topic_weight("monitoring-reporting")
    assert {"obligation", "condemnation"} <= set(lens.scales)


def test_preambular_openers_are_weaker_than_operative_verbs(lens: Lens) -> None:
    for scale in lens.scales:
        ops = [v.strength for v in lens.verbs if v.scale == scale and v.operative]
        pre = [v.strength for v in lens.verbs if v.scale == scale and not v.operative]
        assert max(pre) < min(ops)


def test_obligation_scale_follows_the_documented_order(lens: Lens) -> None:
    def s(phrase: str) -> float:
        return next(v.strength for v in lens.verbs if v.phrase == phrase)

    order = ["decides", "demands", "calls upon", "urges", "requests", "encourages", "notes"]
    strengths = [s(p) for p in order]
    assert strengths == sorted(strengths, reverse=True)
    assert len(set(strengths)) == len(strengths)
    assert s("calls for") == s("calls upon")
    assert s("notes") < s("determines the imperative of") < s("encourages")
    cond = ["strongly condemns", "condemns", "deplores", "expresses concern"]
    assert [s(p) for p in cond] == sorted((s(p) for p in cond), reverse=True)


def test_override_by_topic_id_keeps_other_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "[topics.ceasefire]\nweight = 0.25\n")
    lens = load_lens([path])
    topic = lens.topic("ceasefire")
    assert topic is not None and topic.weight == 0.25
    assert "cessation of hostilities" in topic.terms
    assert lens.sources == ("default", path)


def test_added_topic_and_disabled_topic(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[topics.water]\nlabel = "Water"\nterms = ["water supply", "desalination plant(s)"]\n'
        '[topics.water.qualifiers]\nmanner = ["safe"]\n'
        "[topics.hostages]\nenabled = false\n",
    )
    lens = load_lens([path])
    assert lens.topic("hostages") is None
    s = text_signals("Demands safe water supply and the release of hostages;", lens)
    assert s.topic_ids == ("water",)
    assert s.qualifiers == {"water": ("safe",)}


def test_pattern_lists_are_replaced_by_kind(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[[numbers]]\nkind = \"deadline\"\npattern = 're:\\bwithin \\d+ weeks'\n",
    )
    lens = load_lens([path])
    assert [e.kind for e in lens.numbers].count("deadline") == 1
    s = text_signals("Requests a report within 30 days, then within 6 weeks;", lens)
    assert "within 6 weeks" in s.numbers
    assert "within 30 days" not in s.numbers


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[topics.ceasefire\n", "TOML syntax error"),
        ("[colours]\nred = 1\n", "unknown key colours"),
        ('[topics.Cease_Fire]\nterms = ["x"]\n', "topic id 'Cease_Fire'"),
        ("[topics.ceasefire]\nweight = 'heavy'\n", "topics.ceasefire.weight must be a number"),
        ("[topics.ceasefire]\nterms = 'ceasefire'\n", "topics.ceasefire.terms must be a list"),
        ('[topics.x]\nterms = ["re:(unclosed"]\n', "bad pattern"),
        ('[topics.x]\nlabel = "X"\n', "topics.x has no terms"),
        ("[scales.obligation.preambular]\ndemanding = 12\n", "preambular strength"),
        ("[ranking.kinds]\nbogus = 1\n", "unknown key ranking.kinds.bogus"),
        ('[[references]]\nkind = "r"\n', "references[0].pattern must be"),
    ],
)
def test_bad_lens_is_one_line_input_error(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text, "bad.toml")
    with pytest.raises(InputError) as info:
        load_lens([path])
    err = info.value
    assert err.path == path
    assert err.problem.startswith("invalid lens: ")
    assert message in err.problem
    assert "\n" not in str(err)


def test_missing_lens_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_lens([str(tmp_path / "nope.toml")])


def test_cache_sees_edited_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[topics.ceasefire]\nweight = 0.1\n")
    assert load_lens([path]).topic_weight("ceasefire") == 0.1
    Path(path).write_text("[topics.ceasefire]\nweight = 0.75\n", encoding="utf-8")
    assert load_lens([path]).topic_weight("ceasefire") == 0.75


def test_climate_lens_loads_and_reads_coal_language() -> None:
    lens = load_lens([bundled_lens_path("climate")])
    out = text_signals(
        "Calls upon Parties to accelerate efforts towards the phasedown of unabated coal power "
        "and phase-out of inefficient fossil fuel subsidies;",
        lens,
    )
    assert out.verb is not None and out.verb.text == "Calls upon"
    assert "phase-down" in out.qualifiers["coal"]
    assert "unabated" in out.qualifiers["coal"]
    assert "phase-out" not in out.qualifiers["coal"]
    assert set(out.qualifiers["fossil-fuel-subsidies"]) == {"phase-out", "inefficient"}
    assert "Parties" in out.actors


def test_climate_lens_turns_phase_out_into_phase_down_change() -> None:
    from resdiff.model import ClausePair
    from resdiff.signals.changes import find_changes
    from resdiff.signals.extract import clause_signals
    from tests.unit.signals.conftest import clause, document

    lens = load_lens([bundled_lens_path("climate")])
    a = document("A", [clause("OP36", "Calls upon Parties to phase out unabated coal power;")])
    b = document("B", [clause("OP36", "Calls upon Parties to phase down unabated coal power;")])
    pairs = (ClausePair(("OP36",), ("OP36",), "modified", False, 0.9, ()),)
    sa = {c.id: clause_signals(c, lens) for c in a.walk()}
    sb = {c.id: clause_signals(c, lens) for c in b.walk()}
    changes = find_changes(a, b, pairs, sa, sb, lens)
    got = {(c.kind, c.from_ or c.to) for c in changes}
    assert ("qualifier-removed", "phase-out") in got
    assert ("qualifier-added", "phase-down") in got


def test_empty_lens_reads_nothing() -> None:
    s = text_signals("Demands an immediate ceasefire within 30 days;", Lens())
    assert s == type(s)()


@pytest.mark.parametrize("name", ["default", "climate"])
def test_bundled_lenses_follow_the_format(name: str) -> None:
    # The bundled lens is trusted at run time (not checked on every run): checked here.
    import tomllib

    from resdiff.signals.lens import bundled_lens_path
    from resdiff.signals.lensformat import lens_schema

    data = tomllib.loads(Path(bundled_lens_path(name)).read_text("utf-8"))
    lens_schema().check(data, "")


def test_the_bundled_lens_is_not_checked_on_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from resdiff.signals import lens as lens_module

    def refuse(data: object, path: str) -> None:
        raise AssertionError(f"checked {path}")

    monkeypatch.setattr(lens_module, "_validate", refuse)
    monkeypatch.setattr(lens_module, "_CACHE", {})
    assert load_lens(()).topics
