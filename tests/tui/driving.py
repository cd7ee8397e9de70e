"""Driving the chat in Pilot tests: typing, asking, waiting for layout, reading what is on screen."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget

from assistant import Answer
from assistant.history.words import word
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.source_pane import SourcePane


def chat_screen(pilot: Pilot) -> ChatScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ChatScreen)
    return screen


async def ask(pilot: Pilot, question: str, *, typed: bool = False) -> ChatScreen:
    """Put a question in the input (typing it key by key when `typed`) and press Enter."""
    screen = chat_screen(pilot)
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
    """Wait until the widget stops moving (text above it lays out after it mounts)."""
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
        assert word("paragraph", answer.language, n=citation.paragraph) in text
        assert citation.quote in text
