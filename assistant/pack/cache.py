"""A compiled pack (validated facts, alias tables, fact index) cached on disk, keyed by content hash.

Loading YAML and validating every quote takes a few hundred milliseconds for the bundled pack (seconds
for a pack a hundred times larger); unpickling the compiled result takes a few milliseconds. The key
covers every pack file, the intents the pack uses and the engine's own source code (by content), so any
edit to either rebuilds the cache. A cache file that cannot be read (truncated, corrupt, written by
another version) is rebuilt; one that cannot be written is skipped. Each pack keeps one cache file: a
rebuild removes the stale file of the same pack.

File layout: one header line `uih-assistant-cache <format> <key>\\n`, then the pickle.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant.pack.paths import intents_root

T = TypeVar("T")
CACHE_FORMAT = "2"
ENV_DIR = "ASSISTANT_CACHE_DIR"
ENV_OFF = "ASSISTANT_NO_CACHE"
MAGIC = b"uih-assistant-cache"
_code_digest: str | None = None
COMPILING_LAYERS = ("lang", "pack", "engine")  # the code whose objects the compiled pack holds


def cache_dir() -> Path:
    """$ASSISTANT_CACHE_DIR, else the user's cache directory."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("uih-assistant"))


def _code() -> str:
    """Hash of the source of the layers a compiled pack is made of (by content: a `touch` does not invalidate)."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parents[1]
        for path in sorted(p for layer in COMPILING_LAYERS for p in (package / layer).glob("*.py")):
            digest.update(str(path.relative_to(package)).encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"?")
        _code_digest = digest.hexdigest()
    return _code_digest


def _root_id(root: Path) -> str:
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]


def fingerprint(root: Path) -> str:
    """Hash of the pack's files, the intents it uses and the engine's code."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{root.resolve()}|{_code()}".encode())
    for folder in (root / "facts", intents_root(root)):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            digest.update(f"{path.relative_to(folder)}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()[:32]


def cache_path(root: Path) -> Path:
    """Where the compiled form of the pack at `root`, as it is now, is (or would be) cached."""
    return cache_dir() / f"pack-{_root_id(root)}-{fingerprint(root)}.pickle"


def _header(key: str) -> bytes:
    return MAGIC + f" {CACHE_FORMAT} {key}\n".encode()


def _read(target: Path, key: str) -> object:
    """The cached object, or raise when the file is missing, foreign or damaged."""
    data = target.read_bytes()
    header = _header(key)
    if not data.startswith(header):
        raise ValueError("not a cache file of this version")
    # A compiled pack is hundreds of thousands of small objects; the cyclic collector would walk them
    # over and over while they are created (about half the unpickling time of a large pack).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(memoryview(data)[len(header) :])
    finally:
        if enabled:
            gc.enable()


def _write(target: Path, key: str, built: object) -> None:
    """Write to a private temporary file, then rename: readers never see a half-written cache.

    (Not `tempfile`: importing it costs a few milliseconds of every one-shot `assistant ask`.)"""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".tmp-{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}.pickle"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(_header(key))
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _prune(target: Path) -> None:
    """Remove the stale cache files of the same pack (older content), and files of the first format
    (`pack-<hash>.pickle`, which nothing reads any more)."""
    prefix = target.name.rsplit("-", 1)[0] + "-"
    stale = [p for p in target.parent.glob(f"{prefix}*.pickle") if p != target]
    stale += target.parent.glob("pack-" + "?" * 32 + ".pickle")
    for other in stale:
        other.unlink(missing_ok=True)


def cached(root: Path, build: Callable[[], T]) -> T:
    """The compiled object for `root` from the cache, or built now (and stored when possible)."""
    if os.environ.get(ENV_OFF):
        return build()
    try:
        target = cache_path(root)
    except OSError:
        return build()
    key = target.stem
    try:
        return _read(target, key)  # type: ignore[return-value]
    except FileNotFoundError:
        pass
    except Exception:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
    built = build()
    try:
        _write(target, key, built)
        _prune(target)
    except (OSError, pickle.PickleError, TypeError, AttributeError, RecursionError):
        pass
    return built
