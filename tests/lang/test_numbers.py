"""Numbers in article text as `check` and `draft` read them: ten-thousands written with the rest after them
(1萬9,200, as Taiwan and Hong Kong papers write prices) are one number, never 1萬 and 9,200."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.lang.numbers import numbers_in


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("熱軋牌價每公噸調漲300元至1萬9,200元", [("300", 300), ("1萬9,200", 19200)]),
        ("冷軋則維持2萬1,800元不變", [("2萬1,800", 21800)]),
        ("均價2万1800元", [("2万1800", 21800)]),
        ("營收3.5萬元,門店約1萬家", [("3.5", Decimal("3.5")), ("1", 1)]),  # a scale, not a compound
    ],
)
def test_ten_thousands_and_the_rest_are_one_number(text: str, numbers: list[tuple[str, Decimal | int]]) -> None:
    assert [(n.text, n.value) for n in numbers_in(text)] == [(t, Decimal(v)) for t, v in numbers]
