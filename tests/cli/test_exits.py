"""Every way the CLI can fail ends with one line on stderr and a documented exit code (1 error, 2 usage,
130 interrupted), never a traceback: bad stdin, closed stdin, a full disk, an unwritable folder, a
`~user` that does not exist, and Ctrl-C at any moment, start-up included."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def run(
    *args: str,
    stdin: bytes | None = b"",
    stdout: int | None = subprocess.PIPE,
    close_stdin: bool = False,
    env: dict[str, str] | None = None,
) -> tuple[int, str, str]:
    command = [sys.executable, "-m", "assistant.cli", *args]
    if close_stdin:  # the shell's `<&-`
        command = ["sh", "-c", 'exec "$0" "$@" <&-', *command]
    done = subprocess.run(
        command,
        input=None if close_stdin else stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )
    out = done.stdout.decode("utf-8", "replace") if done.stdout is not None else ""
    return done.returncode, out, done.stderr.decode("utf-8", "replace")


def one_line(stderr: str) -> bool:
    return "Traceback" not in stderr and stderr.count("\n") == 1 and stderr.startswith("assistant")


def test_invalid_utf8_on_stdin_for_jsonl() -> None:
    code, out, err = run(
        "ask",
        "--jsonl",
        stdin="聯影醫療2024年營收多少?\n".encode() + b"\xff\xfe bad\n",
        env={"PYTHONIOENCODING": "utf-8"},
    )
    assert code == 1
    assert len(out.splitlines()) == 1 and '"status":"answered"' in out  # the good line before it was answered
    assert err == "assistant ask: stdin line 2 is not valid UTF-8 (byte 1); give UTF-8 text\n"


def test_invalid_utf8_question_on_stdin() -> None:
    code, out, err = run("ask", stdin=b"\xc3\x28\n", env={"PYTHONIOENCODING": "utf-8"})
    assert (code, out) == (1, "") and one_line(err) and "not valid UTF-8" in err


def test_jsonl_with_stdin_closed() -> None:
    code, out, err = run("ask", "--jsonl", close_stdin=True)
    assert (code, out, err) == (2, "", "assistant ask: --jsonl reads questions from stdin, which is closed\n")
    code, _, err = run("ask", close_stdin=True)
    assert code == 2 and one_line(err)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["ask", "聯影醫療2024年營收多少?"], ["facts"], ["ask", "--json", "q"], ["logs"]])
def test_output_to_a_full_disk(args: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        code, _, err = run(*args, stdout=full.fileno())
    assert (code, err) == (1, "assistant: cannot write the output: No space left on device\n")


def test_draft_into_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("星湖儲能2024年營收15億元。\n", encoding="utf-8")
    code, out, err = run("draft", str(article), "--out", "/proc/x")
    assert (code, out) == (1, "") and one_line(err)
    assert err.startswith("assistant draft: cannot use /proc/x")


def test_pack_under_an_unknown_user() -> None:
    code, out, err = run("ask", "--pack", "~nouser/x", "q")
    assert (code, out, err) == (2, "", "assistant ask: --pack ~nouser/x: cannot expand ~nouser (no such user)\n")
    code, _, err = run("facts", "--pack", "~nouser/x")
    assert code == 2 and one_line(err)


STARTER = "import sys, assistant.cli as cli; print('ready', file=sys.stderr, flush=True); sys.exit(cli.main())"


def interrupted(args: list[str], delay: float, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Start the CLI, wait until its code runs, then send SIGINT (Ctrl-C) after `delay` seconds."""
    process = subprocess.Popen(
        [sys.executable, "-c", STARTER, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        # A shell's background job starts with Ctrl-C ignored; the CLI on a terminal never does.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stderr is not None
    assert process.stderr.readline() == b"ready\n"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return process.returncode, out.decode(), err.decode()


@pytest.mark.parametrize("delay", [0.02, 0.1, 0.3, 0.6, 0.9])
def test_ctrl_c_during_start_up(delay: float) -> None:
    """SIGINT while the pack is compiled (cache off, so start-up is long) exits quietly with 130."""
    code, out, err = interrupted(["ask", "聯影醫療2024年營收多少?"], delay, env={"ASSISTANT_NO_CACHE": "1"})
    assert (code, err) == (130, "") or (code == 0 and "103億元" in out and err == ""), err


def test_ctrl_c_while_waiting_for_stdin() -> None:
    code, out, err = interrupted(["ask", "--jsonl"], 1.5)
    assert (code, out, err) == (130, "", "")


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def _chat_in_a_terminal(env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: the chat on a terminal of its own, Ctrl-C at its default as on a terminal
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background run of the suite has it ignored
        os.execvpe(sys.executable, [sys.executable, "-m", "assistant.cli", "chat"], {**os.environ, **env})
    return pid, fd


def _wait_for_library(pid: int, name: str, timeout: float = 30) -> None:
    """Until the process has mapped a compiled library the command loads only once it runs (Python's own
    start-up, before any code of ours, cannot be interrupted cleanly by anyone)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            started = b"assistant.cli" in Path(f"/proc/{pid}/cmdline").read_bytes()  # not pytest's forked copy
            if started and name in Path(f"/proc/{pid}/maps").read_text():
                return
        time.sleep(0.01)


def _exit_code(pid: int, fd: int) -> tuple[int, bytes]:
    """The child's exit code once it has gone; a child still running after 15 s is killed (a lost Ctrl-C
    fails the test, never hangs the suite)."""
    output = _read_until(fd, b"\x00never", 15)  # drain until the child has gone
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output


def test_ctrl_c_in_the_chat_exits_130(home: Path) -> None:
    pid, fd = _chat_in_a_terminal({"ASSISTANT_HOME": str(home), "TERM": "xterm-256color"})
    started = _read_until(fd, b"palette", 60)
    assert b"palette" in started, started[-500:]
    os.write(fd, b"\x03")
    code, output = _exit_code(pid, fd)
    assert code == 130 and b"Traceback" not in output


def test_ctrl_c_while_the_chat_starts(home: Path) -> None:
    pid, fd = _chat_in_a_terminal({"ASSISTANT_HOME": str(home), "ASSISTANT_NO_CACHE": "1", "TERM": "xterm-256color"})
    _wait_for_library(pid, "msgspec")  # the command has begun: it is loading the pack (or Textual)
    os.kill(pid, signal.SIGINT)
    code, output = _exit_code(pid, fd)
    assert code == 130 and b"Traceback" not in output  # not a crash of a half-imported library (was -11)
