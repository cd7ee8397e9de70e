"""Answers on a raw draft (no review), in every script, of a tyre maker: a line the article calls the
company's mainstay (乘用車胎銷售仍是嵐峰輪胎的絕對主力) carries the figures of the sentence after it (該業務…); a
site written after a region word (海外泰國羅勇工廠) is named without it, so 泰國工廠 finds it; a line's
English name is asked in British spelling too (off-road tyres); a count asked in the article's counter (多少萬條)
gets a figure in it, never an amount of money; the company's own shareholder written after
通過 is named without it; and well-known companies of the trade,
with or without a company word (米其林, 玲瓏輪胎, 金風科技), are strangers, never answered with the
article's figures."""

from __future__ import annotations

import pytest
from answers import answered, declined, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "嵐峰輪胎的出海賬本",
        "鯨潮財經 林可欣",
        "2024年,嵐峰輪胎股份有限公司(下稱「嵐峰輪胎」)實現營業收入186.42億元,同比增長14.8%。",
        "分產品看,乘用車胎銷售仍是嵐峰輪胎的絕對主力。2024年該業務實現收入112.58億元,毛利率為24.6%。",
        "截至2024年末,公司年設計產能合計7600萬條。其中,國內東營基地產能3300萬條;海外泰國羅勇工廠產能2000萬條。",
        "泰國工廠是公司最賺錢的基地。非公路輪胎業務收入14.93億元,毛利率為29.5%。",
        "2024年公司輪胎銷量6720萬條,同比增長12.5%。",
        "董事長周立岩通過嵐峰控股集團有限公司持有公司32.55%的股份。",
    ]
)


def test_the_mainstay_line_carries_the_next_sentences_figures(drafted: Assistant) -> None:
    text = answered(drafted, "嵐峰輪胎2024年營收多少?")
    assert "186.42" in figure_lines(text) and "112.58" not in figure_lines(text), text
    line = answered(drafted, "乘用車胎銷售2024年收入多少?")
    assert "112.58" in figure_lines(line), line


def test_a_site_after_a_region_word_is_named_without_it(drafted: Assistant) -> None:
    text = answered(drafted, "嵐峰泰國工廠產能多大?")
    assert "2,000" in figure_lines(text) or "2000" in figure_lines(text), text


def test_a_holder_after_through_is_named_without_it(drafted: Assistant) -> None:
    names = [c.names.zh_Hans for c in drafted.pack.concepts.values() if c.kind == "entity"]
    assert "岚峰控股集团有限公司" in names and not [n for n in names if n.startswith("通过")], names


@pytest.mark.parametrize("question", ["米其林2024年全球營收多少?", "玲瓏輪胎2024年营收多少", "金風科技去年毛利率多少?"])
def test_well_known_companies_of_the_trade_are_strangers(drafted: Assistant, question: str) -> None:
    lines = declined(drafted, question)
    assert "186.42" not in lines, lines


def test_a_lines_english_name_is_read_in_either_spelling(drafted: Assistant) -> None:
    text = answered(drafted, "What was Lanfeng's off-road tyre gross margin in 2024?")
    assert "29.5" in figure_lines(text), text


def test_a_count_asked_in_a_counter_gets_a_figure_in_it(drafted: Assistant) -> None:
    assert "6720" in figure_lines(answered(drafted, "Lanfeng 2024 sales volume 一共多少萬條?")).replace(",", "")
    declined(drafted, "嵐峰輪胎2024年賣了多少萬條輪胎的營收?")
