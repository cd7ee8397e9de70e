"""A conversation with the engine whose turns go to the log: shared by `assistant ask` and the chat.

A logged conversation is resumed by replaying its questions, in order and with the answer language each
was asked with, in a fresh `Chat`: the engine's context is rebuilt exactly as it was, never stored.
"""

from __future__ import annotations

from assistant.engine.answer import Answer
from assistant.engine.assistant import Assistant
from assistant.history.migrations import StoreError
from assistant.history.store import Store, Turn
from assistant.lang.normalize import Language
from assistant.pack.paths import bundled_root

BUNDLED = "bundled"
_LANGUAGES: dict[str, Language] = {"zh-Hant": "zh-Hant", "zh-Hans": "zh-Hans", "en": "en"}


def as_language(value: str | None) -> Language | None:
    """A language code the engine takes, or None (answer in the question's language)."""
    return _LANGUAGES.get(value or "")


def pack_key(bot: Assistant) -> str:
    """How the log names a pack: "bundled", else its folder's absolute path (to load it again)."""
    root = bot.pack.root.resolve()
    try:
        if root == bundled_root().resolve():
            return BUNDLED
    except Exception:  # a broken installation only means the pack is named by its path
        pass
    return str(root)


def pack_argument(key: str) -> str | None:
    """What to pass to `Assistant.load` for a logged pack."""
    return None if key == BUNDLED else key


class LoggedChat:
    """`bot.chat()` plus the log: each turn is written when a store is given; a failure to write is kept in
    `problem` (the answer is never lost over it) and logging stops for this conversation."""

    def __init__(self, bot: Assistant, store: Store | None, origin: str) -> None:
        self.bot = bot
        self.store = store
        self.origin = origin
        self.pack = pack_key(bot)
        self.chat = bot.chat()
        self.conversation: int | None = None
        self.problem: str | None = None

    def ask(self, question: str, language: str | None = None) -> Answer:
        answer = self.chat.ask(question, language=as_language(language))
        self._log(question, answer, language)
        return answer

    def _log(self, question: str, answer: Answer, language: str | None) -> None:
        if self.store is None or self.problem is not None:
            return
        try:
            if self.conversation is None:
                self.conversation = self.store.new_conversation(self.pack, self.origin)
            self.store.log_turn(self.conversation, question, answer, language)
        except StoreError as exc:
            self.problem = str(exc)

    def resume(self, conversation: int) -> list[Turn]:
        """Continue a logged conversation: its questions are replayed (unlogged) to rebuild the context."""
        if self.store is None:
            raise StoreError("no conversation log to resume from")
        turns = self.store.turns(conversation)
        self.chat.reset()
        for turn in turns:
            self.chat.ask(turn.question, language=as_language(turn.language))
        self.conversation = conversation
        return turns

    def new(self) -> None:
        """Start a new conversation (created in the log with its first turn)."""
        self.chat.reset()
        self.conversation = None
