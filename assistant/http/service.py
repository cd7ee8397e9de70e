"""What the API does, without HTTP: answer, hold conversations, list packs, facts and paragraphs.

Every method is synchronous and raises `NotFound` or `Invalid` (messages for people) for bad requests;
the routes turn those into 404 and 422 and run the methods under the request time limit.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from assistant.engine.answer import Answer
from assistant.engine.assistant import Assistant
from assistant.engine.session import Context
from assistant.errors import AssistantError
from assistant.http.schemas import (
    AskRequest,
    Conversation,
    Created,
    FactsPage,
    PackInfo,
    Paragraph,
    SourceInfo,
    Turn,
    TurnRequest,
)
from assistant.http.settings import Settings
from assistant.http.store import Record, Store, StoredTurn
from assistant.lang.normalize import LANGUAGES, fold
from assistant.pack.model import Pack
from assistant.pack.schema import Fact
from assistant.tools.catalog import FactFilter, find_facts

MAX_FACTS_PAGE = 1000


class NotFound(AssistantError):
    """A pack, conversation, source or paragraph that does not exist (404)."""


class Invalid(AssistantError):
    """A well-formed request the server will not take: too long, too many, out of range (422)."""


def load_packs(paths: Iterable[str | None]) -> dict[str, Assistant]:
    """The packs by name (each pack's first source id); the first is the default."""
    bots: dict[str, Assistant] = {}
    for path in paths:
        bot = Assistant.load(path)
        name = next(iter(bot.pack.sources))
        if name in bots:
            raise AssistantError(f"two packs are named {name!r} (their first source): {path} and an earlier one")
        bots[name] = bot
    return bots


class Service:
    """The packs a server answers from, its conversations and its limits."""

    def __init__(self, bots: dict[str, Assistant], settings: Settings, store: Store) -> None:
        if not bots:
            raise AssistantError("a server needs at least one pack")
        self.bots, self.settings, self.store = bots, settings, store
        self.default = next(iter(bots))

    def bot(self, pack: str | None) -> tuple[str, Assistant]:
        name = pack or self.default
        if name not in self.bots:
            raise NotFound(f"no pack named {name!r}; this server has: {', '.join(self.bots)}")
        return name, self.bots[name]

    # -- answering ------------------------------------------------------------------------------

    def ask(self, request: AskRequest) -> Answer:
        """One question; with `history`, the earlier questions are replayed in a fresh conversation first."""
        self._check_question(request.question)
        if len(request.history) > self.settings.max_history:
            raise Invalid(f"history has {len(request.history)} questions; at most {self.settings.max_history}")
        for earlier in request.history:
            self._check_question(earlier, "a history question")
        _, bot = self.bot(request.pack)
        context = Context()
        for earlier in request.history:
            context = bot.answer(earlier, context, language=request.language)[1]
        return bot.answer(request.question, context, language=request.language)[0]

    def create(self, pack: str | None) -> Created:
        name, _ = self.bot(pack)
        return Created(id=self.store.create(name).id, pack=name)

    def ask_in(self, conversation_id: str, request: TurnRequest) -> Answer:
        """The next turn: answered in the conversation's context, which then moves on."""
        self._check_question(request.question)
        record = self._record(conversation_id)
        with record.lock:
            bot = self.bots[record.pack]
            context = record.context if record.context is not None else self._replay(bot, record)
            answer, record.context = bot.answer(request.question, context, language=request.language)
            record.turns.append(StoredTurn(question=request.question, language=request.language, answer=answer))
            del record.turns[: -self.settings.max_turns]
            record.updated = time.time()
            self.store.save(record)
        return answer

    def conversation(self, conversation_id: str) -> Conversation:
        record = self._record(conversation_id)
        turns = [Turn(question=t.question, answer=t.answer) for t in record.turns]
        return Conversation(id=record.id, pack=record.pack, created=record.created, updated=record.updated, turns=turns)

    def delete(self, conversation_id: str) -> None:
        if not self.store.delete(conversation_id):
            raise NotFound(f"no conversation {conversation_id!r} (it may have expired)")

    def _record(self, conversation_id: str) -> Record:
        record = self.store.get(conversation_id)
        if record is None or record.pack not in self.bots:
            raise NotFound(f"no conversation {conversation_id!r} (it may have expired; start a new one)")
        return record

    @staticmethod
    def _replay(bot: Assistant, record: Record) -> Context:
        """The context of a conversation this process has not held: its kept questions asked again."""
        context = Context()
        for turn in record.turns:
            context = bot.answer(turn.question, context, language=turn.language)[1]
        return context

    def _check_question(self, question: str, what: str = "the question") -> None:
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise Invalid(f"{what} is {len(question)} characters long; at most {limit}")

    # -- what the packs hold --------------------------------------------------------------------

    def packs(self) -> list[PackInfo]:
        return [self._pack_info(name, bot) for name, bot in self.bots.items()]

    def _pack_info(self, name: str, bot: Assistant) -> PackInfo:
        pack = bot.pack
        sources = [
            SourceInfo(
                id=sid, title=s.title, outlet=s.outlet, summary=s.summary, paragraphs=len(pack.paragraphs.get(sid, []))
            )
            for sid, s in pack.sources.items()
        ]
        examples: dict[str, list[str]] = {lang: bot.example_questions(lang, 8) for lang in LANGUAGES}
        return PackInfo(
            name=name, default=name == self.default, facts=len(pack.facts), sources=sources, examples=examples
        )

    def facts(
        self,
        pack: str | None,
        search: str | None = None,
        subject: str | None = None,
        metric: str | None = None,
        period: str | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> FactsPage:
        """Facts in file order: `search` over their words, `subject` and `metric` by concept id or any name."""
        if offset < 0 or not 0 < limit <= MAX_FACTS_PAGE:
            raise Invalid(f"offset must be 0 or more and limit between 1 and {MAX_FACTS_PAGE}")
        _, bot = self.bot(pack)
        searched = find_facts(bot.pack, FactFilter(search=search))
        found = [f for f in searched if _fits(bot.pack, f, subject, metric, period)]
        return FactsPage(total=len(found), offset=offset, facts=found[offset : offset + limit])

    def paragraph(self, pack: str | None, source: str, number: int) -> Paragraph:
        _, bot = self.bot(pack)
        if source not in bot.pack.sources:
            raise NotFound(f"no source {source!r}; this pack has: {', '.join(bot.pack.sources)}")
        count = len(bot.pack.paragraphs.get(source, []))
        if not 0 <= number <= count:
            raise NotFound(f"paragraph {number} is out of range: {source} has paragraphs 1-{count} (0 is its outlet)")
        title = bot.pack.sources[source].title.zh_Hant
        return Paragraph(source=source, title=title, paragraph=number, text=bot.pack.paragraph(source, number))


def _fits(pack: Pack, fact: Fact, subject: str | None, metric: str | None, period: str | None) -> bool:
    if period and period not in (fact.period, fact.when):
        return False
    return _names(pack, fact.subject, subject) and _names(pack, fact.metric, metric)


def _names(pack: Pack, concept_id: str, wanted: str | None) -> bool:
    """Whether `wanted` is the concept's id, one of its names or one of its aliases (in any script)."""
    if not wanted:
        return True
    concept = pack.concepts.get(concept_id)
    names = [concept_id]
    if concept is not None:
        names += [concept.names.zh_Hant, concept.names.zh_Hans or "", concept.names.en, *concept.aliases]
    folded = fold(wanted)
    return any(fold(name) == folded for name in names if name)
