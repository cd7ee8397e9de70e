"""Answers on a raw draft (no review), in every script, of a Hong Kong results story: 截至2024年12月底止的全年業績
dates the year's figures to the whole year, not to December; 今年首兩個月 is the first two months of the year
after, which makes 去年 that reported year, and a bare 第四季 that year's (the year of writing has not reached
it); a loss 收窄38.9%至52.8億元 is the year's level, not the year it narrowed from; 股東應佔虧損 is the net loss
(no share), and deliveries are a measure of their own. A figure given in two currencies is answered in both,
unless the question names one."""

from __future__ import annotations

import pytest
from answers import answered, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "港財日報",
        "瀚馳汽車去年虧損收窄近四成",
        "內地新能源車企瀚馳汽車(Hanchi Motors)昨日公布截至2024年12月底止的全年業績。集團全年收益按年增長42.6%至"
        "412.6億元人民幣(約448.5億港元),股東應佔虧損則由2023年的86.4億元人民幣,收窄38.9%至52.8億元人民幣,折合約57.4億港元。",
        "交付量方面,瀚馳2024年全年共交付新車186,420輛,按年增長53.6%。",
        "單計第四季,瀚馳收益為138.7億元人民幣,按年增長49.3%。",
        "今年首兩個月,瀚馳累計交付31,260輛。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("瀚馳去年全年收益有幾多?", "412.6"),  # the whole year, not December
        ("瀚馳2024年股東應佔虧損是多少?", "52.8"),  # the level it narrowed to is 2024's
        ("What was Hanchi's attributable loss in 2023?", "86.4"),
        ("瀚馳2024年交付了多少輛?", "186,420"),
        ("瀚馳2024年第四季收益多少?", "138.7"),  # a bare quarter the year of writing has not reached
        ("How many cars did Hanchi deliver from January to February 2025?", "31,260"),
    ],
)
def test_a_year_end_results_story_is_dated_by_its_year(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


@pytest.mark.parametrize("question", ["瀚馳2024年收益多少?", "Hanchi FY24 revenue?"])
def test_a_figure_given_in_two_currencies_is_answered_in_both(drafted: Assistant, question: str) -> None:
    text = answered(drafted, question)
    assert "412.6" in figure_lines(text) and "448.5" in figure_lines(text), text


def test_a_currency_asked_picks_that_one(drafted: Assistant) -> None:
    text = answered(drafted, "What was Hanchi's 2024 attributable loss in Hong Kong dollars?")
    assert "57.4" in figure_lines(text) and "52.8" not in figure_lines(text), text
