"""Line breaking for Chinese, English and mixed text, as the chat wraps it.

Rules: a number stays whole and stays with its unit or percent sign and its approximation word (9.73%,
2848.72萬元, 約12.25%), and so does every figure an answer names as written; a Latin word is
never cut unless it alone is wider than the line; no line starts with closing punctuation (。,、;:?!」』))
and none ends with opening punctuation; spaces at a break are dropped. Anywhere else a line may break
between two characters when one of them is Chinese (or another wide character), or after a space.
The data (units, punctuation) is in linebreak.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml
from rich.cells import cell_len

_JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}


@dataclass(frozen=True)
class Rules:
    """The data of the rule: units that stick to numbers, closing and opening punctuation."""

    number_units: re.Pattern[str]
    closing: frozenset[str]
    opening: frozenset[str]
    doubled: frozenset[str]


@cache
def rules() -> Rules:
    text = resources.files("assistant.tui").joinpath("linebreak.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    unit = "|".join(re.escape(u) for u in sorted({str(u) for u in data["units"]}, key=len, reverse=True))
    prefix = "|".join(re.escape(p) for p in sorted({str(p) for p in data["prefixes"]}, key=len, reverse=True))
    number = rf"(?P<prefix>{prefix})?[+\-−±]?\d[\d,\uFF0C]*(?:[.\uFF0E]\d+)?(?:\s?(?:{unit}))?"
    return Rules(re.compile(number), frozenset(data["closing"]), frozenset(data["opening"]), frozenset(data["doubled"]))


@lru_cache(maxsize=8192)
def _narrow_word(char: str) -> bool:
    """Letters, digits and ASCII symbols that make up a Latin word or a number."""
    return char.isascii() and not char.isspace() and char.isprintable()


@lru_cache(maxsize=8192)
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF" or cell_len(char) == 2


NEVER, LAST_RESORT, FREE = 0, 1, 2


def break_allowed(text: str, keep: Iterable[str] = ()) -> list[int]:
    """For each position i, how freely a line may start at text[i]: NEVER (inside a number and its unit,
    a `keep` string, a Latin word, or against the punctuation rules; also position 0 and spaces),
    LAST_RESORT (between an approximation word and its number: only when they do not fit on one line
    together), or FREE."""
    return list(_break_levels(text, tuple(keep)))


@lru_cache(maxsize=1024)
def _break_levels(text: str, keep: tuple[str, ...]) -> tuple[int, ...]:
    """break_allowed, computed once per text (the chat re-wraps the same texts at every resize)."""
    data = rules()
    allowed = [_between(text[i - 1], text[i], data) if i else NEVER for i in range(len(text))]
    for match in data.number_units.finditer(text):
        for i in range(match.start() + 1, match.end()):
            allowed[i] = NEVER
        if match.group("prefix"):
            allowed[match.end("prefix")] = LAST_RESORT
    for piece in set(keep):
        for match in re.finditer(re.escape(piece), text) if piece else ():
            for i in range(match.start() + 1, match.end()):
                allowed[i] = NEVER
    return tuple(allowed)


def _between(before: str, after: str, data: Rules) -> int:
    """How freely a line may start at `after` given the character before it, by the punctuation rules."""
    if after.isspace() or after in _JOINERS or before == "\u200d" or unicodedata.combining(after):
        return NEVER
    if after in data.closing or before in data.opening or (before in data.doubled and after == before):
        return NEVER
    if before.isspace():
        return FREE
    if _narrow_word(before) and _narrow_word(after):
        return NEVER
    free = _wide(before) or _wide(after) or not (before.isalnum() and after.isalnum())
    return FREE if free else NEVER


def wrap(text: str, width: int, indent: int = 0, keep: Iterable[str] = ()) -> list[tuple[int, int]]:
    """The (start, end) of each line of `text` at `width` columns; lines after the first of each paragraph
    get `width - indent` (for a hanging indent). Newlines always break; trailing spaces are left out."""
    allowed = _break_levels(text, tuple(keep))
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        lines += _wrap_paragraph(text, start, end, max(1, width), max(1, width - indent), allowed)
        start = end + 1
    return lines


def _wrap_paragraph(
    text: str, start: int, end: int, first: int, rest: int, allowed: Sequence[int]
) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line = start
    while True:
        limit = first if not lines else rest
        used, cut, weak, i = 0, None, None, line
        while i < end:
            if i > line and allowed[i] == FREE:
                cut = i
            elif i > line and allowed[i] == LAST_RESORT:
                weak = i
            size = cell_len(text[i])
            if used + size > limit and not text[i].isspace() and i > line:
                break
            used += size
            i += 1
        if i >= end:
            lines.append((line, _trimmed(text, line, end)))
            return lines
        if cut is None or cut <= line:
            cut = weak if weak is not None and weak > line else i  # else a word wider than the line: cut it
        lines.append((line, _trimmed(text, line, cut)))
        line = cut
        while line < end and text[line].isspace():
            line += 1
        if line >= end:
            return lines


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def lines_of(text: str, width: int, indent: int = 0, keep: Iterable[str] = ()) -> list[str]:
    """The lines themselves (for tests and plain output)."""
    return [text[s:e] for s, e in wrap(text, width, indent, keep)]
