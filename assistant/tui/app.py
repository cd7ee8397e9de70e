"""The Textual chat app: `run(bot)` is what `assistant` and `assistant chat` call.

The app owns what outlives a screen: the conversation log (SQLite under ASSISTANT_HOME; the chat works
without it when it cannot be opened) and the settings (theme, languages, source pane).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from assistant import Assistant
from assistant.history.migrations import StoreError
from assistant.history.store import Store
from assistant.tui.keys import localize_bindings
from assistant.tui.prefs import Prefs
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.words import say, ui_words

INTERRUPTED = 130


class AssistantApp(App[None]):
    """Cited answers about the fact pack's article, in a terminal chat."""

    CSS_PATH = "chat.tcss"
    TITLE = "uih-assistant"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        bot: Assistant,
        *,
        log: bool = True,
        prefs: Prefs | None = None,
        cursor_blink: bool = True,
        resume: bool = False,
        conversation: int | None = None,
    ) -> None:
        super().__init__()
        self.bot = bot
        self.prefs = prefs if prefs is not None else Prefs()
        self.cursor_blink = cursor_blink
        self.store: Store | None = None
        self.store_problem = ""
        if log:
            try:
                self.store = Store.open()
            except StoreError as exc:
                self.store_problem = str(exc)
        self.resume = resume
        self.conversation = conversation
        self.started = False
        localize_bindings(self, self.prefs.ui)
        theme = self.prefs.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme

    def get_default_screen(self) -> ChatScreen:
        return ChatScreen(self.bot, self.store, self.prefs, cursor_blink=self.cursor_blink)

    def on_mount(self) -> None:
        self.started = True
        # SIGINT from outside the terminal (kill -INT, a supervisor) leaves like Ctrl+C does, with 130.
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, lambda: self.exit(return_code=INTERRUPTED))
        if self.store_problem:
            self.notify(say("not_saved", self.prefs.ui, error=self.store_problem), severity="warning", timeout=8)
        if self.resume or self.conversation is not None:
            self.call_after_refresh(self.chat_screen.open_on_start, self.conversation)

    def on_unmount(self) -> None:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGINT)
        if self.store is not None:
            self.store.close()

    @property
    def chat_screen(self) -> ChatScreen:
        """The chat screen, wherever it is in the screen stack."""
        return next(s for s in self.screen_stack if isinstance(s, ChatScreen))

    def watch_theme(self, theme: str) -> None:
        if self.started and theme != self.prefs.settings.theme:
            problem = self.prefs.change(theme=theme)
            if problem:
                self.notify(problem, severity="warning")

    def action_interrupt(self) -> None:
        """Ctrl+C: copy a selection when there is one, else leave (exit code 130, as for any interrupt)."""
        focused = self.focused
        if isinstance(focused, Input) and not focused.selection.is_empty:
            focused.action_copy()
            return
        selected = self.screen.get_selected_text()
        if selected:
            self.copy_to_clipboard(selected)
            return
        self.exit(return_code=INTERRUPTED)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, titled in the interface language where the words file has them."""
        ui = self.prefs.ui
        known = set(ui_words().keys())
        for command in super().get_system_commands(screen):
            key = f"system_{command.title.lower()}"
            if key in known:
                yield SystemCommand(say(key, ui), say(f"{key}_help", ui), command.callback, command.discover)
            else:
                yield command


def run(bot: Assistant, *, resume: bool = False, conversation: int | None = None) -> int:
    """Open the chat in the terminal until the user quits; the exit code (130 after Ctrl+C)."""
    app = AssistantApp(bot, resume=resume, conversation=conversation)
    app.run()
    return app.return_code or 0
