"""Questions in spoken Cantonese (幾多, 邊間, 嘅, 咗) are read as their written forms: the same figures and
the same answers about the article as the written question gets."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.lang.normalize import fold


@pytest.mark.parametrize(
    ("spoken", "figure"),
    [
        ("聯影醫療2024年嘅營收係幾多?", "103"),
        ("聯影醫療2024年淨利潤跌咗幾多?", "36.08"),
        ("联影医疗2024年嘅净利润有几多?", "12.62"),
    ],
)
def test_a_spoken_question_gets_the_written_ones_figure(bot: Assistant, spoken: str, figure: str) -> None:
    answer = bot.ask(spoken)
    assert answer.status == "answered", answer.text
    assert figure in answer.text


def test_which_company_the_article_is_about_asked_in_cantonese(bot: Assistant) -> None:
    answer = bot.ask("呢篇文章講緊邊間公司?")
    assert answer.status == "answered", answer.text
    assert "聯影醫療" in answer.text


def test_every_spoken_form_is_as_long_as_its_written_one(bot: Assistant) -> None:
    """A pair of two lengths would shift every position after it, so it is left out: none may be."""
    entries = bot.pack.words["spoken_forms"]
    pairs = [fold(e).split("=") for e in entries]
    assert entries and all(len(p) == 2 and len(p[0]) == len(p[1]) for p in pairs), pairs
    assert len(bot.reader.vocabulary.spoken) == len(entries)
