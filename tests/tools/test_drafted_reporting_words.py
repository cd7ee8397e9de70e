"""Answers on a raw draft (no review), in every script, for the words other markets report in: Hong Kong
results (股東應佔溢利, 銷售及分銷開支), Taiwan's 年增, a level a measure moved to (進一步降至), a count a
measure changed by (較上年底增加250人), and rivals named without a company word (業界龍頭拓峰, 以…起家的
銳禾全年營收, 沛源等專業品牌); a byline written outlet｜文：writer names both."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "澄瀾醫美交出2024年成績單",
        "鏡海財經｜文：林曉\u3000編輯：周屹",
        "年報顯示,2024年澄瀾醫美實現收入28.64億元,同比增長14.2%,上年為25.08億元;股東應佔溢利5.12億元,同比下降9.8%。",
        "2024年,公司綜合毛利率為72.1%,較上年的73.7%下降1.6個百分點;2025年上半年進一步降至70.3%。",
        "2024年,公司銷售及分銷開支為9.87億元,佔收入的比重達34.5%。",
        "截至2024年底,澄瀾醫美員工總數為3760人,較上年底增加250人。",
        "2024年,澄瀾醫美海外營收12.4億元,年增31.2%。",
        "2024年經由亞馬遜貢獻的營收占比為58.6%,較2023年的64.2%減少5.6個百分點。",
        "業界龍頭拓峰2024年營收約210億元,規模約為澄瀾醫美的七倍;以充電器起家的銳禾全年營收41.6億元,毛利率36.2%;"
        "戶外儲能領域則有沛源等專業品牌夾擊。",
    ]
)


def _figures(answer_text: str) -> str:
    """The answer without its cited source, whose sentence may hold other figures."""
    return to_simplified(answer_text).split("来源")[0].split("Source")[0]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("澄瀾醫美2024年股東應佔溢利是多少?", "5.12"),
        ("澄瀾醫美2024年淨利潤多少?", "5.12"),
        ("What was 澄瀾醫美's 2024 net profit?", "5.12"),
        ("澄瀾醫美2023年收入是多少?", "25.08"),
        ("2024年銷售費用是多少?", "9.87"),
        ("澄瀾醫美2025年上半年毛利率是多少?", "70.3"),
        ("澄瀾醫美海外營收年增多少?", "31.2"),
        ("拓峰2024年營收多少?", "210"),
        ("銳禾的營收是多少?", "41.6"),
        ("銳禾的毛利率是多少?", "36.2"),  # its part of the sentence (between semicolons) opens with 銳禾
    ],
)
def test_figures_in_other_markets_words_are_answered(drafted: Assistant, question: str, figure: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in _figures(answer.text)


def test_a_count_a_measure_changed_by_is_no_level_of_the_year_before(drafted: Assistant) -> None:
    answer = drafted.ask("澄瀾醫美2023年底有多少員工?")
    assert answer.status == "answered", answer.text
    assert "3510" in _figures(answer.text) and ":250人" not in answer.text  # 3760 − 250, never 250 itself


@pytest.mark.parametrize(
    "question",
    [
        "澄瀾醫美2022年收入是多少?",
        "沛源的營收是多少?",
        "拓峰2024年淨利潤是多少?",
        "銳禾的員工有多少?",
        "拓峰的毛利率是多少?",
    ],
)
def test_what_the_article_does_not_give_is_refused(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status != "answered", answer.text  # never 5.12 taken for 2023 revenue, nor a rival's 28.64


@pytest.mark.parametrize(
    "question", ["Which outlet published this, and who wrote it?", "這篇文章是哪家媒體發的?作者是誰?"]
)
def test_the_outlet_and_the_writer_come_from_the_byline(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "镜海财经" in to_simplified(answer.text) and "林晓" in to_simplified(answer.text)


def test_a_share_never_answers_how_much_of_the_measure(drafted: Assistant) -> None:
    answer = drafted.ask("澄瀾醫美2023年收入是多少?")  # the share of 2023 (64.2%) is no revenue
    assert answer.status == "answered" and "25.08" in _figures(answer.text), answer.text
    assert "64.2" not in _figures(answer.text)


@pytest.mark.parametrize(
    "leader", ["澄瀾醫美所在行業的龍頭是誰?", "Who is the industry leader 澄瀾醫美 competes with?"]
)
def test_it_after_asking_who_leads_is_the_leader(drafted: Assistant, leader: str) -> None:
    chat = drafted.chat()
    first = chat.ask(leader)
    assert first.status == "answered" and "拓峰" in to_simplified(first.text), first.text
    revenue = chat.ask("它的營收是多少?")  # 拓峰's, never 澄瀾醫美's 28.64
    assert revenue.status == "answered" and "210" in _figures(revenue.text), revenue.text
    assert chat.ask("它的毛利率呢?").status != "answered"  # the article gives 銳禾's margin, not 拓峰's
