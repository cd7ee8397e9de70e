"""Fixtures for the pack tools' tests: a writable copy of the mini pack, and a test module's ARTICLE drafted
in every script."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Assistant


@pytest.fixture
def pack(tmp_path: Path, mini_pack: Path) -> Path:
    """A copy of the mini pack that a test may break."""
    target = tmp_path / "pack"
    shutil.copytree(mini_pack, target, ignore=shutil.ignore_patterns("cases.yaml"))
    return target


@pytest.fixture(scope="module", params=["zh-Hant", "zh-Hans", "full-width"])
def drafted(request: pytest.FixtureRequest, draft_bot: Callable[[str, str], Assistant]) -> Assistant:
    """The test module's ARTICLE drafted with no review, once per script (traditional, simplified,
    simplified with full-width punctuation)."""
    return draft_bot(request.module.ARTICLE, request.param)
