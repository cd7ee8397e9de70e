"""Arithmetic on demand through the public API: the formula shown, every input cited, rounding and
units right, and a refusal naming the operand that is missing or only approximate."""

from __future__ import annotations

import pytest

from assistant import Answer, Assistant


def computed(answer: Answer) -> None:
    assert answer.status == "answered", answer.text
    assert answer.derivation is not None, "a computed figure shows its arithmetic"
    quoted = {c.quote for c in answer.citations}
    assert len(quoted) >= 1 and all(q in answer.text for q in quoted)


@pytest.mark.parametrize(
    ("question", "result", "inputs"),
    [
        ("What was UIH's net margin in 2024?", "12.25%", 1),
        ("聯影醫療2024年淨利率是多少?保留一位小數", "12.3%", 1),
        ("研發費用是凈利潤的幾倍?", "1.79倍", 2),
        ("CT收入比MR少多少?", "-1.44億元", 1),
        ("What share of UIH's 2024 revenue came from software?", "0.81%", 2),
        ("聯影醫療二〇二三年營收多少?", "114.10億元", 1),
        ("FY23 revenue of UIH?", "114.10億元", 1),
        ("By how much did UIH's overseas revenue increase in absolute terms in 2024?", "5.87億元", 1),
        ("联影研发人员数量同比增长了百分之几?", "10.66%", 1),
        ("聯影醫療從成立到上市用了幾年?", "11年", 2),
        ("How many percentage points larger was UIH's 2024 net profit decline than its revenue decline?", "26.35", 1),
        ("按研发费用除以研发人员数,联影2024年人均研发投入约多少万元?", "69.09萬元/人", 1),
    ],
)
def test_computed_figures(bot: Assistant, question: str, result: str, inputs: int) -> None:
    answer = bot.ask(question)
    computed(answer)
    assert result in answer.text.replace("万", "萬").replace("亿", "億")
    assert len({c.quote for c in answer.citations}) >= inputs


def test_the_inputs_of_a_margin_are_cited_and_named_in_the_formula(bot: Assistant) -> None:
    answer = bot.ask("What was UIH's net margin in 2024?")
    assert answer.derivation is not None
    assert answer.derivation.expression.startswith("12.62億元 ÷ 103億元")
    assert any("12.62億元" in c.quote and "103億元" in c.quote for c in answer.citations)


def test_an_approximate_operand_is_named_not_computed(bot: Assistant) -> None:
    answer = bot.ask("按CT業務的降幅推算,2023年CT收入是多少?")
    assert answer.status == "no_answer" and "超過25%" in answer.text


def test_a_missing_operand_is_named(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年研發費用是毛利的幾倍?")
    assert answer.status == "no_answer"


def test_a_comparison_names_the_larger_and_cites_both(bot: Assistant) -> None:
    answer = bot.ask("2024年CT和MR哪個收入更高?")
    assert answer.status == "answered" and "31.92" in answer.text and "30.48" in answer.text
    assert answer.headline.splitlines()[-1].startswith("比較")


def test_the_interpretation_is_returned_and_shown(bot: Assistant) -> None:
    answer = bot.ask("What was UIH's net margin in 2024?")
    assert answer.interpretation is not None
    assert answer.interpretation.operation == "compute" and answer.interpretation.detail == "ratio"
    assert answer.understood.startswith("Understood as:") and answer.understood in answer.text
