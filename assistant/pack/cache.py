"""The compiled form of a pack cached on disk as data: msgpack decoded into typed records, never code.

Loading YAML and validating every quote and figure takes a few hundred milliseconds for the bundled pack
(seconds for a pack a hundred times larger); decoding the cached records takes milliseconds. Nothing in a
cache file is ever executed: there is no pickle, marshal or eval, only msgspec decoding into the Struct
type the caller names, so a planted or damaged file can at worst be refused (and the pack compiled again).

A file is used only when
- the directory and the file belong to the user running the assistant (or to root) and nobody else may
  write to them (otherwise: one warning on stderr, and the pack is compiled in memory, nothing written);
- its header names this format and the key of the pack as it is now: a hash of the pack's files, the
  format version and the source of the modules that produce the compiled data;
- the SHA-256 of its payload matches the one in its header (a damaged or cut file is rebuilt);
- the payload decodes into the expected types (anything else is rebuilt).
New directories are created 0700 and files 0600, written to a temporary name and renamed into place.

File layout: one header line `uih-assistant-cache <format> <key> <root id> <sha256 of payload>\\n`, then
the msgpack payload.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from assistant.pack.files import list_files
from assistant.pack.limits import MAX_PACK_BYTES, MAX_TEXT_BYTES, MAX_YAML_BYTES
from assistant.pack.paths import bundled_root, intents_root

T = TypeVar("T")
CACHE_FORMAT = "3"
ENV_DIR = "ASSISTANT_CACHE_DIR"
ENV_OFF = "ASSISTANT_NO_CACHE"
MAGIC = b"uih-assistant-cache"
SUFFIX = ".msgpack"
NO_DESCRIPTOR = -1  # the cache directory where a directory cannot be opened by descriptor (Windows)
_ROOT = 0  # root's files are trusted: root can replace any file anyway
_warned: set[str] = set()
_digests: dict[tuple[str, ...], str] = {}


def cache_dir() -> Path:
    """$ASSISTANT_CACHE_DIR, else the user's cache directory."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("uih-assistant"))


def _warn(message: str, outcome: str = "the pack is compiled in memory instead") -> None:
    """Say once per process why the cache is not used; the assistant itself works on."""
    if message not in _warned:
        _warned.add(message)
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"assistant: {message}; {outcome}\n")


def code_digest(modules: Iterable[str]) -> str:
    """Hash of the source of the named modules and packages (by content: a `touch` does not invalidate)."""
    names = tuple(sorted(modules))
    if names not in _digests:
        digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}".encode())
        package = Path(__file__).resolve().parents[1]
        for name in names:
            relative = Path(*name.split(".")[1:])
            found = (
                sorted((package / relative).glob("*.py"))
                if (package / relative).is_dir()
                else [package / relative.with_suffix(".py")]
            )
            for path in found:
                digest.update(str(path.relative_to(package)).encode() + b"\0")
                try:
                    digest.update(path.read_bytes())
                except OSError:
                    digest.update(b"?")
        _digests[names] = digest.hexdigest()
    return _digests[names]


def pack_key(root: Path, code: str) -> str:
    """Hash of the pack's files (those the loader may read, by name and content) and of `code`."""
    digest = hashlib.sha256(code.encode())
    folders = [
        (root / "facts", root),
        (intents_root(root), intents_root(root).parent),
        (bundled_root() / "intents", bundled_root()),
    ]
    budget = MAX_PACK_BYTES  # past it (or past a file's limit) the loader refuses the pack: nothing is cached
    for folder, confined in folders:
        digest.update(f"\0{folder.name}\0".encode())
        for path in list_files(folder, confined).files:
            try:
                info = path.stat()
                readable = info.st_size <= min(budget, max(MAX_YAML_BYTES, MAX_TEXT_BYTES))
                data = path.read_bytes() if readable else str(info.st_mtime_ns).encode()
            except OSError:
                info, data = None, b"?"
            budget -= len(data)
            digest.update(f"{path.relative_to(folder)}\0{info.st_size if info else -1}\0".encode())
            digest.update(data)
    return digest.hexdigest()[:40]


def _root_id(root: Path) -> str:
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]


def _trusted(info: os.stat_result) -> str | None:
    """Why a cache directory or file may not be trusted, or None: it must belong to this user (or root)
    and be writable by nobody else."""
    if not hasattr(os, "geteuid"):
        return None  # Windows: the user's profile folder is private by default
    if info.st_uid not in (os.geteuid(), _ROOT):
        return f"it belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"others may write to it (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


class PackCache(Generic[T]):
    """The cache slot of one pack for one compiled type: `load()` what is there, `save()` a new build."""

    def __init__(
        self,
        root: Path,
        kind: type[T],
        modules: Iterable[str],
        *,
        enc_hook: Callable[[Any], Any] | None = None,
        dec_hook: Callable[[type, Any], Any] | None = None,
    ) -> None:
        self.root = root
        self.kind = kind
        self.folder = cache_dir()
        self.key = pack_key(root, code_digest(modules))
        self.name = f"pack-{self.key}{SUFFIX}"
        self.enc_hook = enc_hook
        self.dec_hook = dec_hook

    @property
    def path(self) -> Path:
        return self.folder / self.name

    def _header(self, payload_digest: str) -> bytes:
        return MAGIC + f" {CACHE_FORMAT} {self.key} {_root_id(self.root)} {payload_digest}\n".encode()

    def _open_folder(self, create: bool) -> int | None:
        """A descriptor of the cache directory if it may be trusted (created 0700 when asked), else None;
        NO_DESCRIPTOR where directories cannot be opened (Windows: the user's profile is private)."""
        if create:
            try:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError:
                return None
        if os.open not in os.supports_dir_fd:
            return NO_DESCRIPTOR if self.folder.is_dir() else None
        try:
            descriptor = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return None
        why = _trusted(os.fstat(descriptor))
        if why:
            os.close(descriptor)
            _warn(f"not using the cache directory {self.folder}: {why}")
            return None
        return descriptor

    @staticmethod
    def _close(folder: int) -> None:
        if folder != NO_DESCRIPTOR:
            os.close(folder)

    def load(self) -> T | None:
        """The cached value, or None when there is none that may be used (the reason is never an error)."""
        if not self.folder.is_dir():
            return None
        folder = self._open_folder(create=False)
        if folder is None:
            return None
        try:
            data = self._read(folder)
        finally:
            self._close(folder)
        if data is None:
            return None
        newline = data.find(b"\n")
        fields = data[:newline].split(b" ") if newline > 0 else []
        if len(fields) != 5 or fields[0] != MAGIC or fields[1].decode(errors="replace") != CACHE_FORMAT:
            return None
        if fields[2].decode(errors="replace") != self.key:
            return None
        payload = memoryview(data)[newline + 1 :]
        if hashlib.sha256(payload).hexdigest().encode() != fields[4]:
            return None
        # A compiled pack is hundreds of thousands of small records; the cyclic collector would walk them
        # over and over while they are created.
        enabled = gc.isenabled()
        gc.disable()
        try:
            decoded: T = msgspec.msgpack.Decoder(self.kind, dec_hook=self.dec_hook).decode(payload)
            return decoded
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, RecursionError):
            return None
        finally:
            if enabled:
                gc.enable()

    def _read(self, folder: int) -> bytes | None:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            descriptor = (
                os.open(self.path, flags) if folder == NO_DESCRIPTOR else os.open(self.name, flags, dir_fd=folder)
            )
        except OSError:
            return None
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None
            why = _trusted(info)
            if why:  # the directory is ours: the file is rebuilt and replaced by a private one
                _warn(f"not using the cache file {self.path}: {why}", "it is compiled again and replaced")
                return None
            try:
                return handle.read()
            except OSError:
                return None

    def save(self, value: T) -> None:
        """Store a new build; a cache that cannot be written is skipped, never an error."""
        if self.folder.exists() and not self.folder.is_dir():
            return
        folder = self._open_folder(create=True)
        if folder is None:
            return
        try:
            payload = msgspec.msgpack.Encoder(enc_hook=self.enc_hook).encode(value)
            self._write(folder, self._header(hashlib.sha256(payload).hexdigest()) + payload)
            self._prune(folder)
        except (OSError, msgspec.EncodeError, TypeError, ValueError, OverflowError):
            pass
        finally:
            self._close(folder)

    def _write(self, folder: int, data: bytes) -> None:
        """Write to a private temporary file, then rename: readers never see a half-written cache.

        (Not `tempfile`: importing it costs a few milliseconds of every one-shot `assistant ask`.)"""
        temporary = f".tmp-{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}{SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        dir_fd = None if folder == NO_DESCRIPTOR else folder
        descriptor = os.open(temporary if dir_fd is not None else self.folder / temporary, flags, 0o600, dir_fd=dir_fd)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
            if dir_fd is not None:
                os.replace(temporary, self.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            else:
                (self.folder / temporary).replace(self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                if dir_fd is not None:
                    os.unlink(temporary, dir_fd=dir_fd)
                else:
                    (self.folder / temporary).unlink()
            raise

    def _prune(self, folder: int) -> None:
        """Remove this pack's stale cache files (an earlier content of the same folder) and the pickle
        files of earlier versions, which nothing reads any more."""
        mine = f" {_root_id(self.root)} ".encode()
        for path in self.folder.iterdir():
            if path.name == self.name or not path.name.startswith("pack-"):
                continue
            if path.suffix == ".pickle":
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
            if path.suffix != SUFFIX:
                continue
            try:
                descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
                with os.fdopen(descriptor, "rb") as handle:
                    head = handle.read(200)
            except OSError:
                continue
            if head.startswith(MAGIC) and mine in head.split(b"\n", 1)[0]:
                with contextlib.suppress(OSError):
                    path.unlink()
