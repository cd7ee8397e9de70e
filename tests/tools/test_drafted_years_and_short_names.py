"""Drafting that reads who and when as a reader does, in both scripts: figures given respectively after a
range or list of years each take their own year; a short name in bare brackets is the company's (and the
words before its legal name are no part of it); a name never ends inside a period written after it; a
quarter named after a half is that quarter's; casino measures are the vocabulary's."""

from __future__ import annotations

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter
from tests.tools.answers import answered, declined, figure_lines
from tests.tools.drafting import drafted_figures

ARTICLE = "\n".join(
    [
        "瀚嶸鋼10月營收創新高",
        "台商經濟日報 記者林宜蓁/台北報導",
        "民營一貫作業鋼廠瀚嶸鋼鐵工業股份有限公司(瀚嶸鋼)10日公布,2024年合併營收652.8億元,年減8.5%。",
        "財報方面,瀚嶸鋼第三季合併營收162.45億元,季增9.3%。",
        "累計前三季,瀚嶸鋼稅後淨利6.49億元。",
        "分季度看,瀚嶸鋼今年上半年營收為310.8億元,當中第一季為150.2億元,第二季回升至160.6億元。",
        "拉長時間看,2021年至2023年,瀚嶸鋼的營收分別為802.5億元、771.2億元和713.4億元;同期稅後淨利分別為61.2億元、35.4億元和12.8億元。",
    ]
)


def test_figures_given_respectively_take_the_years_of_the_range_before_them(drafted: Assistant) -> None:
    assert "771.2" in figure_lines(answered(drafted, "瀚嶸鋼2022年營收多少?"))
    assert "713.4" in figure_lines(answered(drafted, "瀚嶸鋼2023年營收多少?"))
    assert "61.2" in figure_lines(answered(drafted, "瀚嶸鋼2021年稅後淨利多少?"))  # 同期: the same range
    assert "35.4" in figure_lines(answered(drafted, "What was Hanrong Steel's net profit in 2022?"))


def test_the_short_name_in_bare_brackets_is_the_main_company(drafted: Assistant) -> None:
    text = answered(drafted, "瀚嶸鋼第三季營收多少?")
    assert "162.45" in text
    assert text.startswith("理解为:瀚嵘钢 ·"), text  # 瀚嶸鋼, not 瀚嶸鋼第 of 瀚嶸鋼第三季


def test_a_quarter_after_a_half_is_that_quarters() -> None:
    _, figures = drafted_figures(ARTICLE, "t")
    assert figures["150.2"]["period"] == "2025Q1"
    assert figures["160.6"]["period"] == "2025Q2"  # 回升至: the level reached, in its own quarter
    assert figures["310.8"]["period"] == "2025H1"


def test_names_of_the_main_company_and_no_period_pieces() -> None:
    drafter = Drafter(ARTICLE, slug="t")
    drafter.run()
    main = drafter.concepts[drafter.main]
    aliases = {to_simplified(a) for a in main["aliases"]}
    assert {"瀚嵘钢", "瀚嵘钢铁工业股份有限公司"} <= aliases
    names = [to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "entity"]
    assert not [n for n in names if n.endswith(("第", "前三")) or n.startswith("民营")], names


def test_a_year_not_in_the_list_is_declined(drafted: Assistant) -> None:
    declined(drafted, "瀚嶸鋼2020年營收多少?")


CASINO = "\n".join(
    [
        "星匯娛樂去年博彩收益增逾兩成",
        "港灣財經日報 記者 梁嘉欣",
        "澳門博企星匯娛樂控股有限公司(下稱「星匯娛樂」)公布2024年業績,博彩收益總額錄得312.6億港元,增長24.3%。",
        "中場博彩收益達241.8億港元,中場贏率為23.7%。",
        "非博彩收益46.2億港元,同比增長31.4%。",
        "經調整物業EBITDA為89.3億港元,經調整物業EBITDA率為29.9%。",
    ]
)


def test_casino_measures_are_the_vocabularys() -> None:
    drafter, figures = drafted_figures(CASINO, "c")
    assert figures["312.6"]["metric"] == "gross_gaming_revenue"
    assert figures["46.2"]["metric"] == "non_gaming_revenue"  # 非博彩收益 is no gaming revenue
    assert figures["23.7"]["metric"] == "hold_rate"
    assert figures["29.9"]["metric"] == "ebitda_margin"
    names = [to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "entity"]
    assert not [n for n in names if "调整" in n], names  # 經調整物業 is no company
