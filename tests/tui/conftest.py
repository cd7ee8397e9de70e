"""Fixtures for the chat UI: a data directory in tmp, apps that never blink, and async tests run by asyncio."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.tui.app import AssistantApp


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (the project does not depend on an asyncio plugin)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


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
