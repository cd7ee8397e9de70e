"""Drafting an article written the way Hong Kong annual and interim reports are quoted: 收益 for revenue,
股東應佔溢利 and 按年 for year on year, periods "ended" on a date, an English name in the brackets that
give the short name, and capitalised English nouns (App, Plus) that are no company. Sentence in, fields
out, in every script; the article is written for these tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from scripts import ALL_SCRIPTS

from assistant.tools.draft.analysis import Drafter

OPENING = (
    "總部位於成都的晨曦健身控股有限公司(DawnRise Fitness Holdings Limited,下稱「晨曦健身」或「晨曦」)"
    "正嘗試以會員App講新故事。"
    "晨曦的App「曦動」另設付費版「曦動Plus」,App用戶持續增長。"
)
RESULTS = (
    "根據年報,截至2024年12月31日止年度,晨曦健身錄得收益人民幣38.62億元(下同),較2023年的33.47億元增長15.4%;"
    "股東應佔溢利為2.14億元,按年下跌25.4%,每股基本盈利為0.19元。"
)
MARGIN = "毛利率由上年的35.2%降至31.6%,下跌3.6個百分點。全年新開門店128家,員工成本佔收益的比重由上年的31.5%升至34.2%。"
INTERIM = "截至2025年6月30日止六個月,晨曦收益為20.96億元,按年增長11.2%。晨曦在App上的月活躍用戶約420萬。"


def _draft(convert: Any) -> Drafter:
    lines = ["晨曦健身收益增長 App撐起下一程", "", "鯉門財經 記者:鍾穎", "", OPENING, RESULTS, MARGIN, INTERIM]
    drafter = Drafter(convert("\n".join(lines)), slug="dawn")
    drafter.run()
    return drafter


def _figures(drafter: Drafter) -> dict[str, dict[str, Any]]:
    return {str(f.data["written"]): f.data for f in drafter.facts if "written" in f.data}


@ALL_SCRIPTS
def test_the_company_the_opening_names_is_the_main_one_and_english_nouns_are_none(convert: Any) -> None:
    drafter = _draft(convert)
    main = drafter.concepts[drafter.main]
    assert main["names"]["zh-Hans"] == "晨曦健身"
    assert main["names"]["en"] == "DawnRise Fitness Holdings Limited"
    assert {"晨曦", "DawnRise Fitness", "DawnRise"} <= set(main["aliases"])
    named = {a for c in drafter.concepts.values() if c["kind"] == "entity" for a in c["aliases"]}
    assert not {"App", "Plus"} & named


@ALL_SCRIPTS
def test_hong_kong_reporting_words_and_periods_ended_on_a_date(convert: Any) -> None:
    figures = _figures(_draft(convert))
    revenue = figures[convert("38.62億元")]
    assert (revenue["metric"], revenue["period"]) == ("revenue", "2024")
    assert revenue["change"]["value"] == Decimal("15.4")  # the change after the base (下同) is 38.62's
    assert "change" not in figures[convert("33.47億元")]
    profit = figures[convert("2.14億元")]
    assert (profit["metric"], profit["change"]["value"]) == ("net_profit", Decimal("-25.4"))
    assert figures[convert("0.19元")]["metric"] == "eps"
    interim = figures[convert("20.96億元")]
    assert (interim["metric"], interim["period"], interim["change"]["value"]) == ("revenue", "2025H1", Decimal("11.2"))


@ALL_SCRIPTS
def test_a_year_before_never_becomes_the_running_period(convert: Any) -> None:
    figures = _figures(_draft(convert))
    assert figures[convert("35.2%")]["period"] == "2023"
    assert figures[convert("31.6%")]["period"] == "2024"
    assert figures[convert("128家")]["period"] == "2024"  # not 上年's 2023
    assert (figures[convert("31.5%")]["period"], figures[convert("34.2%")]["period"]) == ("2023", "2024")
