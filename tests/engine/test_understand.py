"""Slot extraction: the concepts a question names, in any script, with typos."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.engine.understand import Frame, understand
from assistant.lang.normalize import fold


def frame_of(bot: Assistant, question: str) -> Frame:
    return understand(question, fold(question), bot.lexicon, bot.cue_lexicon, bot.stopwords, bot.known_words,
                      bot.grammar)


@pytest.mark.parametrize(
    "question",
    [
        "聯影醫療2024年營收",
        "联影医疗2024年营收",
        "UIH revenue 2024",
        "United Imaging sales in 2024",
        "Unitd Imaging revnue 2024",
    ],
)
def test_same_slots_in_every_script_and_with_typos(bot: Assistant, question: str) -> None:
    frame = frame_of(bot, question)
    assert frame.entities == ["uih"]
    assert frame.metrics == ["revenue"]
    assert [p.year for p in frame.periods] == [2024]


def test_longest_alias_wins(bot: Assistant) -> None:
    assert frame_of(bot, "联影智能的估值").entities == ["uii"]


def test_latin_aliases_match_whole_words_only(bot: Assistant) -> None:
    frame = frame_of(bot, "more important remarks")
    assert "mr" not in frame.segments and "rt" not in frame.segments


def test_cues_do_not_hide_concepts(bot: Assistant) -> None:
    frame = frame_of(bot, "联影智能有多少款AI产品")
    assert "lookup" in frame.cues
    assert frame.metrics == ["product_count"]


def test_unknown_company_is_noticed(bot: Assistant) -> None:
    assert frame_of(bot, "What was Stryker's revenue in 2024?").unknown_names == ["Stryker"]
    assert frame_of(bot, "What was UIH's revenue in 2024?").unknown_names == []


@pytest.mark.parametrize(
    ("question", "metric"),
    [
        ("联影智能估直多少", "valuation"),
        ("联影智能2023年亏孙了几个亿", "net_loss"),
        ("聯影醫療研發人原有多少", "rd_staff"),
    ],
)
def test_homophone_typos(bot: Assistant, question: str, metric: str) -> None:
    assert metric in frame_of(bot, question).metrics


@pytest.mark.parametrize("question", ["這篇報道出自哪裡?", "文章的标题是什么"])
def test_question_words_are_not_read_as_homophones(bot: Assistant, question: str) -> None:
    assert frame_of(bot, question).metrics == []
