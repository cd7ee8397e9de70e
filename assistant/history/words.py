"""Words of the front ends in three scripts, read from YAML (words are data, not code).

A words file maps a key to its zh-Hant, zh-Hans and en text; `{name}` fields are filled by `Words.get`.
The history layer's own file holds what every front end shows around an answer (captions, citations,
option titles); the chat has its own file for its keys, help and commands.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

SCRIPTS = ("zh-Hant", "zh-Hans", "en")


class Words:
    """One words file: `get(key, language, **fields)`; English stands in for an unknown language."""

    def __init__(self, table: dict[str, dict[str, str]], origin: str) -> None:
        self.table = table
        self.origin = origin

    @classmethod
    def load(cls, package: str, name: str) -> Words:
        import yaml  # only when words are first needed: `assistant logs` and `ask --json` never are

        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(text, Loader=loader)
        origin = f"{package}/{name}"
        if not isinstance(data, dict):
            raise ValueError(f"{origin}: expected a mapping of keys to texts")
        for key, texts in data.items():
            if not isinstance(texts, dict) or any(not isinstance(texts.get(s), str) for s in SCRIPTS):
                raise ValueError(f"{origin}: {key} needs zh-Hant, zh-Hans and en texts")
        return cls(data, origin)

    def get(self, key: str, language: str | None, **fields: object) -> str:
        texts = self.table[key]
        text = texts.get(language or "en") or texts["en"]
        return text.format(**fields) if fields else text

    def keys(self) -> list[str]:
        return list(self.table)


@cache
def answer_words() -> Words:
    """The words shown around answers by every front end."""
    return Words.load("assistant.history", "words.yaml")


def word(key: str, language: str | None, **fields: object) -> str:
    return answer_words().get(key, language, **fields)
