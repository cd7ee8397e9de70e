"""Reading and interpreting: the slots a question names (any script, typos), its operation, and every
token accounted for."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.engine.frame import Frame
from assistant.engine.reading import Reading
from assistant.lang.normalize import fold


def reading_of(bot: Assistant, question: str) -> Reading:
    return bot.reader.read(question, fold(question))


def frame_of(bot: Assistant, question: str) -> Frame:
    return bot.interpreter.frame(reading_of(bot, question))


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


@pytest.mark.parametrize("question", ["聯影醫療在華北市場的收入是多少?", "联影医疗华北地区收入"])
def test_a_short_name_with_another_first_character_is_no_typo(bot: Assistant, question: str) -> None:
    """华北市场 differs from 北美市场 by one character, but it is another region, not a misspelling."""
    assert "north_america" not in frame_of(bot, question).segments


@pytest.mark.parametrize("question", ["這篇報道出自哪裡?", "文章的标题是什么"])
def test_question_words_are_not_read_as_homophones(bot: Assistant, question: str) -> None:
    assert frame_of(bot, question).metrics == []


@pytest.mark.parametrize(
    "question",
    [
        "聯影醫療2024年營收多少?",
        "What was UIH's revenue in FY24?",
        "联影医疗2023年底应收账款是多少",
        "CT收入比MR少多少?",
        "UIH 淨利潤 2024 比 2023 少了多少 億元?",
    ],
)
def test_every_piece_of_a_question_is_accounted_for(bot: Assistant, question: str) -> None:
    reading = reading_of(bot, question)
    covered = [False] * len(reading.folded)
    for token in reading.tokens:
        assert reading.folded[token.start : token.end] == token.text
        covered[token.start : token.end] = [True] * (token.end - token.start)
    rest = "".join(c for c, done in zip(reading.folded, covered, strict=True) if not done)
    assert rest.strip(" ?!.,'") == "", f"unaccounted: {rest!r}"


@pytest.mark.parametrize(
    ("question", "piece", "kind"),
    [
        ("聯影醫療二三年營收多少?", "二三年", "period"),
        ("联影医疗的坪效额是多少", "坪效额", "metric"),
        ("联影医疗2024年第五季度营收", "2024年第五季度", "period"),
    ],
)
def test_pieces_that_look_like_something_unread_are_kept(bot: Assistant, question: str, piece: str, kind: str) -> None:
    assert (piece, kind) in reading_of(bot, question).unread


@pytest.mark.parametrize(
    ("question", "operation", "detail"),
    [
        ("聯影醫療2024年營收多少?", "lookup", "lookup"),
        ("營收同比下降了多少?", "change", "change"),
        ("聯影智能哪一年成立?", "when", "when"),
        ("聯影醫療為什麼業績下滑?", "statement", "why"),
        ("CT收入比MR少多少?", "compute", "difference"),
        ("研發費用是凈利潤的幾倍?", "compute", "multiple"),
        ("CT和MR收入加起來多少?", "compute", "sum"),
        ("What share of revenue came from CT?", "compute", "ratio"),
        ("What was UIH's net margin in 2024?", "compute", "ratio"),
        ("CT和MR哪個收入更高?", "compare", "compare"),
        ("這篇文章講了什麼?", "meta", "about"),
        ("預測聯影醫療明年營收", "refuse", "forecast"),
    ],
)
def test_operation_of_a_question(bot: Assistant, question: str, operation: str, detail: str) -> None:
    frame = frame_of(bot, question)
    assert (frame.operation, frame.detail) == (operation, detail)


@pytest.mark.parametrize(
    ("question", "decimals"),
    [("淨利率是多少?保留一位小數", 1), ("net margin to two decimal places", 2), ("淨利率取整", 0), ("淨利率", None)],
)
def test_rounding_asked_for(bot: Assistant, question: str, decimals: int | None) -> None:
    assert frame_of(bot, question).decimals == decimals


def test_a_currency_asked_for_is_the_unit_figures_are_written_in(bot: Assistant) -> None:
    assert frame_of(bot, "What was UIH's 2024 revenue in US dollars?").unit == "美元"


def test_a_sentence_that_only_sets_the_scene_names_no_operand(bot: Assistant) -> None:
    frame = frame_of(bot, "文章提到聯影智能的融資。請問聯影醫療2024年的海外收入是多少?")
    assert frame.entities == ["uih"]
    assert "funding_round" not in frame.metrics


def test_a_part_of_the_year_applies_to_each_year_named(bot: Assistant) -> None:
    frame = frame_of(bot, "By how much did the Q1 operating cash outflow narrow from 2024 to 2025?")
    assert [p.canonical() for p in frame.periods] == ["2025Q1"]
    assert [p.canonical() for p in frame.bases] == ["2024Q1"]
