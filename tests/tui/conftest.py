"""Fixtures for the chat UI: a home in tmp, English by default, apps that never blink, async tests run by asyncio."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The interface language follows LANG; tests start from English whatever the machine says."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture
def make_app(bot: Assistant, home: Path) -> Callable[..., AssistantApp]:
    """A chat app on the bundled pack (or another), its log and settings in this test's home."""

    def make(pack: Assistant | None = None, **options: Any) -> AssistantApp:
        return AssistantApp(pack or bot, cursor_blink=False, **options)

    return make


@pytest.fixture(scope="session")
def mini_bot(mini_pack: Path) -> Assistant:
    return Assistant.load(mini_pack)
