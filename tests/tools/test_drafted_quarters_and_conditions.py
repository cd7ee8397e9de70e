"""Figures given for each quarter of a year in turn (2024年各季毛利率分别为…; EPS则依序为…) are that year's
quarters; a quarter asked with no year is of the article's year, the third one the first nine months less
the half; a share incentive's conditions (考核…要求2025年至2027年…) do not date the article; a word of the
language opening a clause (节奏则相对平缓) is no line; a known company reporting a dated figure of its own
after a description (以低成本见称的春秋航空2024年…) owns that figure."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines

ARTICLE = "\n".join(
    [
        "曜辰光电前三季度净利增三成 毛利率逐季走高",
        "证券时报 记者 周启航",
        "10月27日晚间，杭州曜辰光电股份有限公司（以下简称“曜辰光电”）披露2025年第三季度报告。今年前三季度，"
        "公司实现营业收入19.44亿元，同比增长38.07%；实现归母净利润2.41亿元，同比增长27.5%。",
        "分季度看，公司一季度营收5.12亿元；上半年合计实现营收11.99亿元。利润端的节奏则相对平缓：一季度归母净利润为"
        "5830万元，上半年累计1.48亿元。",
        "对照去年，曜辰光电2024年全年实现营业收入24.35亿元。2024年各季毛利率分别为27.8%、28.1%、28.6%及29.2%；"
        "每股收益则依序为0.12元、0.15元、0.18元与0.21元。",
        "今年4月，公司推出限制性股票激励计划，拟向213名骨干授予不超过320万股限制性股票，授予价格为每股42.5元。"
        "业绩考核以2024年营业收入为基数，要求2025年至2027年营收增长率分别不低于15%、40%和70%。",
        "曜辰光电的大客户之一是航空公司。以低成本模式见称的春秋航空2024年营业收入约200亿元，归母净利润22.7亿元。",
    ]
)


def test_figures_given_for_each_quarter_are_that_years_quarters(drafted: Assistant) -> None:
    assert "28.6%" in figure_lines(answered(drafted, "2024年第三季度毛利率多少?"))
    assert "0.21" in figure_lines(answered(drafted, "曜辰光电2024年第四季度每股收益多少?"))


def test_a_quarter_asked_with_no_year_is_of_the_articles_year(drafted: Assistant) -> None:
    text = answered(drafted, "Q3单季净利润大概多少?")
    assert "2.41" in text and "1.48" in text  # 2.41亿元 − 1.48亿元, shown as the arithmetic
    assert "5830" in figure_lines(answered(drafted, "一季度归母净利润多少?"))


def test_a_share_incentives_conditions_do_not_date_the_article(drafted: Assistant) -> None:
    assert "19.44" in figure_lines(answered(drafted, "今年前三季度营收多少?"))
    assert "24.35" in figure_lines(answered(drafted, "去年营收多少?"))  # 去年 is 2024, not 2027
    declined(drafted, "曜辰光电2027年营收多少?")


def test_a_known_company_reporting_a_dated_figure_owns_it(drafted: Assistant) -> None:
    assert "22.7" in figure_lines(answered(drafted, "春秋航空2024年归母净利润多少?"))
    declined(drafted, "曜辰光电2024年归母净利润多少?")
