"""Questions naming two periods ("FY24 … FY23 呢?", "2024年和2023年") on a raw draft, in every script: each
period's figure is given, never a choice between them; a follow-up pointing at "this segment" (這個分部) is
about that segment or nothing; 收益 is revenue, and an exchange gain (匯兌收益) is not."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "青禾電機盈利承壓",
        "2024年,青禾電機錄得收益42.6億元,經調整淨利潤為3.05億元,上年為3.31億元。",
        "毛利率由上年的35.2%降至31.6%。",
        "2024年,伺服電機業務收益為12.8億元,分部毛利率為27.4%。",
        "受匯率影響,2024年公司錄得匯兌收益約420萬元。",
        "2024年,研發投入為2.35億元,同比增長12.4%;截至2024年末,研發人員4306人。",
        "對手澄碧科技2024年營收為78.4億元;澄碧科技同樣擁有伺服電機產線,但並未單獨披露相關收入。",
    ]
)


def _said(answer_text: str) -> str:
    return to_simplified(answer_text)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("青禾電機 FY24 adjusted net profit 幾多?FY23 呢?", ["3.05", "3.31"]),
        ("青禾電機2024年和2023年毛利率", ["31.6", "35.2"]),
        ("What was Qinghe's gross margin in 2024 and 2023?", ["31.6", "35.2"]),
    ],
)
def test_each_period_asked_is_answered(drafted: Assistant, question: str, figures: list[str]) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert all(f in _said(answer.text) for f in figures), answer.text


def test_a_follow_up_pointing_at_the_segment_is_about_it_or_nothing(drafted: Assistant) -> None:
    chat = drafted.chat()
    first = chat.ask("伺服電機業務收益多少?")
    assert "12.8" in _said(first.text), first.text
    later = chat.ask("那這個分部的毛利率呢?")
    assert later.status == "answered" and "27.4" in _said(later.text), later.text
    later = chat.ask("這個分部上半年的毛利率呢?")
    assert later.status != "answered" or "27.4" in _said(later.text), later.text
    assert "31.6" not in _said(later.text)  # never the whole company's margin


def test_revenue_in_hong_kong_words_is_no_exchange_gain(drafted: Assistant) -> None:
    answer = drafted.ask("青禾電機2024年收益是多少?")
    assert answer.status == "answered" and "42.6" in _said(answer.text), answer.text
    assert "420" not in _said(answer.text)


def test_a_line_named_after_a_rivals_figure_is_not_that_figures_line(drafted: Assistant) -> None:
    answer = drafted.ask("澄碧科技2024年的伺服電機業務收入是多少?")
    assert answer.status != "answered", answer.text  # 78.4 is its whole revenue, not the servo line's


def test_a_count_of_people_is_never_worked_out_from_money(drafted: Assistant) -> None:
    answer = drafted.ask("青禾電機2023年末研發人員有多少人?")
    assert answer.status != "answered", answer.text  # not 2.35億元 ÷ (1 + 12.4%)
