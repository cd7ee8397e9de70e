"""Drafting rules, sentence in and fields out, in both scripts: what each figure of a short invented
article is read to be about (company, measure, period, product line, change). The articles are written
for these tests; none of them is the bundled one."""

from __future__ import annotations

from typing import Any

import pytest
from scripts import ALL_SCRIPTS

from assistant.lang.normalize import to_simplified, to_traditional
from assistant.tools.draft.analysis import Drafter

OUTLET = "晨光財訊"
TITLE = "青禾電機營收增長但利潤下滑"

# One paragraph per line; every article opens with the company it is about.
ARTICLE = "\n".join(
    [
        OUTLET,
        TITLE,
        "青禾電機成立於2010年,主要產品包括伺服電機、步進電機和驅動器等品類。",
        "2018年,青禾電機登陸深交所創業板。",
        "2024年,青禾電機實現營業收入42.6億元,同比增長9.5%;歸母淨利潤3.1億元,同比下降12.4%。",
        "2024年,公司綜合毛利率為27.3%,較上年下降2.2個百分點。",
        "2024年,公司經營活動產生的現金流量淨額為4.8億元,較上年的6.5億元明顯回落。",
        "分業務看,伺服電機業務收入為25.2億元,同比增長14.1%。",
        "步進電機則表現平淡,收入9.7億元,同比下降3.3%。",
        "2024年,青禾電機海外收入為8.6億元,貢獻了總營收的約20%,其中歐洲市場貢獻了海外收入的約55%。",
        "國內市場需求疲弱,行業龍頭東嶺電氣2024年營收達到88.4億元。",
        "2024年11月,青禾電機以3600萬元受讓青禾智控1.5%的股權。",
        "2025年4月,青禾智控完成B輪融資,融資總額4億元,由遠峰資本領投,投後估值為30億元。",
        "董事長林書衡表示,公司計劃在2026年把海外收入占比提升至三成。",
        "進入2025年,公司一季度實現營收10.3億元,同比增長6.2%;歸母淨利潤為5600萬元,而去年同期為7100萬元。",
        "電機價格已從2022年的每台約1800元降至2024年的不足1500元,較2021年的高點下跌約兩成。",
        "截至2024年底,青禾電機的電機累計出貨120萬多台。",
        "驅動器是青禾電機增長最快的業務。2024年,該產品線實現收入5.1億元,同比增長20.5%。",
        "新開拓的PLC業務起步不久,2024年PLC收入3.3億元,同比增長30.2%。",
        "在伺服電機市場,頭部廠商北岸微電子的份額約為9.1%。",
    ]
)


def _draft(text: str) -> dict[str, dict[str, Any]]:
    drafter = Drafter(text, slug="qinghe")
    drafter.run()
    facts = {f.data["written"]: f.data for f in drafter.facts if "written" in f.data}
    facts["__segments__"] = {ident: c for ident, c in drafter.concepts.items() if c["kind"] == "segment"}
    facts["__main__"] = {"id": drafter.main}
    facts["__derived__"] = {d.data["id"]: d.data for d in drafter.entries.derived}
    return facts


@pytest.fixture(scope="module", params=["zh-Hant", "zh-Hans"])
def drafted(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    """The facts by written form, in traditional script whichever script the article is in."""
    text = ARTICLE if request.param == "zh-Hant" else to_simplified(ARTICLE)
    return {k if k.startswith("__") else to_traditional(k): v for k, v in _draft(text).items()}


def fields(drafted: dict[str, dict[str, Any]], written: str) -> dict[str, Any]:
    assert written in drafted, f"{written} not drafted: {sorted(k for k in drafted if not k.startswith('__'))}"
    return drafted[written]


def test_the_main_company_is_the_one_of_the_title(drafted: dict[str, dict[str, Any]]) -> None:
    assert drafted["__main__"]["id"].startswith("qinghe")


def test_a_year_beside_an_event_is_its_year(drafted: dict[str, dict[str, Any]]) -> None:
    assert fields(drafted, "2010年")["metric"] == "founding"
    assert fields(drafted, "2018年")["metric"] == "listing"  # the event is in the next clause


def test_a_change_after_较上年_belongs_to_the_figure_before_it(drafted: dict[str, dict[str, Any]]) -> None:
    margin = fields(drafted, "27.3%")
    assert margin["metric"] == "gross_margin" and margin["change"]["unit"] == "個百分點"
    assert float(margin["change"]["value"]) == -2.2
    assert "2.2個百分點" not in drafted


def test_a_prior_value_is_the_same_measure_a_year_earlier(drafted: dict[str, dict[str, Any]]) -> None:
    now, before = fields(drafted, "4.8億元"), fields(drafted, "6.5億元")
    assert now["metric"] == before["metric"] == "operating_cash_flow"
    assert (now["period"], before["period"]) == ("2024", "2023")
    q1, q1_before = fields(drafted, "5600萬元"), fields(drafted, "7100萬元")
    assert q1["metric"] == q1_before["metric"] == "net_profit"
    assert (q1["period"], q1_before["period"]) == ("2025Q1", "2024Q1")


def test_the_other_end_of_a_range_keeps_the_measure_and_a_change_with_no_level_is_no_figure(
    drafted: dict[str, dict[str, Any]],
) -> None:
    start, end = fields(drafted, "約1800元"), fields(drafted, "不足1500元")
    assert start["metric"] == end["metric"]
    assert (start["period"], end["period"]) == ("2022", "2024")
    # 較2021年的高點下跌約兩成: a fall from a high the article gives no figure of is a change, no level of its own
    assert "約兩成" not in drafted and "约两成" not in drafted


def test_product_lines_by_the_articles_own_patterns(drafted: dict[str, dict[str, Any]]) -> None:
    servo, stepper = fields(drafted, "25.2億元"), fields(drafted, "9.7億元")
    assert servo["metric"] == stepper["metric"] == "revenue"
    assert servo["segment"] != stepper["segment"]
    assert "segment" not in fields(drafted, "42.6億元")  # the company's revenue, not a line's
    segments = drafted["__segments__"]
    assert not any("青禾" in c["names"]["zh-Hant"] for c in segments.values()), "a company is no product line"


def test_a_percentage_of_an_amount_is_its_share(drafted: dict[str, dict[str, Any]]) -> None:
    assert fields(drafted, "約20%")["metric"] == "revenue_share"
    assert fields(drafted, "8.6億元")["metric"] == "revenue"


def test_a_metric_word_of_another_kind_does_not_name_a_figure(drafted: dict[str, dict[str, Any]]) -> None:
    paid, stake = fields(drafted, "3600萬元"), fields(drafted, "1.5%")
    assert paid["metric"] == "investment_amount" and stake["metric"] == "stake"


def test_a_stake_is_held_by_the_buyer_in_the_company_named_before_it(drafted: dict[str, dict[str, Any]]) -> None:
    paid, stake = fields(drafted, "3600萬元"), fields(drafted, "1.5%")
    main = drafted["__main__"]["id"]
    assert stake["subject"] == paid["subject"] == main  # 青禾電機 bought it
    assert stake["object"] == paid["object"] != main  # a stake in 青禾智控


def test_a_price_and_the_stake_it_bought_imply_a_valuation(drafted: dict[str, dict[str, Any]]) -> None:
    paid, stake = fields(drafted, "3600萬元"), fields(drafted, "1.5%")
    (implied,) = drafted["__derived__"].values()
    assert implied["subject"] == stake["object"] and implied["metric"] == "valuation"
    assert implied["formula"] == "divide_by_percent" and implied["inputs"] == [paid["id"], stake["id"]]
    assert implied["scale"] == "億" and implied["period"] == "2024-11"  # 3600萬元 ÷ 1.5% = 24億元


def test_the_company_a_figure_is_about(drafted: dict[str, dict[str, Any]]) -> None:
    assert fields(drafted, "88.4億元")["subject"] != drafted["__main__"]["id"]  # 東嶺電氣 named in its clause
    round_, valuation = fields(drafted, "4億元"), fields(drafted, "30億元")
    assert round_["subject"] == valuation["subject"] != drafted["__main__"]["id"]  # the company the sentence opens with


def test_a_plan_for_a_later_year_is_dated_by_it(drafted: dict[str, dict[str, Any]]) -> None:
    assert fields(drafted, "三成")["period"] == "2026"  # 計劃在2026年把海外收入占比提升至三成: 2026's plan


def test_an_approximation_word_after_the_scale_is_kept(drafted: dict[str, dict[str, Any]]) -> None:
    """120萬多台 is "more than 1.2 million": the draft keeps 多, so the figure loads and says so."""
    shipped = drafted[to_traditional("120萬多台")]
    assert (shipped["value"], shipped["scale"], shipped.get("approx")) == (120, "萬", "多")


def test_a_line_pointed_back_to_is_the_line_named_before(drafted: dict[str, dict[str, Any]]) -> None:
    """該產品線, 這項業務, 此板塊: the figure is about the line the sentence before named."""
    driver = fields(drafted, "5.1億元")
    assert driver["metric"] == "revenue" and driver.get("segment")
    assert "驱动器" in drafted["__segments__"][driver["segment"][0]]["names"]["zh-Hans"]


def test_a_line_named_in_latin_letters_is_found_beside_its_figure(drafted: dict[str, dict[str, Any]]) -> None:
    plc = fields(drafted, "3.3億元")
    assert plc["metric"] == "revenue" and plc.get("segment")
    assert drafted["__segments__"][plc["segment"][0]]["names"]["zh-Hans"] == "PLC"


def test_a_company_introduced_once_by_a_word_like_厂商_is_a_company(drafted: dict[str, dict[str, Any]]) -> None:
    """頭部廠商北岸微電子: named once, but 廠商 says it is a company, so its share is its own; 約為9.1% is
    about 9.1% (the approximation word is kept although 為 stands between it and the figure)."""
    share = fields(drafted, next(written for written in drafted if "9.1%" in written))
    assert share["subject"] not in (drafted["__main__"]["id"], None)
    assert share["approx"] == "約" and share["written"].startswith(("約為", "约为", "約爲"))


def test_a_drafted_line_is_found_by_the_english_words_readers_use() -> None:
    """电源管理芯片 (named right after the company) is drafted as power management chips; readers also
    write ICs, IC, and … line."""
    text = "\n".join(
        [
            OUTLET,
            "千帆微電子營收增長",
            "千帆微電子主要產品包括電源管理芯片。",
            "2024年,千帆微電子電源管理芯片收入14.82億元,同比增長16.9%。",
        ]
    )
    drafter = Drafter(text, slug="qianfan")
    drafter.run()
    [line] = [c for c in drafter.concepts.values() if c["kind"] == "segment"]
    aliases = {a.lower() for a in line["aliases"]}
    assert {
        "power management chips",
        "power management ics",
        "power management ic",
        "power management chips line",
    } <= aliases


def _short_draft(convert: Any, *lines: str) -> Drafter:
    """A draft of a short article written in the script `convert` gives."""
    drafter = Drafter(convert("\n".join([OUTLET, *lines])), slug="short")
    drafter.run()
    return drafter


def _by_value(drafter: Drafter) -> dict[str, dict[str, Any]]:
    """The drafted figures by their value as written in YAML (42.6, 2010)."""
    return {str(f.data["value"]): f.data for f in drafter.facts if "value" in f.data}


def _entities(drafter: Drafter) -> dict[str, str]:
    """Entity concepts by their traditional-script name."""
    return {c["names"]["zh-Hant"]: ident for ident, c in drafter.concepts.items() if c["kind"] == "entity"}


BOTH_SCRIPTS = ALL_SCRIPTS


@BOTH_SCRIPTS
def test_a_year_that_begins_a_stretch_of_time_dates_no_figure(convert: Any) -> None:
    facts = _by_value(
        _short_draft(
            convert,
            "2024年,青禾電機營業收入42.6億元,這也是其2018年上市以來首次下滑。",
            "公司同時披露,經營性現金流淨額為-3.2億元。",
            "外部原因主要是自2023年起的價格戰,國內收入為30.1億元。",
        )
    )
    assert facts["-3.2"]["period"] == "2024"  # not 2018, where "since" began
    assert facts["30.1"]["period"] == "2024"  # not 2023


@BOTH_SCRIPTS
def test_a_count_measures_what_it_counts(convert: Any) -> None:
    drafter = _short_draft(convert, "截至2024年底,青禾電機已獲批49張海外認證證書,推出了30多款伺服產品。")
    metrics = {value: drafter.concepts[f["metric"]]["names"]["zh-Hant"] for value, f in _by_value(drafter).items()}
    assert metrics["49"] == "海外認證證書"
    assert metrics["30"] == "伺服產品"


@BOTH_SCRIPTS
def test_a_rival_named_once_is_a_company_of_its_own(convert: Any) -> None:
    drafter = _short_draft(
        convert,
        "青禾電機2024年營收42.6億元,競爭對手增多。",
        "行業龍頭雪檸冰城2024年營收達到248億元;另一對手古茗的門店數約為9900家。",
    )
    names = _entities(drafter)
    assert "雪檸冰城" in names and "古茗" in names and not any("增多" in n for n in names)
    facts = _by_value(drafter)
    assert facts["248"]["subject"] == names["雪檸冰城"] and facts["9900"]["subject"] == names["古茗"]
    assert facts["42.6"]["subject"] == drafter.main


@BOTH_SCRIPTS
def test_a_company_the_vocabulary_knows_has_its_own_figures(convert: Any) -> None:
    """寧德時代 is the shared vocabulary's (catl): its figures are its own, under that concept."""
    drafter = _short_draft(
        convert,
        "青禾電池營收增長",
        "2024年,青禾電池股份有限公司(下稱「青禾電池」)營收為42.6億元。",
        "行業龍頭寧德時代2024年營收約3620億元,青禾電池的規模不到其百分之二。",
    )
    facts = _by_value(drafter)
    assert facts["3620"]["subject"] == "catl"
    assert facts["42.6"]["subject"] == drafter.main != "catl"
    assert "catl" not in drafter.concepts  # the vocabulary defines it; the draft does not again


@BOTH_SCRIPTS
def test_an_events_year_dates_only_its_own_clause(convert: Any) -> None:
    facts = _by_value(
        _short_draft(
            convert,
            "2024年,青禾電機營業收入42.6億元。",
            "青禾電機於2010年在蘇州創立,截至2024年末擁有門店超過900家,其中加盟門店佔比接近九成。",
        )
    )
    assert facts["2010"]["metric"] == "founding"
    assert facts["90"].get("period") != "2010"  # the founding year is not the period of the share


@BOTH_SCRIPTS
def test_approximation_words_after_the_unit_and_at_least_are_kept(convert: Any) -> None:
    facts = _by_value(
        _short_draft(
            convert, "青禾電機計劃2025年新開門店不少於150家,海外門店擴大至300家以上,海外收入佔比提升至四成以上。"
        )
    )
    assert to_traditional(facts["150"]["approx"]) == "不少於" and facts["150"]["metric"] == "new_stores"
    assert facts["300"]["approx"] == "以上" and facts["300"]["metric"] == "store_count"
    assert facts["40"]["approx"] == "以上" and to_traditional(facts["40"]["written"]) == "四成以上"


@BOTH_SCRIPTS
def test_a_line_the_article_calls_a_business_and_other_businesses(convert: Any) -> None:
    drafter = _short_draft(
        convert,
        "分業務看,門店銷售業務收入為52.1億元,佔總營收的比重為60.3%;供應鏈業務收入為29.7億元;其他業務收入約4.6億元。",
    )
    facts = _by_value(drafter)
    line = drafter.concepts[facts["52.1"]["segment"][0]]
    assert line["names"]["zh-Hant"] == "門店銷售"  # holds 門店 and 銷售, yet the article calls it a line
    assert facts["60.3"]["segment"] == facts["52.1"]["segment"]
    assert facts["4.6"]["segment"] == ["other_business"]  # not the line named before it


@BOTH_SCRIPTS
def test_a_share_of_revenue_after_rd_expense_is_the_rd_intensity(convert: Any) -> None:
    facts = _by_value(_short_draft(convert, "2024年青禾電機研發費用為1.8億元,佔營收比例約2.1%;海外收入佔比為20.3%。"))
    assert facts["2.1"]["metric"] == "rd_intensity"
    assert facts["20.3"]["metric"] == "revenue_share"  # a line's share stays a share of revenue


@BOTH_SCRIPTS
def test_a_full_name_and_the_short_name_the_article_gives_are_one_company(convert: Any) -> None:
    drafter = _short_draft(
        convert,
        "國產EDA企業芯衡軟件科技股份有限公司(下稱「芯衡科技」)披露年報,2024年芯衡科技營收12.86億元。",
        "2024年12月,芯衡科技旗下AI子公司芯衡智算完成B輪融資,融資金額5億元,由國投創業領投。",
    )
    companies = _entities(drafter)
    assert "芯衡科技" in companies and not any(n.startswith("芯衡軟件") for n in companies)
    assert any("芯衡軟件科技" in a for a in drafter.concepts[companies["芯衡科技"]]["aliases"])
    facts = _by_value(drafter)
    assert facts["12.86"]["subject"] == companies["芯衡科技"]
    assert facts["5"]["subject"] == companies["芯衡智算"]  # the subsidiary the sentence leads to raised the round
    led = [f.data for f in drafter.facts if f.data["metric"] == "lead_investors"]
    assert led and led[0]["subject"] == companies["芯衡智算"]


@BOTH_SCRIPTS
def test_a_share_of_staff_after_a_head_count_is_that_groups_share(convert: Any) -> None:
    facts = _by_value(_short_draft(convert, "2024年,青禾電機研發人員為1138人,占員工總數的比例約為72%。"))
    assert facts["72"]["metric"] == "staff_share" and facts["72"]["tags"] == ["rd_staff"]
    assert facts["1138"]["metric"] == "rd_staff"


@BOTH_SCRIPTS
def test_an_earlier_value_compared_with_is_not_dated_like_the_figure(convert: Any) -> None:
    facts = _by_value(
        _short_draft(convert, "2024年12月,青禾智控完成B輪融資,投後估值達到40億元,較A輪時的18億元翻了一倍多。")
    )
    assert facts["40"]["period"] == "2024-12"
    assert "period" not in facts["18"] and "when" not in facts["18"]  # the A round's, not December 2024's
