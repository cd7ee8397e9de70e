"""Saved conversations of this pack: search, reopen (Enter), rename (F2), delete (Delete twice)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from assistant.history.migrations import StoreError
from assistant.history.plain import when
from assistant.history.store import Conversation, Store
from assistant.tui.keys import localize_bindings
from assistant.tui.screens.text_prompt import TextPrompt
from assistant.tui.text import clean, shorten
from assistant.tui.words import say

LISTED = 500


class ConversationsScreen(Screen[int | None]):
    """Returns the id of the conversation to reopen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("f2", "rename", "Rename"),
        Binding("delete", "delete", "Delete"),
        Binding("ctrl+f", "focus_search", "Search", show=False),
    ]

    def __init__(self, store: Store, pack: str, current: int | None, ui: str) -> None:
        super().__init__()
        self.store = store
        self.pack = pack
        self.current = current
        self.ui = ui
        self.armed: int | None = None  # the conversation a first Delete asked about
        self.sub_title = say("conversations_title", ui)
        localize_bindings(self, ui)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=say("conversations_search", self.ui), id="conversation-search")
        yield DataTable(id="conversations", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "", "id", say("column_time", self.ui), say("column_turns", self.ui), say("column_conversation", self.ui)
        )
        self.fill("")
        table.focus()

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#conversations", DataTable)

    def fill(self, query: str) -> None:
        text = clean(query).strip()
        try:
            found = (
                self.store.search(text, LISTED, pack=self.pack)
                if text
                else self.store.conversations(LISTED, pack=self.pack)
            )
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            found = []
        table = self.table
        table.clear()
        for conversation in found:
            table.add_row(*self.row(conversation), key=str(conversation.id))

    def row(self, conversation: Conversation) -> tuple[str, ...]:
        mark = "●" if conversation.id == self.current else ""
        return (
            mark,
            str(conversation.id),
            when(conversation.updated),
            str(conversation.turns),
            shorten(" ".join(conversation.name.split()), 120),
        )

    def selected(self) -> int | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    @on(Input.Changed, "#conversation-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.armed = None
        self.fill(event.value)

    @on(Input.Submitted, "#conversation-search")
    def search_done(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected)
    def reopen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.dismiss(int(event.row_key.value))

    def action_focus_search(self) -> None:
        self.query_one("#conversation-search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#conversation-search", Input)
        if search.value:
            search.value = ""
            return
        self.dismiss(None)

    def action_delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if self.armed != chosen:
            self.armed = chosen
            self.notify(say("delete_confirm", self.ui, id=chosen), timeout=5)
            return
        self.armed = None
        try:
            self.store.delete(chosen)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(say("deleted", self.ui, id=chosen), timeout=3)
        self.fill(self.query_one("#conversation-search", Input).value)

    def action_rename(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        found = self.store.conversation(chosen)
        current = found.name if found else ""

        def renamed(title: str | None) -> None:
            if title is None:
                return
            try:
                self.store.rename(chosen, title)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
            self.fill(self.query_one("#conversation-search", Input).value)

        self.app.push_screen(
            TextPrompt(say("rename_title", self.ui, id=chosen), current, say("rename_hint", self.ui), ui=self.ui),
            renamed,
        )
