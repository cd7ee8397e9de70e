"""Where the assistant keeps the user's files: the conversation database, settings and exports.

$ASSISTANT_HOME when set (tests point it at a temporary folder), else the platform's user data
directory for uih-assistant. Nothing is created here; writers create what they need.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_VAR = "ASSISTANT_HOME"
APP_NAME = "uih-assistant"
DATABASE = "conversations.sqlite3"
SETTINGS = "settings.json"
EXPORTS = "exports"


def home() -> Path:
    """The data folder (not created here)."""
    override = os.environ.get(HOME_VAR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir  # only when no override: tests and scripts never need it

    return Path(user_data_dir(APP_NAME))


def database_path() -> Path:
    return home() / DATABASE


def settings_path() -> Path:
    return home() / SETTINGS


def exports_dir() -> Path:
    return home() / EXPORTS
