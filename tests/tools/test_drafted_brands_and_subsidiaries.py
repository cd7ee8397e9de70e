"""A brand a sentence points back to (这一品牌…2024年营收) owns that figure, not the company; a follow-up
naming a subsidiary with no description (那子公司呢) asks about the article's one subsidiary; earnings per
share in cents (53.2港仙) are still earnings per share; the first quarter is the half less the second."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, figure_lines

ARTICLE = "\n".join(
    [
        "澜溪生物上半年营收增长 肌澈品牌成增长引擎",
        "界面新闻 记者 宋小雨",
        "苏州澜溪生物科技股份有限公司（以下简称“澜溪生物”）发布2024年年报，公司全年实现营业收入48.62亿元，同比增长21.35%。",
        "目前，澜溪生物旗下共有三个品牌：主品牌“澜溪”、聚焦抗衰的“肌澈”以及彩妆品牌“雾屿”。",
        "增长最快的是肌澈。这一品牌2020年才推出，主打重组胶原蛋白，2024年营收达到12.66亿元，同比大增47.2%。",
        "彩妆则成了拖累。2024年，雾屿营收4.91亿元，同比下降8.9%。",
        "原料端，澜溪生物持股70%的子公司源合生物2024年实现营业收入1.83亿元，净利润3860万元。",
        "公司2024年每股基本盈利53.2港仙。",
        "2025年上半年，澜溪生物实现营业收入26.08亿元；其中第二季度单季营收13.95亿元。",
    ]
)


def test_a_brand_pointed_back_to_owns_its_figure(drafted: Assistant) -> None:
    assert "12.66" in figure_lines(answered(drafted, "肌澈2024年营收多少?"))
    company = figure_lines(answered(drafted, "澜溪生物2024年营收多少?"))
    assert "48.62" in company and "12.66" not in company


def test_a_follow_up_naming_a_subsidiary_asks_about_the_one_subsidiary(drafted: Assistant) -> None:
    chat = drafted.chat()
    assert "48.62" in figure_lines(chat.ask("澜溪生物2024年营收多少?").text)
    answer = chat.ask("那子公司呢?")
    assert answer.status == "answered", answer.text
    assert "1.83" in figure_lines(answer.text)
    assert "3860" in figure_lines(chat.ask("净利呢?").text)


def test_earnings_per_share_in_cents_are_earnings_per_share(drafted: Assistant) -> None:
    assert "53.2" in figure_lines(answered(drafted, "澜溪生物2024年EPS多少?"))


def test_the_first_quarter_is_the_half_less_the_second(drafted: Assistant) -> None:
    text = answered(drafted, "澜溪生物2025年一季度营收多少?")
    assert "12.13" in text and "26.08" in text and "13.95" in text
