"""Fixtures for the review: a writable copy of a drafted pack (tests/review/pack, drafted once from a short
invented article and kept as it was written), caches in tmp, and async tests run by asyncio."""

from __future__ import annotations

import asyncio
import inspect
import shutil
from pathlib import Path

import pytest

DRAFTED = Path(__file__).resolve().parent / "pack"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (the project does not depend on an asyncio plugin)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture
def drafted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the drafted pack that a test may change; nothing is written outside tmp."""
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    target = tmp_path / "pack"
    shutil.copytree(DRAFTED, target)
    return target


@pytest.fixture
def facts_file(drafted: Path) -> Path:
    return drafted / "facts" / "facts.yaml"
