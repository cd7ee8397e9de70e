"""Behaviour of the chat, driven with Textual's pilot against the bundled fact pack.

The engine and its data are tuned by others, so these tests compare the screen with what the engine
itself answers (status, cited paragraph, quote) instead of fixed wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from driving import ask, assert_sources_shown, chat_screen, pane_text, settle
from textual import events

from assistant import Answer, Assistant
from assistant.history.layout import layout
from assistant.history.plain import answer_text
from assistant.tui.app import AssistantApp
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.question import QuestionMessage
from assistant.tui.widgets.source_pane import SourcePane
from assistant.tui.widgets.wrapped import WrappedText
from assistant.tui.words import say

SIZE = (100, 30)
NARROW = (80, 24)
ANSWERED = "聯影醫療2024年營收多少?"
NO_ANSWER = "飛利浦2024年全球營收多少?"
CLARIFY = "聯影醫療"


def clarifying(bot: Assistant) -> Answer:
    answer = bot.chat().ask(CLARIFY)
    assert answer.status == "clarify" and len(answer.options) >= 2
    return answer


async def test_question_answer_and_source(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    expected = bot.ask(ANSWERED)
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED, typed=True)
        assert [q.question for q in screen.query(QuestionMessage)] == [ANSWERED]
        answer = screen.turns[-1]
        assert answer.status == expected.status == "answered"
        message = screen.query_one(AnswerMessage)
        assert message.has_class("-answered") and message.has_class("-selected")
        shown = " ".join(message.text_lines)
        assert expected.understood in shown and "103億元" in shown
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
        assert [f.id for f in answer.facts] == [f.id for f in follow.facts]
        assert screen.query(AnswerMessage)[-1].has_class(f"-{answer.status.replace('_', '-')}")
        assert_sources_shown(screen, answer)


async def test_no_answer_is_marked_and_offers_suggestions(
    make_app: Callable[..., AssistantApp], bot: Assistant
) -> None:
    expected = bot.ask(NO_ANSWER)
    assert expected.status == "no_answer"
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, NO_ANSWER)
        message = screen.query_one(AnswerMessage)
        assert message.has_class("-no-answer") and not message.has_class("-answered")
        assert message.query_one(QuestionOptions).questions == expected.suggestions
        if not expected.citations:
            assert say("no_source", expected.language) in pane_text(screen)


async def test_typing_a_question_after_a_clarify_list_asks_it(
    make_app: Callable[..., AssistantApp], bot: Assistant
) -> None:
    """The clarify trap: the input keeps focus, and a question that starts with a digit is a question."""
    expected = bot.ask("2024年RT業務收入多少?")
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, CLARIFY)
        assert screen.focused is screen.query_one(PromptInput)
        title = screen.query_one(AnswerMessage).query_one(".options-title", WrappedText)
        assert say("options_hint", "zh-Hant") in title.plain  # the hint says how
        await pilot.press(*"2024年RT業務收入多少?", "enter")  # ends with "?": it must not open the help
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
        assert [t.question for t in screen.turns] == [CLARIFY, "2024年RT業務收入多少?"]
        assert [f.id for f in screen.turns[-1].facts] == [f.id for f in expected.facts]


async def test_a_number_alone_picks_from_the_newest_list(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    expected = clarifying(bot)
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, CLARIFY)
        options = screen.query_one(AnswerMessage).query_one(QuestionOptions)
        await pilot.press("2")
        assert options.highlighted == 1 and options.has_class("-preview")  # the pick is previewed
        await pilot.press("0")
        assert not options.has_class("-preview")  # "20" is not an option: it would be asked as typed
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert screen.turns[-1].question == expected.options[1]
        assert [q.question for q in screen.query(QuestionMessage)][-1] == expected.options[1]
        assert screen.focused is screen.query_one(PromptInput)
        older = screen.query(AnswerMessage)[0]
        assert say("options_hint", "zh-Hant") not in older.query_one(".options-title", WrappedText).plain


async def test_picking_an_option_answers_in_the_conversation_language(
    make_app: Callable[..., AssistantApp], bot: Assistant
) -> None:
    reference = bot.chat()
    reference.ask(CLARIFY)
    expected = reference.ask("1")
    assert expected.language == "zh-Hant"
    async with make_app().run_test(size=SIZE) as pilot:
        await ask(pilot, CLARIFY)
        screen = await ask(pilot, "1")
        assert screen.turns[-1].language == "zh-Hant"
        assert screen.turns[-1].headline == expected.headline


async def test_clarify_list_by_keyboard_and_mouse(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    expected = clarifying(bot)
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, CLARIFY)
        options = screen.query(AnswerMessage)[-1].query_one(QuestionOptions)
        options.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.turns[-1].question == expected.options[1]
        await pilot.press("escape")
        assert screen.focused is screen.query_one(PromptInput)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await ask(pilot, CLARIFY)
        options = screen.query(AnswerMessage)[-1].query_one(QuestionOptions)
        await settle(pilot, options)
        assert await pilot.click(options, offset=(4, options.size.height - 1))  # the last option's last row
        await pilot.pause()
        assert screen.turns[-1].question == expected.options[-1]
        assert screen.query(AnswerMessage)[-1].has_class("-selected")
        assert_sources_shown(screen, screen.turns[-1])
        await pilot.press("ctrl+l")
        await pilot.pause()
        await ask(pilot, CLARIFY)
        screen.query(AnswerMessage)[-1].query_one(QuestionOptions).focus()
        await pilot.press("3")  # a digit on a focused list picks at once
        await pilot.pause()
        assert screen.turns[-1].question == expected.options[2]


async def test_history_across_runs(make_app: Callable[..., AssistantApp]) -> None:
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
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("up")
        assert chat_screen(pilot).query_one(PromptInput).value == NO_ANSWER


async def test_two_windows_lose_nothing(make_app: Callable[..., AssistantApp]) -> None:
    """Another window writes to the same log while this one runs: both histories and both conversations stay."""
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        other = make_app()  # a second window: its own connection to the same log
        assert other.store is not None and screen.store is not None
        other.store.add_input("from the other window")
        await ask(pilot, ANSWERED)
        await pilot.press("up")
        assert screen.query_one(PromptInput).value == ANSWERED
        await pilot.press("up")
        assert screen.query_one(PromptInput).value == "from the other window"
        theirs = other.store.new_conversation(screen.session.pack, "chat")
        other.store.log_turn(theirs, NO_ANSWER, screen.bot.ask(NO_ANSWER), None)
        await ask(pilot, "2024年CT業務收入多少?")
        listed = {c.id: c.turns for c in screen.store.conversations()}
        assert listed == {screen.session.conversation: 2, theirs: 1}
        other.store.close()


async def test_suggestions_as_you_type(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    example = bot.example_questions("zh-Hant")[0]
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press(*example[:3])
        await pilot.pause(0.1)
        prompt = chat_screen(pilot).query_one(PromptInput)
        assert prompt._suggestion.startswith(example[:3])
        suggestion = prompt._suggestion
        await pilot.press("right")
        assert prompt.value == suggestion


@pytest.mark.parametrize("text", ["", "   ", "\x00\x1b\x07"])
async def test_empty_input_is_ignored(make_app: Callable[..., AssistantApp], text: str) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, text)
        assert screen.turns == []
        assert not screen.query(QuestionMessage)
        assert screen.query_one("#welcome")


async def test_multi_line_paste_is_one_question(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        prompt = screen.query_one(PromptInput)
        prompt.focus()
        prompt.post_message(events.Paste("聯影醫療2024年營收多少?\n\n  凈利潤多少?\n"))
        await pilot.pause()
        assert prompt.value == "聯影醫療2024年營收多少? 凈利潤多少?"  # nothing cut
        assert any("2" in n.message and "lines" in n.message for n in pilot.app._notifications)
        await pilot.press("enter")
        await pilot.pause()
        expected = bot.ask("聯影醫療2024年營收多少? 凈利潤多少?")
        assert screen.turns[-1].text == expected.text  # the engine answers each question in turn


async def test_ten_thousand_character_paste(make_app: Callable[..., AssistantApp]) -> None:
    pasted = ("聯影醫療2024年營收多少?" * 800)[:10_000]
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        prompt = screen.query_one(PromptInput)
        prompt.post_message(events.Paste(pasted))
        await pilot.pause()
        assert len(prompt.value) == 10_000
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.turns) == 1
        assert len(screen.query_one(QuestionMessage).question) < 1_000


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


async def test_narrow_terminal_stacks_the_source_pane(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=NARROW) as pilot:
        screen = chat_screen(pilot)
        assert screen.has_class("-narrow")
        await ask(pilot, ANSWERED)
        pane = screen.query_one(SourcePane).region
        conversation = screen.query_one("#conversation").region
        assert pane.y >= conversation.bottom
        assert pane.width >= conversation.width - 2


async def test_new_conversation_forgets_context(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, ANSWERED)
        first = screen.session.conversation
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.turns == [] and screen.session.chat.turns == [] and screen.session.conversation is None
        assert not screen.query(AnswerMessage)
        assert screen.query_one("#welcome")
        await ask(pilot, ANSWERED)
        assert screen.session.conversation not in (None, first)


async def test_welcome_lists_the_article_and_examples(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        examples = screen.query_one("#examples", QuestionOptions)
        for script in ("zh-Hant", "zh-Hans", "en"):
            assert bot.example_questions(script)[0] in examples.questions
        title = next(iter(bot.pack.sources.values())).title.zh_Hant
        assert any(title in w.plain for w in screen.query("#welcome .article").results(WrappedText))
        await ask(pilot, "2")  # a number alone picks an example too
        assert screen.turns[0].question == examples.questions[1]


async def test_help_screen(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        chat_screen(pilot).query_one(SourcePane).focus()
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_engine_failure_is_shown_not_raised(
    make_app: Callable[..., AssistantApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)

        def broken(question: str, **kwargs: object) -> Answer:
            raise RuntimeError("boom [bold]not markup[/")

        monkeypatch.setattr(screen.session.chat, "ask", broken)
        await ask(pilot, ANSWERED)
        assert screen.query_one(".-error")
        assert screen.turns == []


async def test_copy_answer_and_citations(
    make_app: Callable[..., AssistantApp], monkeypatch: pytest.MonkeyPatch, bot: Assistant
) -> None:
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "What was UIH's net margin in 2024?")
        answer = screen.turns[-1]
        await pilot.press("ctrl+y")
        assert copied == [answer_text(layout(answer))]
        await pilot.press("ctrl+t")
        citation = answer.citations[0]
        assert copied[-1] == f'"{citation.title}", paragraph {citation.paragraph}: "{citation.quote}"'
        await ask(pilot, "2024年CT業務收入多少?")
        await pilot.press("ctrl+t", "ctrl+t")
        assert copied[-1] == copied[-2]  # one citation: pressing again copies it again
        assert "第30段" in copied[-1]


async def test_ctrl_c_quits_with_130(make_app: Callable[..., AssistantApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, ANSWERED)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130


async def test_focus_scroll_and_quit_keys(make_app: Callable[..., AssistantApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ask(pilot, CLARIFY)
        for _ in range(3):
            await ask(pilot, ANSWERED)
        conversation = screen.query_one("#conversation")
        bottom = conversation.scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert conversation.scroll_y < bottom
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert conversation.scroll_y > 0
        await pilot.press("tab")  # from the input to the answers and lists
        assert screen.focused is not screen.query_one(PromptInput)
        await pilot.press("escape")
        assert screen.focused is screen.query_one(PromptInput)
        await pilot.press("ctrl+o")
        assert type(pilot.app.screen).__name__ == "ConversationsScreen"
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
    assert app.return_code in (None, 0)
