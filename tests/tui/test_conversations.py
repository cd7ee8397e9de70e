"""Saved conversations in the chat: every turn logged, the list (F5) with search, reopen with sources,
rename and delete, and the current conversation resumed after a restart (Ctrl+R, or `assistant chat -c`)."""

from __future__ import annotations

from collections.abc import Callable

from driving import ask, assert_sources_shown, chat_screen
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from assistant.history.store import Store
from assistant.tui.app import AssistantApp
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.screens.conversations import ConversationsScreen
from assistant.tui.screens.text_prompt import TextPrompt
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.question import QuestionMessage
from assistant.tui.widgets.wrapped import WrappedText

SIZE = (100, 30)


async def two_conversations(pilot: Pilot) -> ChatScreen:
    screen = await ask(pilot, "2024年CT業務收入多少?")
    await ask(pilot, "那MR呢?")
    await pilot.press("ctrl+l")
    await pilot.pause()
    await ask(pilot, "聯影智能2023年營收多少?")
    return screen


async def test_every_turn_is_logged(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await two_conversations(pilot)
        assert screen.store is not None
        listed = screen.store.conversations()
        assert [(c.turns, c.first_question, c.origin) for c in listed] == [
            (1, "聯影智能2023年營收多少?", "chat"),
            (2, "2024年CT業務收入多少?", "chat"),
        ]
        turns = screen.store.turns(listed[1].id)
        assert turns[1].answer() == screen.store.turns(listed[1].id)[1].answer()
        assert turns[1].answer().facts[0].written == "31.92億元"


async def test_list_search_and_reopen_with_sources(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await two_conversations(pilot)
        await pilot.press("f5")
        listing = pilot.app.screen
        assert isinstance(listing, ConversationsScreen)
        table = listing.query_one(DataTable)
        assert table.row_count == 2
        assert [table.get_row_at(i)[4] for i in range(2)] == ["聯影智能2023年營收多少?", "2024年CT業務收入多少?"]
        assert table.get_row_at(0)[0] == "●"  # the current conversation is marked
        await pilot.press("ctrl+f", *"MR")
        await pilot.pause()
        assert table.row_count == 1 and table.get_row_at(0)[4] == "2024年CT業務收入多少?"
        await pilot.press("enter", "enter")  # to the list, then open
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChatScreen)
        assert [q.question for q in screen.query(QuestionMessage)] == ["2024年CT業務收入多少?", "那MR呢?"]
        assert [t.question for t in screen.turns] == ["2024年CT業務收入多少?", "那MR呢?"]
        assert screen.query(AnswerMessage)[-1].has_class("-selected")
        assert_sources_shown(screen, screen.turns[-1])
        assert screen.focused is screen.query_one(PromptInput)
        await ask(pilot, "那CT呢?")  # the reopened conversation goes on, with its context
        assert screen.turns[-1].facts[0].written == "30.48億元"
        assert screen.store is not None
        assert screen.store.conversation(screen.session.conversation).turns == 3


async def test_rename_and_delete(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await two_conversations(pilot)
        await pilot.press("f5")
        listing = pilot.app.screen
        assert isinstance(listing, ConversationsScreen)
        table = listing.query_one(DataTable)
        await pilot.press("down", "f2")
        assert isinstance(pilot.app.screen, TextPrompt)
        field = pilot.app.screen.query_one(Input)
        assert field.value == "2024年CT業務收入多少?"
        field.value = "CT 與 MR"
        await pilot.press("enter")
        await pilot.pause()
        assert table.get_row_at(1)[4] == "CT 與 MR"
        await pilot.press("delete")
        assert table.row_count == 2  # the first Delete only asks
        await pilot.press("delete")
        await pilot.pause()
        assert table.row_count == 1
        assert screen.store is not None and len(screen.store.conversations()) == 1
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ChatScreen)


async def test_deleting_the_current_conversation_starts_a_new_one(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "2024年CT業務收入多少?")
        gone = screen.session.conversation
        await pilot.press("f5", "delete", "delete", "escape")
        await pilot.pause()
        await ask(pilot, "那MR呢?")
        assert screen.session.conversation not in (None, gone)
        assert not chat_screen(pilot).session.problem


async def test_resume_after_a_restart(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await ask(pilot, "2024年CT業務收入多少?")
        await ask(pilot, "那MR呢?")
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        resume = screen.query_one("#welcome .resume", WrappedText).plain
        assert "2024年CT業務收入多少?" in resume and "2 turns" in resume and "Ctrl+R" in resume
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert [t.question for t in screen.turns] == ["2024年CT業務收入多少?", "那MR呢?"]
        await ask(pilot, "那CT呢?")
        assert screen.turns[-1].facts[0].written == "30.48億元"


async def test_chat_continue_option_opens_the_latest(make_app: Callable[..., AssistantApp], home: object) -> None:
    with Store.open() as store:
        app = make_app()
        assert app.store is not None
        first = store.new_conversation(chat_pack(app), "ask")
        store.log_turn(first, "2024年CT業務收入多少?", app.bot.ask("2024年CT業務收入多少?"), None)
        app.store.close()
    async with make_app(resume=True).run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        screen = chat_screen(pilot)
        assert [t.question for t in screen.turns] == ["2024年CT業務收入多少?"]
    async with make_app(conversation=999).run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert chat_screen(pilot).turns == []


def chat_pack(app: AssistantApp) -> str:
    from assistant.history.session import pack_key

    return pack_key(app.bot)
