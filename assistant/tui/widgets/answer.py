"""One answer: a status caption, the Markdown body and, when there are any, questions to choose."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Markdown

from assistant.tui.present import AnswerView
from assistant.tui.widgets.options import QuestionOptions


class AnswerMessage(Vertical, can_focus=True):
    """An answer in the conversation; focusing or clicking it selects it, so its sources show."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "neighbour(-1)", "Previous answer", show=False),
        Binding("down,j", "neighbour(1)", "Next answer", show=False),
        Binding("enter", "enter_options", "Choose", show=False),
    ]

    class Selected(Message):
        """This answer became the one whose sources are shown."""

        def __init__(self, message: AnswerMessage) -> None:
            super().__init__()
            self.message = message

        @property
        def control(self) -> AnswerMessage:
            return self.message

    class Step(Message):
        """The user asked to move to the previous (-1) or next (1) answer."""

        def __init__(self, message: AnswerMessage, direction: int) -> None:
            super().__init__()
            self.message = message
            self.direction = direction

    def __init__(self, index: int, view: AnswerView, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.index = index
        self.view = view
        self.options = list(view.options)
        self.add_class("message", f"-{view.status.replace('_', '-')}")

    def compose(self) -> ComposeResult:
        yield Label(self.view.caption, classes="caption")
        if self.view.body:
            yield Markdown(self.view.body, classes="body")
        if self.view.citations:
            yield Markdown(self.view.citations, classes="citations")
            yield Label(self.view.cited, classes="cited")
        if self.options:
            yield Label(self.view.options_title, classes="options-title")
            yield QuestionOptions(self.options, classes="options")

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Selected(self))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.post_message(self.Selected(self))

    def on_click(self, event: events.Click) -> None:
        if isinstance(event.widget, QuestionOptions):
            return  # choosing an option asks a new question, which becomes the selected answer
        self.post_message(self.Selected(self))

    def action_neighbour(self, direction: int) -> None:
        self.post_message(self.Step(self, direction))

    def action_enter_options(self) -> None:
        if self.options:
            self.query_one(QuestionOptions).focus()

    def focus_options(self) -> bool:
        """Move focus to this answer's options; False when it has none."""
        if not self.options:
            return False
        self.query_one(QuestionOptions).focus()
        return True
