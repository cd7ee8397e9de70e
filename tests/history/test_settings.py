"""Settings survive a restart, bad entries are dropped one by one, and the interface language follows LANG."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.history.settings import Settings, environment_language, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.json"
    settings = Settings(theme="gruvbox", answer_language="en", ui_language="zh-Hans", show_sources=False)
    save_settings(settings, path)
    assert load_settings(path) == settings
    assert not list(path.parent.glob(".settings-*"))  # no temporary file left behind


def test_damaged_files_give_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text(
        '{"theme": 3, "answer_language": "fr", "ui_language": "en", "show_sources": "no"}', encoding="utf-8"
    )
    assert load_settings(path) == Settings(ui_language="en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_TW.UTF-8"}, "zh-Hant"),
        ({"LANG": "zh_HK.UTF-8"}, "zh-Hant"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-Hans"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_environment_language(environ: dict[str, str], expected: str) -> None:
    assert environment_language(environ) == expected
