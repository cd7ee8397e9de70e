"""One answer, laid out from its fields: status, interpretation, headline (figures bold, arithmetic marked),
notes, citations and, when there are any, the questions to choose from."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from assistant.history.layout import EXPRESSION, FIGURE, CitedLine, Layout, Line
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.wrapped import WrappedText

FIGURE_STYLE = "bold"
EXPRESSION_STYLE = "$text-success"
QUOTE_FIGURE_STYLE = "bold"


def line_content(line: Line, figure_style: str = FIGURE_STYLE) -> Content:
    """A laid-out line as styled content."""
    styles = {FIGURE: figure_style, EXPRESSION: EXPRESSION_STYLE}
    return Content.assemble(*((run.text, styles[run.kind]) if run.kind in styles else run.text for run in line))


def figures_in(line: Line) -> list[str]:
    """The figures of a line, kept whole when it wraps."""
    return [run.text for run in line if run.kind == FIGURE]


def citation_content(cited: CitedLine) -> Content:
    """A citation line with the figures of its quote in bold."""
    quote = cited.citation.quote
    at = cited.text.find(quote) if quote else -1
    if at < 0:
        return Content(cited.text)
    return Content.assemble(
        cited.text[:at], line_content(cited.runs, QUOTE_FIGURE_STYLE), cited.text[at + len(quote) :]
    )


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

    def __init__(self, index: int, layout: Layout, hint: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.index = index
        self.parts = layout
        self.hint = hint
        self.options = list(layout.choices)
        self.add_class("message", f"-{layout.kind.replace('_', '-')}")

    def compose(self) -> ComposeResult:
        layout = self.parts
        yield WrappedText(layout.caption, classes="caption")
        if layout.understood:
            yield WrappedText(layout.understood, classes="understood")
        for line in layout.headline:
            yield WrappedText(line_content(line), keep=figures_in(line), classes="headline")
        for note in layout.notes:
            yield WrappedText(note, classes="note")
        for cited in layout.citations:
            yield WrappedText(citation_content(cited), keep=figures_in(cited.runs), classes="citation")
        if layout.cited:
            yield WrappedText(layout.cited, classes="cited")
        if self.options:
            yield WrappedText(self._options_title(), classes="options-title")
            yield QuestionOptions(self.options, classes="options")

    def _options_title(self) -> str:
        return f"{self.parts.choices_title} {self.hint}".strip()

    def set_hint(self, hint: str) -> None:
        """Change what the options' title says about choosing (only the newest list takes numbers)."""
        if hint == self.hint:
            return
        self.hint = hint
        titles = self.query(".options-title")
        if titles:
            titles.first(WrappedText).set(self._options_title())

    @property
    def text_lines(self) -> list[str]:
        """Every line of text shown, as wrapped (for tests)."""
        return [line for widget in self.query(WrappedText) for line in widget.shown_lines()]

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
        self.focus_options()

    def focus_options(self) -> bool:
        """Move focus to this answer's options; False when it has none."""
        if not self.options:
            return False
        self.query_one(QuestionOptions).focus()
        return True

    @property
    def choices(self) -> QuestionOptions | None:
        found = self.query(QuestionOptions)
        return found.first() if found else None
