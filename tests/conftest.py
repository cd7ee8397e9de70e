"""Shared fixtures: one loaded Assistant per test session (loading validates the whole pack).

Tests never write outside a temporary folder: before any test runs, the compiled-pack cache
(ASSISTANT_CACHE_DIR) and the user's folder (ASSISTANT_HOME: conversation log, settings, exports) are
pointed at a fresh temporary directory, removed at the end; child processes inherit both. Logging is on,
as for a user; tests that look at the log give themselves their own home.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Assistant

TESTS = Path(__file__).resolve().parent
_SESSION_TMP = Path(tempfile.mkdtemp(prefix="assistant-tests-"))
os.environ["ASSISTANT_CACHE_DIR"] = str(_SESSION_TMP / "cache")
os.environ["ASSISTANT_HOME"] = str(_SESSION_TMP / "home")
for variable in ("ASSISTANT_PACK", "ASSISTANT_NO_LOG", "ASSISTANT_NO_CACHE", "NO_COLOR", "FORCE_COLOR"):
    os.environ.pop(variable, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_TMP, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With pytest-xdist (`-n auto --dist loadgroup`), the tests that share a drafted article run on one
    worker, which drafts it once: a held-out set's cases (grouped by set), a drafting module's tests."""
    for item in items:
        folder = getattr(item, "callspec", None) and item.callspec.params.get("folder")
        if isinstance(folder, Path):
            item.add_marker(pytest.mark.xdist_group(f"set-{folder.name}"))
        elif item.path.parent.name == "tools":
            item.add_marker(pytest.mark.xdist_group(item.path.stem))


@pytest.fixture(scope="session")
def bot() -> Assistant:
    return Assistant.load()


@pytest.fixture(scope="session")
def draft_bot(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Assistant]:
    """Drafts a short article written for a test (traditional script) in the script asked for (zh-Hant,
    zh-Hans, or full-width: simplified with full-width punctuation，；：（）), with `assistant draft` and no
    review, and loads the draft."""
    from tools.scripts import WRITTEN

    from assistant.tools.draft.writer import write_draft

    def drafted(article: str, script: str) -> Assistant:
        folder = tmp_path_factory.mktemp(script)
        path = folder / "article.txt"
        path.write_text(WRITTEN[script](article), encoding="utf-8")
        result = write_draft(path, folder / "pack")
        assert result.loads, result.summary()
        return Assistant.load(folder / "pack", use_cache=False)

    return drafted


@pytest.fixture(scope="session")
def mini_pack() -> Path:
    """A small pack about an invented company, written for the tests."""
    return TESTS / "packs" / "mini"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ASSISTANT_HOME in this test's temporary folder, which is also the working directory."""
    folder = tmp_path / "home"
    monkeypatch.setenv("ASSISTANT_HOME", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder
