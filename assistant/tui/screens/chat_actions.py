"""The chat screen's commands: conversations (new, reopen, resume), languages and the source pane (kept in
the settings), exports and copies, the facts browser and help. The asking itself is in chat.py."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.screen import Screen

from assistant import Answer, Assistant
from assistant.history import export
from assistant.history.layout import citation_copy, layout
from assistant.history.migrations import StoreError
from assistant.history.plain import answer_text, pack_name
from assistant.history.session import LoggedChat
from assistant.history.store import Conversation as Logged
from assistant.history.store import Store
from assistant.tui import present, text
from assistant.tui.keys import localize_bindings
from assistant.tui.prefs import Prefs
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.conversation import Conversation
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.source_pane import SourcePane
from assistant.tui.words import say

LANGUAGE_CYCLE: list[str | None] = [None, "zh-Hant", "zh-Hans", "en"]


class ChatActions(Screen[None]):
    """What the chat screen does besides asking; the screen (chat.py) provides ask, select and the views."""

    bot: Assistant
    store: Store | None
    prefs: Prefs
    session: LoggedChat
    turns: list[Answer]
    language: str | None
    selected: int | None
    show_sources: bool
    about: present.About
    _warned = False
    _current: int | None = None
    _citation: tuple[int, int] | None = None  # (answer index, citation index) last copied

    @property
    def ui(self) -> str:
        return "en"

    async def ask(self, question: str, *, shown: str | None = None) -> Answer | None:
        raise NotImplementedError

    def select(self, widget: AnswerMessage) -> None:
        raise NotImplementedError

    def hint(self, answer: Answer) -> str:
        return ""

    def intro_view(self) -> present.SourceView:
        raise NotImplementedError

    def _language_title(self) -> str:
        return ""

    # -- the log ------------------------------------------------------------------------------------

    @property
    def state_key(self) -> str:
        return f"chat:{self.session.pack}"

    def after_logging(self) -> None:
        """Say once when turns cannot be logged; remember the conversation to resume after a restart."""
        if self.session.problem and not self._warned:
            self._warned = True
            self.notify(say("not_saved", self.ui, error=self.session.problem), severity="warning", timeout=8)
        if self.store is not None and self.session.conversation not in (None, self._current):
            self._current = self.session.conversation
            with contextlib.suppress(StoreError):
                self.store.set_state(self.state_key, str(self._current))

    def resumable(self) -> Logged | None:
        """The conversation this pack's chat was in last, if it is still in the log."""
        if self.store is None:
            return None
        try:
            value = self.store.get_state(self.state_key)
            found = self.store.conversation(int(value)) if value and value.isdigit() else None
        except StoreError:
            return None
        return found if found is not None and found.turns and found.pack == self.session.pack else None

    def resume_text(self) -> str:
        found = self.resumable()
        if found is None:
            return ""
        return say("resume_hint", self.ui, name=text.shorten(" ".join(found.name.split()), 60), turns=found.turns)

    async def open_on_start(self, conversation: int | None) -> None:
        """`assistant chat --cid ID` or `-c`: open that conversation, or this pack's latest."""
        if self.store is None:
            return
        if conversation is None:
            latest = self.store.latest(pack=self.session.pack)
            if latest is None:
                self.notify(say("nothing_to_resume", self.ui), timeout=4)
                return
            conversation = latest.id
        found = self.store.conversation(conversation)
        if found is None or found.pack != self.session.pack:
            self.notify(say("not_this_pack", self.ui, id=conversation), severity="warning", timeout=6)
            return
        await self.reopen(conversation)

    async def reopen(self, conversation: int) -> bool:
        """Show a logged conversation with its sources and continue it (its questions are replayed)."""
        if self.store is None:
            return False
        try:
            logged = self.session.resume(conversation)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return False
        shown = [(turn.shown, answer) for turn in logged if (answer := turn.answer()) is not None]
        self.turns = [answer for _, answer in shown]
        self.selected = None
        hint = self.hint(self.turns[-1]) if self.turns else ""
        widgets = await self.query_one(Conversation).show([(text.shorten(q), layout(a)) for q, a in shown], hint)
        self.set_class(not widgets, "-welcome")
        if widgets:
            self.select(widgets[-1])
        else:
            self.query_one(SourcePane).show(self.intro_view())
        self._current = None
        self.after_logging()
        self.notify(say("reopened", self.ui, id=conversation, turns=len(self.turns)), timeout=4)
        self.query_one(PromptInput).focus()
        return True

    async def action_resume(self) -> None:
        found = self.resumable()
        if found is None:
            self.notify(say("nothing_to_resume", self.ui), timeout=4)
            return
        await self.reopen(found.id)

    def action_conversations(self) -> None:
        from assistant.tui.screens.conversations import ConversationsScreen  # screens load when first opened

        if self.store is None:
            self.notify(say("no_log", self.ui), severity="warning", timeout=5)
            return

        async def chosen(conversation: int | None) -> None:
            if (
                self.store is not None
                and self.session.conversation is not None
                and self.store.conversation(self.session.conversation) is None
            ):
                self.session.conversation = None  # deleted there: the next turn starts a new logged conversation
            if conversation is not None:
                await self.reopen(conversation)

        screen = ConversationsScreen(self.store, self.session.pack, self.session.conversation, self.ui)
        self.app.push_screen(screen, chosen)

    async def action_new_conversation(self) -> None:
        self.session.new()
        self.turns.clear()
        self.selected = None
        self._citation = None
        await self.query_one(Conversation).reset()
        self.add_class("-welcome")
        self.query_one(SourcePane).show(self.intro_view())
        self.query_one(PromptInput).focus()

    # -- screens and settings -----------------------------------------------------------------------

    def action_help(self) -> None:
        from assistant.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.about, self.ui))

    def action_facts(self) -> None:
        from assistant.tui.screens.facts import FactsScreen

        async def chosen(fact_id: str | None) -> None:
            fact = self.bot.pack.facts.get(fact_id or "")
            if fact is not None:
                await self.ask(self.bot.question_for(fact, present.as_script(self.language or self.ui)))

        self.app.push_screen(FactsScreen(self.bot, self.ui, self.language), chosen)

    def action_toggle_sources(self) -> None:
        self.show_sources = not self.show_sources
        self._save(show_sources=self.show_sources)

    def action_cycle_language(self) -> None:
        position = LANGUAGE_CYCLE.index(self.language) if self.language in LANGUAGE_CYCLE else 0
        self._set_language(LANGUAGE_CYCLE[(position + 1) % len(LANGUAGE_CYCLE)])

    def action_set_language(self, language: str) -> None:
        self._set_language(None if language == "auto" else language)

    def _set_language(self, language: str | None) -> None:
        self.language = language if language in present.LANGUAGES else None
        self.sub_title = self._language_title()
        self.notify(self._language_title(), timeout=3)
        self._save(answer_language=self.language)

    async def action_set_ui_language(self, language: str) -> None:
        if language not in present.SCRIPTS:
            return
        self._save(ui_language=language)
        localize_bindings(self, self.ui)
        localize_bindings(self.app, self.ui)
        self.refresh_bindings()
        self.sub_title = self._language_title()
        self.query_one(PromptInput).placeholder = say("placeholder", self.ui)
        if not self.turns:
            await self.query_one(Conversation).reset()
            self.query_one(SourcePane).show(self.intro_view())
        self.notify(say("ui_language_set", self.ui), timeout=3)

    def _save(self, **values: object) -> None:
        problem = self.prefs.change(**values)
        if problem:
            self.notify(problem, severity="warning", timeout=6)

    # -- exports and copies -------------------------------------------------------------------------

    def _stem(self) -> str:
        return f"conversation-{self.session.conversation}" if self.session.conversation else "conversation"

    def action_export(self) -> None:
        if not self.turns:
            self.notify(say("nothing_to_export", self.ui), severity="warning", timeout=4)
            return
        from assistant.tui.screens.text_prompt import TextPrompt

        default = export.target(None, self._stem(), ".md")
        prompt = TextPrompt(say("export_title", self.ui), str(default), say("export_hint", self.ui), ui=self.ui)
        self.app.push_screen(prompt, self._export_to)

    def _export_to(self, chosen: str | None) -> None:
        if chosen is None:
            return
        target = Path(chosen).expanduser()
        if target.is_dir():
            target = export.target(target, self._stem(), ".md")
        fmt = "json" if target.suffix.lower() == ".json" else "md"
        logged = (
            self.store.conversation(self.session.conversation)
            if self.store is not None and self.session.conversation
            else None
        )
        meta = export.ExportMeta(
            pack=pack_name(self.session.pack),
            conversation=self.session.conversation,
            title=logged.title if logged else None,
            articles=tuple(f"《{zh}》 {outlet}" for zh, _, outlet in self.about.titles),
        )
        try:
            path = export.write(export.render(fmt, meta, [export.ExportTurn(a) for a in self.turns]), target)
        except OSError as exc:
            self.notify(say("export_failed", self.ui, error=exc), severity="error", timeout=6)
            return
        self.notify(say("exported_to", self.ui, path=path), timeout=8)

    def action_export_facts(self) -> None:
        path = export.target(None, "facts", ".csv")
        try:
            export.write(export.facts_csv(self.bot.pack), path)
        except OSError as exc:
            self.notify(say("export_failed", self.ui, error=exc), severity="error", timeout=6)
            return
        self.notify(say("exported_to", self.ui, path=path), timeout=8)

    def _chosen_answer(self) -> int | None:
        if not self.turns:
            return None
        return self.selected if self.selected is not None and self.selected < len(self.turns) else len(self.turns) - 1

    def action_copy_answer(self) -> None:
        index = self._chosen_answer()
        if index is None:
            self.notify(say("nothing_to_copy", self.ui), severity="warning", timeout=4)
            return
        self.app.copy_to_clipboard(answer_text(layout(self.turns[index])))
        self.notify(say("answer_copied", self.ui), timeout=3)

    def action_copy_citation(self) -> None:
        """Copy one citation of the selected answer; pressed again, the next one."""
        index = self._chosen_answer()
        citations = self.turns[index].citations if index is not None else []
        if index is None or not citations:
            self.notify(say("no_citation", self.ui), severity="warning", timeout=4)
            return
        number = 0
        if self._citation is not None and self._citation[0] == index:
            number = (self._citation[1] + 1) % len(citations)
        self._citation = (index, number)
        self.app.copy_to_clipboard(citation_copy(citations[number], self.turns[index].language))
        self.notify(say("citation_copied", self.ui, n=number + 1, total=len(citations)), timeout=4)
