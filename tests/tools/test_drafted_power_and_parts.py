"""A power company's article: its measures are the vocabulary's (上网电量, 利用小时, 上网电价, 装机, never a count of
hospitals); the items of a list of parts (其中,煤电…,风电…,光伏…) are lines of the measure the sentence before
ends on; a quarter named after 其中 dates only its own clause, and the half before it is the nine months less
that quarter; a question naming no period is answered with the figure reported, not the one planned; a gloss
(ASP) names the measure before it; a short name two companies share names neither; and a period, a word
begun before a name (新增|新能源) or a province opening a legal name (江苏…) make no company."""

from __future__ import annotations

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from tests.tools.answers import answered, declined, figure_lines
from tests.tools.drafting import drafted_figures

ARTICLE = "\n".join(
    [
        "皖江電力前三季度淨利潤增長一成",
        "能源觀察 記者 周立",
        "皖江電力股份有限公司(以下簡稱「皖江電力」)10月28日披露2025年三季報,前三季度公司實現營業收入210.5億元,"
        "同比下降2.1%;歸母淨利潤18.3億元,同比增長10.4%。其中,第三季度單季實現營業收入75.2億元。",
        "電量方面,前三季度公司完成上網電量652.4億千瓦時,同比增長1.9%,其中第三季度單季為240.1億千瓦時。"
        "分電源看,煤電上網電量511.2億千瓦時,同比下降2.4%。",
        "2024年全年,公司完成上網電量861.7億千瓦時。其中,煤電702.3億千瓦時,風電88.6億千瓦時,光伏70.8億千瓦時。",
        "當年公司平均上網電價為0.4521元/千瓦時,煤電機組利用小時為4420小時。管理層表示,隨著用電需求回暖,"
        "煤電機組利用小時有望回升至4600小時以上。",
        "公司在2024年年報中提出,2025年計劃新增新能源裝機300萬千瓦,並力爭到2030年末清潔能源裝機佔比超過45%。"
        "截至2024年末,公司控股裝機2860萬千瓦。",
        "前三季度公司財務費用為9.6億元,同比下降6.2%。",
        "公司控股電廠主要分佈在安徽、江蘇兩省,另通過全資子公司江蘇皖江海上風電有限公司開發海上風電項目。"
        "安徽、江蘇兩省今年長協電價較上年分別下降約2.1%和1.6%。另一家全資子公司皖江新能源有限公司2024年淨利潤為3.2億元。",
    ]
)


def test_a_power_companys_measures_are_the_vocabularys(drafted: Assistant) -> None:
    assert "861.7" in figure_lines(answered(drafted, "2024年上網電量多少?"))
    assert "0.4521" in figure_lines(answered(drafted, "What was the average on-grid tariff in 2024?"))
    assert "2860" in figure_lines(answered(drafted, "2024年末控股装机多少?"))
    assert "2860" not in declined(drafted, "公司覆盖多少家医院?")  # installed capacity is no count of hospitals
    assert "18.3" not in declined(drafted, "长江电力前三季度归母净利润多少?")  # a power company the article never names


def test_a_figure_reported_before_a_plan_and_units_per_kwh(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "煤電機組利用小時是多少?"))  # no period named: the figure reported
    assert "4420" in lines and "4600" not in lines
    assert "4600" in figure_lines(answered(drafted, "煤电利用小时的目标是多少?"))
    assert "4600" in figure_lines(answered(drafted, "公司打算把煤电利用小时提到多少?"))  # a plan asked: as likely
    assert "0.4521" in figure_lines(answered(drafted, "What was the average on-grid tariff (ASP) per kWh in 2024?"))


def test_a_short_name_two_companies_share_names_neither(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "What was Wanjiang's net profit in the first three quarters?"))
    assert "18.3" in lines and "3.2" not in lines


def test_the_items_of_a_list_of_parts_are_lines_of_the_measure_before(drafted: Assistant) -> None:
    assert "88.6" in figure_lines(answered(drafted, "2024年風電上網電量多少?"))
    lines = figure_lines(answered(drafted, "2024年光伏上网电量是多少"))
    assert "70.8" in lines and "702.3" not in lines


def test_a_quarter_named_after_its_whole_dates_only_its_own_clause(drafted: Assistant) -> None:
    assert "240.1" in figure_lines(answered(drafted, "第三季度单季上网电量多少?"))
    lines = figure_lines(answered(drafted, "前三季度煤电上网电量多少?"))
    assert "511.2" in lines and "240.1" not in lines


def test_the_half_is_the_nine_months_less_the_third_quarter(drafted: Assistant) -> None:
    text = answered(drafted, "今年上半年营收多少?")
    assert "135.3" in figure_lines(text) and "210.5" in text and "75.2" in text  # shown as the arithmetic


def test_the_company_reporting_after_a_period_is_the_articles_own(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "前三季度财务费用多少?"))
    assert "9.6" in lines and "皖江电力" in lines and "前三季度公司" not in lines


def test_no_company_is_made_of_a_period_a_cut_word_or_a_province() -> None:
    drafter, _ = drafted_figures(ARTICLE, "power")
    names = {to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "entity"}
    assert "皖江电力" in names
    assert not any(n.startswith(("前三季度", "季度", "增新", "末清洁", "江苏两省")) for n in names), names
