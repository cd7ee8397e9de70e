"""The facts browser (F3): readable labels, a filter focused on open and by subject/metric/period, Enter
asking about a fact; exports from the chat: Markdown or JSON where you choose, facts as CSV."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

from driving import ask, chat_screen
from textual.widgets import DataTable, Input

from assistant import Answer, Assistant
from assistant.tui.app import AssistantApp
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.screens.fact_source import FactSourceScreen
from assistant.tui.screens.facts import FactsScreen
from assistant.tui.screens.text_prompt import TextPrompt
from assistant.tui.widgets.source_pane import SourcePane

SIZE = (120, 30)
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")


async def test_facts_are_labelled_for_people(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        screen = pilot.app.screen
        assert isinstance(screen, FactsScreen)
        assert screen.focused is screen.query_one("#fact-filter", Input)  # type straight away
        table = screen.query_one(DataTable)
        assert table.row_count == len(bot.pack.facts)
        for index in range(table.row_count):
            label, _, _, subject, _ = table.get_row_at(index)
            assert not SLUG.match(label) and not SLUG.match(subject), (label, subject)
        row = table.get_row_at(list(bot.pack.facts).index("uih-revenue-2024"))
        assert row[0] == "United Imaging Healthcare's revenue in 2024" and row[3] == "United Imaging Healthcare"


async def test_filter_by_subject_metric_period(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        screen = pilot.app.screen
        assert isinstance(screen, FactsScreen)
        table = screen.query_one(DataTable)
        await pilot.press(*"subject:聯影智能 period:2023")
        await pilot.pause()
        shown = {str(key.value) for key in table.rows}
        assert shown == {f.id for f in bot.pack.facts.values() if f.subject == "uii" and f.period == "2023"}
        field = screen.query_one("#fact-filter", Input)
        field.value = "metric:营收 2024"  # simplified finds traditional
        await pilot.pause()
        shown = {str(key.value) for key in table.rows}
        assert "uih-revenue-2024" in shown and "uii-revenue-2023" not in shown
        await pilot.press("escape")
        assert field.value == "" and table.row_count == len(bot.pack.facts)


async def test_enter_asks_about_the_fact(make_app: Callable[..., AssistantApp], bot: Assistant) -> None:
    fact = bot.pack.facts["uih-mr-revenue-2024"]
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f3", *"MR 2024")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, FactsScreen)
        assert str(next(iter(screen.query_one(DataTable).rows)).value) == fact.id
        await pilot.press("down", "s")  # the source first
        assert isinstance(pilot.app.screen, FactSourceScreen)
        assert fact.quote in pilot.app.screen.query_one(SourcePane).text
        await pilot.press("escape", "enter")
        await pilot.pause()
        chat = chat_screen(pilot)
        assert isinstance(chat, ChatScreen)
        assert chat.turns[-1].question == bot.renderer.question_for(fact, "en")
        assert chat.turns[-1].facts[0].id == fact.id


async def test_export_where_you_choose(make_app: Callable[..., AssistantApp], home: Path, tmp_path: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "聯影醫療")
        await ask(pilot, "1")
        await pilot.press("ctrl+s")
        prompt = pilot.app.screen
        assert isinstance(prompt, TextPrompt)
        default = Path(prompt.query_one(Input).value)
        assert default.parent == home / "exports" and default.suffix == ".md"
        await pilot.press("enter")
        await pilot.pause()
        text = default.read_text(encoding="utf-8")
        for answer in screen.turns:
            assert answer.question in text
        assert screen.turns[-1].citations[0].quote in text.replace("**", "").replace("\\", "")
        assert "Enter" not in text and "↑↓" not in text  # no UI hints
        await pilot.press("ctrl+s")
        pilot.app.screen.query_one(Input).value = str(tmp_path / "mine.json")
        await pilot.press("enter")
        await pilot.pause()
        data = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
        assert [Answer.from_json(json.dumps(t["answer"])) for t in data["turns"]] == screen.turns
        await pilot.press("ctrl+s", "escape")
        assert isinstance(pilot.app.screen, ChatScreen)


async def test_export_before_asking_says_so(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        assert isinstance(pilot.app.screen, ChatScreen)
        assert any("Nothing to export" in n.message for n in pilot.app._notifications)


async def test_export_facts_csv_from_the_browser(make_app: Callable[..., AssistantApp], home: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("f3", *"period:2023")
        await pilot.pause()
        shown = pilot.app.screen.query_one(DataTable).row_count
        await pilot.press("ctrl+s")
        await pilot.pause()
        files = list((home / "exports").glob("facts-*.csv"))
        assert len(files) == 1
        rows = list(csv.DictReader(files[0].open(encoding="utf-8")))
        assert len(rows) == shown and all(r["period"] == "2023" or "2023" in r["when"] for r in rows)
