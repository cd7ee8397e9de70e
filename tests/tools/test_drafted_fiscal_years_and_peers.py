"""A year across two (2024/25财年, 2022/23学年) is named by the year it ends in, a half with its months in
brackets (上半财年(2024年9月至2025年2月)) is that half, and 上一学年 is the year before; fees listed as revenue
(学费收入…;住宿费收入…) are lines; profit after 扣除非经常性损益后 is the recurring profit; a peer after 同行
or 行业龙头 reporting a figure 同期 owns a figure of the same period; and in 与X相比,Y的… the figures are Y's."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines

ARTICLE = "\n".join(
    [
        "蔚川教育年度收入增一成 在校生突破18万",
        "时代财经 记者 许望舒",
        "11月20日,港股上市的民办高教集团蔚川教育集团控股有限公司(以下简称“蔚川教育”)公布截至2025年8月31日止的"
        "2024/25财年业绩,报告期内实现收入26.40亿元,同比增长12.2%。",
        "从收入结构看,2024/25财年蔚川教育学费收入为22.10亿元,同比增长13.0%;住宿费收入3.05亿元,同比增长7.5%;"
        "其余来自培训等其他业务。",
        "分半年看,公司上半财年(2024年9月至2025年2月)实现收入12.80亿元。",
        "截至2025年8月31日,蔚川教育在校生总数为18.6万人,较上一学年的17.2万人增长8.1%。2022/23学年末,"
        "集团在校生仅为14.9万人。",
        "归属于公司股东的净利润为7.62亿元。扣除非经常性损益后,蔚川教育2024/25财年净利润为7.10亿元。",
        "放在同行中比较,行业龙头泓学教育同期在校生约为41.3万人。与在西南布局多年的鸿鹄教育相比,蔚川教育的"
        "海外业务仍处于起步阶段,2024/25财年海外收入占比不足2%。",
    ]
)


def test_a_year_across_two_is_the_year_it_ends_in(drafted: Assistant) -> None:
    assert "26.40" in figure_lines(answered(drafted, "蔚川教育2024/25财年收入多少?"))
    assert "26.40" in figure_lines(answered(drafted, "FY2025 revenue?"))
    assert "14.9" in figure_lines(answered(drafted, "2022/23学年末在校生有多少?"))


def test_a_half_with_its_months_in_brackets_is_that_half(drafted: Assistant) -> None:
    assert "12.80" in figure_lines(answered(drafted, "上半财年收入多少?"))


def test_the_school_year_before_is_the_year_before(drafted: Assistant) -> None:
    assert "17.2" in figure_lines(answered(drafted, "上一学年在校生多少人?"))
    assert "18.6" in figure_lines(answered(drafted, "How many students were enrolled?"))


def test_fees_listed_as_revenue_are_lines(drafted: Assistant) -> None:
    assert "22.10" in figure_lines(answered(drafted, "学费收入多少?"))
    assert "3.05" in figure_lines(answered(drafted, "住宿费收入多少?"))


def test_profit_after_non_recurring_items_is_the_recurring_profit(drafted: Assistant) -> None:
    assert "7.10" in figure_lines(answered(drafted, "扣非净利润多少?"))
    lines = figure_lines(answered(drafted, "归母净利润多少?"))
    assert "7.62" in lines and "7.10" not in lines


def test_a_peer_reporting_for_the_same_period_owns_its_figure(drafted: Assistant) -> None:
    assert "41.3" in figure_lines(answered(drafted, "泓学教育在校生多少?"))
    lines = figure_lines(answered(drafted, "蔚川教育在校生多少?"))
    assert "18.6" in lines and "41.3" not in lines


def test_figures_after_a_comparison_with_a_peer_are_the_companys(drafted: Assistant) -> None:
    assert "不足2%" in figure_lines(answered(drafted, "蔚川教育海外收入占比多少?"))
    assert "2%" not in declined(drafted, "鸿鹄教育海外收入占比多少?")
