"""A comparison over more figures than an answer shows, on a raw draft in every script: the winner is
always among those shown (the fifth or sixth of six lines once broke the answer with an IndexError)."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "青禾電機六條業務線齊頭並進",
        "2024年,青禾電機實現營業收入90.6億元。",
        "2024年,伺服電機業務收入為5.2億元。",
        "2024年,步進電機業務收入為6.7億元。",
        "2024年,驅動器業務收入為7.1億元。",
        "2024年,減速機業務收入為8.3億元。",
        "2024年,控制器業務收入為9.4億元。",
        "2024年,變頻器業務收入為31.9億元。",
    ]
)


@pytest.mark.parametrize(
    "question", ["青禾電機哪條業務線收入最高?", "Which of 青禾電機's businesses had the highest revenue?"]
)
def test_the_winner_of_a_long_comparison_is_shown(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "31.9" in to_simplified(answer.text)
