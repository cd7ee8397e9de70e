"""What the commands share: loading a pack, opening the log, the terminal, stdin and colour."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from assistant.commands import CommandError, UsageError

if TYPE_CHECKING:
    from assistant.engine.assistant import Assistant
    from assistant.history.plain import Palette
    from assistant.history.store import Store

NO_LOG_VAR = "ASSISTANT_NO_LOG"
TABLE_WIDTH = 100


class OutputError(OSError):
    """stdout itself cannot be written (a full disk, /dev/full): exit 1 with one line."""


class GuardedOutput:
    """stdout with its write errors marked as OutputError, so they are told apart from other files'."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.errno, exc.strerror) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.errno, exc.strerror) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def pack_path(text: str | None) -> str | None:
    """--pack as a path: `~` expanded, and a `~user` that does not exist is a usage error, not a crash."""
    if text is None:
        return None
    expanded = os.path.expanduser(text)  # noqa: PTH111 - Path.expanduser raises on an unknown ~user
    if expanded.startswith("~"):
        raise UsageError(f"--pack {text}: cannot expand {text.split('/')[0]} (no such user)")
    return expanded


def load_bot(pack: str | None) -> Assistant:
    from assistant.engine.assistant import Assistant

    return Assistant.load(pack_path(pack))


def logging_off(no_log: bool) -> bool:
    return no_log or bool(os.environ.get(NO_LOG_VAR))


def open_store() -> Store:
    """The conversation log; CommandError (exit 1) when it cannot be opened."""
    from assistant.history.migrations import StoreError
    from assistant.history.store import Store

    try:
        return Store.open()
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed stream
        return False


def wants_colour(stream: TextIO | None) -> bool:
    """NO_COLOR (any value) turns colour off, FORCE_COLOR (not 0) turns it on, else only on a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force not in ("", "0", "false"):
        return True
    return is_terminal(stream) and os.environ.get("TERM") != "dumb"


def palette() -> Palette:
    from assistant.history.plain import COLOUR, PLAIN

    return COLOUR if wants_colour(sys.stdout) else PLAIN


def table_width() -> int:
    """The width tables fit: the terminal's, else 100 columns."""
    if is_terminal(sys.stdout):
        return max(40, shutil.get_terminal_size((TABLE_WIDTH, 24)).columns)
    return TABLE_WIDTH


def stdin_lines() -> Iterator[tuple[int, str]]:
    """(line number, text) of stdin as UTF-8, read line by line; CommandError on bytes that are not UTF-8."""
    stream = sys.stdin
    if stream is None:
        raise UsageError("stdin is closed; give the question as an argument")
    for number, raw in enumerate(stream.buffer, 1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"stdin line {number} is not valid UTF-8 (byte {exc.start + 1}); give UTF-8 text"
            ) from None
        yield number, text.rstrip("\r\n")


def stdin_question() -> str:
    """A question piped on stdin (its lines joined); '' when stdin is a terminal or closed."""
    if sys.stdin is None or is_terminal(sys.stdin):
        return ""
    return " ".join(line.strip() for _, line in stdin_lines() if line.strip())
