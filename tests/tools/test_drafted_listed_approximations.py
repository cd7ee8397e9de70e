"""An approximation word before the first item of a list given respectively (分別不低於6000萬元、6800萬元及
7500萬元) qualifies every item: each year's figure is answered with the word, never as an exact figure."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import to_simplified
from tests.tools.answers import answered, figure_lines

ARTICLE = "\n".join(
    [
        "匯瑞服務中期純利倒退 收購晴川物業",
        "香江財經 記者 梁小欣",
        "匯瑞城市服務控股有限公司(匯瑞服務)公布中期業績。2022年5月,匯瑞服務收購晴川物業70%股權。",
        "根據收購協議,賣方承諾晴川物業2022年至2024年的淨利潤分別不低於6000萬元、6800萬元及7500萬元。",
    ]
)


@pytest.mark.parametrize(("year", "figure"), [("2022", "6000"), ("2023", "6800"), ("2024", "7500")])
def test_every_item_of_an_approximate_list_keeps_its_word(drafted: Assistant, year: str, figure: str) -> None:
    text = to_simplified(figure_lines(answered(drafted, f"晴川物業{year}年淨利潤多少?")))
    assert f"不低于{figure}" in text


def test_the_english_answer_says_at_least(drafted: Assistant) -> None:
    assert "at least" in figure_lines(answered(drafted, "What was Qingchuan's 2023 net profit?")).lower()
