"""Answers on a raw draft (no review), in every script, of an insurance group: its life and property
insurers (X人壽, X產險) are companies of their own; a subsidiary asked about by what it is (產險子公司, the
Vietnamese subsidiary, "the property-casualty arm") is the one the article names so, and one the words do
not single out is refused, never answered with the parent's figure; a measure glossed with an abbreviation
(初年度保費(FYP)) is asked for by either, apart from a longer one (FYPE); a count named "what it counts +
人數" is asked for by what it counts; 稅後 is the net profit; and a company's former self (前身為…的禾泰人壽)
does not take the group's listing."""

from __future__ import annotations

import pytest
from answers import answered, declined, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "禾泰保控獲利創高",
        "記者林書妤/台北報導",
        "禾泰保險控股(HeTai Insurance Holdings,以下簡稱禾泰保控)2024年稅後淨利為96.8億元,年增41.2%。",
        "集團前身為1978年創立的禾泰人壽,1995年在台灣證券交易所掛牌,2008年改制成立保險控股公司。",
        "禾泰保控旗下子公司包括禾泰人壽、禾泰產險及越南子公司禾泰越南人壽。",
        "禾泰人壽2024年稅後淨利81.5億元,禾泰產險稅後淨利12.7億元,禾泰越南人壽則虧損1.3億元。",
        "禾泰人壽2024年初年度保費(FYP)為402.6億元,年增18.4%,初年度等價保費(FYPE)為166.2億元。",
        "通路方面,禾泰人壽業務員人數為19,820人,較前一年增加約640人。",
        "禾泰產險理賠員人數為1,260人,客服人數為830人。",
        "同業比較上,競爭對手遠信人壽2024年稅後淨利為120.4億元。",
    ]
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("禾泰人壽2024年稅後淨利多少?", "81.5"),
        ("禾泰產險去年賺了多少?", "12.7"),
        ("禾泰保控2024年稅後賺了多少?", "96.8"),  # 稅後 is the net profit, no tax asked
        ("產險子公司2024年淨利是多少?", "12.7"),  # the subsidiary named 產險
        ("禾泰的越南子公司去年虧了多少?", "1.3"),
        ("How much did the property-casualty arm earn in 2024?", "12.7"),
        ("禾泰人壽2024年FYP多少?", "402.6"),
        ("禾泰人壽2024年初年度保費多少?", "402.6"),
        ("禾泰人壽FYPE是多少?", "166.2"),
        ("禾泰人壽的業務員有多少人?", "19,820"),
        ("禾泰產險的客服有多少人?", "830"),  # 客服人數, asked for without 人數
    ],
)
def test_the_insurers_figures_are_answered(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text), text


@pytest.mark.parametrize(
    "question",
    [
        "壽險子公司2024年的獲利是多少?",  # 禾泰人壽 or 禾泰越南人壽: the words do not single one out
        "國泰人壽2024年淨利潤多少?",  # another insurer, not in the article
    ],
)
def test_a_company_the_words_do_not_single_out_is_refused(drafted: Assistant, question: str) -> None:
    lines = declined(drafted, question)
    assert "96.8" not in lines, lines


def test_the_groups_former_self_does_not_take_its_listing(drafted: Assistant) -> None:
    text = answered(drafted, "禾泰保控哪一年上市?")
    assert "1995" in text, text
