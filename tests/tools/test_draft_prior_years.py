"""The year before, sentence in and period out, in every script: 上年 after a year's figure is the year
before it, 去年同期 opening a sentence dates that sentence a year earlier, and 同期 alone is the running
period. The article is written for these tests."""

from __future__ import annotations

from typing import Any

from scripts import ALL_SCRIPTS

from assistant.tools.draft.analysis import Drafter

ARTICLE = [
    "晨光財訊",
    "青禾電機上半年營收增長",
    "青禾電機股份有限公司(下稱「青禾電機」)2024年營收為48.62億元,同比增長20.1%。",
    "2024年,子公司青禾醫療實現收入3.2億元,但青禾醫療當年淨虧損1.12億元,上年虧損為7350萬元。",
    "2025年上半年,青禾電機營收為27.35億元。去年同期,青禾電機淨利潤為2.1億元。",
    "同期,公司經營活動現金流量淨額為-3.41億元。",
    "上年,公司研發費用為3.3億元。",
]


def _periods(convert: Any, lines: list[str] = ARTICLE) -> dict[str, str | None]:
    return _periods_of(_drafted(convert, lines))


def _drafted(convert: Any, lines: list[str]) -> Drafter:
    drafter = Drafter(convert("\n".join(lines)), slug="prior")
    drafter.run()
    return drafter


def _periods_of(drafter: Drafter) -> dict[str, str | None]:
    return {str(f.data["value"]): f.data.get("period") for f in drafter.facts if "value" in f.data}


@ALL_SCRIPTS
def test_the_year_before_is_counted_from_the_period_in_question(convert: Any) -> None:
    periods = _periods(convert)
    assert periods["1.12"] == "2024"
    assert periods["7350"] == "2023"  # 上年虧損為…: the year before the loss just given, not the article's last year
    assert periods["27.35"] == "2025H1"
    assert periods["2.1"] == "2024H1"  # 去年同期, opening the sentence: the same half a year earlier
    assert periods["-3.41"] == "2025H1"  # 同期 alone: the half in question
    assert periods["3.3"] == "2024"  # 上年 alone: the whole year before


@ALL_SCRIPTS
def test_the_articles_year_is_no_year_it_promises_or_wonders_about(convert: Any) -> None:
    """业绩承诺 to 2026, 能否在2026年扭亏 and 提出到2027年…达到 are years to come; 截至2025年8月29日 is a date of
    the article's own: 今年 is still the year reported last."""
    lines = [
        *ARTICLE,
        "根據協議,原股東承諾青禾醫療2024年至2026年的扣非淨利潤分別不低於6000萬元、7000萬元和8000萬元。",
        "青禾醫療能否在2026年真正扭虧,將決定公司的估值。",
        "2024年3月,七部門印發的指導意見提出到2027年重點行業電機國產化率達到40%以上。",
        "截至2025年8月29日,青禾電機市值約為142億元。",
        "今年一季度,青禾電機營收為12.8億元。",
    ]
    drafter = _drafted(convert, lines)
    assert drafter.current_year == 2025
    periods = _periods_of(drafter)
    assert periods["12.8"] == "2025Q1"


@ALL_SCRIPTS
def test_the_year_before_is_counted_from_its_own_sentence_not_the_one_before(convert: Any) -> None:
    """去年同期 in the article's first sentence is a year before that sentence's half (no earlier date to lean
    on); 上年为 after 2024年 is 2023, though the sentence before spoke of 2025's first half."""
    lines = [
        "晨光財訊",
        "青禾電機減虧一年",
        "8月下旬,青禾電機披露2025年半年報:上半年淨虧損3.27億元,去年同期虧損6.94億元。",
        "年報顯示,2024年青禾電機淨虧損12.16億元,上年為虧損19.58億元。",
    ]
    drafter = _drafted(convert, lines)
    periods = _periods_of(drafter)
    assert periods["6.94"] == "2024H1"
    assert periods["19.58"] == "2023"


@ALL_SCRIPTS
def test_a_year_inside_a_code_or_where_a_stretch_begins_dates_no_half_after_it(convert: Any) -> None:
    """GB 17761-2024 is a standard's code and 2024年起 where a policy begins: neither is the year of the
    上半年 that follows in an article written in 2025; a half after December is the next year's."""
    lines = [
        "晨光財訊",
        "青禾電機半年報",
        "8月下旬,青禾電機披露2025年半年報:上半年營收95.63億元。",
        "2024年12月,新版國家標準GB 17761-2024正式發布。",
        "2024年起,商務部等部門推動以舊換新。上半年公司整車銷量281.5萬輛,同比增長12.6%。",
        "2024年12月,公司關閉了兩家工廠。上半年公司毛利率為17.1%。",
    ]
    drafter = _drafted(convert, lines)
    periods = _periods_of(drafter)
    assert periods["281.5"] == "2025H1"
    assert periods["17.1"] == "2025H1"


@ALL_SCRIPTS
def test_an_interim_dividends_half_dates_only_its_own_clause(convert: Any) -> None:
    """连同中期息8港仙 is the interim dividend's half; the full year's total after it and the next sentence
    are still the year's."""
    lines = [
        "晨光財訊",
        "青禾珠寶全年派息",
        "青禾珠寶集團控股有限公司(下稱「青禾珠寶」)2024年度收入為127.08億港元。",
        "集團派末期息每股12港仙,連同中期息8港仙,全年合共派息20港仙。按產品劃分,黃金產品收入佔集團收入約78%。",
    ]
    periods = _periods(convert, lines)
    assert periods["8"] == "2024H1"
    assert periods["20"] == "2024"
    assert periods["78"] == "2024"


@ALL_SCRIPTS
def test_the_same_period_a_year_before_a_quarter_without_its_year_is_that_quarter(convert: Any) -> None:
    """進入2025年…。一季度,…淨利潤4.08億元,上年同期則虧損2.31億元: the loss is 2024Q1's, not 2024's."""
    lines = [*ARTICLE[:2], "進入2025年,公司業績延續改善勢頭。一季度,青禾電機淨利潤4.08億元,上年同期則虧損2.31億元。"]
    periods = _periods(convert, lines)
    assert (periods["4.08"], periods["2.31"]) == ("2025Q1", "2024Q1")


@ALL_SCRIPTS
def test_a_plan_year_of_an_earlier_sentence_dates_no_later_figure(convert: Any) -> None:
    lines = [
        *ARTICLE[:3],
        "公司計劃到2027年把門店數增至1.5萬家。",
        "同樣主打下沉市場的對手茶悅裏門店數已超過11000家。",
    ]
    periods = _periods(convert, lines)
    # stated now, not in 2027: never dated after the year of writing (a plan's year runs on to no sentence)
    assert periods["11000"] in (None, "2024")
