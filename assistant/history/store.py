"""The conversation log: every turn of the chat and of `assistant ask`, with its Answer as JSON, in SQLite.

One database file under ASSISTANT_HOME, in WAL mode so that readers never block a writer; every write is
one short `BEGIN IMMEDIATE` transaction with a busy timeout, so two windows (or two `assistant ask` runs)
writing at once both land, each turn with its own number. The input history of the chat lives here too.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from assistant.engine.answer import Answer
from assistant.history.home import database_path
from assistant.history.migrations import StoreError, migrate

BUSY_TIMEOUT_S = 15.0
INPUT_LIMIT = 5000
INPUT_CHARS = 2000


@dataclass(frozen=True)
class Conversation:
    """One conversation as listed: who, when, how long, and how it started."""

    id: int
    pack: str
    origin: str
    title: str | None
    created: float
    updated: float
    turns: int
    first_question: str

    @property
    def name(self) -> str:
        """The title given, else the first question."""
        return self.title or self.first_question


@dataclass(frozen=True)
class Turn:
    """One logged question and its answer."""

    conversation: int
    number: int
    question: str
    shown: str
    language: str | None
    status: str
    answer_json: str
    asked: float

    def answer(self) -> Answer | None:
        return decode_answer(self.answer_json)


def storable(text: str) -> str:
    """Text SQLite can hold: a lone surrogate (an undecodable byte of argv or stdin) becomes "?"."""
    return text.encode("utf-8", "replace").decode("utf-8")


def decode_answer(data: str) -> Answer | None:
    """The logged Answer; an answer logged by another version keeps what still decodes (None if nothing)."""
    try:
        return Answer.from_json(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        pass
    try:
        raw = msgspec.json.decode(data)
        kept = {k: v for k, v in raw.items() if k not in ("facts", "interpretation", "derivation")}
        return msgspec.convert(kept, Answer)
    except (msgspec.DecodeError, msgspec.ValidationError, AttributeError, TypeError):
        return None


_LISTED = """
    SELECT c.id, c.pack, c.origin, c.title, c.created, c.updated,
           (SELECT count(*) FROM turns t WHERE t.conversation = c.id),
           coalesce((SELECT t.shown FROM turns t WHERE t.conversation = c.id ORDER BY t.number LIMIT 1), '')
    FROM conversations c
"""


class Store:
    """The SQLite conversation log. Open with `Store.open()`; close (or use as a context manager) when done."""

    clock = staticmethod(time.time)  # when turns happen (tests fix it)

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (creating and migrating when needed) the database; StoreError with a readable message."""
        path = path or database_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the conversation log {path}: {exc}") from None
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db, path.parent)
        except sqlite3.Error as exc:
            db.close()
            raise StoreError(f"cannot use the conversation log {path}: {exc}") from None
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, waiting for other writers (up to the busy timeout)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write the conversation log {self.path}: {exc}") from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"cannot write the conversation log {self.path}: {exc}") from None
        except BaseException:  # Ctrl-C in the middle of a write: nothing half-written stays
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the conversation log {self.path}: {exc}") from None

    # -- conversations ------------------------------------------------------------------------

    def new_conversation(self, pack: str, origin: str, title: str | None = None) -> int:
        now = self.clock()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO conversations (pack, origin, title, created, updated) VALUES (?, ?, ?, ?, ?)",
                (pack, origin, title, now, now),
            )
            return int(cursor.lastrowid or 0)

    def log_turn(self, conversation: int, question: str, answer: Answer, language: str | None) -> int:
        """Append a turn; returns its number (1, 2, ...). StoreError when the conversation is gone."""
        now = self.clock()
        with self._write() as db:
            if db.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation,)).fetchone() is None:
                raise StoreError(f"conversation {conversation} is no longer in the log")
            row = db.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM turns WHERE conversation = ?", (conversation,)
            ).fetchone()
            number = int(row[0])
            db.execute(
                "INSERT INTO turns (conversation, number, question, shown, language, status, text, answer, "
                "asked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation,
                    number,
                    storable(question),
                    storable(answer.question or question),
                    language,
                    answer.status,
                    storable(answer.text),
                    answer.to_json(),
                    now,
                ),
            )
            db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation))
        return number

    def conversations(self, limit: int = 20, *, pack: str | None = None) -> list[Conversation]:
        """The most recently updated conversations first."""
        where, parameters = ("WHERE c.pack = ?", (pack,)) if pack is not None else ("", ())
        rows = self._read(f"{_LISTED} {where} ORDER BY c.updated DESC, c.id DESC LIMIT ?", (*parameters, limit))
        return [_conversation(row) for row in rows]

    def conversation(self, conversation: int) -> Conversation | None:
        rows = self._read(f"{_LISTED} WHERE c.id = ?", (conversation,))
        return _conversation(rows[0]) if rows else None

    def latest(self, *, pack: str | None = None) -> Conversation | None:
        found = self.conversations(1, pack=pack)
        return found[0] if found else None

    def search(self, text: str, limit: int = 50, *, pack: str | None = None) -> list[Conversation]:
        """Conversations whose title, questions or answers contain `text` (case-insensitive for Latin letters)."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        match = (
            "(c.title LIKE ?1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM turns t WHERE t.conversation = c.id AND "
            "(t.question LIKE ?1 ESCAPE '\\' OR t.shown LIKE ?1 ESCAPE '\\' OR t.text LIKE ?1 ESCAPE '\\')))"
        )
        where = f"WHERE {match}" + (" AND c.pack = ?3" if pack is not None else "")
        parameters: tuple[object, ...] = (pattern, limit, pack) if pack is not None else (pattern, limit)
        rows = self._read(f"{_LISTED} {where} ORDER BY c.updated DESC, c.id DESC LIMIT ?2", parameters)
        return [_conversation(row) for row in rows]

    def turns(self, conversation: int) -> list[Turn]:
        rows = self._read(
            "SELECT conversation, number, question, shown, language, status, answer, asked FROM turns "
            "WHERE conversation = ? ORDER BY number",
            (conversation,),
        )
        return [Turn(int(r[0]), int(r[1]), str(r[2]), str(r[3]), r[4], str(r[5]), str(r[6]), float(r[7])) for r in rows]

    def delete(self, conversation: int) -> bool:
        with self._write() as db:
            db.execute("DELETE FROM turns WHERE conversation = ?", (conversation,))
            return db.execute("DELETE FROM conversations WHERE id = ?", (conversation,)).rowcount > 0

    def rename(self, conversation: int, title: str) -> bool:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE conversations SET title = ? WHERE id = ?", (storable(title.strip()) or None, conversation)
            )
            return cursor.rowcount > 0

    # -- input history and small state ---------------------------------------------------------

    def add_input(self, text: str) -> None:
        """Remember a typed question (cut to a sane length); a repeat of the last one is not stored twice."""
        entry = storable(text[:INPUT_CHARS])
        if not entry.strip():
            return
        with self._write() as db:
            last = db.execute("SELECT text FROM inputs ORDER BY id DESC LIMIT 1").fetchone()
            if last is not None and last[0] == entry:
                return
            cursor = db.execute("INSERT INTO inputs (text, at) VALUES (?, ?)", (entry, self.clock()))
            db.execute("DELETE FROM inputs WHERE id <= ?", ((cursor.lastrowid or 0) - INPUT_LIMIT,))

    def inputs(self, limit: int = 500) -> list[str]:
        """The latest typed questions, oldest first."""
        rows = self._read("SELECT text FROM inputs ORDER BY id DESC LIMIT ?", (limit,))
        return [str(row[0]) for row in reversed(rows)]

    def get_state(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM state WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_state(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM state WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO state (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )


def _conversation(row: Any) -> Conversation:
    cid, pack, origin, title, created, updated, turns, first = row
    return Conversation(
        id=int(cid),
        pack=str(pack),
        origin=str(origin),
        title=title,
        created=float(created),
        updated=float(updated),
        turns=int(turns),
        first_question=str(first),
    )
