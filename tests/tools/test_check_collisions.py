"""`assistant check` on names and cues that point two ways: the cases beside those of test_check (a concept
defined twice, a cue shared by intents of different priority, a unit hint that shares a cue)."""

from __future__ import annotations

import shutil
from pathlib import Path

from packedit import GAZETTEER, edit, line_of, only_problem

from assistant.errors import Problem
from assistant.pack.paths import bundled_root
from assistant.tools.check import check_pack


def _intents(pack: Path, text: str) -> Path:
    shutil.copytree(bundled_root() / "intents", pack / "intents")
    intents = pack / "intents" / "intents.yaml"
    intents.write_text(text, encoding="utf-8")
    return intents


def test_a_cue_of_lower_priority_never_wins(pack: Path) -> None:
    _intents(
        pack,
        "intents:\n  lookup:\n    priority: 0\n    cues:\n      - 是多少\n"
        "  when:\n    priority: 25\n    cues:\n      - 什麼時候\n      - 是多少\n",
    )
    result = check_pack(pack)
    problem = only_problem(
        result,
        "intents/intents.yaml",
        5,
        "cue '是多少' (folded '是多少') signals both intent lookup and when (",
        "warning",
    )
    assert problem.message.endswith("and never wins here: a higher priority takes it")
    assert problem.entry == "lookup"
    assert not [p for p in result.problems if "cue" in p.message and p.severity == "error"]


def test_a_unit_hint_shares_cues_with_any_intent(pack: Path) -> None:
    _intents(
        pack,
        "intents:\n  lookup:\n    cues:\n      - 多少人\n"
        "  ask_people:\n    kind: figure\n    unit: 人\n    priority: -20\n    cues:\n      - 多少人\n",
    )
    assert not [p for p in check_pack(pack).problems if p.message.startswith("cue ")]


def test_a_concept_defined_twice_in_the_pack(pack: Path) -> None:
    more = pack / "facts" / "more.yaml"
    more.write_text(
        "concepts:\n  products:\n    kind: metric\n    names: {zh-Hant: 產品, en: products}\n    aliases: [產品線]\n",
        encoding="utf-8",
    )
    result = check_pack(pack)
    line = line_of(pack / GAZETTEER, "  products:")
    problem = only_problem(
        result,
        "facts/more.yaml",
        2,
        f"concept products is defined twice (also {GAZETTEER}:{line}); the later one wins",
        "warning",
    )
    assert problem.entry == "products"


def test_aliases_shared_within_and_across_kinds_in_full(pack: Path) -> None:
    edit(pack / GAZETTEER, "aliases: [電池工廠,", "aliases: [星湖, 電池工廠, 產品,")
    found = [p for p in check_pack(pack).problems if p.message.startswith("alias ")]
    assert found == [
        Problem(
            GAZETTEER,
            13,
            f"alias '產品' (folded '产品') names both factory_investment (metric) and products (metric, {GAZETTEER}:9)",
            "factory_investment",
            "error",
        ),
        Problem(
            GAZETTEER,
            13,
            f"alias '星湖' (folded '星湖') names both factory_investment (metric) and starlake (entity, {GAZETTEER}:5)",
            "factory_investment",
            "warning",
        ),
    ]
