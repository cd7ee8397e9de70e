"""Where fact packs live: explicit path, then $ASSISTANT_PACK, then the bundled package data.

The bundled pack is the repository's top-level facts/ and intents/, shipped inside the wheel under
assistant/_data/; a source checkout (or an editable install) reads the top-level folders directly.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from assistant.errors import AssistantError

ENV_VAR = "ASSISTANT_PACK"


def bundled_root() -> Path:
    """The directory holding the bundled facts/ and intents/."""
    data = resources.files("assistant") / "_data"
    if data.is_dir():
        return Path(str(data))
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "facts").is_dir():
        return checkout
    raise AssistantError("the bundled fact base is missing from this installation")


def pack_root(path: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the pack directory: the given path, else $ASSISTANT_PACK, else the bundled pack."""
    chosen = path if path is not None else os.environ.get(ENV_VAR) or None
    if chosen is None:
        return bundled_root()
    if not isinstance(chosen, (str, os.PathLike)) or not str(chosen).strip():
        raise AssistantError(f"a pack is a folder path, not {chosen!r}"[:200])
    try:
        root = Path(chosen).expanduser()
        if root.is_dir() and root.name == "facts" and not (root / "facts").is_dir():
            root = root.parent
        found = (root / "facts").is_dir()
    except (TypeError, ValueError, RuntimeError, OSError) as exc:  # a NUL in the path, an unknown ~user
        raise AssistantError(f"{chosen!r}: not a usable path ({exc})") from exc
    if not found:
        raise AssistantError(f"{root}: not a fact pack (expected a directory with a facts/ folder)")
    return root


def intents_root(root: Path) -> Path:
    """A pack's own intents/ if it has one, else the bundled intents."""
    own = root / "intents"
    return own if own.is_dir() else bundled_root() / "intents"
