"""The engine stays free of textual; the chat ships its stylesheet and starts from the CLI."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from assistant import Assistant, cli
from assistant.tui import app as tui_app


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
    opened: list[Assistant] = []
    monkeypatch.setattr(tui_app.AssistantApp, "run", lambda self, *a, **k: opened.append(self.bot))
    assert cli.main([]) == 0
    assert cli.main(["chat"]) == 0
    assert len(opened) == 2 and all(isinstance(bot, Assistant) for bot in opened)
