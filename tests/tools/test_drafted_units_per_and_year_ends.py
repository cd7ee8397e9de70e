"""Units, periods and measures of a raw draft, in every script: a price per kilogram (16.32元/公斤) keeps its
"per" in the figure and in English, and is answered when asked 多少钱; a head count (万头) and visits (人次)
are units of their own, asked as 多少人次; a year ended on a date (截至2024年12月31日止全年) is that year;
这一数字 is the measure of the figure before it; a sentence opening with a measure and 方面 names what its
figures measure; a count followed by its change names no measure; a line named between two figures of one
measure is the second's; a price is never a count. Written for these tests."""

from __future__ import annotations

import pytest
from answers import figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "潤垣農牧扭虧為盈",
        "鷺江證券報記者 陳立航",
        "潤垣農牧股份有限公司（以下簡稱潤垣農牧）上週公布截至2024年12月31日止全年業績，營業收入為168.35億元。",
        "出欄量方面，2024年潤垣農牧共銷售生豬1085.6萬頭，同比增長27.4%；2023年這一數字為852.1萬頭。",
        "價格端，2024年公司商品豬銷售均價為16.32元/公斤，較2023年的14.58元/公斤上漲11.9%。",
        "另一方面，原料價格回落；公司PSY由上年的24.1頭提升至26.3頭。",
        "旗下醫院病床數合共1,260張，較一年前的1,080張增加180張。",
        "加盟店平均面積約80平方米；自營店則多設於購物中心，平均面積約120平方米。",
        "2024年公司全年錄得門診服務85萬人次，年末共有員工6,830名。",
        "截至2025年6月30日止六個月，潤垣農牧營業收入為90.2億元。",
    ]
)


def _answer(bot: Assistant, question: str) -> str:
    answer = bot.ask(question)
    assert answer.status == "answered", (question, answer.text)
    return figure_lines(answer.text)


@pytest.mark.parametrize(
    "question",
    ["潤垣農牧2024年商品豬銷售均價多少錢一公斤?", "润垣农牧2024年商品猪销售均价是多少?"],
)
def test_a_price_per_kilogram_keeps_its_per_and_is_answered_as_money(drafted: Assistant, question: str) -> None:
    text = _answer(drafted, question)
    assert "16.32" in text and "公斤" in text


def test_a_price_per_kilogram_reads_per_kg_in_english(drafted: Assistant) -> None:
    text = _answer(drafted, "What was Runyuan's average selling price of hogs in 2024? 潤垣農牧")
    assert "16.32" in text and "per kg" in text


def test_a_price_is_never_a_count(drafted: Assistant) -> None:
    answer = drafted.ask("潤垣農牧2024年商品豬價格是多少?")
    assert "26.3" not in figure_lines(answer.text)


@pytest.mark.parametrize(
    ("question", "figure"),
    [("潤垣農牧2024年出欄量是多少?", "1085.6"), ("潤垣農牧2023年出欄量是多少?", "852.1")],
)
def test_the_measure_a_sentence_opens_with_and_this_figure_are_one_measure(
    drafted: Assistant, question: str, figure: str
) -> None:
    text = _answer(drafted, question)
    assert figure in text and "頭" in text.replace("头", "頭")


@pytest.mark.parametrize("question", ["潤垣農牧2024年營業收入是多少?", "What was Runyuan's revenue in FY2024?"])
def test_a_year_ended_on_its_last_day_is_that_year(drafted: Assistant, question: str) -> None:
    assert "168.35" in _answer(drafted, question)


def test_six_months_ended_in_june_is_the_first_half(drafted: Assistant) -> None:
    assert "90.2" in _answer(drafted, "潤垣農牧2025年上半年營業收入是多少?")


def test_visits_are_asked_in_visits_and_people_in_people(drafted: Assistant) -> None:
    assert "85" in _answer(drafted, "2024年門診服務有多少人次?")
    staff = _answer(drafted, "潤垣農牧有多少員工?")
    assert "6,830" in staff and "85萬" not in staff


def test_a_count_followed_by_its_change_names_no_measure(drafted: Assistant) -> None:
    assert not any("180" in c.names.zh_Hant for c in drafted.pack.concepts.values())


def test_the_line_named_between_two_figures_of_one_measure_is_the_seconds(drafted: Assistant) -> None:
    facts = {str(f.value): f for f in drafted.pack.facts.values() if f.value is not None}
    assert facts["80"].segment != facts["120"].segment


@pytest.mark.parametrize("question", ["潤垣農牧2024年商品豬銷售均價多少錢一頭?", "Runyuan's 2024 hog price per head?"])
def test_a_price_per_kilogram_does_not_answer_a_price_per_head(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status != "answered", answer.text
