"""One fact's source paragraph, opened from the fact browser."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from assistant.tui.keys import localize_bindings
from assistant.tui.present import SourceView
from assistant.tui.widgets.source_pane import SourcePane
from assistant.tui.words import say


class FactSourceScreen(ModalScreen[None]):
    """The paragraph and quote a fact cites; Esc, Enter or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q,s", "dismiss", "Close", show=True)]

    def __init__(self, view: SourceView, ui: str = "en") -> None:
        super().__init__()
        self.view = view
        self.ui = ui
        localize_bindings(self, ui)

    def compose(self) -> ComposeResult:
        pane = SourcePane(self.view, say("source_title", self.ui), id="fact-source")
        pane.border_subtitle = "Esc"
        yield pane

    def on_mount(self) -> None:
        self.query_one(SourcePane).focus()
