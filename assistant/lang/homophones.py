"""Homophone typos: people type Chinese with pinyin input methods, so a wrong character usually sounds
like the right one (估直 for 估值, 亏孙 for 亏损, 现金留 for 现金流).

Readings come from pypinyin when a pack is compiled; the compiled table travels in the pack cache, so
answering a question never imports pypinyin.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

MAX_READINGS = 2
FUNCTION_CHARS = frozenset("的了是在和与及吗呢吧啊也都就还又很把被给对向从")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))


def reading_table(extra: Iterable[str] = ()) -> dict[str, tuple[str, ...]]:
    """Toneless readings of the common simplified characters (GB2312) and of `extra` characters."""
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, tuple[str, ...]] = {}
    wanted = set(extra)
    for code, readings in pinyin_dict.items():
        char = chr(code)
        if char not in wanted:
            try:
                char.encode("gb2312")
            except UnicodeEncodeError:
                continue
        toneless = tuple(dict.fromkeys(_toneless(r) for r in readings.split(",")))
        table[char] = toneless[:MAX_READINGS]
    return table


class Homophones:
    """Aliases indexed by how they sound; finds windows of a question that sound like an alias."""

    def __init__(
        self, aliases: Iterable[str], corpus: str = "", table: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        """`corpus` is the pack's own text: a word the article itself uses (推出) is a word, not a typo of
        an alias that sounds the same (退出). `table`: the reading table when it is known already (a
        compiled pack from the cache), so that pypinyin is not imported."""
        self.corpus = corpus
        chinese = [a for a in aliases if 2 <= len(a) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in a)]
        self.table = table if table is not None else reading_table(c for a in chinese for c in a)
        self.index: dict[str, list[str]] = {}
        for alias in chinese:
            key = self._key(alias)
            if key:
                self.index.setdefault(key, []).append(alias)
        self.lengths = sorted({len(a) for a in chinese}, reverse=True)

    def _key(self, text: str) -> str | None:
        readings = [self.table.get(c) for c in text]
        if not all(readings):
            return None
        return " ".join(r[0] for r in readings if r)

    def _keys(self, text: str) -> list[str]:
        readings = [self.table.get(c) for c in text]
        if not all(readings):
            return []
        return [" ".join(combo) for combo in itertools.product(*(r for r in readings if r))]

    def find(self, text: str, free: list[bool]) -> list[tuple[int, int, str]]:
        """(start, end, alias) for windows that sound like an alias, share a character with it and
        reach into text no exact alias matched (`free`)."""
        found: list[tuple[int, int, str]] = []
        for run in _HAN_RUN.finditer(text):
            found += self._find_in(text, free, run.start(), run.end())
        return found

    def _find_in(self, text: str, free: list[bool], i: int, stop: int) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        while i < stop:
            for length in self.lengths:
                window = text[i : i + length]
                if i + length > stop or not any(free[i : i + length]):
                    continue
                if length == 2 and any(c in FUNCTION_CHARS for c in window):
                    continue  # 的标 is not 得标: two-character look-alikes across a function word are chance
                match = next(
                    (
                        a
                        for key in self._keys(window)
                        for a in self.index.get(key, [])
                        if a != window and any(x == y for x, y in zip(a, window, strict=True))
                    ),
                    None,
                )
                if match and window not in self.corpus:  # a word the article writes itself is no typo
                    found.append((i, i + length, match))
                    i += length
                    break
            else:
                i += 1
        return found
