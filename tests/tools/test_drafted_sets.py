"""Held-out question sets on raw drafts (tests/drafts/*): the draft of an unseen article, with no
review, must keep answering what it answered on the first run, and never a figure it should refuse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.tools.draft.writer import write_draft
from assistant.tools.evaluate import judge, load_cases, paragraphs_of

SETS = sorted((Path(__file__).resolve().parents[1] / "drafts").glob("*/cases.yaml"))
_drafted: dict[Path, Assistant] = {}


def _collect() -> list[Any]:
    params = []
    for path in SETS:
        for case in load_cases(path):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(path.parent, case, id=f"{path.parent.name}/{case['id']}", marks=marks))
    return params


def _draft(folder: Path, scratch: pytest.TempPathFactory) -> Assistant:
    if folder not in _drafted:
        out = scratch.mktemp(folder.name) / "pack"
        result = write_draft(folder / "article.txt", out)
        assert result.loads, result.summary()
        _drafted[folder] = Assistant.load(out, use_cache=False)
    return _drafted[folder]


def test_there_are_drafted_sets() -> None:
    assert SETS, "tests/drafts/ must hold at least one article with its questions"


@pytest.mark.parametrize(("folder", "case"), _collect())
def test_drafted_case(folder: Path, case: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _draft(folder, tmp_path_factory)
    chat = bot.chat()
    for number, turn in enumerate(case.get("turns") or [case], 1):
        answer = chat.ask(turn["q"])
        ok, why = judge(turn, answer, case.get("kind"), paragraphs_of(bot))
        assert ok, f"turn {number} {turn['q']!r}: {why}\n{answer.text}"
