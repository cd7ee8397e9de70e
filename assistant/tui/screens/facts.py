"""Browse the fact base: readable labels, a filter (focused on open) by any word or by subject:, metric:
or period:; Enter asks about the fact in the conversation, `s` shows its source, Ctrl+S exports CSV."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from assistant import Assistant, Fact
from assistant.lang.normalize import fold
from assistant.tui.keys import localize_bindings
from assistant.tui.present import as_script, fact_view, pick
from assistant.tui.screens.fact_source import FactSourceScreen
from assistant.tui.text import clean
from assistant.tui.words import say

FIELDS = {
    "subject": "subject",
    "公司": "subject",
    "主體": "subject",
    "主体": "subject",
    "metric": "metric",
    "指標": "metric",
    "指标": "metric",
    "period": "period",
    "時間": "period",
    "时间": "period",
}
VALUE_WIDTH, PERIOD_WIDTH, SUBJECT_WIDTH = 18, 12, 26
SPARE = VALUE_WIDTH + PERIOD_WIDTH + SUBJECT_WIDTH + 3 + 2 * 5 + 2  # other columns, cell padding, scrollbar


def _cut(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    while cell_len(text) > width - 1:
        text = text[:-1]
    return text + "…"


class FactIndex:
    """Each fact's searchable text, folded (so 营收 finds 營收), by field."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot
        self.texts: dict[str, dict[str, str]] = {fid: self._fields(f) for fid, f in bot.pack.facts.items()}

    def _names(self, concept_id: str | None) -> list[str]:
        concept = self.bot.pack.concepts.get(concept_id or "")
        if concept is None:
            return [concept_id or ""]
        return [
            concept_id or "",
            concept.names.zh_Hant,
            concept.names.zh_Hans or "",
            concept.names.en,
            *concept.aliases,
        ]

    def _fields(self, fact: Fact) -> dict[str, str]:
        labels = [pick(fact.label, s) for s in ("zh-Hant", "zh-Hans", "en")] if fact.label else []
        subject = " ".join(self._names(fact.subject) + self._names(fact.object))
        metric = " ".join(self._names(fact.metric) + [n for s in fact.segment for n in self._names(s)] + labels)
        period = " ".join([fact.period or "", fact.when or ""])
        statement = [pick(fact.statement, s) for s in ("zh-Hant", "en")] if fact.statement else []
        everything = " ".join([subject, metric, period, fact.written or "", *statement])
        return {
            k: fold(v) for k, v in {"subject": subject, "metric": metric, "period": period, "all": everything}.items()
        }

    def matches(self, fact_id: str, query: str) -> bool:
        """Every word of the query found; `field:word` looks in that field only."""
        texts = self.texts[fact_id]
        for word in query.split():
            field, _, value = word.partition(":") if ":" in word else ("all", "", word)
            field = FIELDS.get(field.casefold(), "all") if field != "all" else "all"
            if fold(value) not in texts[field]:
                return False
        return True


class FactsScreen(Screen[str | None]):
    """Every fact of the pack. Returns the id of a fact to ask about, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+f", "focus_filter", "Filter"),
        Binding("s", "source", "Source"),
        Binding("ctrl+s", "export", "Export CSV"),
    ]

    def __init__(self, bot: Assistant, ui: str, language: str | None) -> None:
        super().__init__()
        self.bot = bot
        self.ui = ui
        self.script = as_script(language or ui)
        self.index = FactIndex(bot)
        self.sub_title = say("facts_title", ui)
        localize_bindings(self, ui)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=say("facts_filter", self.ui), id="fact-filter")
        yield DataTable(id="facts", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        table.add_columns(*(say(f"facts_{c}", self.ui) for c in ("fact", "value", "period", "subject", "para")))
        self.fill("")
        self.query_one("#fact-filter", Input).focus()

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#facts", DataTable)

    def row(self, fact: Fact) -> tuple[str, ...]:
        """One row in readable words: what the fact is, its value as written, when, about whom, where."""
        bot = self.bot
        if fact.written:
            value = fact.written + (f" ({say('derived', self.ui)})" if fact.derivation is not None else "")
        else:
            value = "“" + (pick(fact.statement, self.script) or pick(fact.label, self.script)) + "”"
        label_width = max(20, self.app.size.width - SPARE)  # the table fits the terminal's width
        return (
            _cut(bot.label(fact, self.script), label_width),
            _cut(value, VALUE_WIDTH),
            _cut(fact.when or fact.period or "", PERIOD_WIDTH),
            _cut(bot.concept_name(fact.subject, self.script), SUBJECT_WIDTH),
            str(fact.paragraph),
        )

    def shown(self) -> list[Fact]:
        return [self.bot.pack.facts[str(key.value)] for key in self.table.rows]

    def fill(self, query: str) -> None:
        table = self.table
        table.clear()
        query = clean(query).strip()
        for fact_id, fact in self.bot.pack.facts.items():
            if not query or self.index.matches(fact_id, query):
                table.add_row(*self.row(fact), key=fact_id)

    def current(self) -> Fact | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.bot.pack.facts.get(str(key))

    @on(Input.Changed, "#fact-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#fact-filter")
    def filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.focused is self.query_one("#fact-filter", Input):
            event.stop()
            self.table.focus()

    @on(DataTable.RowSelected)
    def ask_about(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.dismiss(str(event.row_key.value))

    def action_source(self) -> None:
        fact = self.current()
        if fact is not None and self.focused is self.table:
            self.app.push_screen(FactSourceScreen(fact_view(self.bot, fact, self.script), self.ui))

    def action_export(self) -> None:
        from assistant.history import export

        path = export.target(None, "facts", ".csv")
        try:
            export.write(export.facts_csv(self.bot.pack, self.shown()), path)
        except OSError as exc:
            self.notify(say("export_failed", self.ui, error=exc), severity="error", timeout=6)
            return
        self.notify(say("exported_to", self.ui, path=path), timeout=8)

    def action_focus_filter(self) -> None:
        self.query_one("#fact-filter", Input).focus()

    def action_back(self) -> None:
        field = self.query_one("#fact-filter", Input)
        if field.value:
            field.value = ""
            field.focus()
            return
        self.dismiss(None)
