"""A data-centre operator's article: a guidance for this year is no year reported (对2025年全年,公司给出的指引是…),
so 今年 stays the article's year; a peer reporting after 同行 is a company (万联数据2024年营收…, 天际互联同年营收…),
though its name is made of words or holds 互联; a figure asked by a rank (第一大客户, 第二大客户) is the one its own
clause ranks so, and a rank no figure has is declined; and of figures as good as each other, the one whose clause,
or the one before it, is the only one to say a word of the question (在建, 成熟机房) is the answer."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines

ARTICLE = "\n".join(
    [
        "云岚数据的“满柜”焦虑:上架率掉到七成",
        "深蓝财经|文 何一舟",
        "财报显示,2025年上半年,云岚数据实现营业收入18.42亿元,同比增长16.2%。2024年公司营收为33.07亿元。",
        "规模上,截至2025年6月30日,云岚数据在运营机柜约8.1万架,2024年末这一数字为7.2万架;另有在建机柜约3.6万架。",
        "2024年,云岚数据整体上架率为70.4%。今年上半年略有回升,6月末整体上架率为72.6%;运营满24个月的成熟机房,"
        "上架率则达到91.8%。",
        "云岚数据的收入高度依赖批发型客户:2024年,第一大客户占营业收入的比重为39.6%,前五大客户合计占比66.1%。",
        "放到同行里比,云岚数据的体量仍偏小。万联数据2024年营收约98.6亿元,调整后EBITDA利润率接近45%;"
        "天际互联同年营收80.2亿元。",
        "对2025年全年,公司给出的指引是新增交付机柜1.8万至2.2万架,全年资本开支控制在55亿至60亿元之间。",
    ]
)


def test_a_guidance_is_no_year_reported(drafted: Assistant) -> None:
    assert "18.42" in figure_lines(answered(drafted, "云岚数据今年上半年营收多少?"))  # 今年 is 2025, not 2026
    assert "55" in figure_lines(answered(drafted, "What's the 2025 capex guidance range?"))


def test_a_peer_after_same_trade_words_is_a_company(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "2024年营收多少?"))
    assert "33.07" in lines and "98.6" not in lines
    lines = figure_lines(answered(drafted, "万联数据2024年营收多少?"))
    assert "98.6" in lines and "80.2" not in lines
    assert "80.2" in figure_lines(answered(drafted, "天际互联2024年营收多少?"))  # 互联 no word that makes no name


def test_a_rank_asked_is_the_one_a_clause_gives(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "2024年第一大客户占营收多少?"))
    assert "39.6" in lines and "66.1" not in lines
    assert "66.1" not in declined(drafted, "2024年第二大客户占营收多少?")


def test_the_only_clause_saying_a_word_of_the_question_answers(drafted: Assistant) -> None:
    assert "91.8" in figure_lines(answered(drafted, "成熟機房的上架率有多高?"))
    assert "3.6" in figure_lines(answered(drafted, "截至6月底在建机柜有多少?"))
