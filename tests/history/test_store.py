"""The conversation log: turns in order, listing, search, delete, rename, input history, migrations, and
two processes writing at once losing nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.history.migrations import SCHEMA_VERSION, StoreError
from assistant.history.store import Store, decode_answer


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


def test_turns_come_back_in_order_with_their_answers(store: Store, bot: Assistant) -> None:
    chat = bot.chat()
    conversation = store.new_conversation("bundled", "ask")
    for question in ("2024年CT業務收入多少?", "那MR呢?"):
        assert store.log_turn(conversation, question, chat.ask(question), None) in (1, 2)
    turns = store.turns(conversation)
    assert [t.number for t in turns] == [1, 2]
    assert [t.question for t in turns] == ["2024年CT業務收入多少?", "那MR呢?"]
    answer = turns[1].answer()
    assert answer is not None and answer.facts[0].written == "31.92億元"
    listed = store.conversations()
    assert [(c.id, c.turns, c.first_question) for c in listed] == [(conversation, 2, "2024年CT業務收入多少?")]


def test_newest_first_search_rename_delete(store: Store, bot: Assistant) -> None:
    first = store.new_conversation("bundled", "ask")
    store.log_turn(first, "聯影醫療2024年營收多少?", bot.ask("聯影醫療2024年營收多少?"), None)
    second = store.new_conversation("/elsewhere/pack", "chat")
    store.log_turn(second, "What was UIH's net profit in 2024?", bot.ask("What was UIH's net profit in 2024?"), "en")
    assert [c.id for c in store.conversations()] == [second, first]
    assert [c.id for c in store.conversations(pack="bundled")] == [first]
    assert store.latest() is not None and store.latest().id == second
    assert [c.id for c in store.search("net PROFIT")] == [second]  # questions, case-insensitive for Latin
    assert [c.id for c in store.search("聯影醫療2024年營業收入")] == [first]  # answers' text too
    assert store.search("100%_") == []  # LIKE wildcards are literal
    assert store.rename(first, "  營收  ")
    assert store.conversation(first).name == "營收"
    assert [c.id for c in store.search("營收")] == [first]
    assert store.delete(first)
    assert store.conversation(first) is None and store.turns(first) == []
    assert not store.delete(first)


def test_logging_to_a_deleted_conversation_is_an_error(store: Store, bot: Assistant) -> None:
    conversation = store.new_conversation("bundled", "chat")
    store.delete(conversation)
    with pytest.raises(StoreError, match="no longer in the log"):
        store.log_turn(conversation, "q", bot.ask("q"), None)


def test_input_history_skips_repeats_and_keeps_any_text(store: Store) -> None:
    for text in ["a", "b", "b", "line\nbreak", "  ", "d\udcff"]:
        store.add_input(text)
    assert store.inputs() == ["a", "b", "line\nbreak", "d?"]
    assert store.inputs(limit=2) == ["line\nbreak", "d?"]


def test_legacy_history_file_is_imported_once(tmp_path: Path) -> None:
    (tmp_path / "history.jsonl").write_text('"old one"\nnot json\n42\n"old two"\n', encoding="utf-8")
    with Store.open(tmp_path / "log.sqlite3") as store:
        assert store.inputs() == ["old one", "old two"]
        store.add_input("new")
    with Store.open(tmp_path / "log.sqlite3") as store:
        assert store.inputs() == ["old one", "old two", "new"]


def test_schema_version_and_wal(tmp_path: Path) -> None:
    Store.open(tmp_path / "log.sqlite3").close()
    db = sqlite3.connect(tmp_path / "log.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer than this assistant knows"):
        Store.open(tmp_path / "log.sqlite3")


def test_unusable_database_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "log.sqlite3").write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match=r"log\.sqlite3"):
        Store.open(tmp_path / "log.sqlite3")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(blocker / "log.sqlite3")


def test_an_answer_logged_by_another_version_still_reads(bot: Assistant) -> None:
    data = json.loads(bot.ask("聯影醫療2024年營收多少?").to_json())
    data["facts"][0]["field_from_the_future"] = 1
    data["new_top_level_field"] = "ignored"
    answer = decode_answer(json.dumps(data))
    assert answer is not None and answer.citations and answer.facts == []
    assert decode_answer("{broken") is None


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from assistant import Assistant
    from assistant.history.store import Store
    answer = Assistant.load().ask("聯影醫療2024年營收多少?")
    with Store.open(Path(sys.argv[1])) as store:
        shared, own = int(sys.argv[2]), store.new_conversation("bundled", "ask")
        print("ready", flush=True)
        sys.stdin.readline()
        for n in range(40):
            store.log_turn(shared, f"{sys.argv[3]}-{n}", answer, None)
            store.log_turn(own, f"{sys.argv[3]}-{n}", answer, None)
            store.add_input(f"{sys.argv[3]}-{n}")
""")


def test_two_processes_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        shared = store.new_conversation("bundled", "chat")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(shared), name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:  # both start writing at the same moment
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    with Store.open(path) as store:
        turns = store.turns(shared)
        assert [t.number for t in turns] == list(range(1, 81))
        assert sorted(t.question for t in turns) == sorted(f"{w}-{n}" for w in "ab" for n in range(40))
        others = [c for c in store.conversations() if c.id != shared]
        assert sorted(c.turns for c in others) == [40, 40]
        assert sorted(store.inputs(limit=1000)) == sorted(f"{w}-{n}" for w in "ab" for n in range(40))
