"""Ranges on a raw draft, in every script: two figures a range word joins (26%至27%, 8000至1萬台, 3至6億元) are
one fact from its lower end (`value`) to its upper end (`upto`, in the same scale), not two facts that each
tell half; a change and the level it reaches (增長46%至2.38億元) stay two. The answer gives the whole range,
in English too, and no arithmetic takes one end for the figure. A plan the article states (管理層預計…) answers
a question about the plan that names no year, beside the year's reported figure; a plan it does not state is
still refused; 管理層預計公司 is no company's name. Written for these tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from drafting import drafted_figures
from scripts import ALL_SCRIPTS

from assistant import Assistant
from assistant.lang.normalize import to_simplified

ARTICLE = "\n".join(
    [
        "潮汐財訊",
        "嵐越電子:擴產之年",
        "嵐越電子股份有限公司(以下簡稱嵐越電子)總部位於蘇州。2024年嵐越電子營收為52.6億元,毛利率為24.8%。",
        "管理層預計公司毛利率可維持在26%至27%之間,海外訂單的交付週期通常為3至6個月。",
        "嵐越電子的越南工廠規劃年產能為8000至1萬台,項目總投資為3至6億元。",
        "2024年公司海外收入增長46%至2.38億元。",
    ]
)


def _figures(convert: Any) -> dict[str, dict[str, Any]]:
    return drafted_figures(convert(ARTICLE), "ranges")[1]


@ALL_SCRIPTS
def test_two_figures_a_range_word_joins_are_one_fact_from_end_to_end(convert: Any) -> None:
    figures = _figures(convert)
    assert figures["26"]["upto"] == Decimal("27") and figures["26"]["written"] == "26%至27%"
    assert figures["3"]["upto"] == Decimal("6")
    assert "27" not in figures and "6" not in figures


@ALL_SCRIPTS
def test_the_upper_end_is_in_the_lower_ends_scale(convert: Any) -> None:
    figures = _figures(convert)
    assert figures["8000"]["upto"] == Decimal("10000") and "scale" not in figures["8000"]
    investment = next(f for f in figures.values() if f["written"] == convert("3至6億元"))
    assert to_simplified(investment["scale"]) == "亿" and investment["upto"] == Decimal("6")


@ALL_SCRIPTS
def test_a_change_and_the_level_it_reaches_stay_two_figures(convert: Any) -> None:
    figures = _figures(convert)
    assert "upto" not in figures["2.38"]
    assert figures["2.38"]["change"]["value"] == Decimal("46")


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("岚越电子越南工厂的规划年产能是多少?", "8000至1"),
        ("What planned annual capacity does Lanyue's Vietnam plant have?", "8000–10000 units"),
        ("嵐越電子越南工廠項目總投資多少?", "3至6"),
        ("How much will Lanyue invest in the Vietnam plant?", "RMB 300 million–RMB 600 million"),
    ],
)
def test_the_answer_gives_the_whole_range(drafted: Assistant, question: str, shown: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert shown in answer.text


def test_no_arithmetic_takes_one_end_of_a_range_for_the_figure(drafted: Assistant) -> None:
    answer = drafted.ask("越南工廠項目總投資佔營收的比例是多少?")
    assert "÷" not in answer.text and "至" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["嵐越電子預計毛利率是多少?", "管理层预计毛利率能维持在什么水平?", "What gross margin does management expect?"],
)
def test_a_stated_plan_answers_a_question_about_it_that_names_no_year(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "26%至27%" in answer.text and "24.8" not in answer.text


@pytest.mark.parametrize("question", ["嵐越電子預計2026年營收多少?", "嵐越電子預計營收多少?"])
def test_a_plan_the_article_does_not_state_is_still_refused(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "no_answer", answer.text
    assert "52.6" not in answer.text


@ALL_SCRIPTS
def test_words_of_a_plan_before_gongsi_are_no_companys_name(convert: Any) -> None:
    drafter = drafted_figures(convert(ARTICLE), "ranges")[0]
    names = [to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "entity"]
    assert names and not [n for n in names if "预计" in n], names
