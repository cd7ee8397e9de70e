"""Data-driven questions (tests/cases/*.yaml, and each test pack's cases.yaml), one parametrised test.

Each case follows the evaluation format: a question or a conversation, the expected status, the words
and numbers the answer must contain and the source text a citation must quote. A case may name the
expected `intent`, and `xfail: reason` marks a known limitation that is reported, not hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.tools.evaluate import judge, load_cases, paragraphs_of

TESTS = Path(__file__).resolve().parent
CASE_FILES = sorted((TESTS / "cases").glob("*.yaml"))
PACK_CASES = sorted((TESTS / "packs").glob("*/cases.yaml"))


def _collect() -> list[Any]:
    params = []
    for path in CASE_FILES + PACK_CASES:
        pack = None if path.parent.name == "cases" else path.parent
        for case in load_cases(path):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(pack, case, id=f"{path.parent.name}/{case['id']}", marks=marks))
    return params


_bots: dict[Path | None, Assistant] = {}


def _bot(pack: Path | None) -> Assistant:
    if pack not in _bots:
        _bots[pack] = Assistant.load(pack)
    return _bots[pack]


@pytest.mark.parametrize(("pack", "case"), _collect())
def test_case(pack: Path | None, case: dict[str, Any]) -> None:
    bot = _bot(pack)
    chat = bot.chat()
    for number, turn in enumerate(case.get("turns") or [case], 1):
        answer = chat.ask(turn["q"])
        ok, why = judge(turn, answer, case.get("kind"), paragraphs_of(bot))
        assert ok, f"turn {number} {turn['q']!r}: {why}\n{answer.text}"
        if turn.get("intent"):
            assert answer.intent == turn["intent"], f"turn {number}: intent {answer.intent}"


def test_every_case_file_has_cases() -> None:
    assert CASE_FILES, "tests/cases/ must hold question files"
    ids = [c["id"] for path in CASE_FILES for c in load_cases(path)]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    kinds = {c.get("kind") for path in CASE_FILES for c in load_cases(path)}
    assert {"figure", "fact", "derived", "oos", "near-miss", "meta", "conversation"} <= kinds
