"""Lenses: the domain knowledge signals read through (topics, verb scales, cues, actors,
reference and number patterns), loaded from TOML so it can be changed without code.

The default lens ships in ``resdiff/signals/lenses/default.toml``; ``--lens FILE`` files
are merged over it in order (tables key by key, topics by id, pattern lists by kind).
docs/lenses.md describes the format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from resdiff.datalists import data_path, read_toml
from resdiff.errors import InputError
from resdiff.model import ChangeKind, Relation

if TYPE_CHECKING:
    from resdiff.signals.compiled import CompiledLens

# The JSON contract's vocabularies, spelled once in the model.


class Invalid(Exception):
    """What is wrong with a lens, as one line (``lensformat`` finds most problems; it is
    imported only to check a user lens, the bundled one being checked by the tests)."""


RELATIONS: tuple[Relation, ...] = get_args(Relation)
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One opener phrase on a scale; operative verbs are >= 1, preambular openers < 1."""

    phrase: str
    scale: str
    strength: float
    operative: bool


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject readers track, the terms that mention it, and the qualifiers that matter.

    ``qualifiers`` maps group (timing, duration...) -> canonical qualifier -> phrases.
    ``traded``: whether the subject is traded in deals (a ceasefire for hostages); a
    standing obligation (international law) is not, and two provisions merely standing
    side by side with it is no news.
    """

    id: str
    label: str
    phrase: str
    weight: float
    terms: tuple[str, ...]
    qualifiers: Mapping[str, Mapping[str, tuple[str, ...]]]
    traded: bool = True


@dataclass(frozen=True, slots=True)
class PatternEntry:
    """A named pattern (reference, number, actor) and the label built from its groups."""

    kind: str
    pattern: str
    label: str


@dataclass(frozen=True, slots=True)
class ClauseWeights:
    """How much a whole paragraph added or removed says (``[ranking.clause]``): its
    weightiest topic, plus shares of what else it names, up to ``cap``; then by its verb.
    The defaults read a paragraph by its weightiest topic alone."""

    #: Share of each further topic's weight (the second weightiest first).
    further_topic: float = 0.0
    #: Added per actor named, per link between topics, per reference.
    actor: float = 0.0
    link: float = 0.0
    reference: float = 0.0
    #: The most a paragraph's content counts, in topic weights.
    cap: float = float("inf")
    #: Multiplies an operative paragraph's weight at the strongest verb of its scale;
    #: a weaker operative verb gets proportionally less of it (a preambular one none).
    operative: float = 1.0


@dataclass(frozen=True)
class Lens:
    """A merged lens. Matchers are compiled once per lens, on first use."""

    name: str = "empty"
    description: str = ""
    sources: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    scales: Mapping[str, str] = field(default_factory=dict)
    verbs: tuple[VerbEntry, ...] = ()
    cues: Mapping[Relation, tuple[str, ...]] = field(default_factory=dict)
    cancel_cues: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    opener_skips: tuple[str, ...] = ()
    actor_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    actor_patterns: tuple[PatternEntry, ...] = ()
    references: tuple[PatternEntry, ...] = ()
    numbers: tuple[PatternEntry, ...] = ()
    kind_weights: Mapping[str, float] = field(default_factory=dict)
    linkage_weights: Mapping[str, float] = field(default_factory=dict)
    default_topic_weight: float = 0.3
    preambular_factor: float = 1.0
    #: Multiplies a change resting only on paragraphs that the other copy, cut short,
    #: may simply lack (it ends before them).
    partial_factor: float = 1.0
    clause_weights: ClauseWeights = field(default_factory=ClauseWeights)

    def topic(self, topic_id: str) -> Topic | None:
        found = self._by_id.get(topic_id)
        return found[1] if found else None

    @cached_property
    def _by_id(self) -> dict[str, tuple[int, Topic]]:
        """Topic id -> (place in the lens, topic): ranking asks for topics by id often.
        The first topic of an id wins, as a search in order would find it."""
        out: dict[str, tuple[int, Topic]] = {}
        for i, t in enumerate(self.topics):
            out.setdefault(t.id, (i, t))
        return out

    def topic_weight(self, topic_id: str | None) -> float:
        t = self.topic(topic_id) if topic_id else None
        return t.weight if t else self.default_topic_weight

    def scale_top(self, scale: str) -> float:
        """The strongest operative strength on a scale (0 when it has none)."""
        return self._scale_tops.get(scale, 0.0)

    @cached_property
    def _scale_tops(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for v in self.verbs:
            if v.operative:
                out[v.scale] = max(out.get(v.scale, 0.0), v.strength)
        return out

    def topic_label(self, topic_id: str) -> str:
        t = self.topic(topic_id)
        return t.label if t else topic_id

    def topic_phrase(self, topic_id: str) -> str:
        t = self.topic(topic_id)
        return t.phrase if t else topic_id

    def traded(self, topic_id: str) -> bool:
        t = self.topic(topic_id)
        return t.traded if t else True

    def topic_order(self, topic_id: str) -> int:
        found = self._by_id.get(topic_id)
        return found[0] if found else len(self.topics)

    @cached_property
    def compiled(self) -> CompiledLens:
        from resdiff.signals.compiled import compile_lens

        return compile_lens(self)


# --------------------------------------------------------------------------- loading

_CACHE: dict[tuple[tuple[str, int, int], ...], Lens] = {}


def load_lens(paths: Sequence[str] = ()) -> Lens:
    """The default lens merged with ``paths`` in order; cached while files are unchanged."""
    key = tuple(_stamp(p) for p in paths)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    layers = [(read_toml("resdiff.signals", "lenses/default.toml"), "default")]
    for p in paths:
        layers.append((_read_file(p), p))
    # The bundled lens is checked by the tests (test_lens.py), not on every run.
    lens = build_lens(layers, checked=("default",))
    _CACHE[key] = lens
    return lens


def bundled_lens_path(name: str) -> str:
    """Path of a lens shipped in the package (e.g. ``climate``), for ``--lens``."""
    return data_path("resdiff.signals", f"lenses/{name}.toml")


def build_lens(layers: Sequence[tuple[dict[str, Any], str]], checked: Sequence[str] = ()) -> Lens:
    """Validate each layer (but those named in ``checked``), merge them in order, and
    build the typed lens."""
    merged: dict[str, Any] = {}
    last_path = "default"
    for data, path in layers:
        if path not in checked:
            _validate(data, path)
        merged = _merge(merged, data)
        last_path = path
    return _build(merged, tuple(p for _, p in layers), last_path)


def _stamp(path: str) -> tuple[str, int, int]:
    try:
        st = Path(path).stat()
    except OSError:
        return (path, -1, -1)
    return (path, st.st_mtime_ns, st.st_size)


def _read_file(path: str) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("invalid lens: file not found", path) from exc
    except UnicodeDecodeError as exc:
        raise InputError("invalid lens: not UTF-8 text", path) from exc
    except OSError as exc:
        raise InputError(f"invalid lens: {exc.strerror or 'cannot read'}", path) from exc
    return _parse_toml(text, path)


def _parse_toml(text: str, path: str) -> dict[str, Any]:
    import tomllib  # only for a user's lens: the bundled one is read by read_toml

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid lens: TOML syntax error ({exc})", path) from exc


BY_KIND = (("references",), ("numbers",), ("actors", "patterns"))


def _merge(
    base: dict[str, Any], over: Mapping[str, Any], path: tuple[str, ...] = ()
) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if (*path, key) in BY_KIND:
            out[key] = _merge_by_kind(out.get(key, []), value)
        elif isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(dict(out[key]), value, (*path, key))
        else:
            out[key] = value
    return out


def _merge_by_kind(base: list[Any], over: list[Any]) -> list[Any]:
    """Entries of a kind in ``over`` replace every entry of that kind in ``base``, where the
    first of them stood (order is priority); new kinds go last."""
    out: list[Any] = []
    placed: set[str] = set()
    for entry in base:
        kind = entry["kind"]
        replacements = [e for e in over if e["kind"] == kind]
        if not replacements:
            out.append(entry)
        elif kind not in placed:
            out += replacements
            placed.add(kind)
    out += [e for e in over if e["kind"] not in placed and e not in out]
    return out


# --------------------------------------------------------------------------- validation


def _validate(data: Mapping[str, Any], path: str) -> None:
    from resdiff.signals.lensformat import lens_schema

    try:
        lens_schema().check(data, "")
    except Invalid as exc:
        raise InputError(f"invalid lens: {exc}", path) from None


# --------------------------------------------------------------------------- building


def _build(data: Mapping[str, Any], sources: tuple[str, ...], path: str) -> Lens:
    try:
        return _build_checked(data, sources)
    except Invalid as exc:
        raise InputError(f"invalid lens: {exc}", path) from None


def _build_checked(data: Mapping[str, Any], sources: tuple[str, ...]) -> Lens:
    meta = data.get("lens", {})
    ranking = data.get("ranking", {})
    verbs: list[VerbEntry] = []
    scales: dict[str, str] = {}
    for sid, scale in data.get("scales", {}).items():
        scales[sid] = scale.get("label", sid)
        ops = {p.lower(): float(s) for p, s in scale.get("operative", {}).items()}
        pre = {p.lower(): float(s) for p, s in scale.get("preambular", {}).items()}
        if ops and pre and max(pre.values()) >= min(ops.values()):
            raise Invalid(
                f"scales.{sid}: every preambular strength must be below every operative "
                f"strength (max preambular {max(pre.values())} >= min operative "
                f"{min(ops.values())})"
            )
        verbs += [VerbEntry(p, sid, s, True) for p, s in ops.items()]
        verbs += [VerbEntry(p, sid, s, False) for p, s in pre.items()]
    topics: list[Topic] = []
    for tid, t in data.get("topics", {}).items():
        if not t.get("enabled", True):
            continue
        terms = tuple(t.get("terms", ()))
        if not terms:
            raise Invalid(f"topics.{tid} has no terms")
        quals: dict[str, dict[str, tuple[str, ...]]] = {}
        for group, entries in t.get("qualifiers", {}).items():
            if isinstance(entries, list):
                quals[group] = {q: (q,) for q in entries}
            else:
                quals[group] = {
                    q: (ways,) if isinstance(ways, str) else tuple(ways)
                    for q, ways in entries.items()
                }
        topics.append(
            Topic(
                id=tid,
                label=t.get("label", tid),
                phrase=t.get("phrase", t.get("label", tid)),
                weight=float(t.get("weight", ranking.get("default_topic_weight", 0.3))),
                terms=terms,
                qualifiers=quals,
                traded=bool(t.get("traded", True)),
            )
        )
    cues = data.get("cues", {})
    actors = data.get("actors", {})
    return Lens(
        name=meta.get("name", "lens"),
        description=meta.get("description", ""),
        sources=sources,
        topics=tuple(topics),
        scales=scales,
        verbs=tuple(verbs),
        cues={rel: tuple(cues.get(rel, {}).get("phrases", ())) for rel in RELATIONS},
        cancel_cues=tuple(cues.get("cancel", {}).get("phrases", ())),
        negations=tuple(cues.get("negations", ())),
        opener_skips=tuple(data.get("openers", {}).get("skip", ())),
        actor_names={k: tuple(v) for k, v in actors.get("names", {}).items()},
        actor_patterns=_entries(actors.get("patterns", [])),
        references=_entries(data.get("references", [])),
        numbers=_entries(data.get("numbers", [])),
        kind_weights={k: float(v) for k, v in ranking.get("kinds", {}).items()},
        linkage_weights={k: float(v) for k, v in ranking.get("linkage", {}).items()},
        default_topic_weight=float(ranking.get("default_topic_weight", 0.3)),
        preambular_factor=float(ranking.get("preambular_factor", 1.0)),
        partial_factor=float(ranking.get("partial_factor", 1.0)),
        clause_weights=ClauseWeights(
            **{k.replace("-", "_"): float(v) for k, v in ranking.get("clause", {}).items()}
        ),
    )


def _entries(raw: Sequence[Mapping[str, str]]) -> tuple[PatternEntry, ...]:
    return tuple(PatternEntry(e["kind"], e["pattern"], e.get("label", "")) for e in raw)
