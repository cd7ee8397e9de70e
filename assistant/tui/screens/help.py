"""The help screen, in the interface language: what the assistant knows, example questions, the keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from assistant.history.markdown import escape
from assistant.tui.keys import localize_bindings
from assistant.tui.present import About
from assistant.tui.words import say


def help_markdown(about: About, ui: str) -> str:
    lines = [say("help_tips", ui), "", f"## {say('help_knows', ui)}", ""]
    for zh, en, outlet in about.titles:
        lines.append(f"- 《{escape(zh)}》 ({escape(en)}), {escape(outlet)}")
    lines.append(f"- {say('help_fact_count', ui, count=about.fact_count)}")
    lines += ["", f"## {say('help_examples', ui)}", ""]
    lines += [f"- {escape(question, line_start=False)}" for question in about.examples]
    lines += ["", f"## {say('help_keys_title', ui)}", "", say("help_keys", ui)]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Help over the chat; Esc, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark,q", "dismiss", "Close", show=True)]

    def __init__(self, about: About, ui: str) -> None:
        super().__init__()
        self.about = about
        self.ui = ui
        localize_bindings(self, ui)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = say("help_title", self.ui)
            body.border_subtitle = say("esc_to_close", self.ui)
            yield Markdown(help_markdown(self.about, self.ui))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
