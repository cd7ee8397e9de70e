"""Fixtures for the hard-input, broken-pack, thread and cache tests.

Every test here keeps the compiled-pack cache in a temporary folder (ASSISTANT_CACHE_DIR), never in the
user's cache directory.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant import Answer, Assistant

STATUSES = {"answered", "clarify", "no_answer"}
LANGUAGES = {"zh-Hant", "zh-Hans", "en"}


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(folder))
    monkeypatch.delenv("ASSISTANT_NO_CACHE", raising=False)
    monkeypatch.delenv("ASSISTANT_PACK", raising=False)
    return folder


@pytest.fixture(scope="session")
def robot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The bundled pack, loaded once for this folder's tests with its cache in a temporary folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path_factory.mktemp("robot-cache")))
        patch.delenv("ASSISTANT_PACK", raising=False)
        yield Assistant.load()


def check_answer(bot: Assistant, answer: object) -> None:
    """An Answer that honours the published contract, whatever the question was."""
    assert isinstance(answer, Answer)
    assert answer.status in STATUSES
    assert answer.language in LANGUAGES
    assert 0.0 <= answer.confidence <= 1.0
    assert isinstance(answer.text, str)
    assert answer.status != "answered" or answer.text.strip()
    for citation in answer.citations:
        paragraph = bot.pack.paragraph(citation.source, citation.paragraph)
        assert citation.quote and citation.quote in paragraph, (citation, paragraph)
    for fact in answer.facts:
        assert fact.quote in bot.pack.paragraph(fact.source or next(iter(bot.pack.sources)), fact.paragraph)
    Answer.from_json(answer.to_json())  # serialisable and valid against its own schema


@pytest.fixture
def valid() -> Callable[[Assistant, object], None]:
    return check_answer


@pytest.fixture
def copy_pack(tmp_path: Path) -> Callable[[Path], Path]:
    """A writable copy of a pack in tmp_path/pack."""

    def copy(source: Path) -> Path:
        target = tmp_path / "pack"
        shutil.copytree(source, target)
        return target

    return copy
