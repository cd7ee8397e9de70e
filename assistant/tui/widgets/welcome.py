"""The first thing shown: what the assistant knows and questions to start with."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from assistant.tui.present import About
from assistant.tui.widgets.options import QuestionOptions


class Welcome(Vertical):
    """The article(s) the fact base covers, in two languages, and example questions in three scripts."""

    def __init__(self, about: About, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.about = about

    def compose(self) -> ComposeResult:
        yield Label("Ask about this article · 問這篇文章 · 问这篇文章", classes="welcome-title")
        for zh, en, outlet in self.about.titles:
            yield Static(
                Content.assemble((f"《{zh}》", "bold"), f" {outlet}\n", (en, "italic $text-muted")), classes="article"
            )
        yield Static(
            Content(
                f"{self.about.fact_count} facts, each cited to its paragraph and sentence; anything else is "
                "answered \u201cnot in the fact base\u201d. Ask in 繁體, 简体 or English."
            ),
            classes="facts-note",
        )
        yield Label("Try one (Tab, ↑↓, Enter) or type your own question below:", classes="options-title")
        yield QuestionOptions(self.about.examples, id="examples", classes="options")
        for summary in self.about.summaries:
            yield Static(Content(summary), classes="summary")
