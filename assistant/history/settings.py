"""The user's settings, kept in a small JSON file under ASSISTANT_HOME: theme, answer and interface
language, whether the source pane shows. A missing or damaged file means the defaults; values that make
no sense are dropped one by one, so one bad entry never loses the others.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from assistant.history.home import settings_path
from assistant.lang.normalize import LANGUAGES


@dataclass(frozen=True)
class Settings:
    """What the chat remembers between runs."""

    theme: str | None = None
    answer_language: str | None = None  # None: answer in the language of each question
    ui_language: str | None = None  # None: from the environment (LANG), else English
    show_sources: bool = True

    def changed(self, **values: Any) -> Settings:
        return replace(self, **values)


def _valid(name: str, value: object) -> bool:
    if name in ("answer_language", "ui_language"):
        return value is None or value in LANGUAGES
    if name == "theme":
        return value is None or (isinstance(value, str) and 0 < len(value) < 100)
    return isinstance(value, bool)


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; the defaults for whatever is missing or wrong."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    kept = {f.name: data[f.name] for f in fields(Settings) if f.name in data and _valid(f.name, data[f.name])}
    return Settings(**kept)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (a temporary file renamed over the old one). Raises OSError."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(asdict(settings), file, ensure_ascii=False, indent=2)
            file.write("\n")
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def environment_language(environ: dict[str, str] | None = None) -> str:
    """The interface language the environment asks for: zh_TW/zh_HK → 繁體, other zh → 简体, else English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "").lower()
        if not value:
            continue
        if value.startswith("zh"):
            return "zh-Hant" if any(tag in value for tag in ("tw", "hk", "mo", "hant")) else "zh-Hans"
        return "en"
    return "en"
