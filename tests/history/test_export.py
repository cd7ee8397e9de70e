"""Exports: Markdown and JSON of a conversation (with citations, without UI hints), facts as CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from assistant import Answer, Assistant
from assistant.history import export
from assistant.tui.words import ui_words

NOW = datetime(2025, 1, 2, 10, 11)


def turns(bot: Assistant) -> list[export.ExportTurn]:
    chat = bot.chat()
    return [export.ExportTurn(chat.ask(q)) for q in ("聯影醫療", "1", "2024年CT業務收入多少?")]


def test_markdown_has_questions_answers_and_citations_and_no_hints(bot: Assistant) -> None:
    logged = turns(bot)
    text = export.render("md", export.ExportMeta(pack="bundled", articles=("《文章》",)), logged, NOW)
    assert text.startswith("# 與 uih-assistant 的對話\n")
    assert "匯出時間: 2025-01-02 10:11" in text
    bare = text.replace("\\", "").replace("**", "")
    for turn in logged:
        assert turn.answer.question in bare
        for citation in turn.answer.citations:
            assert citation.quote in bare
    for option in logged[0].answer.options:
        assert f". {option}" in bare
    for hint in ("options_hint", "suggestions_hint", "welcome_try"):  # the chat's hints never leak into exports
        for script in ("zh-Hant", "zh-Hans", "en"):
            assert ui_words().get(hint, script) not in text
    assert "↑↓" not in text and "Enter" not in text


def test_json_export_holds_full_answers(bot: Assistant) -> None:
    logged = turns(bot)
    meta = export.ExportMeta(pack="bundled", conversation=7, title="t")
    data = json.loads(export.render("json", meta, logged, NOW))
    assert data["conversation"] == 7 and data["title"] == "t" and data["pack"] == "bundled"
    assert [t["number"] for t in data["turns"]] == [1, 2, 3]
    assert [Answer.from_json(json.dumps(t["answer"])) for t in data["turns"]] == [t.answer for t in logged]


def test_target_paths(tmp_path: Path, home: Path) -> None:
    default = export.target(None, "conversation-3", ".md", NOW)
    assert default == home / "exports" / "conversation-3-20250102-101100.md"
    export.write("x", default)
    assert export.target(None, "conversation-3", ".md", NOW).name == "conversation-3-20250102-101100-2.md"
    assert export.target(tmp_path, "c", ".json", NOW) == tmp_path / "c-20250102-101100.json"
    assert export.target(str(tmp_path / "mine.json"), "c", ".md", NOW) == tmp_path / "mine.json"


def test_facts_csv(bot: Assistant) -> None:
    rows = list(csv.DictReader(io.StringIO(export.facts_csv(bot.pack))))
    assert len(rows) == len(bot.pack.facts)
    first = next(iter(bot.pack.facts.values()))
    assert rows[0]["id"] == first.id and rows[0]["quote"] == first.quote
    assert rows[0]["subject_name"] == bot.pack.concepts[first.subject].names.en
    derived = [r for r in rows if r["derived"]]
    assert derived and all("≈" in r["derived"] or "=" in r["derived"] or r["derived"] for r in derived)
