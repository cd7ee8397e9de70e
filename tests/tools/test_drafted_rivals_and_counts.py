"""Rivals, pointers and counts on a raw draft, in every script: a rival named after a semicolon is out of
reach of the line named before it; 該渠道 points back at the channel just named; a count names what it
counts (覆蓋約2.6萬家餐廳門店 is no count of brands, 14架貨運無人機 counts drones) and a 其中 part of it is a
variant of it (其中自有8架); a name that drops its trade word later (奧瑞利斯治療,
then 奧瑞利斯) is known by both; "it" after a rival's answer is that rival; "who is the largest rival" is
answered with the sentence naming it, not refused for want of a size. Written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from drafting import drafted_figures, simplified_name
from scripts import ALL_SCRIPTS

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter

ARTICLE = "\n".join(
    [
        "潮汐財訊",
        "禾鼎食品:預製菜的生意",
        "禾鼎食品股份有限公司(以下簡稱禾鼎食品)總部位於嘉興。2024年禾鼎食品營收為54.28億元。",
        "2024年,商超及零售渠道收入為13.05億元,同比下降6.8%。該渠道毛利率為28.4%,是公司毛利率最高的業務。",
        "2024年公司綜合毛利率為21.6%,較上年下降1.9個百分點。",
        "公司目前服務的連鎖餐飲品牌超過1200家,覆蓋全國約2.6萬家餐廳門店。",
        "截至2024年底,公司共營運14架貨運無人機,其中自有8架。",
        "截至2024年底,集團共有1,086間店舖。",
        "其餘3.2億元收入來自團餐配送和出口等業務,另有0.4億元為其餘收入。",
        "子公司晶萃珠寶有限公司經營培育鑽石品牌。2024年晶萃收入為2.18億元,晶萃門店有35間。",
        "規模最大的對手鮮庖食品同樣主打預製菜。競爭對手中,鮮庖食品2024年營收達到78.5億元,其商超渠道收入佔比接近四成;錦廚股份2024年營收為31.4億元,淨利潤同比下降41%。",
        "2024年12月,公司將海外權益授權給新設立的奧瑞利斯治療(Aurelis Therapeutics)。奧瑞利斯支付的首付款為8000萬美元。",
    ]
)


def _drafter(convert: Any) -> tuple[Drafter, dict[str, dict[str, Any]]]:
    return drafted_figures(convert(ARTICLE), "rivals")


@ALL_SCRIPTS
def test_a_rival_after_a_semicolon_is_out_of_reach_of_the_line_before(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert simplified_name(drafter, facts["31.4"]["subject"]) == "锦厨股份"
    assert "segment" not in facts["31.4"], facts["31.4"]


@ALL_SCRIPTS
def test_the_channel_pointer_points_at_the_channel_just_named(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert [simplified_name(drafter, s) for s in facts["28.4"].get("segment", [])] == ["商超及零售渠道"]
    assert "segment" not in facts["21.6"]


@ALL_SCRIPTS
def test_a_count_names_what_it_counts(convert: Any) -> None:
    _, facts = _drafter(convert)
    assert facts["2.6"]["metric"] != facts["1200"]["metric"]


@ALL_SCRIPTS
def test_a_part_named_after_qizhong_is_a_variant_of_the_count_before_it(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert simplified_name(drafter, facts["14"]["metric"]) == "货运无人机"
    assert facts["8"]["metric"] == facts["14"]["metric"]
    assert [simplified_name(drafter, t) for t in facts["8"].get("tags", [])] == ["自有"]
    assert "tags" not in facts["14"]


@ALL_SCRIPTS
def test_the_rest_is_a_part_never_the_whole(convert: Any) -> None:
    _, facts = _drafter(convert)
    assert facts["3.2"].get("segment"), facts["3.2"]  # the line named after it: 出口等業務
    assert facts["3.2"]["metric"] == facts["54.28"]["metric"] == "revenue"
    assert "segment" not in facts["54.28"] and "tags" not in facts["54.28"]


@ALL_SCRIPTS
def test_a_subsidiary_is_known_by_its_name_without_the_industry_word(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert simplified_name(drafter, facts["2.18"]["subject"]) == "晶萃珠宝有限公司"


@ALL_SCRIPTS
def test_a_name_is_known_without_its_trade_word(convert: Any) -> None:
    drafter, _ = _drafter(convert)
    rival = next(c for c in drafter.concepts.values() if to_simplified(c["names"]["zh-Hant"]) == "奥瑞利斯治疗")
    assert "奥瑞利斯" in {to_simplified(a) for a in rival["aliases"]}


@pytest.mark.parametrize("question", ["禾鼎食品2024年底有幾多間分店?", "禾鼎2024年底共有多少間店舖?"])
def test_shops_are_stores_as_hong_kong_writes_them(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "1,086" in answer.text.split("\n")[1]


def test_it_after_a_rivals_answer_is_that_rival(drafted: Assistant) -> None:
    chat = drafted.chat()
    first = chat.ask("競爭對手錦廚股份怎麼樣?")
    assert first.status == "answered", first.text
    answer = chat.ask("那它的營收呢?")
    assert "31.4" in answer.text, answer.text
    assert "54.28" not in answer.text


@pytest.mark.parametrize("question", ["禾鼎規模最大的競爭對手是誰?", "禾鼎规模最大的对手是哪家?"])
def test_who_the_largest_rival_is_is_answered_with_its_name(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "鮮庖" in answer.text or "鲜庖" in answer.text
