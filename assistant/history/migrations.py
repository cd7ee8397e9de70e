"""The conversation database's schema as migrations: migration n takes `PRAGMA user_version` from n to n+1.

A database written by a newer version (a higher user_version) is refused rather than damaged. Each
migration runs in one write transaction, so two processes opening a new database at once migrate it once.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from assistant.errors import AssistantError

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        pack TEXT NOT NULL,
        origin TEXT NOT NULL,
        title TEXT,
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE INDEX conversations_updated ON conversations (updated);
    CREATE TABLE turns (
        conversation INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        question TEXT NOT NULL,
        shown TEXT NOT NULL,
        language TEXT,
        status TEXT NOT NULL,
        text TEXT NOT NULL,
        answer TEXT NOT NULL,
        asked REAL NOT NULL,
        PRIMARY KEY (conversation, number)
    );
    CREATE TABLE inputs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
LEGACY_HISTORY = "history.jsonl"


class StoreError(AssistantError):
    """The conversation database cannot be opened, read or written."""


def migrate(db: sqlite3.Connection, folder: Path) -> None:
    """Bring the database to SCHEMA_VERSION (nothing to do when it is there already)."""
    if _version(db) == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _version(db)  # another process may have migrated while this one waited
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the conversation database has schema version {version}, newer than this "
                f"assistant knows ({SCHEMA_VERSION}); upgrade uih-assistant"
            )
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    db.execute(statement)
            if number == 0:
                _import_legacy_history(db, folder)
            db.execute(f"PRAGMA user_version = {number + 1}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _import_legacy_history(db: sqlite3.Connection, folder: Path) -> None:
    """The input history of earlier versions (one JSON string per line) becomes the first inputs."""
    path = folder / LEGACY_HISTORY
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, str) and entry.strip():
            db.execute("INSERT INTO inputs (text, at) VALUES (?, 0)", (entry,))
