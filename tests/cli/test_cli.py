"""The one-shot CLI: answers printed from their fields, JSON contracts, conventions (version, stdin,
did-you-mean, no chat without a terminal, colour), and no Textual on its path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from assistant import Answer, Assistant
from assistant.cli import main

ROOT = Path(__file__).resolve().parents[2]
REVENUE = "聯影醫療2024年營收多少?"


def run(
    *args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python -m assistant.cli ARGS` with stdin piped (closed when None is not wanted: see the tests)."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        input=data,
        capture_output=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


def expected_text(answer: Answer) -> str:
    """What `assistant ask` prints, built here from the Answer's fields in the order the README documents."""
    lines = [answer.understood] if answer.understood else []
    lines += answer.headline.splitlines()
    cite = {"zh-Hant": "來源:第{p}段「{q}」", "zh-Hans": "来源:第{p}段「{q}」", "en": 'Source: paragraph {p}, "{q}"'}
    lines += [cite[answer.language].format(p=c.paragraph, q=c.quote) for c in answer.citations]
    return "\n".join(lines + answer.notes) + "\n"


def test_ask_prints_the_answer_from_its_fields(bot: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", REVENUE]) == 0
    out, err = capsys.readouterr()
    assert out == expected_text(bot.ask(REVENUE))
    assert err == ""
    assert "103億元" in out and "第21段" in out


def test_clarify_options_are_printed_once(bot: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    answer = bot.ask("聯影醫療")
    assert answer.status == "clarify"
    assert main(["ask", "聯影醫療"]) == 0
    out = capsys.readouterr().out
    head = [line for line in answer.headline.splitlines() if not line[:1].isdigit()]
    numbered = [f"  {n}. {option}" for n, option in enumerate(answer.options, 1)]
    assert out == "\n".join([answer.understood, *head, *numbered]) + "\n"


def test_no_answer_offers_questions(bot: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    answer = bot.ask("GE醫療2024年營收多少?")
    assert main(["ask", "GE醫療2024年營收多少?"]) == 0
    out = capsys.readouterr().out
    assert out == expected_text(answer)[:-1] + "".join(f"\n  → {s}" for s in answer.suggestions) + "\n"


def test_ask_json_is_an_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "What was UIH's net profit in 2024?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "answered" and data["language"] == "en"
    assert data["citations"][0]["paragraph"] == 21
    assert "RMB 1.262 billion" in data["text"]


def test_refusal_still_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "飛利浦2024年營收多少?"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "no_answer"


def test_question_from_stdin(bot: Assistant) -> None:
    done = run("ask", stdin=REVENUE + "\n")
    assert (done.returncode, done.stdout, done.stderr) == (0, expected_text(bot.ask(REVENUE)), "")
    several = run("ask", stdin="聯影醫療2024年\n營收多少?\n")  # lines of one question, joined
    assert several.stdout == expected_text(bot.ask("聯影醫療2024年 營收多少?"))


def test_version() -> None:
    done = run("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"assistant {version('uih-assistant')}\n", "")


def test_help_documents_exit_codes() -> None:
    done = run("--help")
    assert done.returncode == 0
    for line in ("  0    the command ran", "  1    an error", "  2    usage", "  130  interrupted (Ctrl-C)"):
        assert line in done.stdout
    assert "exit codes:" in run("ask", "--help").stdout


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["ask", "--jsn", "x"],
            "assistant ask: unknown argument --jsn; did you mean --json? (see assistant ask --help)\n",
        ),
        (["aks", "x"], "assistant: unknown command 'aks'; did you mean ask?\n"),
        (["ask", "--lang", "fr", "x"], "assistant ask: unknown choice 'fr'; choose from zh-Hant, zh-Hans, en\n"),
        (["logs", "shwo", "1"], "assistant logs: unknown choice 'shwo'; did you mean show?\n"),
        (["ask", "--chat", "x"], "assistant ask: --chat only applies with --jsonl\n"),
        (
            ["logs", "show", "abc"],
            "assistant logs show: argument ID: 'abc' is not a conversation id (a number, or latest)"
            " (see assistant logs show --help)\n",
        ),
    ],
)
def test_usage_errors_are_one_line_with_a_suggestion(args: list[str], stderr: str) -> None:
    done = run(*args, stdin="")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", stderr)


def test_no_question_at_all_is_a_usage_error() -> None:
    done = run("ask", stdin="\n  \n")
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr == 'assistant ask: give a question, e.g. assistant ask "聯影醫療2024年營收多少?", or pipe one '
        "on stdin\n"
    )


def test_without_a_terminal_the_chat_is_not_started() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("usage: assistant") and "exit codes:" in done.stderr
    chat = run("chat", stdin="")
    assert (chat.returncode, chat.stderr) == (
        2,
        'assistant chat: the chat needs a terminal; for one question use assistant ask "…"\n',
    )


def test_colour_only_on_request_or_a_terminal() -> None:
    plain = run("ask", REVENUE)
    assert "\x1b[" not in plain.stdout
    forced = run("ask", REVENUE, env={"FORCE_COLOR": "1"})
    assert "\x1b[1;32m103億元\x1b[0m" in forced.stdout
    assert "\x1b[" not in run("ask", REVENUE, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run("ask", "--json", REVENUE, env={"FORCE_COLOR": "1"}).stdout


FOLLOW_UP = "聯影智能2023年營收多少?\n凈利潤呢?\n"


def test_jsonl_chat_keeps_context() -> None:
    done = run("ask", "--jsonl", "--chat", stdin=FOLLOW_UP)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["status"] for a in lines] == ["answered", "answered"]
    assert "2.54" in lines[0]["text"] and "1.36" in lines[1]["text"]


def test_jsonl_without_chat_is_stateless() -> None:
    done = run("ask", "--jsonl", stdin=FOLLOW_UP)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert "2.54" in lines[0]["text"] and "1.36" not in lines[1]["text"]


def test_facts_fit_100_columns_and_export_csv(bot: Assistant) -> None:
    from assistant.history.plain import cells

    table = run("facts")
    assert table.returncode == 0
    assert max(cells(line) for line in table.stdout.splitlines()) <= 100
    assert len(table.stdout.splitlines()) == len(bot.pack.facts) + 1
    for fact in bot.pack.facts.values():
        assert f"\n{fact.id} " in table.stdout  # ids are never cut
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("facts", "--csv").stdout)))
    assert [r["id"] for r in rows] == list(bot.pack.facts)


def test_one_shot_path_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom assistant.cli import main\nmain(['ask', '--json', '聯影醫療2024年營收多少?'])\n"
        "main(['logs', '--json'])\nassert 'textual' not in sys.modules, 'textual imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_the_command_line_loads_the_engine_only_when_a_command_needs_it() -> None:
    """`assistant --help` and a Ctrl-C at start-up do not wait for the engine; the public names still load."""
    code = (
        "import sys\nimport assistant.cli\nassert 'assistant.engine.assistant' not in sys.modules\n"
        "from assistant import Assistant, Answer\nassert Assistant.__module__ == 'assistant.engine.assistant'\n"
        "import assistant\nassert set(assistant.__all__) <= set(dir(assistant))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
