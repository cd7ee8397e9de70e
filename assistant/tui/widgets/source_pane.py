"""The cited paragraphs of the selected answer, the quote highlighted and its figures in bold."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from assistant.tui.present import CitedParagraph, SourceView
from assistant.tui.widgets.wrapped import WrappedText

QUOTE_STYLE = "on $warning-muted"
FIGURE_STYLE = "bold underline $text-warning"
HEADING_STYLE = "bold $text-accent"


def paragraph_content(item: CitedParagraph) -> Content:
    """A paragraph as styled content: the quote on a highlight, figures bold within it."""
    content = Content(item.text)
    if item.quote is not None:
        content = content.stylize(QUOTE_STYLE, *item.quote)
    for start, end in item.figures:
        content = content.stylize(FIGURE_STYLE, start, end)
    return content


def figures_of(view: SourceView) -> list[str]:
    """The figures located in the cited paragraphs, kept whole when they wrap."""
    return [item.text[start:end] for item in view.items for start, end in item.figures]


def view_content(view: SourceView) -> Content:
    """The whole pane's text for one view."""
    parts: list[Content] = []
    if view.heading:
        parts.append(Content.styled(view.heading, "italic $text-muted"))
    if view.message:
        parts.append(Content.styled(view.message, "$text-muted"))
    parts += [Content(line) for line in view.lines]
    for item in view.items:
        parts.append(Content.assemble((f"《{item.title}》", HEADING_STYLE), " · ", (item.label, HEADING_STYLE)))
        parts.append(paragraph_content(item))
    if view.arithmetic:
        parts.append(Content.assemble((f"{view.arithmetic_label}: ", "bold"), (view.arithmetic, "$text-success")))
    return Content("\n\n").join(parts)


class SourcePane(VerticalScroll, can_focus=True):
    """Shows one SourceView at a time; scrolls when the paragraphs are long."""

    def __init__(self, intro: SourceView | None = None, title: str = "Source", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.view = intro or SourceView(heading="")
        self.border_title = title

    @property
    def shown_lines(self) -> list[str]:
        """The lines as wrapped on screen (for tests)."""
        return self.query_one("#source-text", WrappedText).shown_lines()

    def compose(self) -> ComposeResult:
        yield WrappedText(view_content(self.view), keep=figures_of(self.view), id="source-text")

    def show(self, view: SourceView) -> None:
        """Replace the content with another answer's or fact's sources."""
        self.view = view
        self.query_one("#source-text", WrappedText).set(view_content(view), figures_of(view))
        self.scroll_home(animate=False)

    @property
    def text(self) -> str:
        """The plain text shown, for tests and copying."""
        return view_content(self.view).plain
