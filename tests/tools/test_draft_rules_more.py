"""More drafting rules, sentence in and fields out, in both scripts: bylines, a subsidiary's short name,
and the period of figures a clause leaves undated. The articles are written for these tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from scripts import ALL_SCRIPTS

from assistant.tools.draft.analysis import Drafter

BOTH_SCRIPTS = ALL_SCRIPTS
HEADLINE = "青禾電機營收增長,海外工廠拖累利潤"


def _draft(convert: Any, *lines: str) -> Drafter:
    drafter = Drafter(convert("\n".join(lines)), slug="short")
    drafter.run()
    return drafter


def _by_value(drafter: Drafter) -> dict[str, dict[str, Any]]:
    return {str(f.data["value"]): f.data for f in drafter.facts if "value" in f.data}


@BOTH_SCRIPTS
@pytest.mark.parametrize(
    "byline",
    [
        "文|晨光財訊 林曉",
        "來源:晨光財訊",
        "晨光財訊記者 林曉",
        "晨光財訊\u3000文｜林曉\u3000編輯｜周屹",
        "晨光財訊／記者\u3000林曉",
        "晨光財訊 | 文:林曉 編輯:周屹",
        "晨光財訊｜文：林曉\u3000編輯：周屹",
        "晨光財訊｜記者林曉／綜合報導\u30002025年6月18日",
        "原創 林曉 晨光財訊 2025年08月29日 21:36 浙江",
        "晨光財訊｜記者 林曉（成都報道）｜2025年6月16日",
        "原創 晨光財訊 2025-08-29 21:36",
        "晨光財訊 第968期|撰文/林曉",
        "晨光財訊｜文 林曉  編輯 周屹",
    ],
)
def test_a_byline_under_the_headline_names_the_outlet(convert: Any, byline: str) -> None:
    body = ["2024年,青禾電機實現營業收入42.6億元。", "公司同時披露了研發投入。"]
    drafter = _draft(convert, HEADLINE, "", byline, "", *body)
    assert drafter.outlet == convert("晨光財訊")
    assert drafter.title == convert(HEADLINE)  # the line above a byline is the headline, comma and all
    assert all(convert("晨光財訊") not in p for p in drafter.paragraphs)
    assert drafter.byline is not None  # the line itself, told with the outlet: who wrote it, when it says
    assert convert("林曉") in drafter.byline or "林曉" not in byline


@BOTH_SCRIPTS
def test_a_subsidiary_is_known_by_the_short_name_the_article_gives_it(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "2024年,青禾電機實現營業收入42.6億元。青禾電機旗下子公司青禾智控科技有限公司(下稱「青禾智控」)成立於2020年。",
        "2024年,青禾智控對外部客戶實現收入約1.92億元。",
    )
    ident = next(i for i, c in drafter.concepts.items() if c["kind"] == "entity" and "智控" in c["names"]["zh-Hant"])
    assert drafter.concepts[ident]["names"]["zh-Hant"] == "青禾智控"
    assert _by_value(drafter)["1.92"]["subject"] == ident


@BOTH_SCRIPTS
def test_a_quarter_dates_every_clause_of_its_sentence_and_去年同期_only_its_own(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "進入2025年,公司業績仍承壓。",
            "2025年一季度,青禾電機實現營業收入11.37億元,去年同期為10.02億元;歸母淨利潤5,860萬元,去年同期為6,940萬元。",
        )
    )
    assert facts["11.37"]["period"] == facts["5860"]["period"] == "2025Q1"
    assert facts["10.02"]["period"] == facts["6940"]["period"] == "2024Q1"


@BOTH_SCRIPTS
def test_a_value_after_a_dated_comparison_base_is_of_that_year(convert: Any) -> None:
    facts = _by_value(
        _draft(convert, "晨光財訊", "2024年青禾電機經營活動產生的現金流量淨額為6.08億元,較2023年的7.35億元有所回落。")
    )
    assert facts["6.08"]["period"] == "2024" and facts["7.35"]["period"] == "2023"
    assert "2023" not in facts  # the year is a period, not a figure


@BOTH_SCRIPTS
def test_目前_earlier_in_the_sentence_dates_no_figure(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾電機由林書衡於2009年創立,2016年將總部遷至上海。林書衡目前仍擔任董事長,其家族合計控制公司約41%的股份。",
        )
    )
    assert "period" not in facts["41"]


@BOTH_SCRIPTS
def test_a_date_in_contrast_is_not_the_date_the_next_sentence_speaks_of(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "截至2024年末,青禾電機運營工廠32座,而2023年末運營的工廠為27座。全年整體平均產能利用率為67.5%。",
        )
    )
    assert facts["27"]["period"] == "2023" and facts["67.5"]["period"] == "2024"


@BOTH_SCRIPTS
def test_words_around_a_line_word_name_no_line(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "分業務看,冷鏈倉儲業務實現收入26.75億元;運輸配送業務收入15.83億元,是三大板塊中增長最快的一塊。",
        "受價格戰影響,使倉儲板塊成為毛利率下滑最明顯的業務。融資款項將主要用於低溫機器人量產線建設。",
        "冷鏈倉儲業務仍是第一大收入來源,運輸配送業務增長最快。",
    )
    lines = {c["names"]["zh-Hant"] for c in drafter.concepts.values() if c["kind"] == "segment"}
    assert {"冷鏈倉儲", "運輸配送"} <= lines
    assert not any(name.endswith(("量", "成")) or name.startswith("使") or name == "三大" for name in lines), lines


@BOTH_SCRIPTS
def test_a_date_carried_from_a_long_sentence_into_a_short_one_is_drafted(convert: Any) -> None:
    """The running date's position belongs to the sentence that named it: a shorter sentence after it
    must neither crash the draft nor lose the date."""
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "在經歷了漫長而艱難的行業調整期之後,青禾電機終於在2024年第四季度實現營業收入12.5億元。淨利潤0.8億元。",
        )
    )
    assert facts["12.5"]["period"] == facts["0.8"]["period"] == "2024Q4"


def test_a_sentence_the_draft_cannot_read_is_listed_and_the_rest_is_drafted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault of the drafting tool on one sentence loses that sentence only, and says so."""
    from assistant.tools.draft.writer import write_draft

    article = tmp_path / "article.txt"
    article.write_text(
        "晨光財訊\n青禾電機營收增長\n2024年青禾電機營業收入42.6億元。\n淨利潤3.1億元。\n", encoding="utf-8"
    )
    original = Drafter.sentence

    def faulty(self: Drafter, paragraph: int, sentence: str, *rest: Any) -> None:
        if "淨利潤" in sentence:
            raise IndexError("string index out of range")
        original(self, paragraph, sentence, *rest)

    monkeypatch.setattr(Drafter, "sentence", faulty)
    result = write_draft(article, tmp_path / "pack")
    assert result.loads and result.unread == 1 and "could not be read" in result.summary()
    facts = (tmp_path / "pack" / "facts" / "facts.yaml").read_text(encoding="utf-8")
    assert "42.6" in facts and "IndexError" in facts


@BOTH_SCRIPTS
def test_a_company_given_a_short_name_once_is_a_company(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "2024年,青禾電機實現營業收入42.6億元。",
        "同為國產電機企業的上海佩樂電氣設備有限公司(簡稱「佩樂電氣」)2024年營收約45億元,與青禾電機正面競爭。",
    )
    ident = next(i for i, c in drafter.concepts.items() if c["kind"] == "entity" and "佩樂" in c["names"]["zh-Hant"])
    assert _by_value(drafter)["45"]["subject"] == ident


@BOTH_SCRIPTS
@pytest.mark.parametrize(
    "called",
    ["(英文名Qinghe Motion Group,下稱「青禾電機」)", "(下稱「青禾電機」,英文名Qinghe Motion Group)"],
)
def test_the_english_name_the_article_gives_and_its_short_forms(convert: Any, called: str) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        f"青禾電機集團股份有限公司{called}披露年報。2024年,青禾電機實現營業收入42.6億元。",
    )
    [company] = [c for c in drafter.concepts.values() if c["kind"] == "entity"]
    assert company["names"]["en"] == "Qinghe Motion Group"
    assert {"Qinghe Motion Group", "Qinghe Motion", "Qinghe"} <= set(company["aliases"])


@BOTH_SCRIPTS
def test_a_subsidiary_named_after_子公司_is_a_company(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "青禾電機旗下有動畫子公司澄光動畫、IP運營子公司淵光文化。2024年,青禾電機實現營業收入42.6億元。",
        "今年3月,淵光文化完成A輪融資,澄光動畫則推出了新劇集。",
    )
    names = {c["names"]["zh-Hant"] for c in drafter.concepts.values() if c["kind"] == "entity"}
    assert {"澄光動畫", "淵光文化"} <= names


@BOTH_SCRIPTS
def test_公司_earlier_in_the_sentence_is_the_articles_company_not_the_last_one_named(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "青禾電機主營電機,其中視覺業務由控股子公司青禾視覺科技有限公司(以下簡稱「青禾視覺」)運營。"
        "2021年7月,公司登陸科創板,上市後市值一度逾520億元。",
    )
    companies = {c["names"]["zh-Hant"]: i for i, c in drafter.concepts.items() if c["kind"] == "entity"}
    assert _by_value(drafter)["520"]["subject"] == companies["青禾電機"]


@BOTH_SCRIPTS
def test_a_new_measure_never_takes_a_lines_id(convert: Any) -> None:
    """A count named after what it counts (1萬台協作機器人) and a line of the same name (協作機器人業務) are
    two concepts: the line must not replace the measure a fact names."""
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "分業務看,協作機器人業務收入17.45億元,同比增長28.7%。",
        "2024年,公司向海外交付1萬台協作機器人。",
    )
    used = {f.data["metric"] for f in drafter.facts}
    assert all(drafter.concepts[m]["kind"] == "metric" for m in used if m in drafter.concepts)


@BOTH_SCRIPTS
def test_a_site_named_with_its_kind_is_a_part_its_figures_are_about(convert: Any) -> None:
    """泰國羅勇工廠 is a part of the company (a line-like concept named with 工廠), 該工廠 points back to it,
    a shorter name it is given (泰國工廠) is one of its aliases, and its English name reads the place."""
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "2024年,青禾電機實現營業收入42.6億元。",
        "海外布局方面,青禾電機泰國羅勇工廠總投資近4.5億元,設計年產能約8萬噸。該工廠產能利用率不足40%。",
        "截至2024年末,青禾電機員工總數接近3200人,其中泰國工廠員工約540人。",
    )
    sites = {i: c for i, c in drafter.concepts.items() if c["kind"] == "segment" and "工廠" in c["names"]["zh-Hant"]}
    assert len(sites) == 1, sites
    (ident, site), facts = next(iter(sites.items())), _by_value(drafter)
    assert site["names"]["en"].startswith("Thailand")
    assert convert("泰國工廠") in site["aliases"]
    assert facts["4.5"]["segment"] == [ident] and facts["540"]["segment"] == [ident]
    assert facts["40"]["segment"] == [ident]
    known = {**drafter.vocabulary, **drafter.concepts}  # the vocabulary's measure, or one drafted
    measure = known.get(facts["40"]["metric"], {}).get("names", {}).get("zh-Hant", facts["40"]["metric"])
    assert measure == "產能利用率"  # 該工廠 points at the site; it is no part of the measure's name
    assert "segment" not in facts["3200"]


@BOTH_SCRIPTS
def test_a_variant_named_beside_its_bare_figure_carries_a_qualifier(convert: Any) -> None:
    """直營門店168家 beside 門店總數為1200家: a restrictive qualifier 直營, asked for by name; 綜合毛利率 with
    no bare gross margin beside it is the gross margin itself."""
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾2024年營收增長",
        "總部位於廈門的茶飲品牌青禾茶飲控股有限公司(下稱「青禾」)成立於2015年。",
        "2024年底,青禾門店總數為1200家,其中直營門店168家。",
        "2024年,青禾綜合毛利率為31.2%。",
    )
    facts = _by_value(drafter)
    (tag,) = facts["168"]["tags"]
    assert drafter.concepts[tag]["kind"] == "qualifier" and drafter.concepts[tag]["restrictive"] is True
    assert drafter.concepts[tag]["names"]["zh-Hant"] == "直營"
    assert "tags" not in facts["1200"] and "tags" not in facts["31.2"]
    main = drafter.concepts[drafter.main]
    assert convert("青禾茶飲") in main["aliases"]  # the legal name without its company words


@BOTH_SCRIPTS
def test_a_line_named_in_quotes_before_its_revenue_is_a_line(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機2024年營收增長",
        "2024年,青禾電機實現營業收入68.4億元。",
        "公司向加盟商銷售設備,2024年這部分「商品及設備銷售」收入為52.87億元,佔總收入的77.3%。",
    )
    facts = _by_value(drafter)
    (line,) = facts["52.87"]["segment"]
    assert drafter.concepts[line]["names"]["zh-Hant"] == "商品及設備銷售"
    assert "segment" not in facts["68.4"]


@BOTH_SCRIPTS
def test_a_date_after_其中_dates_only_its_own_clause(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾電機2025年上半年營收增長",
            "8月下旬披露的半年報顯示,2025年上半年青禾電機實現營業收入36.87億元,其中一季度營收21.45億元;"
            "歸母淨利潤2.71億元,去年同期為2.94億元。",
        )
    )
    assert facts["21.45"]["period"] == "2025Q1"
    assert facts["2.71"]["period"] == "2025H1" and facts["2.94"]["period"] == "2024H1"


@BOTH_SCRIPTS
def test_a_specification_is_no_figure_and_the_line_a_sentence_ranks_first_is_a_line(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾裝備2024年營收增長",
        "2024年,青禾裝備實現營業收入48.6億元,客戶主要是12英寸晶圓廠。",
        "增速最快的是薄膜沉積設備。2024年,該業務收入為13.08億元,同比增長52.6%。",
    )
    facts = _by_value(drafter)
    assert "12" not in facts  # 12英寸 is a wafer size
    (line,) = facts["13.08"]["segment"]
    assert drafter.concepts[line]["names"]["zh-Hant"] == "薄膜沉積設備"


@BOTH_SCRIPTS
def test_a_change_after_a_prior_value_said_in_passing_is_the_first_figures(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾電機2024年現金流回落",
            "2024年,青禾電機經營活動產生的現金流量淨額為3.05億元,上年為7.41億元,同比減少近六成。",
        )
    )
    assert facts["3.05"]["change"]["written"] == convert("同比減少近六成")
    assert "change" not in facts["7.41"] and facts["7.41"]["period"] == "2023"


@BOTH_SCRIPTS
def test_a_change_of_a_loss_named_again_is_the_losss_not_the_prior_values(convert: Any) -> None:
    """淨虧損12.16億元,上年為虧損19.58億元,虧損額同比收窄37.9%: the loss shrank; 37.9% is no figure of its own.
    毛利率同比提升 after revenue names another measure: no change of the revenue."""
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾電機減虧一年",
            "2024年,青禾電機歸母淨虧損12.16億元,上年為虧損19.58億元,虧損額同比收窄37.9%。",
            "2024年,青禾電機營業收入21.86億元,毛利率同比提升2.7個百分點。",
        )
    )
    assert facts["12.16"]["change"]["value"] == Decimal("-37.9")
    assert "change" not in facts["19.58"] and facts["19.58"]["period"] == "2023"
    assert "37.9" not in facts and "change" not in facts["21.86"]


@BOTH_SCRIPTS
def test_a_full_name_given_with_全称为_is_the_company_it_holds_and_a_word_opening_the_title_is_none(
    convert: Any,
) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "補貼調整疊加價格戰,穗衡智能押注無人機",
        "補貼退坡之下,穗衡智能2024年實現營業收入68.42億元。",
        "這家全稱為山東穗衡智能農業裝備股份有限公司的企業成立於2006年。",
        "補貼款一般要3至6個月到賬,穗衡智能的應收賬款隨之上升。",
    )
    companies = [c["names"]["zh-Hant"] for c in drafter.concepts.values() if c["kind"] == "entity"]
    assert companies == ["穗衡智能"], companies
    assert convert("山東穗衡智能農業裝備股份有限公司") in drafter.concepts[drafter.main]["aliases"]


@BOTH_SCRIPTS
def test_公司_alone_names_no_measure(convert: Any) -> None:
    drafter = _draft(
        convert, "晨光財訊", "青禾農機2024年營收增長", "他透露,公司100馬力以下機型的收入佔比已從一半以上降至約35%。"
    )
    for fact in drafter.facts:
        name = drafter.concepts.get(fact.data["metric"], {}).get("names", {}).get("zh-Hant", "")
        assert name != "公司", fact.data


@BOTH_SCRIPTS
def test_a_change_after_a_dated_comparison_base_is_the_figures(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾茶飲存貨上升",
            "截至2025年6月30日,青禾茶飲存貨餘額為7.42億元,較2024年底增加約31%。",
        )
    )
    assert facts["7.42"]["change"]["written"] == convert("增加約31%")
    assert "31" not in facts  # the change is no figure of its own


@BOTH_SCRIPTS
def test_the_start_of_a_change_dates_only_its_own_value_and_the_level_reached_is_of_the_running_year(
    convert: Any,
) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "2024年,青禾電機營收增長。",
            "截至2024年底,青禾電機存貨餘額為16.8億元,存貨周轉天數由2023年的98天拉長至112天,"
            "並提列存貨跌價準備約6300萬元;應收賬款為4.27億元。",
            "全年毛利率為41.3%,較2023年的43.0%下滑1.7個百分點;銷售費用率則由上年的24.5%升至25.9%。",
            "全年經營活動現金流量淨額為5.12億元,低於2023年的6.35億元。",
        )
    )
    assert facts["98"]["period"] == facts["43.0"]["period"] == facts["24.5"]["period"] == "2023"
    assert facts["6.35"]["period"] == "2023"
    for later in ("112", "6300", "4.27", "41.3", "25.9", "5.12"):
        assert facts[later]["period"] == "2024", later


@BOTH_SCRIPTS
def test_a_figure_whose_clause_names_its_own_measure_is_not_the_measure_before_it(convert: Any) -> None:
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "2024年青禾電機實現收入28.64億元,同比增長14.2%,上年為25.08億元;股東應佔溢利5.12億元,同比下降9.8%;"
            "客戶滿意度指數為86.5分。",
            "截至2024年底,青禾電機員工總數為3760人,較上年底增加250人。",
            "2024年經由亞馬遜貢獻的營收占比為58.6%,較2023年的64.2%減少5.6個百分點。",
        )
    )
    assert facts["25.08"]["metric"] == "revenue" and facts["25.08"]["period"] == "2023"
    assert facts["5.12"]["metric"] == "net_profit" and facts["5.12"]["period"] == "2024"
    assert facts["86.5"]["metric"] != "revenue"
    assert facts["3760"]["change"]["value"] == 250 and "250" not in facts  # a count changed by, no level
    assert facts["58.6"]["change"]["value"] == Decimal("-5.6") and "change" not in facts["64.2"]  # 64.2: the base


@BOTH_SCRIPTS
def test_a_reason_after_a_figure_is_the_reason_for_that_measure_in_its_year(convert: Any) -> None:
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機盈利承壓",
        "2024年,公司綜合毛利率為36.8%,較上年下降4.6個百分點。公司解釋稱,一方面訂單價格下行,另一方面新產能在下半年轉固,折舊增加。",
    )
    reasons = next(f.data for f in drafter.facts if f.data["metric"] == "reasons")
    assert "gross_margin" in reasons["tags"] and reasons["period"] == "2024"


@BOTH_SCRIPTS
def test_其中_points_at_no_company_and_one_named_in_the_next_clause_owns_no_figure(convert: Any) -> None:
    """其中 is a part of the company the sentence opened on, not the one the sentence before named; a
    company named after a figure, in another clause, is not whose the figure is."""
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機研發加碼",
        "研發投入主要集中在青禾智控的調度算法上。",
        "截至2024年末,公司員工總數約1.12萬人,其中技術研發人員約620人。",
        "其中控股股東認購8億元,其餘由嘉融保險等11家機構認購。",
    )
    facts = _by_value(drafter)
    assert facts["620"]["subject"] == drafter.main
    assert facts["8"]["subject"] == drafter.main


@BOTH_SCRIPTS
def test_another_companys_figure_named_with_a_modifier_is_a_variant(convert: Any) -> None:
    """啟衡醫藥,其同類產品2024年銷售額約12.6億元: the rival's product sales, not its revenue."""
    drafter = _draft(
        convert,
        "晨光財訊",
        "青禾電機營收增長",
        "青禾電機2024年營收為48.62億元。",
        "同樣布局伺服電機的啟衡醫藥,其同類產品2024年銷售額約12.6億元。",
    )
    rival = _by_value(drafter)["12.6"]
    assert rival["subject"] != drafter.main and rival.get("tags")


@BOTH_SCRIPTS
def test_an_accumulated_deficit_is_no_net_loss(convert: Any) -> None:
    """累計未彌補虧損已接近98億元 is the losses of every year so far, not the year's net loss."""
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾醫藥減虧一年",
            "2024年,青禾醫藥歸母淨虧損12.16億元。截至2024年末,公司累計未彌補虧損已接近98億元。",
        )
    )
    assert facts["12.16"]["metric"] == "net_loss"
    assert facts["98"]["metric"] == "accumulated_deficit"


@BOTH_SCRIPTS
def test_a_modifier_written_with_的_before_its_measure_makes_a_variant(convert: Any) -> None:
    """其中研發人員1384人…擁有博士學位的研發人員超過260人: the doctors are a part, not a second staff count."""
    facts = _by_value(
        _draft(
            convert,
            "晨光財訊",
            "青禾醫藥研發",
            "截至年末,青禾醫藥員工總數為2486人,其中研發人員1384人,擁有博士學位的研發人員超過260人。",
        )
    )
    assert not facts["1384"].get("tags") and facts["260"].get("tags")


@BOTH_SCRIPTS
def test_a_number_inside_a_quoted_name_is_no_figure(convert: Any) -> None:
    drafter = _draft(
        convert,
        HEADLINE,
        "",
        "截至2024年末,青禾電機資產總額為5386.42億元,較上年末的4903.41億元增長9.85%,距離“6000億元俱樂部”只差一步。",
        "公司稱“今年營收將達到100億元左右”。",
    )
    values = _by_value(drafter)
    assert "6000" not in values, values["6000"]  # the name of a club of companies, no figure of this one
    assert {"5386.42", "4903.41", "100"} <= set(values)  # a figure quoted as said is still a figure
