"""Browse the fact base: a filterable table; Enter shows a fact's source."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from assistant import Assistant, Fact
from assistant.tui.present import fact_view, pick
from assistant.tui.screens.fact_source import FactSourceScreen
from assistant.tui.text import clean

COLUMNS = ("id", "value as written", "¶", "period", "subject", "metric")
VALUE_WIDTH = 24


def fact_row(bot: Assistant, fact: Fact) -> tuple[str, ...]:
    """One table row; a statement shows its label, a derived figure is marked."""
    if fact.written:
        value = fact.written + (" (derived)" if fact.derivation is not None else "")
    else:
        value = "“" + (pick(fact.label, "zh-Hant") or pick(fact.statement, "zh-Hant")) + "”"
    if cell_len(value) > VALUE_WIDTH:
        while cell_len(value) > VALUE_WIDTH - 1:
            value = value[:-1]
        value += "…"
    return (fact.id, value, str(fact.paragraph), fact.period or fact.when or "", fact.subject, fact.metric)


class FactsScreen(Screen[None]):
    """Every fact of the pack; type to filter, Enter to see its source, Esc to go back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+f", "focus_filter", "Filter"),
    ]

    def __init__(self, bot: Assistant) -> None:
        super().__init__()
        self.bot = bot
        self.sub_title = "Facts"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter facts (id, subject, metric, figure…)", id="fact-filter")
        yield DataTable(id="facts", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.fill("")
        table.focus()

    def fill(self, query: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        needle = clean(query).strip().casefold()
        for fact in self.bot.pack.facts.values():
            row = fact_row(self.bot, fact)
            if needle and needle not in " ".join([*row, self.bot.renderer.label(fact, "en")]).casefold():
                continue
            table.add_row(*row, key=fact.id)

    @on(Input.Changed, "#fact-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#fact-filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def show_source(self, event: DataTable.RowSelected) -> None:
        fact = self.bot.pack.facts.get(str(event.row_key.value))
        if fact is not None:
            self.app.push_screen(FactSourceScreen(fact_view(self.bot, fact)))

    def action_focus_filter(self) -> None:
        self.query_one("#fact-filter", Input).focus()

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id == "fact-filter" and self.query_one(Input).value:
            self.query_one(Input).value = ""
            return
        self.dismiss()
