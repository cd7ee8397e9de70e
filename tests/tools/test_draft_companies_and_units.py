"""Companies, years and units of a raw draft, article in and draft out, in every script: the short name an
article gives its company though a subsidiary's name begins with it; a kind of business before 子公司 is no
company; the main company's brand is its short name although the article never writes it alone; a year the
company may reach at the earliest (最快2026年) is not the year of writing; a list of parts after 其中 is parts
of the whole; power and energy figures (10GW, 12.6GWh) are figures, a site's size its capacity. On the drafted
pack, a rival's name in another romanisation and a company the article never names are no answer about
the article's company. Written for these tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from drafting import drafted_figures, simplified_name
from scripts import ALL_SCRIPTS

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter

PHARMACY = "\n".join(
    [
        "門市破600家　禾沛健康押注保健食品子公司",
        "",
        "新視野財經週刊｜記者林佩君／台北報導",
        "",
        "禾沛健康股份有限公司（HoPei Health，以下簡稱禾沛）是全台門市數最多的連鎖藥局之一，2024年營收為286.4億元。",
        "除了本業門市，禾沛旗下還有專攻保健食品研發的子公司禾沛生技，以及負責電商平台的禾沛數位。",
        "主要客群是社區家庭、孕婦與嬰幼兒家庭。",
        "禾沛生技2024年營收為15.8億元。保健食品子公司禾沛生技最快2026年登錄興櫃。",
        "截至2024年底,禾沛共有門市612家,其中台中58家、台北41家。",
    ]
)

ENERGY = "\n".join(
    [
        "禾晖电源的第二曲线",
        "",
        "澄观财经｜文 周屿  编辑 陈默",
        "",
        "禾晖电源科技股份有限公司（以下简称“禾晖电源”）2024年营收为86.42亿元。",
        "2024年禾晖电源储能系统出货量为12.6GWh，同比增长58%。",
        "公司在泰国罗勇府建设的10GW逆变器工厂已于今年3月投产。",
        "子公司禾晖锂能2024年营收为21.3亿元。",
    ]
)


def _drafted(convert: Any, article: str) -> Drafter:
    drafter = Drafter(convert(article), slug="companies")
    drafter.run()
    return drafter


def _orgs(drafter: Drafter) -> dict[str, list[str]]:
    return {
        to_simplified(c["names"]["zh-Hant"]): [to_simplified(a) for a in c["aliases"]]
        for c in drafter.concepts.values()
        if c["kind"] == "entity"
    }


@ALL_SCRIPTS
def test_the_short_name_given_is_the_companys_not_its_subsidiarys(convert: Any) -> None:
    drafter = _drafted(convert, PHARMACY)
    orgs = _orgs(drafter)
    assert "禾沛" in orgs["禾沛"] and "禾沛健康股份有限公司" in orgs["禾沛"]
    assert "禾沛" not in orgs["禾沛生技"]
    assert simplified_name(drafter, drafter.main) == "禾沛"
    assert "保健食品" not in orgs  # 保健食品子公司: the kind of business of the subsidiary


@ALL_SCRIPTS
def test_the_subsidiaries_a_sentence_lists_are_not_the_next_sentences_subject(convert: Any) -> None:
    drafter = _drafted(convert, PHARMACY)
    customers = next(f.data for f in drafter.facts if "孕" in f.data["quote"] and "value" not in f.data)
    assert customers["subject"] == drafter.main


@ALL_SCRIPTS
def test_a_year_reached_at_the_earliest_is_not_the_year_of_writing(convert: Any) -> None:
    assert _drafted(convert, PHARMACY).current_year == 2025  # 2024 is reported whole, so over; 最快2026年 is to come


@ALL_SCRIPTS
def test_each_part_of_a_list_after_qizhong_is_a_part_of_the_whole(convert: Any) -> None:
    drafter, figures = drafted_figures(convert(PHARMACY), "parts")
    assert figures["58"]["metric"] == figures["41"]["metric"] == figures["612"]["metric"] == "store_count"
    named = [simplified_name(drafter, t) for t in figures["41"].get("tags", [])]
    assert "台北" in named


@ALL_SCRIPTS
def test_the_main_companys_brand_is_its_short_name(convert: Any) -> None:
    orgs = _orgs(_drafted(convert, ENERGY))
    assert "禾晖" in orgs["禾晖电源"]
    assert "禾晖" not in orgs.get("禾晖锂能", [])


@ALL_SCRIPTS
def test_power_and_energy_figures_and_a_sites_capacity(convert: Any) -> None:
    drafter, figures = drafted_figures(convert(ENERGY), "energy")
    assert figures["12.6"]["unit"] == "GWh" and figures["12.6"]["change"]["value"] == Decimal("58")
    assert figures["10"]["unit"] == "GW" and figures["10"]["metric"] == "capacity"
    assert drafter.outlet == convert("澄观财经")


@pytest.fixture(scope="module")
def jewellers(draft_bot: Any) -> Assistant:
    article = "\n".join(
        [
            "潮汐財訊",
            "泓昇珠寶:金價高企下的門店調整",
            "泓昇珠寶集團控股有限公司(以下簡稱泓昇)總部位於香港。2024年泓昇收入為127.08億港元,淨利潤為6.1億港元。",
            "本地龍頭金滿堂珠寶2024年收入約215億港元。",
            "截至2024年底,泓昇共有1,086間店舖,其中香港58間、內地1,017間。",
        ]
    )
    return draft_bot(article, "zh-Hant")


@pytest.mark.parametrize(
    "question", ["What was Jin Man Tong Jewellery's net profit in 2024?", "六福珠寶在內地有多少間分店?"]
)
def test_a_company_the_pack_cannot_read_gets_no_figure_of_the_articles(jewellers: Assistant, question: str) -> None:
    answer = jewellers.ask(question)
    assert answer.status == "no_answer", answer.text
    assert "6.1" not in answer.headline and "1,017" not in answer.headline


QUARTERS = "\n".join(
    [
        "禾晖电源的第二曲线",
        "",
        "澄观财经｜文 周屿",
        "",
        "禾晖电源科技股份有限公司（以下简称“禾晖电源”）披露2025年三季报。",
        "今年前三季度，公司实现营业收入71.38亿元；归母净利润8.26亿元，已接近2024年全年水平；扣非净利润为7.91亿元。",
        "单看第三季度，公司营收为26.91亿元，同比增长24.3%。",
    ]
)


@ALL_SCRIPTS
def test_a_year_whose_level_a_figure_nears_dates_no_figure_after_it(convert: Any) -> None:
    """已接近2024年全年水平: 2024 is what the nine months' profit is compared with, not the period of the
    figures after it (扣非净利润, the third quarter's revenue)."""
    _, figures = drafted_figures(convert(QUARTERS), "quarters")
    assert figures["8.26"]["period"] == figures["7.91"]["period"] == "20259M"  # the fact-file form of 2025 9M
    assert figures["26.91"]["period"] == "2025Q3"


def test_staff_counted_in_ming_load_and_are_the_groups(draft_bot: Any) -> None:
    """集團全職員工總數為9,860名: a count in 名 loads as people (名 and 人 count one thing), and 集團 is the
    company's own word, not the subsidiary just named."""
    article = "\n".join(
        [
            "潮汐財訊",
            "晨躍健體:會所越開越多",
            "晨躍健體控股有限公司(以下簡稱晨躍)是一家健身集團,2024年收益為38.5億元。子公司躍動科技負責App。",
            "集團全職員工總數為9,860名,其中持證教練超過4,300名。",
        ]
    )
    bot = draft_bot(article, "zh-Hant")
    answer = bot.ask("晨躍2024年有多少名員工?")
    assert answer.status == "answered", answer.text
    assert "9,860" in answer.headline
