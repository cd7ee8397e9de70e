"""Fixtures for the pack tools' tests: a writable copy of the mini pack."""

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
