"""Folding makes traditional, simplified and typed variants of a question compare equal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.lang.normalize import chinese_number, detect_language, fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("聯影醫療凈利潤", "联影医疗净利润"),
        ("应收账款余額", "应收账款余额"),
        ("ＵＩＨ  Revenue", "uih revenue"),
        ("2025年第一季度", "2025年q1"),
        ("Q1 2024", "q1 2024"),
        ("first quarter of 2024", "q1 of 2024"),
        ("增长了百分之三十五", "增长了35%"),
    ],
)
def test_fold_examples(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@given(st.text(max_size=200))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("聯影醫療2024年營收多少?", "zh-Hant"),
        ("联影医疗2024年营收多少?", "zh-Hans"),
        ("What was UIH's revenue in 2024?", "en"),
        ("联影医疗 market cap 最高 多少", "zh-Hans"),
        ("And how big was the stake bought for 7000萬元?", "en"),
    ],
)
def test_detect_language(question: str, language: str) -> None:
    assert detect_language(question) == language


@pytest.mark.parametrize(("text", "value"), [("三十五", 35), ("十", 10), ("4.5", 4.5), ("二十二点六", 22.6)])
def test_chinese_numbers(text: str, value: float) -> None:
    assert chinese_number(text) == value
