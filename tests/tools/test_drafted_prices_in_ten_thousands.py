"""A price written in ten-thousands and the rest (1萬9,200元, as Taiwan papers write it) is one figure of
the draft, with the rise before it as its change; the list price (牌價) is a price."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, figure_lines

ARTICLE = "\n".join(
    [
        "瀚嶸鋼公布12月盤價",
        "經濟日報 記者 王明",
        "民營鋼廠瀚嶸鋼鐵工業股份有限公司(瀚嶸鋼)2024年營收為1,200億元。",
        "瀚嶸鋼隨即跟進,12月熱軋牌價每公噸調漲300元至1萬9,200元,冷軋則維持2萬1,800元不變。",
    ]
)


def test_a_price_in_ten_thousands_is_one_figure_with_its_rise(drafted: Assistant) -> None:
    text = figure_lines(answered(drafted, "瀚嶸鋼12月熱軋牌價每公噸多少?"))
    assert "1万9,200" in text and "300" in text


def test_the_other_price_of_the_sentence_is_whole_too(drafted: Assistant) -> None:
    assert "2万1,800" in figure_lines(answered(drafted, "冷軋牌價多少?"))
