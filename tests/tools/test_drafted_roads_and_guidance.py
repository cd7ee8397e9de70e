"""A toll-road company's article: its roads are lines (衡嶽高速), its traffic and tolls the vocabulary's
measures; a bare change verb after a figure (52,380車次,增4.6%) or a comparison (同比僅增1.9%, 較2023年增長4.3%)
is that figure's change; a sentence opening with 全年 dates all its clauses; results beating expectations
(略勝市場預期) are no plan; a figure per kilometre is no toll revenue, a multiple (淨負債/EBITDA約5.2倍) no EBITDA;
the shareholders' profit is no line's; a guidance (資本開支指引, 收入指引) is the plan of its measure, and a range of
growth after it belongs to no figure; a Latin gloss (AADT) names the measure before it, and a quarter a
figure is compared with (較第二季平均的) dates it; and a brand written as Latin letters onto Chinese (QQ音樂) is a
company the article never names."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines
from tests.tools.drafting import drafted_figures

ARTICLE = "\n".join(
    [
        "湘衡路橋首三季多賺3.2% 全年資本開支指引15億至18億",
        "南方財經日報 記者 何穎 長沙報道",
        "港股收費路營運商湘衡路橋控股有限公司(下稱「湘衡路橋」)昨日公布截至2025年9月30日止九個月的營運數據,"
        "期內股東應佔溢利為7.42億元人民幣,按年增長3.2%,表現略勝市場預期;總收入23.16億元,同比上升2.1%。",
        "首三季路費收入錄得19.84億元,同比僅增1.9%,當中上半年佔13.02億元,而上半年股東應佔溢利為4.88億元。",
        "回顧2024年全年,湘衡路橋錄得總收入30.57億元,較2023年增長4.3%;股東應佔溢利9.61億元。"
        "2024年上半年,集團股東應佔溢利為4.55億元,路費收入為12.66億元。",
        "全年路費收入合共25.73億元,佔總收入約84.2%;港口業務收入3.96億元,同比增長11.6%。",
        "分路段看,衡嶽高速2024年路費收入14.35億元,同比增長3.1%。該路段日均車流量48,260車次,增4.6%,"
        "每公里路費收入約1,127萬元,為組合之冠。衡嶽高速的收費期至2036年屆滿。",
        "湘潭繞城高速去年路費收入7.12億元,按年減少1.8%,日均車流量27,940車次,下跌2.3%。"
        "管理層解釋,湘潭繞城高速部分路段與新通車的城際快速路平行,分流了短途客車。",
        "2024年集團EBITDA為21.6億元,淨負債/EBITDA約5.2倍。",
        "今年集團控股路段日均車流量(AADT)第三季平均為49,130車次,較第二季平均的47,350車次增加3.8%。",
        "管理層同時給出第四季收入指引,預計介乎8.10億至8.45億元,較2024年第四季的7.62億元增長約6.3%至10.9%。"
        "全年資本開支指引為15億至18億元。",
    ]
)


def test_roads_are_lines_with_their_traffic_and_tolls(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "衡嶽高速2024年路費收入多少?"))
    assert "14.35" in lines and "1,127" not in lines  # a toll per kilometre is no toll revenue
    assert "27,940" in figure_lines(answered(drafted, "湘潭繞城高速去年日均車流量有幾多?"))


def test_a_bare_change_verb_or_a_comparison_is_the_figures_change(drafted: Assistant) -> None:
    assert "4.6" in figure_lines(answered(drafted, "衡嶽高速日均車流量同比增長多少?"))
    assert "1.9" in figure_lines(answered(drafted, "首三季路費收入按年升咗幾多?"))
    assert "4.3" in figure_lines(answered(drafted, "2024年總收入同比增長多少?"))


def test_a_sentence_opening_with_the_whole_year_dates_all_its_clauses(drafted: Assistant) -> None:
    assert "3.96" in figure_lines(answered(drafted, "2024年港口業務收入多少?"))
    assert "上半年港口" not in declined(drafted, "2024年上半年港口業務收入多少?")  # only the year's is offered
    assert "23.16" in figure_lines(answered(drafted, "今年前三季度總收入多少?"))  # 略勝市場預期 plans nothing


def test_a_measures_latin_gloss_names_it_and_a_quarter_compared_with_is_dated(drafted: Assistant) -> None:
    lines = figure_lines(answered(drafted, "What was the average AADT in Q3?"))
    assert "49,130" in lines and "47,350" not in lines
    assert "47,350" in figure_lines(answered(drafted, "今年第二季日均車流量多少?"))


def test_a_multiple_is_no_level_and_the_shareholders_profit_no_lines() -> None:
    _, figures = drafted_figures(ARTICLE, "roads")
    assert figures["21.6"]["metric"] == "ebitda" and figures["5.2"]["metric"] != "ebitda"
    assert figures["13.02"].get("segment") and not figures["4.88"].get("segment")


def test_a_guidance_is_the_plan_of_its_measure(drafted: Assistant) -> None:
    assert "15" in figure_lines(answered(drafted, "What's the capex guidance for 2025?"))
    lines = figure_lines(answered(drafted, "What's the Q4 revenue guidance range?"))
    assert "8.10" in lines and "7.62" not in lines
    lines = figure_lines(answered(drafted, "2024年第四季收入多少?"))
    assert "7.62" in lines and "6.3" not in lines  # the guidance's growth is no change of the base


def test_a_brand_of_latin_letters_onto_chinese_is_a_stranger(drafted: Assistant) -> None:
    assert "23.16" not in declined(drafted, "QQ音樂前三季度總收入多少?")
    assert "30.57" not in declined(drafted, "BOSS直聘2024年收入多少?")
