"""Answers on a raw draft (no review), in every script: a prior year's value said after a measure with its
qualifier (汽車毛利率為14.8%,較2023年的9.6%) is that qualifier's too; changes written with an adverb (同比大增,
淨減少) are changes of the figure before them; 較年初 compares with the end of the year before; an article
reporting a whole year was written after it (去年 is that year); a rival named after another (而…的奔野運動
2024年毛利率) is a company of its own, whose revenue the article does not give; a line listed beside lines
(直營門店收入…;加盟渠道收入…) is one, so the whole year's revenue is the company's alone; and an item of a list
of figures (、加盟門店930家) is no line named in the item before it."""

from __future__ import annotations

import pytest
from answers import answered, figure_lines

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "馳川汽車年報拆解",
        "澄波財經 | 作者:周明遠",
        "馳川汽車(Chichuan Motors)4月披露2024年年度報告,2024年營收為326.4億元,同比增長28.1%。",
        "2024年汽車毛利率為14.8%,較2023年的9.6%提升5.2個百分點;綜合毛利率為15.6%,較上年的10.4%提升5.2個百分點。",
        "2024年服務收入達到20.45億元,同比大增62.2%。",
        "截至2024年末,公司員工總數為5912人,較上年末淨減少386人。",
        "截至2024年末,應收賬款為41.2億元,較年初的30.4億元增加35.5%。",
        "分渠道看,2024年直營門店收入80.5億元,同比增長19.5%;加盟渠道收入160.2億元;電商渠道收入85.7億元。",
        "截至2024年末,門店總數為1,250家,其中直營門店320家、加盟門店930家。",
        "競爭對手鴻途汽車2024年營收為511.2億元,而以越野車型見長的奔野運動2024年毛利率為18.3%。",
        "對於2025年,公司給出的營收目標為380億至400億元。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("馳川汽車2023年汽車毛利率多少?", "9.6"),
        ("馳川汽車2023年綜合毛利率多少?", "10.4"),
        ("馳川汽車服務收入同比增長多少?", "62.2"),
        ("馳川汽車員工比上年末減少了多少人?", "386"),
        ("馳川汽車2023年底應收賬款多少?", "30.4"),
        ("馳川汽車年底應收賬款多少?", "41.2"),
        ("奔野運動2024年毛利率多少?", "18.3"),
        ("馳川汽車直營門店有多少家?", "320"),  # 930 is the franchised stores', the next item of the list
    ],
)
def test_the_figures_are_answered(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


def test_a_rival_named_after_another_has_no_revenue_of_the_others(drafted: Assistant) -> None:
    answer = drafted.ask("奔野運動2024年營收多少?")
    assert answer.status != "answered", answer.text
    assert "511.2" not in figure_lines(answer.text), answer.text


def test_an_article_on_a_whole_years_results_was_written_after_it(drafted: Assistant) -> None:
    """Annual results are published once the year is over: 去年 is 2024, never 2023 worked out from 2024's."""
    answer = drafted.ask("馳川汽車去年營收多少?")
    assert answer.status == "answered", answer.text
    assert "326.4" in answer.headline and "254.8" not in answer.text, answer.text


def test_the_years_revenue_is_the_whole_not_a_lines(drafted: Assistant) -> None:
    answer = drafted.ask("馳川汽車2024年營收多少?")
    assert answer.status == "answered", answer.text
    assert "326.4" in answer.headline, answer.text


def test_a_line_listed_beside_lines_is_named_in_its_answer(drafted: Assistant) -> None:
    """直營門店收入 beside 加盟渠道收入 and 電商渠道收入: the line's revenue, said to be the line's, though 門店 is
    a measure's word."""
    answer = drafted.ask("馳川汽車直營門店收入多少?")
    assert answer.status == "answered", answer.text
    assert "80.5" in answer.headline and "直营门店" in to_simplified(answer.headline), answer.text
