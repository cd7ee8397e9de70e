"""A pack's files are data confined to the pack's folder: every path a pack names, and every file found
in it, must resolve inside the folder. Absolute paths, `..` and symlinks that leave the pack are refused,
and a file is read only if it is a regular file within the size limit (never a device or a pipe, which
could block or never end).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from assistant.pack.limits import MAX_PACK_FILES

YAML_SUFFIXES = (".yaml", ".yml")


class PackFileError(Exception):
    """A file the pack names or holds that may not be read; the message says why, for people."""


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every symlink followed, lies in `folder`."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return False
    return True


@dataclass
class Listing:
    """The files of a folder in path order, and the entries that were left out and why."""

    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)


def list_files(folder: Path, root: Path, suffixes: tuple[str, ...] | None = None) -> Listing:
    """Files under `folder` (recursively, not into symlinked folders), sorted by path; symlinks that
    leave `root` are refused, and so is everything past MAX_PACK_FILES."""
    listing = Listing()
    if not folder.is_dir():
        return listing
    contained = inside(folder, root)  # then only a symlinked file can leave the pack
    found: list[tuple[Path, bool, bool]] = []  # (path, is a symlink, is a regular file)
    pending = [str(folder)]
    while pending and len(found) <= MAX_PACK_FILES:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    else:
                        found.append((Path(entry.path), entry.is_symlink(), entry.is_file()))
        except OSError:
            continue
    if len(found) > MAX_PACK_FILES:
        listing.refused.append((folder, f"more than {MAX_PACK_FILES} files: the limit for a pack"))
    for path, symlink, regular in sorted(found)[:MAX_PACK_FILES]:
        if suffixes is not None and path.suffix not in suffixes:
            continue
        if not contained or (symlink and not inside(path, root)):
            listing.refused.append((path, "a symlink that leaves the pack's folder: not read"))
        elif regular:
            listing.files.append(path)
    return listing


def named_file(folder: Path, root: Path, name: str) -> Path:
    """The file a pack names (a source's `file:`), relative to `folder`; PackFileError unless it stays
    inside the pack."""
    if not name or "\0" in name:
        raise PackFileError("an empty or invalid file name")
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or name.startswith(("/", "\\", "~")):
        raise PackFileError(f"{name!r} is an absolute path: name a file inside the pack, relative to facts/")
    if ".." in posix.parts or ".." in windows.parts:
        raise PackFileError(f"{name!r} goes up with '..': name a file inside the pack, relative to facts/")
    path = folder / name
    if not inside(path, root):
        raise PackFileError(f"{name!r} is a symlink that leaves the pack's folder")
    return path


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; PackFileError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path.resolve(), flags)
    except OSError as exc:
        raise PackFileError(f"cannot be read ({exc.strerror or exc})") from exc
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PackFileError("not a regular file")
        if info.st_size > limit:
            raise PackFileError(f"{info.st_size:,} bytes, more than the limit of {limit:,} bytes for one file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PackFileError(f"more than the limit of {limit:,} bytes for one file")
    return data
