"""The Textual chat app: `run(bot)` is what `assistant` and `assistant chat` call."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from assistant import Assistant
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.storage import History


class AssistantApp(App[None]):
    """Cited answers about the fact pack's article, in a terminal chat."""

    CSS_PATH = "chat.tcss"
    TITLE = "uih-assistant"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, bot: Assistant, *, history: History | None = None, cursor_blink: bool = True) -> None:
        super().__init__()
        self.bot = bot
        self.history = history if history is not None else History.default()
        self.cursor_blink = cursor_blink

    def get_default_screen(self) -> ChatScreen:
        return ChatScreen(self.bot, self.history, cursor_blink=self.cursor_blink)

    @property
    def chat_screen(self) -> ChatScreen:
        """The chat screen, wherever it is in the screen stack."""
        return next(s for s in self.screen_stack if isinstance(s, ChatScreen))


def run(bot: Assistant) -> None:
    """Open the chat in the terminal until the user quits."""
    AssistantApp(bot).run()
