"""A piece of a question that looks like a period, a measure or a unit but cannot be read blocks the
answer: the reply names it, never answers without it (a default year standing in for 二三年)."""

from __future__ import annotations

import pytest

from assistant import Assistant


@pytest.mark.parametrize(
    ("question", "piece"),
    [
        ("聯影醫療2024年第五季度營收是多少?", "第五季度"),
        ("聯影醫療2024年13月的經營性現金流是多少?", "13月"),
        ("9999年聯影醫療營收多少?", "9999年"),
        ("Q5 2024 revenue of UIH?", "q5"),
        ("联影医疗的坪效额是多少", "坪效额"),
        ("聯影醫療機器人業務的毛利率是多少?", "機器人業務"),  # a part of the company it does not know:
        ("What's the gross margin of UIH's robotics division?", "robotics"),  # never the whole company's figure
        ("2024年联影医疗宠物医疗板块收入多少", "宠物医疗板块"),
        ("聯影 Robotics segment 嘅毛利率係幾多?", "robotics"),  # a Latin name glued to Chinese words
        ("聯影 Robotics 分部嘅毛利率係幾多?", "robotics"),  # before a Chinese part word
        ("宠物CT收入多少?", "宠物"),  # a word the article never writes narrows the line: not CT's revenue
        ("聯影醫療2024年寵物MR收入是多少?", "寵物"),
    ],
)
def test_the_unread_piece_is_named_and_nothing_is_answered(bot: Assistant, question: str, piece: str) -> None:
    answer = bot.ask(question)
    assert answer.status == "no_answer" and not answer.facts
    assert piece in answer.text.lower()
    assert answer.interpretation is not None and answer.interpretation.not_understood


@pytest.mark.parametrize("question", ["二〇一九年聯影醫療營收多少?", "联影医疗2019年营收", "UIH revenue FY19"])
def test_a_readable_year_the_base_lacks_is_refused_by_name(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert answer.status == "no_answer" and "2019" in answer.text


@pytest.mark.parametrize("question", ["What was UIH's 2024 revenue in US dollars?", "聯影醫療2024年營收多少美元?"])
def test_a_currency_the_article_does_not_use_is_not_converted(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert answer.status == "no_answer" and "103" in answer.text, "the figure the article does give is shown"


@pytest.mark.parametrize("question", ["聯影醫療各業務的收入是多少?", "What is the revenue of each business of UIH?"])
def test_a_generic_word_before_a_part_word_names_no_part(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert not (answer.interpretation and answer.interpretation.not_understood), answer.text


@pytest.mark.parametrize("question", ["聯影醫療的零部件供應商是誰?", "联影医疗的零部件国产化率是多少?"])
def test_a_word_with_零_is_not_read_as_a_period(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)  # 零部件 (parts) is no year: a reply never calls it an unreadable period
    assert not any(word in answer.text for word in ("時間", "时间", "a period", "a time"))
