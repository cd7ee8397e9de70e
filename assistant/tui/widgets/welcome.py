"""The first thing shown: what the assistant knows, questions to start with, and the conversation to
resume when there is one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from assistant.tui.present import About
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.wrapped import WrappedText
from assistant.tui.words import say


class Welcome(Vertical):
    """The article(s) the fact base covers, in two languages, and example questions in three scripts."""

    def __init__(self, about: About, ui: str | None, resume: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.about = about
        self.ui = ui
        self.resume = resume

    def compose(self) -> ComposeResult:
        yield WrappedText("Ask about this article · 問這篇文章 · 问这篇文章", classes="welcome-title")
        for zh, en, outlet in self.about.titles:
            yield WrappedText(
                Content.assemble((f"《{zh}》", "bold"), f" {outlet}\n", (en, "italic $text-muted")), classes="article"
            )
        yield WrappedText(say("welcome_facts", self.ui, count=self.about.fact_count), classes="facts-note")
        if self.resume:
            yield WrappedText(self.resume, classes="resume")
        yield WrappedText(say("welcome_try", self.ui), classes="options-title")
        yield QuestionOptions(self.about.examples, id="examples", classes="options")
        for summary in self.about.summaries:
            yield WrappedText(summary, classes="summary")
