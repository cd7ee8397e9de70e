"""Numbers in article text as `check` and `draft` read them: ten-thousands written with the rest after them
(1萬9,200, as Taiwan and Hong Kong papers write prices) are one number, never 1萬 and 9,200; so are hundreds of
millions written with the ten-thousands after them (7億8,520萬元: 78,520 counted in the 萬 that follows)."""

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
        ("第三季稅後純益7億8,520萬元", [("7億8,520", 78520)]),
        ("净利润1亿2000万元", [("1亿2000", 12000)]),
        ("营收3亿元,净利2亿", [("3", 3), ("2", 2)]),  # a scale alone, not a compound
    ],
)
def test_ten_thousands_and_the_rest_are_one_number(text: str, numbers: list[tuple[str, Decimal | int]]) -> None:
    assert [(n.text, n.value) for n in numbers_in(text)] == [(t, Decimal(v)) for t, v in numbers]
