"""The pure helpers behind the chat: source views, fact labels, completions, one-line cleaning, paste joining."""

from __future__ import annotations

from assistant import Assistant
from assistant.tui import present
from assistant.tui import text as tx


def test_clean_drops_controls_and_keeps_emoji() -> None:
    assert tx.clean("聯影\x1b[31m\x00醫療\u202e 😀👨‍👩‍👧\ttab") == "聯影[31m醫療 😀👨‍👩‍👧 tab"


def test_shorten_marks_what_was_cut() -> None:
    assert tx.shorten("x" * 700, 600).endswith("… (+100)")
    assert len(tx.shorten("x" * 10_000)) < 300
    assert tx.shorten("short") == "short"


def test_pasted_lines_are_joined() -> None:
    assert tx.joined_lines("a?\n\n  b?\r\n") == ("a? b?", 2)
    assert tx.joined_lines("one line") == ("one line", 1)
    assert tx.joined_lines("\n \n") == ("", 0)


def test_source_view_locates_quote_and_figures(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療2024年營收多少?")
    view = present.source_view(bot, answer)
    assert len(view.items) == len(answer.citations)
    for item, citation in zip(view.items, answer.citations, strict=True):
        assert item.quote is not None
        assert item.text[item.quote[0] : item.quote[1]] == citation.quote
        for start, end in item.figures:
            assert item.quote[0] <= start < end <= item.quote[1]


def test_clarify_shows_the_candidates_sources(bot: Assistant) -> None:
    answer = bot.ask("聯影醫療")
    view = present.source_view(bot, answer)
    assert view.items and view.message == present.say("clarify_sources", "zh-Hant")


def test_fact_view_is_named_for_people(bot: Assistant) -> None:
    fact = bot.pack.facts["uih-revenue-2024"]
    view = present.fact_view(bot, fact, "en")
    assert view.heading == "United Imaging Healthcare's revenue in 2024"
    assert view.items[0].text[view.items[0].quote[0] : view.items[0].quote[1]] == fact.quote
    assert present.fact_label(bot, fact, "zh-Hant") == "聯影醫療2024年營業收入"


def test_candidates_are_unique_and_cover_three_scripts(bot: Assistant) -> None:
    found = present.suggestion_candidates(bot, ["my old question"])
    assert found[0] == "my old question"
    assert len({c.casefold() for c in found}) == len(found)
    for script in present.SCRIPTS:
        assert set(bot.example_questions(script)) <= set(found)


def test_language_names() -> None:
    assert present.language_name(None, "zh-Hans") == "自动"
    assert present.language_name("en", "zh-Hant") == "English"
