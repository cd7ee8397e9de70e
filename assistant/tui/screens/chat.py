"""The chat screen: the conversation with the engine (each turn logged), the source pane and the input.

The input keeps the focus after every answer. A number typed alone picks an option of the newest list
(previewed as it is typed), so a question that starts with a digit is always a question; the lists also
take arrows, Enter, digits and the mouse when they have the focus.
"""

from __future__ import annotations

from collections.abc import Callable
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
from assistant.history.layout import layout
from assistant.history.session import LoggedChat
from assistant.history.store import Store
from assistant.tui import present, text
from assistant.tui.commands import ChatCommands
from assistant.tui.keys import localize_bindings
from assistant.tui.prefs import Prefs
from assistant.tui.screens.chat_actions import ChatActions
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.conversation import Conversation
from assistant.tui.widgets.options import QuestionOptions
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.source_pane import SourcePane
from assistant.tui.widgets.welcome import Welcome
from assistant.tui.words import say

NARROW = 100


class QuietForPicks(SuggestFromList):
    """Completions, except while the input holds just the number of an option (Enter picks that option)."""

    def __init__(self, suggestions: list[str], is_pick: Callable[[str], object]) -> None:
        super().__init__(suggestions, case_sensitive=False)
        self.cache = None  # whether a number picks depends on the conversation, so nothing is cached
        self.is_pick = is_pick

    async def get_suggestion(self, value: str) -> str | None:
        if self.is_pick(value.strip()):
            return None
        return await super().get_suggestion(value)


class ChatScreen(ChatActions, Screen[None]):
    """Conversation on the left (or on top), sources on the right (or below), the input at the bottom."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ChatCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012 - Textual declares it a plain attribute
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "toggle_sources", "Sources"),
        Binding("f3", "facts", "Facts"),
        Binding("f4", "cycle_language", "Language"),
        Binding("f5,ctrl+o", "conversations", "Conversations"),
        Binding("ctrl+l", "new_conversation", "New"),
        Binding("ctrl+r", "resume", "Resume", show=False),
        Binding("ctrl+s", "export", "Export", show=False),
        Binding("ctrl+y", "copy_answer", "Copy answer", show=False),
        Binding("ctrl+t", "copy_citation", "Copy citation", show=False),
        Binding("escape", "focus_input", "Input", show=False),
        Binding("alt+up", "step(-1)", "Previous answer", show=False),
        Binding("alt+down", "step(1)", "Next answer", show=False),
        Binding("pageup", "page(-1)", "Scroll up", show=False),
        Binding("pagedown", "page(1)", "Scroll down", show=False),
    ]

    show_sources: reactive[bool] = reactive(True)

    def __init__(self, bot: Assistant, store: Store | None, prefs: Prefs, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.bot = bot
        self.store = store
        self.prefs = prefs
        self.session = LoggedChat(bot, store, "chat")
        self.cursor_blink = cursor_blink
        self.turns: list[Answer] = []
        self.language: str | None = prefs.settings.answer_language
        self.selected: int | None = None
        self.about = present.about(bot)
        self.sub_title = self._language_title()
        localize_bindings(self, self.ui)

    @property
    def ui(self) -> str:
        return self.prefs.ui

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        past = self.store.inputs() if self.store is not None else []
        yield Header()
        with Container(id="body"):
            yield Conversation(self.welcome, id="conversation")
            yield SourcePane(self.intro_view(), say("source_title", self.ui), id="sources")
        yield PromptInput(
            past,
            placeholder=say("placeholder", self.ui),
            suggester=QuietForPicks(present.suggestion_candidates(self.bot, past), self.numbered_pick),
            id="prompt",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.add_class("-welcome")
        self.show_sources = self.prefs.settings.show_sources
        prompt = self.query_one(PromptInput)
        prompt.cursor_blink = self.cursor_blink
        prompt.focus()

    def welcome(self) -> Widget:
        return Welcome(self.about, self.ui, resume=self.resume_text(), id="welcome")

    def intro_view(self) -> present.SourceView:
        lines = [say("sources_intro", self.ui)]
        lines += [f"《{zh}》 {outlet}" for zh, _, outlet in self.about.titles]
        lines += list(self.about.summaries)
        return present.SourceView(heading="", lines=tuple(lines))

    def watch_show_sources(self, show: bool) -> None:
        self.set_class(not show, "-sources-hidden")

    def _language_title(self) -> str:
        return say("answer_language", self.ui, name=present.language_name(self.language, self.ui))

    # -- asking ---------------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    async def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        prompt = self.query_one(PromptInput)
        question = text.clean(event.value).strip()
        prompt.value = ""
        if not question:
            example = (self.about.examples or ("help",))[0]
            self.notify(say("empty_question", self.ui, example=example), title=say("empty_title", self.ui), timeout=4)
            return
        pick = self.numbered_pick(question)
        if pick is not None:
            await self.pick(*pick)
        else:
            await self.ask(question)

    @on(Input.Changed, "#prompt")
    def typed(self, event: Input.Changed) -> None:
        """Preview the option a number typed alone would pick."""
        options = self.live_options()
        if options is not None:
            pick = self.numbered_pick(text.clean(event.value).strip())
            options.preview(pick[1] if pick else None)

    @on(PromptInput.Joined)
    def joined(self, event: PromptInput.Joined) -> None:
        self.notify(say("pasted_lines", self.ui, lines=event.lines), timeout=5)

    @on(QuestionOptions.Picked)
    async def picked(self, event: QuestionOptions.Picked) -> None:
        event.stop()
        await self.pick(event.options, event.index)

    def live_options(self) -> QuestionOptions | None:
        """The list a typed number picks from: the newest answer's, or the welcome's examples."""
        answers = self.query(AnswerMessage)
        if answers:
            return answers.last().choices
        found = self.query("#examples")
        return found.first(QuestionOptions) if found else None

    def numbered_pick(self, value: str) -> tuple[QuestionOptions, int] | None:
        """(list, index) when `value` is just the number of an option of the live list."""
        options = self.live_options()
        if options is None or not (value.isascii() and value.isdigit()):
            return None
        number = int(value)
        return (options, number - 1) if 1 <= number <= len(options.questions) else None

    async def pick(self, options: QuestionOptions, index: int) -> None:
        """Ask an option. The newest clarify list is answered by its number, so that the engine keeps the
        conversation's language and context exactly as it offered them."""
        question = options.questions[index]
        answers = self.query(AnswerMessage)
        newest = answers.last() if answers else None
        if newest is not None and options is newest.choices and newest.parts.kind == "clarify":
            await self.ask(str(index + 1), shown=question)
        else:
            await self.ask(question)

    async def ask(self, question: str, *, shown: str | None = None) -> Answer | None:
        """Ask the engine in this conversation and show the question, the answer and its sources."""
        question = text.clean(question).strip()
        if not question:
            return None
        shown = shown or question
        self.remember(shown)
        conversation = self.query_one(Conversation)
        await conversation.add_question(text.shorten(shown))
        try:
            answer = self.session.ask(question, self.language)
        except Exception as exc:  # the engine should never raise; if it does, say so and carry on
            self.log.error(f"engine failed on {question!r}: {exc!r}")
            await conversation.add_note(
                Static(Content(say("engine_failed", self.ui, error=exc)), classes="message answer -error")
            )
            return None
        self.turns.append(answer)
        self.clear_hints()
        widget = await conversation.add_answer(len(self.turns) - 1, layout(answer), self.hint(answer))
        self.remove_class("-welcome")
        self.select(widget)
        self.query_one(PromptInput).focus()
        self.after_logging()
        return answer

    def hint(self, answer: Answer) -> str:
        """What the newest list's title adds: how to choose, and that typing asks something else."""
        if answer.status == "clarify":
            return say("options_hint", answer.language)
        return say("suggestions_hint", answer.language) if answer.status == "no_answer" and answer.suggestions else ""

    def clear_hints(self) -> None:
        for message in self.query(AnswerMessage):
            message.set_hint("")
            if message.choices is not None:
                message.choices.preview(None)

    def remember(self, question: str) -> None:
        """The question into the input history, shared through the log with other windows."""
        prompt = self.query_one(PromptInput)
        if self.store is None:
            prompt.remember(question)
            return
        try:
            self.store.add_input(question)
            prompt.remember(question, self.store.inputs())
        except Exception:  # the history is a convenience; a locked or broken log never stops the chat
            prompt.remember(question)

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
        conversation = self.query_one(Conversation)
        answers = conversation.answers
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
        conversation.release_anchor()
        answers[target].focus()
        conversation.scroll_to_widget(answers[target], animate=False, top=True)

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
