"""The one text-folding function, and the language/script guess that picks the answer's script.

Questions and data are folded the same way before any comparison: NFKC, OpenCC traditional to
simplified (the source itself mixes variants such as 凈 and 余額), lower case, and common number forms
(一季度, Q1, first quarter; 百分之三十五) made uniform.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Literal

Language = Literal["zh-Hant", "zh-Hans", "en"]
LANGUAGES: tuple[Language, ...] = ("zh-Hant", "zh-Hans", "en")  # every answer language, in this order

_lock = threading.Lock()
_converters: dict[str, object] = {}

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTERS = [
    (re.compile(r"第?([一二三四1-4])季度"), None),
    (re.compile(r"(?<![a-z0-9])([1-4])q(?![a-z])"), None),
    (re.compile(r"(?<![a-z0-9])q([1-4])(?![0-9])"), None),
    (re.compile(r"(?<![a-z])(first|second|third|fourth)[ -]quarter(?![a-z])"), _ORDINALS),
]
_HALF = r"(?<![a-z])(?:{words}) half(?: of| year)?(?![a-z])|(?<![a-z0-9]){digit}h(?![a-z0-9])"
_HALVES = [
    (re.compile(r"上半年|上半财年|" + _HALF.format(words="first|1st", digit=1)), " h1 "),
    (re.compile(r"下半年|下半财年|" + _HALF.format(words="second|2nd", digit=2)), " h2 "),
    (
        re.compile(
            r"前三季度|前三个季度|(?<![a-z])(?:first )?(?:(?:three|3) quarters|(?:nine|9) months)(?: of)?(?![a-z])"
        ),
        " 9m ",
    ),
]
_PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百点\d.]+)")
_SPACES = re.compile(r"\s+")
_CJK_SPACE = re.compile(r"(?<=[\u3007\u3400-\u9fff])\s+|\s+(?=[\u3007\u3400-\u9fff])")  # 多少 钱 is 多少钱
# Lone surrogates (\ud800-\udfff) come from undecodable bytes in argv or stdin (surrogateescape); OpenCC
# cannot encode them, so they are removed with the control characters instead of crashing the fold.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _converter(config: str) -> Any:
    """OpenCC converters are built once per process, on first use: building t2s takes a few
    milliseconds, s2t (a 900 kB phrase dictionary) about fifty, so s2t is only built when needed."""
    converter = _converters.get(config)
    if converter is not None:
        return converter
    with _lock:
        if config not in _converters:
            import opencc

            _converters[config] = opencc.OpenCC(config)
        return _converters[config]


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese, leaving everything else alone."""
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    """Simplified to traditional Chinese, used only for rendering zh-Hant text."""
    return str(_converter("s2t").convert(text))


def chinese_number(text: str) -> float | None:
    """Read a small Chinese or Arabic numeral (三十五, 十, 4.5); None when it is not one."""
    try:
        return float(text)
    except ValueError:
        pass
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = chinese_number(whole)
        if head is None or not all(c in _CN_DIGITS for c in frac):
            return None
        return float(f"{int(head)}.{''.join(str(_CN_DIGITS[c]) for c in frac)}")
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return float(total + current)


def _quarter(words: dict[str, int] | None, match: re.Match[str]) -> str:
    """一季度, Q1, first quarter -> " q1 "."""
    number = words[match.group(1)] if words is not None else chinese_number(match.group(1))
    return f" q{number:g} "


def _percent(match: re.Match[str]) -> str:
    value = chinese_number(match.group(1))
    if value is None:
        return match.group(0)
    return f"{value:g}%"


def strip_control(text: str) -> str:
    """Remove control and bidi-override characters that only confuse matching and display."""
    return _CONTROL.sub(" ", text)


_known: dict[str, str] = {}  # folds learnt from a compiled pack (see learn_folds)
_recording: list[dict[str, str]] = []
_RECORDED_CHARS = 64  # longer texts (quotes, articles) are folded only to derive cached keys


def fold(text: str) -> str:
    """Fold text for matching: NFKC, simplified script, lower case, uniform quarters and percents."""
    folded = _known.get(text)
    if folded is None:
        folded = _fold(text)
    if _recording and len(text) <= _RECORDED_CHARS:
        _recording[-1][text] = folded
    return folded


def learn_folds(pairs: Mapping[str, str]) -> None:
    """Remember folds computed by an earlier process (a compiled pack carries those of its own words), so
    that building an Assistant from the cache does not fold its thousands of aliases again."""
    _known.update(pairs)


@contextmanager
def recording_folds() -> Iterator[dict[str, str]]:
    """Every (short) text folded inside the block, with its fold: what `learn_folds` takes."""
    recorded: dict[str, str] = {}
    _recording.append(recorded)
    try:
        yield recorded
    finally:
        _recording[:] = [r for r in _recording if r is not recorded]


def forget_folds() -> None:
    """Drop every remembered fold (tests of a fresh process state)."""
    _known.clear()
    _fold.cache_clear()


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    text = strip_control(unicodedata.normalize("NFKC", text))
    text = to_simplified(to_simplified(text)).lower()  # twice: a few characters simplify in two steps (薴, 苧, 苎)
    text = text.replace("’", "'").replace("‘", "'").replace("甚么", "什么")  # 甚麼: the variant Hong Kong writes
    text = _WORD_HYPHEN.sub(" ", text)  # supply-chain is supply chain, cold-storage is cold storage
    for pattern, marker in _HALVES:  # before quarters: 前三季度 is nine months, not the third quarter
        text = pattern.sub(marker, text)
    for pattern, words in _QUARTERS:
        text = pattern.sub(functools.partial(_quarter, words), text)
    text = _PERCENT_WORDS.sub(_percent, text)
    return _CJK_SPACE.sub("", _SPACES.sub(" ", text)).strip()


_WORD_HYPHEN = re.compile(r"(?<=[a-z])[-‐‑–](?=[a-z])")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_CJK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def simplified_only_characters() -> frozenset[str]:
    """Common characters (GB2312) that exist only in simplified writing; computed once per compiled pack
    so that answering never needs OpenCC's slower simplified-to-traditional converter."""
    common = []
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common.append(char)
    text = "".join(common)
    converted = to_traditional(text)
    if len(converted) != len(text):
        return frozenset(c for c in common if to_traditional(c) != c)
    return frozenset(a for a, b in zip(text, converted, strict=True) if a != b)


def detect_language(text: str, simplified: frozenset[str] | None = None) -> Language:
    """Guess the reader's language and script: English, or Chinese in the script they typed.

    `simplified` is the set from `simplified_only_characters`; without it OpenCC is asked instead.
    """
    han = _NOT_CJK.sub("", text)  # the CJK characters in order: one string, not one per character
    if not han or len(_LATIN_WORD.findall(text)) > len(han):
        return "en"
    if to_simplified(han) != han:
        return "zh-Hant"
    if simplified is not None:
        return "zh-Hans" if any(c in simplified for c in han) else "zh-Hant"
    if to_traditional(han) != han:
        return "zh-Hans"
    return "zh-Hant"
