"""How the chat looks, as SVG snapshots (update with `pytest tests/tui --snapshot-update`).

They use the small invented pack in tests/packs/mini, not the bundled one, so that tuning the bundled
facts does not change the pictures; fixed sizes, history in tmp, no cursor blink, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from assistant import Assistant
from assistant.tui.app import AssistantApp
from assistant.tui.widgets.prompt import PromptInput

ANSWERED = "星湖儲能2024年營收多少?"
NO_ANSWER = "星湖儲能2019年營收多少?"
DERIVED = "星湖儲能2023年營收多少?"


def asking(*questions: str) -> Callable[[Pilot], object]:
    async def run_before(pilot: Pilot) -> None:
        for question in questions:
            prompt = pilot.app.screen.query_one(PromptInput)
            prompt.value = question
            await pilot.press("enter")
            await pilot.pause(0.1)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.1)

    return run_before


def test_welcome(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    assert snap_compare(AssistantApp(mini_bot, cursor_blink=False), terminal_size=(100, 30))


def test_answered_with_source(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    app = AssistantApp(mini_bot, cursor_blink=False)
    assert snap_compare(app, terminal_size=(100, 30), run_before=asking(ANSWERED))


def test_no_answer(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    app = AssistantApp(mini_bot, cursor_blink=False)
    assert snap_compare(app, terminal_size=(100, 30), run_before=asking(NO_ANSWER))


def test_narrow_layout(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    app = AssistantApp(mini_bot, cursor_blink=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=asking(ANSWERED, DERIVED))
