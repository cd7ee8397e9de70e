"""The chat screen: owns the conversation with the engine, the history store and the source pane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Container
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static

from assistant import Answer, Assistant
from assistant.tui import present, text
from assistant.tui.commands import ChatCommands
from assistant.tui.screens.facts import FactsScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.storage import History, write_export
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.conversation import Conversation
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.source_pane import SourcePane

LANGUAGE_CYCLE: list[str | None] = [None, "zh-Hant", "zh-Hans", "en"]
NARROW = 100


class ChatScreen(Screen[None]):
    """Conversation on the left (or on top), sources on the right (or below), the input at the bottom."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ChatCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012 - Textual declares it a plain attribute
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "toggle_sources", "Sources"),
        Binding("f3", "facts", "Facts"),
        Binding("f4", "cycle_language", "Language"),
        Binding("ctrl+l", "new_conversation", "New"),
        Binding("ctrl+s", "export", "Export", show=False),
        Binding("ctrl+y", "copy_answer", "Copy answer", show=False),
        Binding("escape", "focus_input", "Input", show=False),
        Binding("alt+up", "step(-1)", "Previous answer", show=False),
        Binding("alt+down", "step(1)", "Next answer", show=False),
        Binding("pageup", "page(-1)", "Scroll up", show=False),
        Binding("pagedown", "page(1)", "Scroll down", show=False),
    ]

    show_sources: reactive[bool] = reactive(True)

    def __init__(self, bot: Assistant, history: History, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.bot = bot
        self.chat = bot.chat()
        self.history = history
        self.cursor_blink = cursor_blink
        self.turns: list[Answer] = []
        self.language: str | None = None
        self.selected: int | None = None
        self.about = present.about(bot)
        self.sub_title = self._language_title()

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        past = self.history.load()
        yield Header()
        with Container(id="body"):
            yield Conversation(self.about, id="conversation")
            yield SourcePane(self.intro_view(), id="sources")
        yield PromptInput(
            past,
            placeholder="Ask about the article… (Enter to ask, ↑ for history, F1 for help)",
            suggester=SuggestFromList(present.suggestion_candidates(self.bot, past), case_sensitive=False),
            id="prompt",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.add_class("-welcome")
        prompt = self.query_one(PromptInput)
        prompt.cursor_blink = self.cursor_blink
        prompt.focus()

    def intro_view(self) -> present.SourceView:
        lines = [
            "The paragraph and sentence behind each answer show here; select an earlier answer "
            "to see its sources again (F2 hides this pane)."
        ]
        lines += [f"《{zh}》 {outlet}" for zh, _, outlet in self.about.titles]
        lines += list(self.about.summaries)
        return present.SourceView(heading="", lines=tuple(lines))

    def watch_show_sources(self, show: bool) -> None:
        self.set_class(not show, "-sources-hidden")

    def _language_title(self) -> str:
        return f"Answer language: {present.LANGUAGES[self.language]}"

    # -- asking ---------------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    async def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        prompt = self.query_one(PromptInput)
        question = text.clean(event.value).strip()
        if not question:
            prompt.value = ""
            self.notify(
                "Type a question first, for example: " + (self.about.examples or ("help",))[0],
                title="Empty question",
                timeout=4,
            )
            return
        prompt.value = ""
        await self.ask(question)

    @on(QuestionOptions.Picked)
    async def picked(self, event: QuestionOptions.Picked) -> None:
        event.stop()
        await self.ask(event.question)

    async def ask(self, question: str) -> Answer | None:
        """Ask the engine in this conversation and show the question, the answer and its sources."""
        question = text.clean(question).strip()
        if not question:
            return None
        prompt = self.query_one(PromptInput)
        prompt.remember(question)
        self.history.append(question)
        conversation = self.query_one(Conversation)
        await conversation.add_question(text.shorten(question))
        try:
            answer = self.chat.ask(question, language=self.language)  # type: ignore[arg-type]
        except Exception as exc:  # the engine should never raise; if it does, say so and carry on
            self.log.error(f"engine failed on {question!r}: {exc!r}")
            await conversation.add_note(
                Static(Content(f"The engine failed on this question: {exc}"), classes="message answer -error")
            )
            return None
        self.turns.append(answer)
        widget = await conversation.add_answer(len(self.turns) - 1, present.answer_view(self.bot, answer))
        self.remove_class("-welcome")
        self.select(widget)
        if not (answer.status == "clarify" and widget.focus_options()):
            prompt.focus()
        return answer

    # -- selection ------------------------------------------------------------------------------

    def select(self, widget: AnswerMessage) -> None:
        """Show this answer's sources and mark it as the selected one."""
        if not 0 <= widget.index < len(self.turns):
            return
        for other in self.query(AnswerMessage):
            other.set_class(other is widget, "-selected")
        self.selected = widget.index
        self.query_one(SourcePane).show(present.source_view(self.bot, self.turns[widget.index]))

    @on(AnswerMessage.Selected)
    def answer_selected(self, event: AnswerMessage.Selected) -> None:
        if event.message.index != self.selected:
            self.select(event.message)

    @on(AnswerMessage.Step)
    def answer_step(self, event: AnswerMessage.Step) -> None:
        self._step_from(event.message.index, event.direction)

    def _step_from(self, index: int | None, direction: int) -> None:
        answers = self.query_one(Conversation).answers
        if not answers:
            return
        if index is None:
            target = len(answers) - 1
        else:
            target = index + direction
            if target >= len(answers):
                self.action_focus_input()
                return
            target = max(0, target)
        conversation = self.query_one(Conversation)
        conversation.release_anchor()
        answers[target].focus()
        conversation.scroll_to_widget(answers[target], animate=False, top=True)

    # -- actions --------------------------------------------------------------------------------

    def action_focus_input(self) -> None:
        self.query_one(PromptInput).focus()

    def action_step(self, direction: int) -> None:
        node = self.focused
        while node is not None and not isinstance(node, AnswerMessage):
            node = node.parent if isinstance(node.parent, Widget) else None
        if isinstance(node, AnswerMessage):
            self._step_from(node.index, direction)
        elif direction < 0:
            self._step_from(None, direction)

    def action_page(self, direction: int) -> None:
        conversation = self.query_one(Conversation)
        if direction < 0:
            conversation.release_anchor()
            conversation.scroll_page_up()
        else:
            conversation.scroll_page_down()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.about))

    def action_facts(self) -> None:
        self.app.push_screen(FactsScreen(self.bot))

    def action_toggle_sources(self) -> None:
        self.show_sources = not self.show_sources

    def action_cycle_language(self) -> None:
        position = LANGUAGE_CYCLE.index(self.language) if self.language in LANGUAGE_CYCLE else 0
        self._set_language(LANGUAGE_CYCLE[(position + 1) % len(LANGUAGE_CYCLE)])

    def action_set_language(self, language: str) -> None:
        self._set_language(None if language == "auto" else language)

    def _set_language(self, language: str | None) -> None:
        self.language = language if language in present.LANGUAGES else None
        self.sub_title = self._language_title()
        self.notify(self._language_title(), timeout=3)

    async def action_new_conversation(self) -> None:
        self.chat.reset()
        self.turns.clear()
        self.selected = None
        await self.query_one(Conversation).reset()
        self.add_class("-welcome")
        self.query_one(SourcePane).show(self.intro_view())
        self.action_focus_input()

    def action_export(self) -> None:
        if not self.turns:
            self.notify("Nothing to export yet: ask a question first.", severity="warning", timeout=4)
            return
        now = datetime.now()
        document = present.conversation_markdown(self.bot, self.turns, when=now)
        try:
            path = write_export(document, now)
        except OSError as exc:
            self.notify(f"Could not export: {exc}", severity="error", timeout=6)
            return
        self.notify(f"Exported to {path}", title="Conversation exported", timeout=8)

    def action_copy_answer(self) -> None:
        if not self.turns:
            self.notify("No answer to copy yet.", severity="warning", timeout=4)
            return
        self.app.copy_to_clipboard(self.turns[-1].text)
        self.notify("Last answer copied to the clipboard.", timeout=3)
