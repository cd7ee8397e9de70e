"""Questions to choose from: clarify options, suggestions after a no-answer, welcome examples."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.tui.widgets.wrapped import Wrapped


def numbered(number: int, question: str) -> Wrapped:
    """ "2. question", wrapped by the chat's rule with continuation lines under the question."""
    prefix = f"{number}. "
    return Wrapped(Content.assemble((prefix, "dim"), question), hang=len(prefix))


class QuestionOptions(OptionList):
    """A numbered list of questions; Enter, a click, or (while the list has focus) a digit asks one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, 10)],
    ]

    class Picked(Message):
        """The user chose a question to ask."""

        def __init__(self, options: QuestionOptions, index: int) -> None:
            super().__init__()
            self.options = options
            self.index = index

        @property
        def question(self) -> str:
            return self.options.questions[self.index]

        @property
        def control(self) -> QuestionOptions:
            return self.options

    def __init__(self, questions: Sequence[str], **kwargs: object) -> None:
        self.questions = list(questions)
        options = [Option(numbered(n, question)) for n, question in enumerate(self.questions, 1)]
        super().__init__(*options, **kwargs)  # type: ignore[arg-type]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.questions):
            self.post_message(self.Picked(self, event.option_index))

    def action_choose(self, index: int) -> None:
        if 0 <= index < len(self.questions):
            self.highlighted = index
            self.post_message(self.Picked(self, index))

    def preview(self, index: int | None) -> None:
        """Highlight the option a number typed in the input would ask (None: no preview)."""
        self.set_class(index is not None, "-preview")
        if index is not None and 0 <= index < len(self.questions):
            self.highlighted = index
