"""Shared fixtures: one loaded Assistant per test session (loading validates the whole pack)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant

TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def bot() -> Assistant:
    return Assistant.load()


@pytest.fixture(scope="session")
def mini_pack() -> Path:
    """A small pack about an invented company, written for the tests."""
    return TESTS / "packs" / "mini"
