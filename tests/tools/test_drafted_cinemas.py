"""Answers on a raw draft (no review), in every script, of a cinema chain: a broad topic (規模方面) is no
measure when the words before a count name what it counts (影院, 銀幕); a change in 名 of a staff counted in
人 is kept; a hope for a later year (希望在2026年把…提升至25%) is no result that dates the article, so 今年 is
the year after the one reported; and another cinema company (萬達電影) is a stranger."""

from __future__ import annotations

import pytest
from answers import answered, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "星河影業半年扭虧",
        "港灣財經週報 記者 何思穎",
        "內地院線星河影業控股有限公司(Xinghe Cinemas,下稱「星河影業」)上週公布中期業績,今年上半年收益為20.1億元。",
        "2024年全年,集團收益為45.2億元,按年下跌6.3%。",
        "規模方面,截至2024年底,星河影業在全國經營影院312家,銀幕2,016塊,分佈於21個省份。",
        "截至2024年底,集團共有僱員8,120名,較2023年底減少640名。",
        "總經理梁思遠表示,集團希望在2026年把賣品收入占總收益的比重提升至25%。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("星河影業有多少塊銀幕?", "2,016"),
        ("How many screens does Xinghe Cinemas have?", "2,016"),
        ("星河影業經營多少家影院?", "312"),
        ("星河影業員工比2023年底少了多少人?", "640"),
        ("星河影業今年上半年收益多少?", "20.1"),  # written in 2025, not in 2027
    ],
)
def test_the_cinema_chains_figures_are_answered(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


def test_another_cinema_company_is_a_stranger(drafted: Assistant) -> None:
    answer = drafted.ask("萬達電影2024年收益多少?")
    assert answer.status != "answered", answer.text
    assert "45.2" not in figure_lines(answer.text), answer.text
