"""Conversation stores stay bounded: a capacity (least recently used dropped first) and an age limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.http.store import MemoryStore, SqliteStore, StoredTurn


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "sqlite"])
def make(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    def build(capacity: int, ttl: float, clock: Clock) -> MemoryStore | SqliteStore:
        if request.param == "memory":
            return MemoryStore(capacity, ttl, clock)
        return SqliteStore(str(tmp_path / "store.sqlite"), capacity, ttl, clock)

    return build


def test_expired_conversations_are_gone(make: object) -> None:
    clock = Clock()
    store = make(10, 60.0, clock)  # type: ignore[operator]
    record = store.create("pack")
    clock.now += 59
    assert store.get(record.id) is not None
    clock.now += 2
    assert store.get(record.id) is None


def test_capacity_drops_the_least_recently_used(make: object) -> None:
    clock = Clock()
    store = make(2, 3600.0, clock)  # type: ignore[operator]
    first = store.create("pack")
    clock.now += 1
    second = store.create("pack")
    clock.now += 1
    first.updated = clock.now
    store.save(first)  # a question in the first conversation makes it the most recent
    clock.now += 1
    third = store.create("pack")
    assert store.get(second.id) is None
    assert store.get(first.id) is not None and store.get(third.id) is not None


def test_turns_survive_the_file(tmp_path: Path, bot: Assistant) -> None:
    path = str(tmp_path / "store.sqlite")
    store = SqliteStore(path, 10, 3600.0)
    record = store.create("pack")
    answer = bot.ask("聯影醫療2024年營收多少?")
    record.turns.append(StoredTurn(question=answer.question, language="zh-Hant", answer=answer))
    store.save(record)
    again = SqliteStore(path, 10, 3600.0).get(record.id)
    assert again is not None and again.turns == record.turns and again.context is None
    assert store.delete(record.id) and not store.delete(record.id)
