"""A question as the user asked it."""

from __future__ import annotations

from textual.content import Content

from assistant.tui.widgets.wrapped import WrappedText


class QuestionMessage(WrappedText):
    """One question in the conversation (already cleaned and shortened by the screen)."""

    def __init__(self, question: str, **kwargs: object) -> None:
        super().__init__(Content(question), **kwargs)  # type: ignore[arg-type]
        self.question = question
        self.add_class("message")
