"""Where conversations live between requests, bounded in number and age so memory stays bounded.

`MemoryStore` (one process) keeps each conversation's live context; `SqliteStore` (a file shared by the
workers of one machine) keeps only the turns, and the service rebuilds the context by replaying the
questions. Both drop the least recently used conversation beyond `capacity` and any conversation
`ttl` seconds after its last question.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import msgspec

from assistant.engine.answer import Answer
from assistant.engine.session import Context
from assistant.http.schemas import Language

Clock = Callable[[], float]


class StoredTurn(msgspec.Struct, kw_only=True):
    question: str
    language: Language | None = None
    answer: Answer


@dataclass
class Record:
    """One conversation: its turns (the last `max_turns`) and, in memory, its live context."""

    id: str
    pack: str
    created: float
    updated: float
    turns: list[StoredTurn] = field(default_factory=list)
    context: Context | None = None  # None: rebuild it by replaying the turns' questions
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class Store(Protocol):
    def create(self, pack: str) -> Record: ...
    def get(self, conversation_id: str) -> Record | None: ...
    def save(self, record: Record) -> None: ...
    def delete(self, conversation_id: str) -> bool: ...


def new_id() -> str:
    """Unguessable: a conversation id is the only thing that gives access to it."""
    return secrets.token_urlsafe(16)


class MemoryStore:
    """Conversations in this process, least recently used first."""

    def __init__(self, capacity: int, ttl: float, clock: Clock = time.time) -> None:
        self.capacity, self.ttl, self.clock = capacity, ttl, clock
        self._records: OrderedDict[str, Record] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._records)

    def create(self, pack: str) -> Record:
        now = self.clock()
        record = Record(id=new_id(), pack=pack, created=now, updated=now, context=Context())
        self.save(record)
        return record

    def get(self, conversation_id: str) -> Record | None:
        with self._lock:
            record = self._records.get(conversation_id)
            if record is None:
                return None
            if self._expired(record):
                del self._records[conversation_id]
                return None
            self._records.move_to_end(conversation_id)
            return record

    def save(self, record: Record) -> None:
        with self._lock:
            self._records[record.id] = record
            self._records.move_to_end(record.id)
            while self._records:
                oldest = next(iter(self._records.values()))
                if len(self._records) <= self.capacity and not self._expired(oldest):
                    break
                del self._records[oldest.id]

    def delete(self, conversation_id: str) -> bool:
        with self._lock:
            return self._records.pop(conversation_id, None) is not None

    def _expired(self, record: Record) -> bool:
        return self.clock() - record.updated > self.ttl


_TURNS = msgspec.json.Decoder(list[StoredTurn])
_SCHEMA = """CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, pack TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL, turns BLOB NOT NULL)"""


class SqliteStore:
    """Conversations in a SQLite file that every worker of a machine opens; oldest updates dropped first."""

    def __init__(self, path: str, capacity: int, ttl: float, clock: Clock = time.time) -> None:
        self.capacity, self.ttl, self.clock = capacity, ttl, clock
        self._db = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            self._db.execute("CREATE INDEX IF NOT EXISTS by_update ON conversations (updated)")

    def create(self, pack: str) -> Record:
        now = self.clock()
        record = Record(id=new_id(), pack=pack, created=now, updated=now)
        self.save(record)
        return record

    def get(self, conversation_id: str) -> Record | None:
        with self._lock:
            row = self._db.execute(
                "SELECT pack, created, updated, turns FROM conversations WHERE id = ? AND updated >= ?",
                (conversation_id, self.clock() - self.ttl),
            ).fetchone()
        if row is None:
            return None
        pack, created, updated, turns = row
        return Record(id=conversation_id, pack=pack, created=created, updated=updated, turns=_TURNS.decode(turns))

    def save(self, record: Record) -> None:
        turns = msgspec.json.encode(record.turns)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO conversations VALUES (?, ?, ?, ?, ?)",
                    (record.id, record.pack, record.created, record.updated, turns),
                )
                self._db.execute("DELETE FROM conversations WHERE updated < ?", (self.clock() - self.ttl,))
                self._db.execute(
                    "DELETE FROM conversations WHERE id IN (SELECT id FROM conversations "
                    "ORDER BY updated DESC LIMIT -1 OFFSET ?)",
                    (self.capacity,),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def delete(self, conversation_id: str) -> bool:
        with self._lock:
            return self._db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,)).rowcount > 0

    def close(self) -> None:
        with self._lock:
            self._db.close()
