"""Behaviour of the chat, driven with Textual's pilot against the bundled fact pack.

The engine and its data are tuned by others, so these tests compare the screen with what the engine
itself answers (status, cited paragraph, quote) instead of fixed wording.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable

from assistant import Answer, Assistant
from assistant.tui import present
from assistant.tui.app import AssistantApp
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.screens.fact_source import FactSourceScreen
from assistant.tui.screens.facts import FactsScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.question import QuestionMessage
from assistant.tui.widgets.source_pane import SourcePane

SIZE = (100, 30)
NARROW = (80, 24)
ANSWERED = "聯影醫療2024年營收多少?"
NO_ANSWER = "飛利浦2024年全球營收多少?"
CLARIFY_CANDIDATES = ("联影的市场份额", "聯影智能", "聯影醫療", "市場份額", "What about UIH?", "UIH")


async def ask(pilot: Pilot, question: str, *, typed: bool = False) -> ChatScreen:
    """Put a question in the input (typing it key by key when `typed`) and press Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, ChatScreen)
    prompt = screen.query_one(PromptInput)
    prompt.focus()
    if typed:
        await pilot.press(*question)
    else:
        prompt.value = question
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def settle(pilot: Pilot, widget: Widget) -> None:
    """Wait until the widget stops moving (Markdown above it lays out after it mounts)."""
    before = None
    for _ in range(50):
        await pilot.pause(0.02)
        if widget.region == before and widget.region.height:
            return
        before = widget.region


def pane_text(screen: ChatScreen) -> str:
    return screen.query_one(SourcePane).text


def assert_sources_shown(screen: ChatScreen, answer: Answer) -> None:
    text = pane_text(screen)
    for citation in answer.citations:
        assert present.word("paragraph", answer.language, n=citation.paragraph) in text
        assert citation.quote in text


async def test_question_answer_and_source(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    expected = bot.ask(ANSWERED)
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED, typed=True)
        assert [q.question for q in screen.query(QuestionMessage)] == [ANSWERED]
        answer = screen.turns[-1]
        assert answer.status == expected.status == "answered"
        assert [c.paragraph for c in answer.citations] == [c.paragraph for c in expected.citations]
        message = screen.query_one(AnswerMessage)
        assert message.has_class("-answered")
        assert message.has_class("-selected")
        figure = answer.facts[0].written
        assert figure and f"**{figure}**" in message.view.body
        assert_sources_shown(screen, answer)
        assert screen.focused is screen.query_one(PromptInput)


async def test_follow_up_keeps_context(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    reference = bot.chat()
    reference.ask("2024年CT業務收入多少?")
    follow = reference.ask("那MR呢?")
    async with make_app().run_test(size=SIZE) as pilot:
        await ask(pilot, "2024年CT業務收入多少?")
        screen = await ask(pilot, "那MR呢?")
        answer = screen.turns[-1]
        assert answer.status == follow.status
        assert [f.id for f in answer.facts] == [f.id for f in follow.facts]
        assert screen.query(AnswerMessage)[-1].has_class(f"-{answer.status.replace('_', '-')}")
        assert_sources_shown(screen, answer)


async def test_no_answer_is_marked_and_offers_suggestions(
    make_app: Callable[..., AssistantApp], bot: Assistant
) -> None:
    expected = bot.ask(NO_ANSWER)
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, NO_ANSWER)
        message = screen.query_one(AnswerMessage)
        assert message.has_class(f"-{expected.status.replace('_', '-')}")
        if expected.status == "no_answer":
            assert not message.has_class("-answered")
            assert message.query_one(QuestionOptions).questions == expected.suggestions
            if not expected.citations:
                assert present.word("no_source", expected.language) in pane_text(screen)


def clarifying(bot: Assistant) -> tuple[str, Answer] | None:
    for question in CLARIFY_CANDIDATES:
        answer = bot.chat().ask(question)
        if answer.status == "clarify" and len(answer.suggestions) >= 2:
            return question, answer
    return None


async def test_clarify_option_chosen_by_keyboard(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    found = clarifying(bot)
    if found is None:
        pytest.skip("none of the candidate questions asks to clarify with this fact pack")
    question, expected = found
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, question)
        message = screen.query_one(AnswerMessage)
        assert message.has_class("-clarify")
        options = message.query_one(QuestionOptions)
        assert screen.focused is options
        assert options.questions == expected.suggestions
        await pilot.press("down", "enter")
        await pilot.pause()
        assert len(screen.turns) == 2
        assert screen.turns[-1].question == expected.suggestions[1]
        assert screen.turns[-1].status != "clarify" or screen.turns[-1].suggestions != expected.suggestions
        await pilot.press("escape")
        assert screen.focused is screen.query_one(PromptInput)


async def test_clarify_option_chosen_by_number_and_mouse(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    found = clarifying(bot)
    if found is None:
        pytest.skip("none of the candidate questions asks to clarify with this fact pack")
    question, expected = found
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, question)
        options = screen.query(AnswerMessage)[-1].query_one(QuestionOptions)
        await settle(pilot, options)
        assert await pilot.click(options, offset=(4, options.size.height - 1))  # the last option's last row
        await pilot.pause()
        assert screen.turns[-1].question == expected.suggestions[-1]
        assert screen.query(AnswerMessage)[-1].has_class("-selected")
        assert_sources_shown(screen, screen.turns[-1])
        await pilot.press("ctrl+l")
        await pilot.pause()
        await ask(pilot, question)
        assert isinstance(screen.focused, QuestionOptions)
        await pilot.press("1")
        await pilot.pause()
        assert screen.turns[-1].question == expected.suggestions[0]


async def test_history_with_up_and_across_runs(make_app: Callable[..., AssistantApp], home: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED)
        await ask(pilot, NO_ANSWER)
        prompt = screen.query_one(PromptInput)
        prompt.value = "draft"
        await pilot.press("up")
        assert prompt.value == NO_ANSWER
        await pilot.press("up", "up")
        assert prompt.value == ANSWERED
        await pilot.press("down", "down")
        assert prompt.value == "draft"
    assert (home / "history.jsonl").is_file()
    async with make_app().run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ChatScreen)
        await pilot.press("up")
        assert screen.query_one(PromptInput).value == NO_ANSWER


async def test_suggestions_as_you_type(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    example = bot.example_questions("zh-Hant")[0]
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press(*example[:3])
        await pilot.pause(0.1)
        prompt = pilot.app.screen.query_one(PromptInput)
        assert prompt._suggestion.startswith(example[:3])
        suggestion = prompt._suggestion
        await pilot.press("right")
        assert prompt.value == suggestion


async def test_export_writes_the_conversation(make_app: Callable[..., AssistantApp], tmp_path: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED)
        await ask(pilot, NO_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        files = list(tmp_path.glob("conversation-*.md"))
        assert len(files) == 1
        text = files[0].read_text(encoding="utf-8")
        assert ANSWERED in text and NO_ANSWER in text
        for citation in screen.turns[0].citations:
            assert citation.quote in text.replace("\\", "").replace("*", "")


async def test_export_from_the_command_palette(make_app: Callable[..., AssistantApp], tmp_path: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await ask(pilot, ANSWERED)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export conversation")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert len(list(tmp_path.glob("conversation-*.md"))) == 1


@pytest.mark.parametrize("text", ["", "   ", "\x00\x1b\x07"])
async def test_empty_input_is_ignored(make_app: Callable[..., AssistantApp], text: str) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, text)
        assert screen.turns == []
        assert not screen.query(QuestionMessage)
        assert screen.query_one("#welcome")


async def test_ten_thousand_character_paste(make_app: Callable[..., AssistantApp]) -> None:
    pasted = ("聯影醫療2024年營收多少?" * 800)[:10_000]
    async with make_app().run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ChatScreen)
        prompt = screen.query_one(PromptInput)
        prompt.post_message(events.Paste(pasted))
        await pilot.pause()
        assert len(prompt.value) == 10_000
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.turns) == 1
        assert len(screen.query_one(QuestionMessage).question) < 1_000
        await pilot.press("up")
        assert prompt.value.startswith("聯影醫療")


async def test_control_characters_and_emoji(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "聯影醫療\x1b[31m\x00 2024年營收多少?😀👨‍👩‍👧\u202e")
        assert len(screen.turns) == 1
        shown = screen.query_one(QuestionMessage).question
        assert "\x1b" not in shown and "\x00" not in shown and "\u202e" not in shown
        assert "😀" in shown
        await ask(pilot, "🙂" * 50)
        assert len(screen.turns) == 2


async def test_selecting_an_earlier_answer_shows_its_sources(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await ask(pilot, ANSWERED)
        screen = await ask(pilot, "2024年CT業務收入多少?")
        first, second = screen.turns
        assert_sources_shown(screen, second)
        await pilot.press("escape", "alt+up")
        assert isinstance(screen.focused, AnswerMessage) and screen.focused.index == 1
        await pilot.press("up")
        assert screen.focused.index == 0
        assert_sources_shown(screen, first)
        assert screen.query(AnswerMessage)[0].has_class("-selected")
        await pilot.press("down")
        assert_sources_shown(screen, second)
        await pilot.click(screen.query(AnswerMessage)[0])
        assert_sources_shown(screen, first)


async def test_source_pane_toggles(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED)
        pane = screen.query_one(SourcePane)
        assert pane.display
        cited = screen.query_one(AnswerMessage).query_one(".citations")
        assert not cited.display
        await pilot.press("f2")
        assert not pane.display
        assert cited.display
        await screen.run_action("toggle_sources")
        assert pane.display


async def test_narrow_terminal_stacks_the_source_pane(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=NARROW) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ChatScreen)
        assert screen.has_class("-narrow")
        await ask(pilot, ANSWERED)
        pane = screen.query_one(SourcePane).region
        conversation = screen.query_one("#conversation").region
        assert pane.y >= conversation.bottom
        assert pane.width >= conversation.width - 2


async def test_new_conversation_forgets_context(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.turns == [] and screen.chat.turns == []
        assert not screen.query(AnswerMessage)
        assert screen.query_one("#welcome")


async def test_answer_language_command(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ChatScreen)
        await screen.run_action("set_language('en')")
        await ask(pilot, ANSWERED)
        assert screen.turns[-1].language == "en"
        assert "English" in screen.sub_title
        await pilot.press("f4")
        assert screen.language is None
        await pilot.press("f4")
        assert screen.language == "zh-Hant"


async def test_copy_last_answer(make_app: Callable[..., AssistantApp], monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED)
        await pilot.press("ctrl+y")
        assert copied == [screen.turns[-1].text]


async def test_welcome_lists_the_article_and_examples(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        examples = screen.query_one("#examples", QuestionOptions)
        for script in present.SCRIPTS:
            assert bot.example_questions(script)[0] in examples.questions
        title = next(iter(bot.pack.sources.values())).title.zh_Hant
        assert any(title in str(w.render()) for w in screen.query("#welcome .article"))
        examples.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(screen, ChatScreen)
        assert screen.turns[0].question == examples.questions[0]


async def test_help_screen(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ChatScreen)
        pilot.app.screen.query_one(SourcePane).focus()
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_fact_browser_shows_a_facts_source(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        screen = pilot.app.screen
        assert isinstance(screen, FactsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == len(bot.pack.facts)
        await pilot.press("enter")
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, FactSourceScreen)
        fact = next(iter(bot.pack.facts.values()))
        text = modal.query_one(SourcePane).text
        assert fact.quote in text and present.word("paragraph", "zh-Hant", n=fact.paragraph) in text
        await pilot.press("escape")
        await pilot.press("ctrl+f", *fact.id)
        await pilot.pause()
        assert 1 <= table.row_count < len(bot.pack.facts) or len(bot.pack.facts) == 1
        await pilot.press("escape", "escape")
        assert isinstance(pilot.app.screen, ChatScreen)


async def test_engine_failure_is_shown_not_raised(
    make_app: Callable[..., AssistantApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ChatScreen)

        def broken(question: str, **kwargs: object) -> Answer:
            raise RuntimeError("boom [bold]not markup[/")

        monkeypatch.setattr(screen.chat, "ask", broken)
        await ask(pilot, ANSWERED)
        assert screen.query_one(".-error")
        assert screen.turns == []
