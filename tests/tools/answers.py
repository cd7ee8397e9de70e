"""What the drafted-article tests read of an answer."""

from __future__ import annotations

from assistant import Assistant
from assistant.lang.normalize import to_simplified


def figure_lines(text: str) -> str:
    """The answer's own lines, before the quoted source (来源, 來源, Source)."""
    return text.split("來源")[0].split("来源")[0].split("Source")[0]


def answered(bot: Assistant, question: str) -> str:
    """The answer's text in simplified script, asserting that the question was answered."""
    answer = bot.ask(question)
    assert answer.status == "answered", answer.text
    return to_simplified(answer.text)


def declined(bot: Assistant, question: str) -> str:
    """The answer's own lines, asserting that the question was not answered (a stranger, a unit no figure has)."""
    answer = bot.ask(question)
    assert answer.status != "answered", answer.text
    return figure_lines(answer.text)
