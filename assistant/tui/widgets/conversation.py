"""The scrolling conversation: the welcome, then questions and answers in turn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget

from assistant.tui.present import About, AnswerView
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.question import QuestionMessage
from assistant.tui.widgets.welcome import Welcome


class Conversation(VerticalScroll, can_focus=False):
    """Messages in order, newest at the bottom; the view follows the newest message."""

    def __init__(self, about: About, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.about = about

    def compose(self) -> ComposeResult:
        yield Welcome(self.about, id="welcome")

    @property
    def answers(self) -> list[AnswerMessage]:
        return list(self.query(AnswerMessage))

    async def add_question(self, question: str) -> QuestionMessage:
        await self.query(Welcome).remove()
        widget = QuestionMessage(question, classes="question")
        await self.mount(widget)
        return widget

    async def add_answer(self, index: int, view: AnswerView) -> AnswerMessage:
        widget = AnswerMessage(index, view, classes="answer")
        await self.mount(widget)
        self.anchor()
        return widget

    async def add_note(self, widget: Widget) -> None:
        await self.mount(widget)
        self.anchor()

    async def reset(self) -> None:
        """Back to the welcome state."""
        await self.remove_children()
        await self.mount(Welcome(self.about, id="welcome"))
        self.scroll_home(animate=False)
