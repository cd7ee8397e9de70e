"""The engine stays free of textual; the chat ships its stylesheet and starts from the CLI."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from assistant import Assistant, cli
from assistant.tui import app as tui_app
from assistant.tui.app import AssistantApp


def test_engine_and_cli_do_not_import_textual() -> None:
    code = (
        "import sys, assistant, assistant.engine.assistant, assistant.cli; "
        "assistant.Assistant.load().ask('聯影醫療2024年營收多少?'); "
        "sys.exit('textual' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_stylesheet_is_package_data() -> None:
    assert resources.files("assistant.tui").joinpath(tui_app.AssistantApp.CSS_PATH).is_file()


def test_cli_chat_opens_the_app(monkeypatch: pytest.MonkeyPatch, home: object) -> None:
    """On a terminal, `assistant`, `assistant chat` and `assistant -c` open the chat (not run here)."""
    from assistant.commands import chat, common

    opened: list[AssistantApp] = []
    monkeypatch.setattr(common, "is_terminal", lambda stream: True)
    monkeypatch.setattr(chat, "is_terminal", lambda stream: True)
    monkeypatch.setattr(tui_app.AssistantApp, "run", lambda self, *a, **k: opened.append(self))
    assert cli.main([]) == 0
    assert cli.main(["chat"]) == 0
    assert cli.main(["-c"]) == 0
    assert cli.main(["chat", "--cid", "3"]) == 0
    assert all(isinstance(app.bot, Assistant) for app in opened)
    assert [(app.resume, app.conversation) for app in opened] == [
        (False, None),
        (False, None),
        (True, None),
        (False, 3),
    ]


def test_front_ends_use_the_public_api_only() -> None:
    """The chat, the CLI, the log and the HTTP API reach the engine through Assistant's methods, its typed
    answers and the pack's data (`bot.pack`), never through its internal stages: renaming a stage cannot
    break a front end."""
    from pathlib import Path

    import assistant

    root = Path(assistant.__file__).parent
    internals = (
        "renderer",
        "matcher",
        "lexicon",
        "cue_lexicon",
        "composer",
        "decider",
        "reader",
        "interpreter",
        "resolver",
        "grammar",
    )
    offending = []
    for folder in ("tui", "commands", "history", "http"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            offending += [f"{path.name}: bot.{name}" for name in internals if f"bot.{name}" in text]
    assert offending == []
