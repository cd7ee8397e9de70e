"""A compiled pack (validated facts, alias tables, fact index) cached on disk, keyed by content hash.

Loading YAML and validating every quote takes a few hundred milliseconds; unpickling the compiled
result takes a few. The key covers every pack file and the engine's own source files, so any edit to
either rebuilds the cache; a cache that cannot be read or written is simply rebuilt or skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant.resources import intents_root

T = TypeVar("T")
CACHE_FORMAT = "1"
ENV_DIR = "ASSISTANT_CACHE_DIR"
ENV_OFF = "ASSISTANT_NO_CACHE"


def cache_dir() -> Path:
    """$ASSISTANT_CACHE_DIR, else the user's cache directory."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("uih-assistant"))


def fingerprint(root: Path) -> str:
    """Hash of the pack's files, the intents it uses and the engine's code."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{root.resolve()}".encode())
    folders = [root / "facts", intents_root(root)]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    code = Path(__file__).resolve().parent
    for path in sorted(code.glob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def cached(root: Path, build: Callable[[], T]) -> T:
    """The compiled object for `root` from the cache, or built now (and stored when possible)."""
    if os.environ.get(ENV_OFF):
        return build()
    try:
        target = cache_dir() / f"pack-{fingerprint(root)}.pickle"
    except OSError:
        return build()
    try:
        with target.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file in the user's cache directory
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    built = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, target)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        pass
    return built
