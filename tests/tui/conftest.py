"""Fixtures for the chat UI: a data directory in tmp, and apps that never blink."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.tui.app import AssistantApp
from assistant.tui.screens.chat import ChatScreen

SIZE = (100, 30)
NARROW = (80, 24)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ASSISTANT_HOME in a temporary folder, which is also the working directory (exports land there)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("ASSISTANT_HOME", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def make_app(bot: Assistant, home: Path) -> Callable[..., AssistantApp]:
    def make(pack: Assistant | None = None) -> AssistantApp:
        return AssistantApp(pack or bot, cursor_blink=False)

    return make


@pytest.fixture(scope="session")
def mini_bot(mini_pack: Path) -> Assistant:
    return Assistant.load(mini_pack)


def chat_screen(app: AssistantApp) -> ChatScreen:
    return app.chat_screen
