"""Helpers for the pack tools' tests: a writable copy of the mini pack and line look-ups."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def pack(tmp_path: Path, mini_pack: Path) -> Path:
    """A copy of the mini pack that a test may break."""
    target = tmp_path / "pack"
    shutil.copytree(mini_pack, target, ignore=shutil.ignore_patterns("cases.yaml"))
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str, after: int = 0) -> int:
    """The 1-based number of the first line after line `after` that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
