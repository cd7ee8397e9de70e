"""A raw draft of an article that rounds a figure before giving it exactly, gives a figure again in another
currency, states an expense and its ratio, counts stores opened, closed and added, calls a line by its
head word, counts stores by country, says where a subsidiary was set up and names the market leader, its
customers and its orders, asked in every script. The article is written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest
from answers import figure_lines

from assistant import Assistant
from assistant.engine.ties import Bounds

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "禾川茶飲:門市破萬家之後",
        "禾川茶飲集團股份有限公司(下稱「禾川茶飲」)成立於2012年,總部位於南昌。",
        "2024年,禾川茶飲營收突破80億元,再創新高。",
        "根據年報,2024年禾川茶飲營業收入為86.73億元,同比增長12.1%。",
        "2024年,禾川茶飲全系統門市GMV約312億元人民幣(約合新台幣1370億元)。",
        "2024年禾川茶飲銷售費用為12.37億元,銷售費用率為14.3%。",
        "2024年禾川茶飲新開2386家門市、關閉712家;今年上半年新開1102家、關閉389家,淨增713家。",
        "冷庫倉儲是禾川茶飲利潤貢獻最大的業務。2024年倉儲業務收入22.65億元,同比增長18.7%。",
        "冷鏈運輸業務2024年收入41.28億元,同比增長6.1%。",
        "截至2024年底,禾川茶飲海外門市共486家,包括印尼212家、馬來西亞143家及其他市場131家。",
        "2022年,禾川茶飲在德國漢堡設立全資子公司禾川歐洲,負責當地的原料採購。",
        "據觀潮研究院統計,2024年禾川茶飲的市場份額約為10.9%,排名第四。",
        "行業龍頭檸町2024年營收達112.6億元。",
        "禾川茶飲的核心客戶以一二線城市的年輕白領為主。",
        "2024年禾川茶飲新簽訂單12.5億元,截至年末在手訂單18.3億元。",
        "截至2024年底,禾川茶飲員工總數為6842人。",
    ]
)


def _answers_with(drafted: Assistant, question: str, figure: str, not_figure: str) -> None:
    """The question is answered with one figure and not with the other one filed beside it."""
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    lines = figure_lines(answer.text)
    assert figure in lines and not_figure not in lines, answer.text


@pytest.mark.parametrize("question", ["禾川茶飲2024年營收多少?", "What was Hechuan's revenue in 2024?"])
def test_a_rounded_mention_gives_way_to_the_exact_figure(drafted: Assistant, question: str) -> None:
    """营收突破80亿元 … 营业收入86.73亿元: one figure; nothing for the reader to choose between."""
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "86.73" in figure_lines(answer.text)


def test_a_rounding_far_from_a_figure_is_no_rounding_of_it() -> None:
    bounds = Bounds.of({"bound_above": ["突破"], "bound_below": ["近"], "bound_about": ["約"]})
    assert bounds.holds("突破", Decimal(80), Decimal("86.73"))
    assert not bounds.holds("突破", Decimal(80), Decimal(628))  # 628 is no rounding of 突破80
    assert not bounds.holds("突破", Decimal(80), Decimal(79))
    assert bounds.holds("近", Decimal(60), Decimal(58))
    assert not bounds.holds("近", Decimal(60), Decimal(61))
    assert not bounds.holds("約", Decimal(312), Decimal(1370))


def test_a_figure_given_again_in_another_currency_is_no_second_figure(drafted: Assistant) -> None:
    answer = drafted.ask("禾川茶飲2024年GMV是多少?")
    assert answer.status == "answered", answer.text
    assert "312" in figure_lines(answer.text) and "1370" not in figure_lines(answer.text)


def test_an_expense_and_its_ratio_are_two_measures(drafted: Assistant) -> None:
    expense = drafted.ask("禾川茶飲2024年銷售費用是多少?")
    assert expense.status == "answered", expense.text
    assert "12.37" in figure_lines(expense.text) and "14.3" not in figure_lines(expense.text)
    ratio = drafted.ask("What was Hechuan's selling expense ratio in 2024?")
    assert ratio.status == "answered", ratio.text
    assert "14.3" in figure_lines(ratio.text)


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("2024年禾川茶飲關閉了多少家門市?", "712", "2386"),
        ("2024年禾川茶飲新開了多少家門市?", "2386", "712"),
        ("今年上半年禾川茶飲新開多少家門市?", "1102", "389"),
        ("今年上半年禾川茶飲淨增多少家門市?", "713", "1102"),
        ("How many store closures did Hechuan have in the first half of this year?", "389", "1102"),
    ],
)
def test_the_verb_before_a_count_names_its_flow(
    drafted: Assistant, question: str, figure: str, not_figure: str
) -> None:
    """新开2386家门市、关闭712家: stores opened and stores closed, never one measure."""
    _answers_with(drafted, question, figure, not_figure)


def test_a_line_called_by_its_head_word_is_that_line(drafted: Assistant) -> None:
    """倉儲業務收入 in the sentence after 冷庫倉儲 is named: the line's revenue, not the company's."""
    answer = drafted.ask("禾川茶飲冷庫倉儲業務2024年收入多少?")
    assert answer.status == "answered", answer.text
    assert "22.65" in figure_lines(answer.text)
    whole = drafted.ask("禾川茶飲2024年營收多少?")
    assert "22.65" not in figure_lines(whole.text)


@pytest.mark.parametrize("question", ["2024年禾川茶飲的閉店率是多少?", "2024年禾川茶飲的關店率是多少?"])
def test_a_rate_of_a_counted_measure_is_not_the_count(drafted: Assistant, question: str) -> None:
    """閉店率 asks for a rate the article never gives; 712家 closed is no answer to it."""
    answer = drafted.ask(question)
    assert answer.status != "answered", answer.text
    assert "712" not in figure_lines(answer.text)


@pytest.mark.parametrize(
    ("question", "figure"), [("禾川茶飲在印尼有多少家門市?", "212"), ("How many stores in Malaysia?", "143")]
)
def test_a_country_right_before_its_count_names_it(drafted: Assistant, question: str, figure: str) -> None:
    """包括印尼212家、马来西亚143家: each count is its country's, not the company's store count."""
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    lines = figure_lines(answer.text)
    assert figure in lines and "486" not in lines, answer.text


def test_a_country_no_figure_is_filed_under_is_still_a_word_of_the_sentence(drafted: Assistant) -> None:
    answer = drafted.ask("禾川茶飲在德國的子公司設在哪個城市?")
    assert answer.status == "answered", answer.text
    assert "漢堡" in answer.text or "汉堡" in answer.text


@pytest.mark.parametrize("question", ["行業龍頭的市場份額是多少?", "What is the market leader's market share?"])
def test_the_leaders_figure_is_never_the_companys_own(drafted: Assistant, question: str) -> None:
    """The article gives only its own company's share: the leader's is not in it."""
    answer = drafted.ask(question)
    assert "10.9" not in figure_lines(answer.text), answer.text


@pytest.mark.parametrize("question", ["禾川茶飲的主要客戶是誰?", "Who are Hechuan's core customers?"])
def test_who_the_customers_are_is_a_statement_of_its_own(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "白領" in answer.text or "白领" in answer.text


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("2024年禾川茶飲新簽訂單多少?", "12.5", "18.3"),
        ("What was Hechuan's order backlog at the end of 2024?", "18.3", "12.5"),
    ],
)
def test_new_orders_and_the_backlog_are_two_measures(
    drafted: Assistant, question: str, figure: str, not_figure: str
) -> None:
    _answers_with(drafted, question, figure, not_figure)


@pytest.mark.parametrize("question", ["禾川茶飲一共有多少人?", "禾川茶饮有几个人?"])
def test_a_count_asked_in_a_unit_asks_for_what_the_article_counts_in_it(drafted: Assistant, question: str) -> None:
    """多少人 names no measure: the one the article counts in people answers."""
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "6842" in figure_lines(answer.text)
