"""The scrolling conversation: the welcome, then questions and answers in turn."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget

from assistant.history.layout import Layout
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.question import QuestionMessage


class Conversation(VerticalScroll, can_focus=False):
    """Messages in order, newest at the bottom; the view follows the newest message."""

    def __init__(self, welcome: Callable[[], Widget], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.welcome = welcome

    def compose(self) -> ComposeResult:
        yield self.welcome()

    @property
    def answers(self) -> list[AnswerMessage]:
        return list(self.query(AnswerMessage))

    async def add_question(self, question: str) -> QuestionMessage:
        await self.query("#welcome").remove()
        widget = QuestionMessage(question, classes="question")
        await self.mount(widget)
        return widget

    async def add_answer(self, index: int, layout: Layout, hint: str = "") -> AnswerMessage:
        widget = AnswerMessage(index, layout, hint, classes="answer")
        await self.mount(widget)
        self.anchor()
        return widget

    async def add_note(self, widget: Widget) -> None:
        await self.mount(widget)
        self.anchor()

    async def show(self, turns: list[tuple[str, Layout]], hint: str = "") -> list[AnswerMessage]:
        """Replace everything with these questions and answers (a reopened conversation)."""
        await self.remove_children()
        widgets: list[Widget] = []
        answers = []
        for index, (question, layout) in enumerate(turns):
            answer = AnswerMessage(index, layout, hint if index == len(turns) - 1 else "", classes="answer")
            widgets += [QuestionMessage(question, classes="question"), answer]
            answers.append(answer)
        if widgets:
            await self.mount_all(widgets)
        else:
            await self.mount(self.welcome())
        self.anchor()
        return answers

    async def reset(self) -> None:
        """Back to the welcome state."""
        await self.remove_children()
        await self.mount(self.welcome())
        self.scroll_home(animate=False)
