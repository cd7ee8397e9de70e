"""The chat's own words (keys, help, commands, hints, notices) in its interface language; data in
words.yaml. The words around answers (captions, citations) come from the history layer's words."""

from __future__ import annotations

from functools import cache

from assistant.history.words import Words


@cache
def ui_words() -> Words:
    return Words.load("assistant.tui", "words.yaml")


def say(key: str, language: str | None, **fields: object) -> str:
    """A UI text in the interface language (English when it has none)."""
    return ui_words().get(key, language, **fields)
