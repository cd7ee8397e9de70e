"""The question input: Enter asks, up and down walk the history, completions as you type, and a
multi-line paste becomes one question (never cut to its first line)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from assistant.tui.text import joined_lines


class PromptInput(Input):
    """An Input with a history of earlier questions (given by the screen, which stores them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Earlier question", show=False),
        Binding("down", "history(1)", "Later question", show=False),
    ]

    class Joined(Message):
        """A paste of several lines was joined into one question."""

        def __init__(self, lines: int) -> None:
            super().__init__()
            self.lines = lines

    def __init__(self, history: Sequence[str] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history: list[str] = list(history)
        self._position: int | None = None
        self._draft = ""

    def remember(self, question: str, history: Sequence[str] | None = None) -> None:
        """Add a question to the history (or take the stored history as given) and leave history browsing."""
        if history is not None:
            self.history = list(history)
        elif question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._position = None
        self._draft = ""

    def _on_paste(self, event: events.Paste) -> None:
        text, lines = joined_lines(event.text)
        event.prevent_default()
        event.stop()
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
        if lines > 1:
            self.post_message(self.Joined(lines))

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position is None:
            if step > 0:
                return
            self._draft = self.value
            position = len(self.history) - 1
        else:
            position = self._position + step
        if position < 0:
            position = 0
        if position >= len(self.history):
            self._position = None
            self._set(self._draft)
            return
        self._position = position
        self._set(self.history[position])

    def _set(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)
