"""`assistant ask -c` / `--cid` and `assistant logs`: every one-shot question logged, conversations continued
by replaying their questions, listed, shown, searched, renamed, exported and deleted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.history.store import Store


def run(home: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "ASSISTANT_HOME": str(home), **(env or {})},
    )


def test_continue_the_latest_conversation(home: Path) -> None:
    first = run(home, "ask", "2024年CT業務收入多少?")
    follow = run(home, "ask", "-c", "那MR呢?")
    assert (first.returncode, follow.returncode, follow.stderr) == (0, 0, "")
    assert "31.92億元" in follow.stdout and "30.48億元" not in follow.stdout.split("來源")[0]
    listed = json.loads(run(home, "logs", "--json").stdout)
    assert len(listed) == 1
    assert listed[0]["turns"] == 2 and listed[0]["questions"] == ["2024年CT業務收入多少?", "那MR呢?"]
    assert listed[0]["pack"] == "bundled" and listed[0]["origin"] == "ask"


def test_each_ask_is_its_own_conversation_and_cid_picks_one(home: Path) -> None:
    run(home, "ask", "聯影智能2023年營收多少?")
    run(home, "ask", "2024年CT業務收入多少?")
    oldest = json.loads(run(home, "logs", "--json").stdout)[-1]["id"]
    follow = run(home, "ask", "--cid", str(oldest), "凈利潤呢?")
    assert "1.36" in follow.stdout  # 聯影智能's 2023 net loss: the context of that conversation, not the latest
    assert json.loads(run(home, "logs", "--json").stdout)[0]["id"] == oldest  # now the most recent


def test_picking_an_option_keeps_the_conversation_chinese(home: Path, bot: Assistant) -> None:
    clarify = run(home, "ask", "聯影醫療")
    assert "  1. " in clarify.stdout
    picked = run(home, "ask", "-c", "1")
    expected = bot.chat()
    expected.ask("聯影醫療")
    answer = expected.ask("1")
    assert answer.language == "zh-Hant" and answer.status == "answered"
    assert answer.headline in picked.stdout and "理解為" in picked.stdout


def test_no_log(home: Path) -> None:
    run(home, "ask", "--no-log", "聯影醫療2024年營收多少?")
    run(home, "ask", "聯影醫療2024年營收多少?", env={"ASSISTANT_NO_LOG": "1"})
    run(home, "ask", "--jsonl", "--no-log", stdin="聯影醫療2024年營收多少?\n")
    assert json.loads(run(home, "logs", "--json").stdout) == []


def test_continue_with_nothing_logged_is_an_error(home: Path) -> None:
    done = run(home, "ask", "-c", "那MR呢?")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "assistant ask: no conversation in the log to continue (see `assistant logs`)\n"
    missing = run(home, "ask", "--cid", "99", "那MR呢?")
    assert (missing.returncode, missing.stderr) == (
        1,
        "assistant ask: no conversation 99 in the log to continue (see `assistant logs`)\n",
    )


def test_logs_listing_show_search_rename_delete(home: Path, bot: Assistant) -> None:
    run(home, "ask", "聯影醫療2024年營收多少?")
    run(home, "ask", "--jsonl", "--chat", stdin="2024年CT業務收入多少?\n那MR呢?\n")
    listing = run(home, "logs")
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["id", "time", "pack", "turns", "first", "question"]
    assert [line.split()[0] for line in lines[1:]] == ["2", "1"]  # newest first
    assert lines[1].split()[3:] == ["bundled", "2", "2024年CT業務收入多少?"]
    shown = run(home, "logs", "show", "latest")
    assert shown.returncode == 0 and shown.stdout.startswith("conversation 2 · bundled · 2 turns · ")
    assert "\n1. 2024年CT業務收入多少?  " in shown.stdout and "\n2. 那MR呢?  " in shown.stdout
    assert "31.92億元" in shown.stdout
    data = json.loads(run(home, "logs", "show", "2", "--json").stdout)
    assert data["conversation"]["id"] == 2 and [t["number"] for t in data["turns"]] == [1, 2]
    assert data["turns"][1]["answer"]["facts"][0]["written"] == "31.92億元"
    found = json.loads(run(home, "logs", "search", "營收", "--json").stdout)
    assert [c["id"] for c in found] == [1]
    assert run(home, "logs", "rename", "1", "營收問題").stdout == "renamed conversation 1\n"
    assert json.loads(run(home, "logs", "--json").stdout)[1]["title"] == "營收問題"
    assert run(home, "logs", "delete", "1", "--json").stdout == '{"deleted": 1}\n'
    assert [c["id"] for c in json.loads(run(home, "logs", "--json").stdout)] == [2]
    gone = run(home, "logs", "show", "1")
    assert gone.returncode == 1
    assert gone.stderr == "assistant logs: no conversation 1 in the log (see `assistant logs`)\n"


def test_logs_export(home: Path, tmp_path: Path) -> None:
    run(home, "ask", "聯影醫療2024年營收多少?")
    written = run(home, "logs", "export", "latest")
    path = Path(written.stdout.strip())
    assert written.returncode == 0 and path.parent == home / "exports" and path.suffix == ".md"
    text = path.read_text(encoding="utf-8")
    assert "## 1. 聯影醫療2024年營收多少?" in text and "**103億元**" in text
    chosen = run(home, "logs", "export", "1", "--format", "json", "--out", str(tmp_path / "one.json"))
    assert chosen.stdout == f"{tmp_path / 'one.json'}\n"
    data = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert data["conversation"] == 1 and data["turns"][0]["answer"]["citations"][0]["paragraph"] == 21
    piped = run(home, "logs", "export", "1", "--format", "json", "--out", "-")
    assert json.loads(piped.stdout)["turns"][0]["answer"]["question"] == "聯影醫療2024年營收多少?"
    blocked = run(home, "logs", "export", "1", "--out", "/proc/x/y.md")
    assert blocked.returncode == 1 and blocked.stderr.startswith("assistant logs: cannot write /proc/x/y.md: ")


def test_logs_without_any(home: Path) -> None:
    empty = run(home, "logs")
    assert (empty.returncode, empty.stdout, empty.stderr) == (0, "", "assistant logs: no conversation found\n")
    assert run(home, "logs", "--json").stdout == "[]\n"


def test_an_unusable_log_never_loses_the_answer(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = run(blocker / "home", "ask", "聯影醫療2024年營收多少?")
    assert done.returncode == 0 and "103億元" in done.stdout
    assert done.stderr.startswith("assistant: not logged: cannot open the conversation log ")
    listing = run(blocker / "home", "logs")
    assert listing.returncode == 1 and listing.stderr.startswith("assistant logs: cannot open the conversation log")


def test_logged_answers_are_what_was_printed(home: Path) -> None:
    printed = run(home, "ask", "--json", "聯影醫療2024年營收多少?").stdout
    with Store.open(home / "conversations.sqlite3") as store:
        turn = store.turns(store.latest().id)[0]
    assert json.loads(turn.answer_json) == json.loads(printed)


@pytest.mark.parametrize("wanted", ["0", "-1", "x"])
def test_ids_are_checked(home: Path, wanted: str) -> None:
    assert run(home, "logs", "delete", wanted).returncode == 2
