"""Settings kept across runs (theme, answer language, source pane), and help and the command palette in the
interface language (繁體, 简体, English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import ask, chat_screen
from textual.widgets import Markdown, OptionList

from assistant.history.settings import load_settings
from assistant.tui.app import AssistantApp
from assistant.tui.commands import commands
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.source_pane import SourcePane
from assistant.tui.words import say, ui_words

SIZE = (100, 30)


async def test_answer_language_is_kept(make_app: Callable[..., AssistantApp], home: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        await screen.run_action("set_language('en')")
        await ask(pilot, "聯影醫療2024年營收多少?")
        assert screen.turns[-1].language == "en"
        assert "English" in screen.sub_title
        await pilot.press("f4")
        assert screen.language is None
        await pilot.press("f4")
        assert screen.language == "zh-Hant"
    assert load_settings(home / "settings.json").answer_language == "zh-Hant"
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "What was UIH's revenue in 2024?")
        assert screen.language == "zh-Hant" and screen.turns[-1].language == "zh-Hant"


async def test_source_pane_is_kept(make_app: Callable[..., AssistantApp]) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "聯影醫療2024年營收多少?")
        pane = screen.query_one(SourcePane)
        citation = screen.query_one(AnswerMessage).query_one(".citation")
        assert pane.display and not citation.display
        await pilot.press("f2")
        assert not pane.display and citation.display
    async with make_app().run_test(size=SIZE) as pilot:
        screen = chat_screen(pilot)
        assert not screen.query_one(SourcePane).display
        await screen.run_action("toggle_sources")
        assert screen.query_one(SourcePane).display


async def test_theme_is_kept(make_app: Callable[..., AssistantApp], home: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        pilot.app.theme = "gruvbox"
        await pilot.pause()
    assert load_settings(home / "settings.json").theme == "gruvbox"
    async with make_app().run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "gruvbox"


async def test_interface_language_for_help_and_palette(make_app: Callable[..., AssistantApp], home: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await ask(pilot, "聯影醫療2024年營收多少?")
        await screen.run_action("set_ui_language('zh-Hant')")
        assert screen.query_one(PromptInput).placeholder == say("placeholder", "zh-Hant")
        await pilot.press("f1")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        text = help_screen.query_one(Markdown).source
        assert "按鍵" in text and "對話記錄" in text and "What it does" not in text
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"新對話")
        await pilot.pause(0.3)
        listed = pilot.app.screen.query_one("CommandList", OptionList)
        titles = [getattr(option.prompt, "plain", str(option.prompt)) for option in listed.options]
        assert titles and titles[0].startswith("新對話")  # the palette speaks 繁體
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert screen.turns == []  # and runs the command
    assert load_settings(home / "settings.json").ui_language == "zh-Hant"
    async with make_app().run_test(size=SIZE) as pilot:
        assert chat_screen(pilot).ui == "zh-Hant"


def test_commands_and_words_exist_in_three_scripts() -> None:
    for ui in ("zh-Hant", "zh-Hans", "en"):
        titles = [title for title, _, _ in commands(ui)]
        assert len(set(titles)) == len(titles)
    assert commands("zh-Hans")[0][0] == "新对话" and commands("en")[0][0] == "New conversation"
    for key, texts in ui_words().table.items():
        assert texts["zh-Hant"] and texts["zh-Hans"] and texts["en"], key


async def test_palette_runs_an_export(make_app: Callable[..., AssistantApp], home: Path) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await ask(pilot, "聯影醫療2024年營收多少?")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export facts as CSV")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert len(list((home / "exports").glob("facts-*.csv"))) == 1
