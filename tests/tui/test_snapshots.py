"""How the chat looks, as SVG snapshots (update with `pytest tests/tui --snapshot-update`).

They use the small invented pack in tests/packs/mini, not the bundled one, so that tuning the bundled
facts does not change the pictures; fixed sizes, home in tmp, no cursor blink, a fixed clock and time zone.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from assistant import Assistant
from assistant.history.session import pack_key
from assistant.history.store import Store
from assistant.tui.app import AssistantApp
from assistant.tui.widgets.prompt import PromptInput

ANSWERED = "星湖儲能2024年營收多少?"
NO_ANSWER = "星湖儲能2019年營收多少?"
DERIVED = "星湖儲能2023年營收多少?"
CLARIFY = "星湖儲能"
SHARE = "星湖儲能海外收入占比多少?"
STAFF = "截至2024年底星湖儲能研發人員有多少?"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Logged times (shown in the conversation list) from a fixed clock, read in UTC."""
    ticks = itertools.count()
    monkeypatch.setattr(Store, "clock", staticmethod(lambda: 1_735_812_660.0 + 60 * next(ticks)))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def asking(*questions: str, keys: tuple[str, ...] = ()) -> Callable[[Pilot], object]:
    async def run_before(pilot: Pilot) -> None:
        for question in questions:
            prompt = pilot.app.screen.query_one(PromptInput)
            prompt.value = question
            await pilot.press("enter")
            await pilot.pause(0.1)
        if keys:
            await pilot.press(*keys)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.1)

    return run_before


def app_on(bot: Assistant, **options: object) -> AssistantApp:
    return AssistantApp(bot, cursor_blink=False, **options)  # type: ignore[arg-type]


def test_welcome(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    assert snap_compare(app_on(mini_bot), terminal_size=(100, 30))


def test_answered_with_source(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    assert snap_compare(app_on(mini_bot), terminal_size=(100, 30), run_before=asking(ANSWERED))


def test_no_answer(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    assert snap_compare(app_on(mini_bot), terminal_size=(100, 30), run_before=asking(NO_ANSWER))


def test_narrow_layout(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    assert snap_compare(app_on(mini_bot), terminal_size=(80, 24), run_before=asking(ANSWERED, DERIVED))


def test_clarify_list(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    """The list with its hint, the input keeping the focus, and option 2 previewed after typing "2"."""
    assert snap_compare(app_on(mini_bot), terminal_size=(100, 30), run_before=asking(CLARIFY, keys=("2",)))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)])
def test_line_breaking(
    snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path, size: tuple[int, int]
) -> None:
    """Answers full of figures, percentages and Chinese punctuation, in the conversation and the source pane."""
    assert snap_compare(app_on(mini_bot), terminal_size=size, run_before=asking(SHARE, STAFF))


def logged(bot: Assistant) -> None:
    """Two earlier conversations in the log, as if from earlier runs."""
    with Store.open() as store:
        for questions in ((ANSWERED, "凈利潤呢?"), (SHARE,)):
            chat = bot.chat()
            conversation = store.new_conversation(pack_key(bot), "chat")
            for question in questions:
                store.log_turn(conversation, question, chat.ask(question), None)
            store.set_state(f"chat:{pack_key(bot)}", str(conversation))


def test_conversation_list(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    logged(mini_bot)
    assert snap_compare(app_on(mini_bot), terminal_size=(100, 30), run_before=asking(keys=("f5",)))


def test_reopened_conversation(snap_compare: Callable[..., bool], mini_bot: Assistant, home: Path) -> None:
    """The first conversation reopened from the list: its turns, its sources, ready for a follow-up."""
    logged(mini_bot)
    keys = ("f5", "down", "enter")
    assert snap_compare(app_on(mini_bot), terminal_size=(100, 30), run_before=asking(keys=keys))
