"""The question input: Enter asks, up and down walk the history, completions as you type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class PromptInput(Input):
    """An Input with a history of earlier questions (given by the screen, which stores them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Earlier question", show=False),
        Binding("down", "history(1)", "Later question", show=False),
    ]

    def __init__(self, history: Sequence[str] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history: list[str] = list(history)
        self._position: int | None = None
        self._draft = ""

    def remember(self, question: str) -> None:
        """Add a question to the in-memory history and leave history browsing."""
        if question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._position = None
        self._draft = ""

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
