"""Periods in questions, and which fact periods can answer them."""

from __future__ import annotations

import pytest

from assistant.normalize import fold
from assistant.periods import Period, find_periods, fits


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
