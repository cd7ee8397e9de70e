"""English renderings keep the source's scale right: 億 and 萬 to billions and millions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant import Assistant
from assistant.pack.schema import Fact


def _fact(value: str, scale: str | None, unit: str = "元", approx: str | None = None) -> Fact:
    return Fact(
        id="t",
        subject="uih",
        metric="revenue",
        value=Decimal(value),
        unit=unit,
        scale=scale,
        approx=approx,
        written=f"{value}",
        quote="x",
        paragraph=1,
    )


@pytest.mark.parametrize(
    ("value", "scale", "english"),
    [
        ("103", "億", "RMB 10.3 billion"),
        ("12.62", "億", "RMB 1.262 billion"),
        ("2848.72", "萬", "RMB 28.49 million"),
        ("8319", "萬", "RMB 83.19 million"),
        ("1.36", "億", "RMB 136 million"),
        ("1500", "億", "RMB 150 billion"),
        ("-6.2", "億", "RMB -620 million"),
    ],
)
def test_money_scales(bot: Assistant, value: str, scale: str, english: str) -> None:
    assert english in bot.renderer.figure_en(_fact(value, scale))


def test_approximation_word_is_kept_in_english(bot: Assistant) -> None:
    assert "more than 35%" in bot.renderer.figure_en(_fact("35", None, unit="%", approx="超過"))


def test_people_count(bot: Assistant) -> None:
    assert "3271 people" in bot.renderer.figure_en(_fact("3271", None, unit="人"))
