"""Ranking scores only the facts the candidate index lets through, and ranks exactly as scoring every
candidate does: the reference below walks every fact for every concept of the frame and scores each one.

The frames compared are those the engine ranks while answering every question of tests/cases (follow-ups
through a Chat, so frames carry their context), generated questions on a pack ten times the bundled one,
and frames built from each fact (its metric, segments, period, numbers, the years its sentence names),
each with the variants the engine ranks when it looks for what else the pack holds. A condition of the
index that drops a fact scoring keeps makes the lists differ: the last test checks that it would.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant import Assistant
from assistant.engine.candidates import CandidateIndex
from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher, Scored
from assistant.engine.weights import WEIGHTS as W
from assistant.lang.periods import Period

TESTS = Path(__file__).resolve().parents[1]
BENCH = TESTS.parent / "bench"
Ranked = tuple[Frame, dict[str, Any]]


def _conversations(path: Path) -> list[list[str]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [[t["q"] for t in case["turns"]] if "turns" in case else [case["q"]] for case in cases]


def _bench_module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_candidates(matcher: Matcher, frame: Frame) -> list[str]:
    """Facts naming a concept of the frame, about one of its entities, by concept then pack order."""
    others = [e for e in frame.entities if e != matcher.pack.default_subject] if not frame.metrics else []
    found: dict[str, None] = {}
    for concept in frame.metrics + frame.segments + frame.qualifiers + others:
        for fid, keys in matcher.keys.items():
            named = concept in keys.entities | keys.metrics | keys.segments | keys.qualifiers
            about = not frame.entities or bool(keys.entities & set(frame.entities))
            if named and about:
                found.setdefault(fid)
    return list(found)


def reference_rank(
    matcher: Matcher, frame: Frame, previous: list[str] | None = None, previous_metrics: list[str] | None = None
) -> list[Scored]:
    """Every candidate scored."""
    if not frame.has_topic and not (frame.entities and frame.periods):
        return []
    candidates = [matcher.keys[fid] for fid in reference_candidates(matcher, frame)]
    numbers = frame.numbers
    identify = any(numbers & (k.own_numbers | k.near_numbers | k.before_numbers) for k in candidates)
    beside = any(numbers & (k.near_numbers | k.before_numbers) and not numbers & k.own_numbers for k in candidates)
    quotes = {matcher.keys[f].fact.quote for f in previous or [] if f in matcher.keys}
    scored = []
    spoken = matcher.spoken(previous, previous_metrics)
    for keys in candidates:
        asked = matcher.asked(frame)
        value = matcher.score(frame, keys, asked, numbers_beside=beside, numbers_identify=identify, spoken=spoken)
        if value is not None:
            value += W.previous_sentence if keys.fact.quote in quotes else 0.0
            if previous_metrics and "metrics" not in frame.inherited and keys.metrics & set(previous_metrics):
                value += W.previous_metric
            scored.append(Scored(value, keys.fact))
    return sorted(scored, key=lambda s: -s.score)


def _variants(frame: Frame) -> list[Frame]:
    """The frame, and the frames the engine ranks when it looks for what else the pack holds."""
    return [
        frame,
        frame.dropping("entities"),
        frame.dropping("periods"),
        frame.dropping("entities", "periods"),
        frame.dropping("segments"),
        frame.dropping("qualifiers"),
        replace(frame, periods=[Period(None)]),
        replace(frame, periods=[Period(2019)]),
    ]


def _frames_ranked(bot: Assistant, conversations: list[list[str]]) -> list[Ranked]:
    """Every frame the engine ranks while answering the conversations, with the options it passes."""
    seen: list[Ranked] = []
    original = Matcher.rank

    def recording(self: Matcher, frame: Frame, **options: Any) -> list[Scored]:
        seen.append((replace(frame), dict(options)))
        return original(self, frame, **options)

    Matcher.rank = recording  # type: ignore[method-assign]
    try:
        for turns in conversations:
            chat = bot.chat()
            for question in turns:
                chat.ask(question)
    finally:
        Matcher.rank = original  # type: ignore[method-assign]
    return seen


def _fact_frames(bot: Assistant, every: int = 1) -> list[Ranked]:
    """Frames aimed at each `every`-th fact: its slots, the segments and years its sentence names, its numbers."""
    matcher = bot.matcher
    segments = [cid for cid, c in bot.pack.concepts.items() if c.kind == "segment"]
    frames: list[Ranked] = []
    for keys in list(matcher.keys.values())[::every]:
        fact = keys.fact
        period = Period.parse(fact.period)
        base = Frame(
            fact.id,
            entities=[fact.subject],
            metrics=[fact.metric],
            segments=list(fact.segment),
            qualifiers=sorted(keys.qualifiers),
            periods=[period] if period else [],
        )
        named = [s for s in segments if matcher.mentioned(s, keys)]
        years = [Period(int(y)) for y in dict.fromkeys(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", keys.text))]
        more = [
            replace(base, segments=named),
            replace(base, metrics=[], segments=named or list(fact.segment)),
            replace(base, numbers=set(keys.own_numbers)),
            replace(base, numbers=set(keys.near_numbers), metrics=[]),
            *(replace(base, periods=[year]) for year in years),
            *(replace(base, periods=[*base.periods, year]) for year in years),
            *(replace(base, periods=[Period(p.year)]) for p in base.periods if p.sub_year),
        ]
        frames += [(frame, {}) for frame in [base, *more]]
    return frames


def _differences(bot: Assistant, ranked: list[Ranked], *, first: bool = False) -> Iterator[str]:
    """The frames (and their variants) the index ranks otherwise than scoring every candidate."""
    for frame, options in ranked:
        for variant in _variants(frame):
            kept = options if variant is frame else {}
            got = [(s.score, s.fact.id) for s in bot.matcher.rank(variant, **kept)]
            want = [(s.score, s.fact.id) for s in reference_rank(bot.matcher, variant, **kept)]
            if got != want:
                yield f"{variant.folded}: {variant.metrics} {variant.segments} {variant.periods}"
                if first:
                    return


@pytest.fixture(scope="module")
def bundled_frames(bot: Assistant) -> list[Ranked]:
    conversations = [c for path in sorted((TESTS / "cases").glob("*.yaml")) for c in _conversations(path)]
    recorded = _frames_ranked(bot, conversations)
    assert len(conversations) > 200 and len(recorded) > 500
    return recorded + _fact_frames(bot)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """A pack ten times the bundled one: many companies with the same metrics and years."""
    root = tmp_path_factory.mktemp("pack10x")
    _bench_module("scale").write_scaled_pack(10, root)
    return Assistant.load(root)


def test_bundled_pack_ranks_as_scoring_every_candidate(bot: Assistant, bundled_frames: list[Ranked]) -> None:
    assert list(_differences(bot, bundled_frames)) == []


@pytest.fixture(scope="module")
def summed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, list[Ranked]]:
    """The bundled facts with one more stored sum, of two years' figures (no pack here has one): a figure
    that also fits the year of an input. Made for this test, not a figure of the article."""
    root = tmp_path_factory.mktemp("summed")
    shutil.copytree(TESTS.parent / "facts", root / "facts")
    derived = root / "facts" / "derived.yaml"
    data = yaml.safe_load(derived.read_text(encoding="utf-8"))
    data["derived"].append(
        {
            "id": "test-revenue-two-years",
            "subject": "uih",
            "metric": "revenue",
            "period": "2024",
            "formula": "sum",
            "inputs": ["uih-revenue-2024", "uii-revenue-2023"],
            "unit": "元",
            "scale": "億",
            "label": {"zh-Hant": "測試用的兩年營收合計", "en": "a sum of two years' revenue, for this test"},
        }
    )
    derived.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    bot = Assistant.load(root)
    assert bot.matcher.keys["test-revenue-two-years"].input_periods == ("2024", "2023")
    return bot, _fact_frames(bot)


def test_a_sum_across_years_ranks_as_scoring_every_candidate(summed: tuple[Assistant, list[Ranked]]) -> None:
    bot, frames = summed
    assert list(_differences(bot, frames)) == []


def test_mini_pack_ranks_as_scoring_every_candidate(mini_pack: Path) -> None:
    bot = Assistant.load(mini_pack)
    frames = _frames_ranked(bot, _conversations(mini_pack / "cases.yaml")) + _fact_frames(bot)
    assert list(_differences(bot, frames)) == []


def test_generated_pack_ranks_as_scoring_every_candidate(generated: Assistant) -> None:
    questions = [q for _, q in _bench_module("paraphrase").paraphrases(generated.pack, 150)]
    conversations = [questions[i : i + 3] for i in range(0, len(questions), 3)]  # "那{m}呢?" follows up
    conversations += _conversations(TESTS / "cases" / "conversations.yaml")
    frames = _frames_ranked(generated, conversations) + _fact_frames(generated, every=13)
    assert len(generated.pack.facts) > 1000 and len(frames) > 500
    assert list(_differences(generated, frames)) == []


def test_a_metric_only_question_scores_only_facts_of_that_metric(generated: Assistant) -> None:
    """Revenue asked of no company in one year: other metrics' facts and other years' are never scored."""
    frame = Frame("2024年营收", metrics=["revenue"], periods=[Period(2024)])
    viable = generated.matcher.candidate_index.viable(frame, generated.pack.default_subject)
    everyone = generated.matcher.candidates(frame)
    assert viable and len(viable) * 2 < len(everyone)
    assert all("revenue" in generated.matcher.keys[fid].metrics for fid in viable)
    want = [(s.score, s.fact.id) for s in reference_rank(generated.matcher, frame)]
    assert [(s.score, s.fact.id) for s in generated.matcher.rank(frame)] == want


def test_a_year_no_fact_has_leaves_nothing_to_score(bot: Assistant) -> None:
    frame = Frame("1990年营收", metrics=["revenue"], entities=["uih"], periods=[Period(1990)])
    viable = bot.matcher.candidate_index.viable(frame, bot.pack.default_subject)
    assert all(bot.matcher.keys[fid].period is None for fid in viable)  # only undated facts may name 1990
    assert bot.matcher.rank(frame) == []


# -- the comparison catches an index that drops what scoring keeps ----------------------------------


def _own_periods_only(index: CandidateIndex) -> dict[str, Any]:
    years: dict[int, set[str]] = {}
    for fid, keys in index.keys.items():
        if keys.period is not None and keys.period.year is not None:
            years.setdefault(keys.period.year, set()).add(fid)
    return {"by_year": {year: frozenset(ids) for year, ids in years.items()}}


def _always_unrestricted(index: CandidateIndex) -> dict[str, Any]:
    viable = CandidateIndex.viable

    def dropping(frame: Frame, default_subject: str | None) -> list[str]:
        restricted = set().union(*index.restricted.values())
        return [fid for fid in viable(index, frame, default_subject) if fid not in restricted]

    return {"viable": dropping}


MUTATIONS: dict[str, Callable[[CandidateIndex], dict[str, Any]]] = {
    "segment only where tagged": lambda index: {"naming": {s: frozenset() for s in index.naming}},
    "no undated fact fits a year": lambda index: {"undated": frozenset()},
    "a sum fits only its own year": _own_periods_only,
    "a peak even when asked for": _always_unrestricted,
    "a metric only as the fact's own": lambda index: {
        "by_metric": {
            m: frozenset(fid for fid in ids if index.keys[fid].fact.metric == m) for m, ids in index.by_metric.items()
        }
    },
}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_the_comparison_catches_a_condition_that_drops_a_fact_scoring_keeps(
    mutation: str,
    bot: Assistant,
    bundled_frames: list[Ranked],
    summed: tuple[Assistant, list[Ranked]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caught = []
    for pack, frames in [(bot, bundled_frames), summed]:
        index = pack.matcher.candidate_index
        for name, value in MUTATIONS[mutation](index).items():
            monkeypatch.setattr(index, name, value)
        caught.append(next(_differences(pack, frames, first=True), None))
    assert any(caught)
