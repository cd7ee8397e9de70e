"""A line asked for the way people say it, on a raw draft in every script: 刻蝕機 for the line the article
calls 刻蝕設備, and "這塊業務" pointing back at it; a line the article never names, pointed at the same way
(離子注入機這塊業務), is named as not understood, never answered with the company's own figure. A change said
with an adverb (同比僅增長4.10%) or after the currency (39.85億元人民幣,同比增長18.2%) stays the change of its
figure. Written for these tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from drafting import drafted_figures, simplified_name
from scripts import ALL_SCRIPTS

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "潮汐財訊",
        "澄岳裝備:刻蝕設備撐起半壁江山",
        "澄岳半導體裝備股份有限公司(以下簡稱澄岳裝備)總部位於無錫。2024年澄岳裝備營收為48.6億元,綜合毛利率為41.2%。",
        "分業務看,2024年刻蝕設備收入為21.35億元,同比增長38.2%,毛利率為46.8%。",
        "2024年,清洗設備收入為9.47億元,同比僅增長4.10%,佔總營收的比重為19.48%。",
        "今年上半年,澄岳裝備實現收入26.85億元人民幣,同比增長18.2%。",
        "成長最快的是零部件及個人防護耗材。該產品線2024年營收8.16億元,年增12.6%。",
        "澄岳裝備的直營服務站平均面積約600平方米,2024年平均單店年營收約470萬元。",
    ]
)


@pytest.fixture(scope="module", params=["zh-Hant", "zh-Hans", "full-width"])
def bot(request: pytest.FixtureRequest, draft_bot: Any) -> Assistant:
    return draft_bot(ARTICLE, request.param)


@ALL_SCRIPTS
def test_a_change_said_with_an_adverb_or_after_the_currency_is_its_figures(convert: Any) -> None:
    figures = drafted_figures(convert(ARTICLE), "changes")[1]
    assert figures["9.47"]["change"]["value"] == Decimal("4.10")
    assert figures["26.85"]["change"]["value"] == Decimal("18.2")
    assert "4.10" not in figures and "18.2" not in figures


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("刻蝕機這塊業務的毛利率是多少?", "46.8%"),
        ("2024年刻蚀机收入多少?", "21.35"),
        ("刻蝕機台2024年賣了多少錢?", "21.35"),
        ("清洗設備2024年收入多少?增速多少?", "4.10%"),
    ],
)
def test_a_line_asked_by_another_word_for_its_head(bot: Assistant, question: str, figure: str) -> None:
    answer = bot.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.text or to_simplified(figure) in answer.text


@pytest.mark.parametrize("question", ["離子注入機這塊業務的毛利率是多少?", "离子注入机这个业务毛利率多少?"])
def test_a_line_the_article_never_names_pointed_at_is_not_understood(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert answer.status == "no_answer", answer.text
    assert "41.2" not in answer.text and "46.8" not in answer.text
    assert "注入" in answer.text


@ALL_SCRIPTS
def test_a_long_line_named_the_fastest_is_the_line_its_pointer_names(convert: Any) -> None:
    """成長最快的是零部件及個人防護耗材。該產品線…: a name of eleven characters, 個人 no counting word in it."""
    drafter, figures = drafted_figures(convert(ARTICLE), "fastest")
    assert [simplified_name(drafter, s) for s in figures["8.16"]["segment"]] == ["零部件及个人防护耗材"]


@ALL_SCRIPTS
def test_revenue_per_store_is_its_own_measure(convert: Any) -> None:
    assert drafted_figures(convert(ARTICLE), "per-store")[1]["470"]["metric"] == "revenue_per_store"
