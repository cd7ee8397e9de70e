"""Arithmetic a raw draft answers, in both scripts, each result shown with its formula: a margin a year
earlier from its change in points, a change between two stated figures by amount and by rate, a ratio a
vocabulary measure defines (R&D intensity), and a derived figure asked for by naming its inputs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "青禾物流2024年營收增長",
        "青禾物流是一家冷鏈物流企業,2024年實現營業收入48.62億元,同比增長16.35%。",
        "盈利能力方面,公司2024年綜合毛利率為18.6%,較上年下降2.3個百分點。",
        "2025年一季度,青禾物流實現營業收入11.37億元,去年同期為10.02億元。",
        "研發投入上,公司2024年研發費用為2.13億元,同比增長27.4%。",
        "2025年3月,青禾智倉完成B輪融資,融資總額3.6億元。其中,啟衡資本出資2.4億元,取得青禾智倉12%的股權。",
    ]
)


@pytest.mark.parametrize(
    "question", ["青禾物流2023年毛利率是多少?", "What was Qinghe Logistics' gross margin in FY23?"]
)
def test_a_margin_a_year_earlier_from_its_change_in_points(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "20.9" in answer.text and "18.6% + 2.3" in answer.text


@pytest.mark.parametrize(
    "question", ["2025年一季度青禾物流營收同比增長了多少?", "How much did Qinghe Logistics' 1Q25 revenue grow y/y?"]
)
def test_a_change_between_two_figures_by_amount_and_by_rate(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "1.35" in answer.text and "13.47" in answer.text


def test_a_change_asked_in_percent_is_the_rate_only(drafted: Assistant) -> None:
    answer = drafted.ask("青禾物流2025年一季度營收同比增長百分之幾?")
    assert answer.status == "answered", answer.text
    assert "13.47" in answer.text and "1.35億" not in answer.text.split("來源")[0]


@pytest.mark.parametrize("question", ["青禾物流研發費用率是多少?", "What was Qinghe Logistics' R&D intensity in FY24?"])
def test_rd_intensity_is_rd_expense_over_revenue(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "4.38" in answer.text and "2.13" in answer.text and "48.62" in answer.text


@pytest.mark.parametrize(
    "question",
    ["按啟衡資本的出資和持股比例,青禾智倉的隱含估值是多少?", "按启衡资本的出资和持股比例,青禾智仓的隐含估值是多少?"],
)
def test_a_derived_figure_asked_for_by_naming_its_inputs(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "20" in answer.text and "2.4" in answer.text and "12%" in answer.text


def test_an_approximate_change_comes_with_the_exact_one_both_years_give(
    draft_bot: Callable[[str, str], Assistant],
) -> None:
    article = "\n".join(
        [
            "晨光財訊",
            "青禾電機2024年現金流回落",
            "2024年,青禾電機經營活動產生的現金流量淨額為3.05億元,上年為7.41億元,同比減少近六成。",
        ]
    )
    answer = draft_bot(article, "zh-Hant").ask("青禾電機2024年經營現金流同比具體降了百分之幾?")
    assert answer.status == "answered", answer.text
    assert "近六成" in answer.text and "58.84" in answer.text  # the article's words, and the exact rate


def test_a_change_between_a_measure_and_its_days_is_never_a_crash(draft_bot: Callable[[str, str], Assistant]) -> None:
    """存貨 in 元 one year and 庫存天數 in 天 the year before are no pair to subtract: the question gets a
    refusal, never an exception or the days."""
    article = "\n".join(
        [
            "晟輪車業去庫存見底",
            "觀潮財經 記者 邵明遠",
            "晟輪車業2024年合併營收為218.6億元,年減12.4%。",
            "晟輪2024年底存貨金額為58.7億元;庫存天數由2023年底的168天降至121天。",
        ]
    )
    bot = draft_bot(article, "zh-Hant")
    for question in ("存貨金額 y/y 少了多少億?", "存貨比上年減少多少?"):
        answer = bot.ask(question)
        assert answer.status == "no_answer", answer.text
