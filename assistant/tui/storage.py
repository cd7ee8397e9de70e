"""Where the chat keeps its files: input history and exported conversations.

The data directory is $ASSISTANT_HOME when set (tests point it at a temporary folder), else the
platform's user data directory for uih-assistant. Failures to read or write are never fatal.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

HOME_VAR = "ASSISTANT_HOME"
APP_NAME = "uih-assistant"
HISTORY_FILE = "history.jsonl"
HISTORY_LIMIT = 500
ENTRY_LIMIT = 2000


def data_dir() -> Path:
    """The folder for history and exports (not created here)."""
    override = os.environ.get(HOME_VAR)
    return Path(override).expanduser() if override else Path(user_data_dir(APP_NAME))


class History:
    """Questions asked, oldest first, one JSON string per line so any text survives the round trip."""

    def __init__(self, path: Path | None, limit: int = HISTORY_LIMIT) -> None:
        self.path = path
        self.limit = limit

    @classmethod
    def default(cls) -> History:
        return cls(data_dir() / HISTORY_FILE)

    def load(self) -> list[str]:
        """The stored questions; an unreadable file or line is skipped."""
        if self.path is None:
            return []
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []
        entries: list[str] = []
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, str) and entry.strip():
                entries.append(entry)
        return entries[-self.limit :]

    def append(self, question: str) -> None:
        """Store one question (cut to a sane length), keeping the file at most `limit` lines."""
        if self.path is None or not question.strip():
            return
        entries = self.load()
        entry = question[:ENTRY_LIMIT]
        if entries and entries[-1] == entry:
            return
        entries = [*entries, entry][-self.limit :]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
            self.path.write_text(text, encoding="utf-8")
        except OSError:
            return


def export_path(folder: Path | None = None, now: datetime | None = None) -> Path:
    """A fresh file name for an exported conversation."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = folder if folder is not None else Path.cwd()
    path = base / f"conversation-{stamp}.md"
    counter = 2
    while path.exists():
        path = base / f"conversation-{stamp}-{counter}.md"
        counter += 1
    return path


def write_export(text: str, now: datetime | None = None) -> Path:
    """Write an export to the current directory, or to the data directory if that fails."""
    try:
        path = export_path(None, now)
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        folder = data_dir() / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = export_path(folder, now)
        path.write_text(text, encoding="utf-8")
        return path
