"""Answers on a raw draft (no review), in every script: the year the article was written is the latest it
reports figures of (not a rule's later year), a well-known platform named with a channel word is a sales
channel of the article's company, a line named in a clause of cause is no figure's line, and "listed" in
"a listed airline" dates no year."""

from __future__ import annotations

import pytest

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "金橋財經週刊",
        "澄岳航空前三季獲利創新高",
        "受惠於暑假旅遊旺季與貨運需求回溫,台灣上市航空公司澄岳航空日前公布2025年第三季財報,單季合併營收176.8億元,年增6.4%。",
        "2024年全年,澄岳航空營收為612.4億元,稅後純益48.6億元。今年上半年營收312.7億元。",
        "2024年,澄岳航空抖音渠道收入為19.5億元,占總營收比重達3.2%;天貓渠道收入12.3億元。今年上半年,抖音的占比進一步升至4.1%。",
        "2024年澄岳航空貨運收入118.6億元,占總營收比重19.4%。",
        "民航局今年公布的草案規定,自2026年起國際航班須摻配至少1%的永續航空燃油,2030年再提高至5%。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("澄岳航空今年上半年營收多少?", "312.7"),  # 今年 is 2025: the rule's 2030 is no year of the article
        ("2025年第三季營收多少?", "176.8"),  # 上市 of 上市航空公司 describes the company; it dates no year
        ("2024年抖音渠道收入多少?", "19.5"),
        ("今年上半年抖音占比多少?", "4.1"),  # 抖音 is the channel here, not the company that runs it
        ("2024年貨運收入多少?", "118.6"),
    ],
)
def test_each_figure_is_dated_and_filed_as_the_article_writes_it(
    drafted: Assistant, question: str, figure: str
) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.headline, answer.text


def test_a_line_named_as_a_cause_is_no_line_of_the_figure(drafted: Assistant) -> None:
    """受惠於…貨運需求回溫,…單季合併營收176.8億元: the quarter's total, not its cargo revenue."""
    answer = drafted.ask("2025年第三季貨運收入多少?")
    assert answer.status == "no_answer", answer.text
    assert "176.8" not in answer.headline
