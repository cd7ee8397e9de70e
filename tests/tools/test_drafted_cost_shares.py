"""Answers on a raw draft (no review), in every script, of a restaurant chain's costs: a cost's share of
revenue is that cost's ratio to revenue (員工成本…佔收益比重為29.4%: staff costs as a share of revenue), also
when the clause names the cost only before 佔 (物業租金及相關開支佔收益比重為7.9%); a level a share moved
from (由39.1%降至37.8%) is the year before's; a generic share question never gets one cost's ratio; a date
a plan names (末期股息預計於2026年6月派發) dates no later paragraph; a section heading's number is no
figure; a level to reach (突破100億元之前) is no figure of the year; and the second half of a year is
the year less its first half, for a measure the halves add up to."""

from __future__ import annotations

from answers import answered, figure_lines

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "川麟火鍋去年多賺兩成",
        "灣區財經日報 記者 梁思穎",
        "川麟火鍋控股有限公司(下稱「川麟火鍋」)昨日公佈截至2025年12月31日止全年業績,集團全年收益達人民幣62.48億元。",
        "集團上半年收益為29.85億元,期末僱員31,460名。",
        "外賣業務收入為5.62億元,佔收益比重約9.0%。",
        "旗下調味品子公司麟味食品有限公司(下稱「麟味食品」)2025年收益為6.74億元,麟味食品的毛利率為31.6%。",
        "董事會建議派發末期股息每股0.38港元,末期股息預計於2026年6月派發。",
        "04 成本與現金流",
        "成本方面,原材料及易耗品成本佔收益比重由39.1%降至37.8%,主要由於牛油採購價格回落,以及麟味食品自產底料的比例提高。",
        "員工成本為18.37億元,佔收益比重為29.4%,較2024年的30.2%下降0.8個百分點;物業租金及相關開支佔收益比重為7.9%,2024年則為8.3%。",
        "在收益規模突破100億元之前,川麟火鍋仍會以直營為主。",
    ]
)


def test_a_costs_share_of_revenue_is_its_ratio_to_revenue(drafted: Assistant) -> None:
    text = answered(drafted, "川麟火鍋人工成本占營收比例多少?")
    assert "29.4" in figure_lines(text) and "推算" not in text, text
    rent = answered(drafted, "What share of revenue went on rent at Chuanlin in 2024?")
    assert "8.3" in figure_lines(rent), rent


def test_a_level_a_share_moved_from_is_the_year_befores(drafted: Assistant) -> None:
    assert "39.1" in figure_lines(answered(drafted, "川麟火鍋2024年原材料成本佔收益比重是多少?"))
    assert "37.8" in figure_lines(answered(drafted, "川麟火鍋2025年原材料成本佔收益比重是多少?"))


def test_a_share_asked_after_a_cost_is_that_costs_ratio(drafted: Assistant) -> None:
    chat = drafted.chat()
    assert "18.37" in figure_lines(chat.ask("川麟火鍋2025年員工成本多少?").text)
    follow = chat.ask("佔收入的比例呢?")
    assert follow.status == "answered" and "29.4" in figure_lines(follow.text), follow.text


def test_a_share_of_revenue_asked_alone_gets_no_costs_ratio(drafted: Assistant) -> None:
    answer = drafted.ask("川麟火鍋外賣佔收益比重多少?")
    lines = figure_lines(answer.text)
    assert "9" in lines and not any(n in lines for n in ("29.4", "37.8", "7.9")), answer.text


def test_a_plans_date_dates_no_later_paragraph(drafted: Assistant) -> None:
    assert "18.37" in figure_lines(answered(drafted, "川麟火鍋2025年員工成本多少?"))


def test_a_headings_number_and_a_level_to_reach_are_no_figures(drafted: Assistant) -> None:
    text = answered(drafted, "川麟火鍋2025年收益多少?")
    assert "62.48" in figure_lines(text) and "100" not in figure_lines(text), text
    facts = [f for f in drafted.pack.facts.values() if f.value is not None]
    assert not [f for f in facts if f.quote.startswith("04")], [f.quote for f in facts]


def test_the_second_half_is_the_year_less_the_first(drafted: Assistant) -> None:
    text = answered(drafted, "川麟火鍋2025年下半年收益大約多少?")
    assert "32.63" in figure_lines(text) and "62.48" in text and "29.85" in text, text
