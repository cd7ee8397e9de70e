"""A gloss a reader writes in brackets (直营酒店(自营店), room rate(平均房价), recurring (ex-one-off) net profit)
names the words before it again: it neither splits them nor is asked for itself, and brackets that narrow
(excluding…) are read as written. 2024年同期 after a half is that half of 2024; a measure with its Latin name
in brackets (每间可售房收入(RevPAR)) is no company; 增速最快 is no plan; a peer reporting 前三季合并营收 owns
it; a company named in the question that the article never names (锦华建设) is a stranger; a figure of the whole
is no answer to a question naming a line's words (加盟店 of 加盟及管理酒店); 1亿2,050万元 is one figure."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines

ARTICLE = "\n".join(
    [
        "泊岸酒店上半年净利降两成 RevPAR承压",
        "界面新闻 记者 沈一舟",
        "8月28日晚间,上海泊岸酒店管理集团股份有限公司(下称“泊岸酒店”)披露半年报。截至2025年6月30日止六个月,"
        "公司营业收入为21.35亿元,同比下降3.2%,2024年同期则为22.06亿元。",
        "上半年,泊岸酒店全部在营酒店的平均每间可售房收入(RevPAR)为176.4元,同比下降5.1%;平均房价(ADR)为"
        "238.2元;出租率(OCC)为74.1%。",
        "2024年,泊岸酒店直营酒店收入为27.60亿元,占营业收入的比重为58.2%;加盟及管理酒店收入为16.85亿元,占比35.5%。",
        "2024年,泊岸酒店实现归属于上市公司股东的净利润5.12亿元,扣除非经常性损益后的净利润为4.66亿元。"
        "单看第二季度,泊岸酒店归母净利润为1亿2,050万元。",
        "分品牌看,2024年,中高端品牌“泊岸Plus”收入13.20亿元,同比增长16.4%,是旗下增速最快的品牌;经济型品牌"
        "“泊舍”收入6.05亿元,同比下降9.1%。",
        "同业方面,以华东为主场的锦川酒店前三季净利润约6.7亿元;南北同步扩张的澜庭酒店前三季合并营收约98亿元,"
        "在营酒店超过4000家。",
    ]
)


def test_a_gloss_in_brackets_names_the_words_before_it_again(drafted: Assistant) -> None:
    assert "6.05" in figure_lines(answered(drafted, "2024年经济型(泊舍)品牌收入多少?"))
    assert "27.60" in figure_lines(answered(drafted, "2024年直营酒店(自营店)收入多少?"))
    assert "238.2" in figure_lines(answered(drafted, "H1 room rate(平均房价)多少?"))


def test_a_gloss_does_not_turn_a_measure_into_another(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "What was recurring (ex-one-off) net profit in 2024?"))
    assert "4.66" in lines and "5.12" not in lines
    assert "5.12" not in declined(drafted, "What was recurring (ex-one-off) net profit in H1 2025?")


def test_the_same_period_of_a_year_is_that_part_of_the_year(drafted: Assistant) -> None:
    assert "22.06" in figure_lines(answered(drafted, "2024年上半年营收多少?"))
    assert "22.06" not in declined(drafted, "2024年全年营收多少?")


def test_a_measure_with_its_latin_name_is_no_company(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "上半年RevPAR多少?"))
    assert "176.4" in lines and "泊岸酒店" in lines


def test_the_fastest_growing_line_is_no_plan(drafted: Assistant) -> None:
    assert "6.05" in figure_lines(answered(drafted, "泊舍品牌2024年收入多少?"))


def test_a_peer_reporting_its_consolidated_revenue_owns_it(drafted: Assistant) -> None:
    assert "98" in figure_lines(answered(drafted, "澜庭酒店前三季营收多少?"))


def test_a_company_the_article_never_names_is_a_stranger(drafted: Assistant) -> None:
    assert "21.35" not in declined(drafted, "锦华建设上半年营收多少?")


def test_a_figure_of_the_whole_is_no_answer_for_a_line(drafted: Assistant) -> None:
    assert "加盟店" in declined(drafted, "上半年加盟店的RevPAR是多少?")  # 加盟 of the line 加盟及管理酒店, named back
    assert "176.4" in figure_lines(answered(drafted, "上半年RevPAR是多少?"))


def test_hundreds_of_millions_with_the_ten_thousands_after_them_are_one_figure(drafted: Assistant) -> None:
    assert "1亿2,050万元" in figure_lines(answered(drafted, "第二季度净利润多少?"))
    assert "120.5 million" in answered(drafted, "What was Q2 net profit?")
