"""Answers on a raw draft (no review), in every script: an article that announces a whole year's results and
gives 去年 figures was written the year after (去年 is that year, never the one before it); 期內 is no
variant of the measure; a line's name inside a measure's name (物業費收繳率) files no figure under the line;
and the company's own figure is not a rival's."""

from __future__ import annotations

import pytest

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "港灣財經日報",
        "澄嶺生活收益增長 股東應佔溢利下跌",
        "物業管理商澄嶺生活服務集團昨日公布截至2024年12月31日止年度業績。期內收益為人民幣86.42億元,按年增長9.8%。",
        "去年基礎物業服務收入為58.36億元,按年增長6.2%。",
        "去年集團當年物業費收繳率為88.6%,按年下降2.1個百分點。",
        "同業碧瀾服務去年在管面積約3.9億平方米,收繳率約90.2%。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("澄嶺生活2024年收益多少?", "86.42"),  # 期內: the year's own revenue, no variant of it
        ("2024年基礎物業服務收入多少?", "58.36"),  # 去年 is 2024: the results of 2024 are out
        ("澄嶺生活去年物業費收繳率是多少?", "88.6"),
        ("2024年收繳率是多少?", "88.6"),  # the company's own, not the rival's 90.2%
    ],
)
def test_last_year_is_the_year_reported(drafted: Assistant, question: str, figure: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.headline, answer.text


def test_the_year_before_is_computed_from_last_years_change(drafted: Assistant) -> None:
    """58.36億元 is 2024's: 2023's is computed from it and its 6.2% (never the figure itself)."""
    answer = drafted.ask("2023年基礎物業服務收入多少?")
    assert answer.derivation is not None and "54.95" in answer.headline, answer.text
