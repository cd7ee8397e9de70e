"""A small dialog asking for one line of text (a title, a file to export to): Enter gives it, Esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from assistant.tui.keys import localize_bindings
from assistant.tui.widgets.wrapped import WrappedText


class TextPrompt(ModalScreen[str | None]):
    """Returns the text typed (stripped), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "", ui: str = "en") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        localize_bindings(self, ui)

    def compose(self) -> ComposeResult:
        with Vertical(id="text-prompt") as box:
            box.border_title = self.title_text
            yield Input(self.value, id="text-prompt-input")
            if self.hint:
                yield WrappedText(self.hint, classes="hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
