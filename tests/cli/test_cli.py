"""The one-shot CLI: readable answers, JSON contracts, exit codes, and no Textual on its path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_ask_prints_figure_and_citation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "聯影醫療2024年營收多少?"]) == 0
    out = capsys.readouterr().out
    assert "103億元" in out and "9.73%" in out
    assert "第21段" in out and "營業收入103億元" in out


def test_ask_json_is_an_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "What was UIH's net profit in 2024?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "answered" and data["language"] == "en"
    assert data["citations"][0]["paragraph"] == 21
    assert "RMB 1.262 billion" in data["text"]


def test_refusal_still_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "飛利浦2024年營收多少?"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "no_answer"


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 2
    assert main(["ask", "--chat", "x"]) == 2
    assert main(["frobnicate"]) == 2
    assert "assistant" in capsys.readouterr().err


def test_broken_pack_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "facts.yaml").write_text("facts: [unclosed\n", encoding="utf-8")
    result = _run("ask", "--pack", str(tmp_path), "營收?")
    assert result.returncode == 2
    assert "facts.yaml:" in result.stderr and "broken YAML" in result.stderr
    assert "Traceback" not in result.stderr


FOLLOW_UP = "聯影智能2023年營收多少?\n凈利潤呢?\n"


def test_jsonl_chat_keeps_context() -> None:
    result = _run("ask", "--jsonl", "--chat", stdin=FOLLOW_UP)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["status"] for a in lines] == ["answered", "answered"]
    assert "2.54" in lines[0]["text"] and "1.36" in lines[1]["text"]


def test_jsonl_without_chat_is_stateless() -> None:
    result = _run("ask", "--jsonl", stdin=FOLLOW_UP)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert "2.54" in lines[0]["text"] and "1.36" not in lines[1]["text"]


def test_one_shot_path_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom assistant.cli import main\nmain(['ask', '--json', '聯影醫療2024年營收多少?'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
