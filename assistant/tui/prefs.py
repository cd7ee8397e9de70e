"""The chat's settings in use: read once at start, saved on every change; a file that cannot be written
is reported once and the chat carries on with the settings in memory."""

from __future__ import annotations

from typing import Any

from assistant.history.settings import Settings, environment_language, load_settings, save_settings


class Prefs:
    """The settings of this run, and whether saving them failed."""

    def __init__(self, settings: Settings | None = None, *, save: bool = True) -> None:
        self.settings = settings if settings is not None else load_settings()
        self.saving = save
        self.problem: str | None = None

    @property
    def ui(self) -> str:
        """The interface language: chosen, else the environment's."""
        return self.settings.ui_language or environment_language()

    def change(self, **values: Any) -> str | None:
        """Change and save; returns a message the first time saving fails, else None."""
        self.settings = self.settings.changed(**values)
        if not self.saving:
            return None
        try:
            save_settings(self.settings)
        except OSError as exc:
            first = self.problem is None
            self.problem = str(exc)
            return f"Settings are not saved: {exc}" if first else None
        return None
