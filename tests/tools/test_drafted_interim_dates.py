"""A Hong Kong interim report: a paragraph of history (listed in 2021, the crisis of 2021's second half)
gives no year to 上半年 in the paragraphs after it, which is the half the article reports; a day in brackets
(前晚(26日)) is no figure; a rival is also asked for by the first word of its romanised name."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines
from tests.tools.drafting import drafted_figures

ARTICLE = "\n".join(
    [
        "匯海服務中期純利倒退 收繳率再跌",
        "《香江財經》記者梁小欣報道(2025年8月28日)",
        "匯海城市服務控股有限公司(下稱「匯海服務」)前晚(26日)公布截至2025年6月30日止六個月的中期業績,"
        "期內收入22.08億元,股東應佔溢利2.31億元。",
        "匯海服務於2021年7月在港交所主板掛牌,招股價每股6.20港元。2021年下半年多家房企陷入債務危機,板塊估值迅速回落。",
        "上半年,匯海服務毛利為5.21億元,毛利率23.6%。",
        "對手朗峰生活服務集團有限公司(朗峰生活)上半年收入15.3億元,同比增長4.2%。",
    ]
)


def test_a_half_after_a_paragraph_of_history_is_the_half_reported(drafted: Assistant) -> None:
    assert "5.21" in figure_lines(answered(drafted, "匯海服務2025年上半年毛利多少?"))
    declined(drafted, "匯海服務2021年上半年毛利多少?")  # the article gives no 2021 half


def test_a_day_in_brackets_is_no_figure() -> None:
    _, figures = drafted_figures(ARTICLE, "interim")
    assert "26" not in figures and "22.08" in figures


def test_a_rival_is_asked_for_by_the_first_word_of_its_romanised_name(drafted: Assistant) -> None:
    assert "15.3" in figure_lines(answered(drafted, "What was Langfeng Life's revenue in H1 2025?"))
    assert "langfeng" in declined(drafted, "What was Langfeng Life's gross profit in H1 2025?").lower()
