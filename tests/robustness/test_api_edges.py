"""The Python API's edges: arguments of the wrong type or value are an AssistantError with a message for
people, never a TypeError, ValueError or an answer in a made-up language; a refused call changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import AssistantError

QUESTION = "聯影醫療2024年營收多少?"
NOT_TEXT = [["聯影醫療2024年營收多少?"], None, b"\xe8\x81\xaf", 42, 4.2, {"q": QUESTION}, ("q",), object()]
NOT_LANGUAGES = ["fr", "zh", "EN", "", "zh_Hant", 123, ["en"]]


@pytest.mark.parametrize("question", NOT_TEXT, ids=lambda q: type(q).__name__)
def test_a_question_must_be_text(robot: Assistant, question: object) -> None:
    with pytest.raises(AssistantError, match="a question is text"):
        robot.ask(question)  # type: ignore[arg-type]
    chat = robot.chat()
    chat.ask(QUESTION)
    context = chat.context
    with pytest.raises(AssistantError):
        chat.ask(question)  # type: ignore[arg-type]
    assert chat.context == context and len(chat.turns) == 1, "a refused call changes nothing"


@pytest.mark.parametrize("language", NOT_LANGUAGES, ids=repr)
def test_the_language_must_be_one_of_three(robot: Assistant, language: object) -> None:
    with pytest.raises(AssistantError, match="language must be one of zh-Hant, zh-Hans, en"):
        robot.ask(QUESTION, language=language)  # type: ignore[arg-type]
    with pytest.raises(AssistantError):
        robot.chat().ask(QUESTION, language=language)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["zh-Hant", "zh-Hans", "en"])
def test_each_language_answers(robot: Assistant, language: str) -> None:
    answer = robot.ask(QUESTION, language=language)  # type: ignore[arg-type]
    assert answer.status == "answered" and answer.language == language
    assert "103" in answer.text


@pytest.mark.parametrize("path", [123, b"facts", "a\0b", "", "~no-such-user-here/pack", ["facts"]], ids=repr)
def test_a_pack_path_that_is_not_one(path: object) -> None:
    with pytest.raises(AssistantError):
        Assistant.load(path)  # type: ignore[arg-type]


def test_a_file_is_not_a_pack(tmp_path: Path) -> None:
    (tmp_path / "facts").write_text("not a folder", encoding="utf-8")
    with pytest.raises(AssistantError, match="not a fact pack"):
        Assistant.load(tmp_path)
