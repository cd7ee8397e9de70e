"""The help screen: keys, commands and what the assistant can answer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from assistant.tui.present import About
from assistant.tui.text import escape

KEYS = """\
| Key | What it does |
| --- | --- |
| Enter | Ask the question typed |
| ↑ / ↓ in the input | Earlier / later questions (kept across runs) |
| → at the end of the input | Accept the grey completion |
| Tab / Shift+Tab | Move between the input, answers and options |
| ↑ / ↓ on an answer | Previous / next answer; its sources show on the right |
| Alt+↑ / Alt+↓ | Jump to the previous / next answer from anywhere |
| PgUp / PgDn | Scroll the conversation |
| Enter on an answer | Go to its options (clarify or suggestions) |
| 1–9 on options | Choose an option by its number |
| Esc | Back to the input |
| F1 or ? | This help |
| F2 | Show or hide the source pane |
| F3 | Browse the facts |
| F4 | Answer language: auto → 繁體 → 简体 → English |
| Ctrl+L | New conversation |
| Ctrl+S | Export the conversation to Markdown |
| Ctrl+Y | Copy the last answer |
| Ctrl+P | Command palette (all of the above, and themes) |
| Ctrl+Q | Quit |
"""

TIPS = """\
Every figure comes from the article, with its paragraph and the exact sentence. Anything the article
does not give is answered as *not in the fact base*, never guessed. Ask in 繁體, 简体 or English;
follow-ups such as 那MR呢? or *and the change?* reuse the earlier question. When an answer asks
*which one?*, choose an option or type its number.
"""


def help_markdown(about: About) -> str:
    lines = [TIPS, "## What it knows", ""]
    for zh, en, outlet in about.titles:
        lines.append(f"- 《{escape(zh)}》 ({escape(en)}), {escape(outlet)}")
    lines.append(f"- {about.fact_count} facts")
    lines += ["", "## Example questions", ""]
    lines += [f"- {escape(question, line_start=False)}" for question in about.examples]
    lines += ["", "## Keys", "", KEYS]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Help over the chat; Esc, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark,q", "dismiss", "Close", show=True)]

    def __init__(self, about: About) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help"
            body.border_subtitle = "Esc to close"
            yield Markdown(help_markdown(self.about))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
