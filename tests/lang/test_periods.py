"""Periods in questions, and which fact periods can answer them."""

from __future__ import annotations

import pytest

from assistant.lang.normalize import fold
from assistant.lang.periods import Period, absolute_years, find_periods, fits


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("联影2024年营收", [Period(2024)]),
        ("截至2025年一季度末总负债", [Period(2025, quarter=1)]),
        ("operating cash flow in Q1 2024", [Period(2024, quarter=1)]),
        ("2024年12月的估值", [Period(2024, month=12)]),
        ("增长了35%", []),
        ("营收103亿元", []),
    ],
)
def test_find_periods(question: str, expected: list[Period]) -> None:
    assert [p for p, _, _ in find_periods(fold(question))] == expected


def test_year_mismatch_never_fits() -> None:
    assert not fits(Period(2021), "2024", "")


def test_quarter_question_rejects_full_year_fact() -> None:
    assert not fits(Period(2024, quarter=1), "2024", "")
    assert fits(Period(2024, quarter=1), "2024Q1", "")


def test_fact_without_period_fits_when_its_sentence_names_the_year() -> None:
    assert fits(Period(2011), None, "自2011年成立以来")
    assert not fits(Period(2012), None, "自2011年成立以来")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("联影医疗2024年上半年营收", [Period(2024, part="H1")]),
        ("UIH revenue in the first half of 2024", [Period(2024, part="H1")]),
        ("2025年前三季度营收", [Period(2025, part="9M")]),
        ("2025年第三季度营收", [Period(2025, quarter=3)]),
        ("海外收入比2023年增长了多少", []),
        ("海外收入占比2023年是多少", [Period(2023)]),
    ],
)
def test_halves_nine_months_and_comparison_bases(question: str, expected: list[Period]) -> None:
    assert [p for p, _, _ in find_periods(fold(question))] == expected


def test_half_year_question_does_not_take_the_full_year_figure() -> None:
    assert not fits(Period(2024, part="H1"), "2024", "")


def test_relative_years_follow_the_year_the_article_was_written() -> None:
    assert absolute_years(fold("今年一季度经营现金流"), 2025).startswith("2025年")
    assert absolute_years(fold("what was revenue last year"), 2025).endswith("2024年")
    assert "同期" in absolute_years(fold("去年同期呢"), 2025), "the same period last year is a follow-up, not a year"
    assert absolute_years(fold("今年"), None) == "今年"
