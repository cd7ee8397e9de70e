"""Numbers in article text: the spans `check` wants covered by a fact and `draft` turns into candidates.

A number is a run of digits (with decimals, a sign or thousands separators; 1萬9,200 and 7億8,520 are one)
that is not part of a Latin word such as B2B or Q1 (a unit of power such as 10GW is no such word), or a
percentage in Chinese words: a tenth such as 三成 (30%) or 百分之十二 (12%).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from assistant.lang.normalize import chinese_number

# not glued to Latin letters (B2B, Q1, 5G) unless they are a unit of power or energy (10GW, 12.6GWh); never
# the whole part of a decimal alone
_ENERGY_UNIT = r"(?:[TGMk]Wh?)(?![A-Za-z0-9])"
_ARABIC = (
    r"(?<![A-Za-z0-9.])(?P<sign>[-−])?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:(?={_ENERGY_UNIT})|(?![A-Za-z0-9]|\.\d))"
)
# 1萬9,200元, 2萬1800: ten-thousands then the rest, one number (19,200) as Taiwan and Hong Kong write them
# 7億8,520萬元: hundreds of millions then ten-thousands, one number counted in the 萬 written after it (78,520萬)
_COMPOUND = (
    r"(?<![A-Za-z0-9.,])(?:(?P<wan>\d{1,4})[萬万](?P<rest>\d,\d{3}|\d{1,4})(?![\d.,])"
    r"|(?P<yi>\d{1,4})[億亿](?P<yirest>\d,\d{3}|\d{1,4})(?=[萬万]))"
)
_TENTHS = r"(?P<tenths>[一二兩两三四五六七八九])成(?![本員员立功為为果熟就交分都長长效型績绩])"
_HUNDREDTHS = r"百分之(?P<hundredths>[零〇一二两兩三四五六七八九十百]+(?:[点點][零〇一二两兩三四五六七八九]+)?)"
NUMBER = re.compile(f"{_COMPOUND}|{_ARABIC}|{_TENTHS}|{_HUNDREDTHS}")
_TENTH_VALUES = {"一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class Number:
    """One number in a text: its span, its value, and whether it is a percentage in Chinese words
    (`tenths`: 三成 = 30%, 百分之十二 = 12%)."""

    start: int
    end: int
    text: str
    value: Decimal
    tenths: bool = False


_PLAIN_DECIMAL = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


def plain_decimals(text: str) -> frozenset[Decimal]:
    """The plain Arabic numbers of a question or a quote, as values (0.70 and 0.7 are one number)."""
    found = set()
    for match in _PLAIN_DECIMAL.findall(text):
        try:
            found.add(Decimal(match))
        except InvalidOperation:
            continue
    return frozenset(found)


_SCALED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([萬万億亿])")
_POWERS = {"萬": 4, "万": 4, "億": 8, "亿": 8}


def scaled_decimals(text: str) -> frozenset[Decimal]:
    """The plain numbers of a text and, for those written with 萬 or 億, their value in plain units
    (2848.72萬 is also 28487200), so that a question quoting "28.4872 million" finds it."""
    found = set(plain_decimals(text))
    for match in _SCALED.finditer(text):
        try:
            found.add(Decimal(match.group(1)).scaleb(_POWERS[match.group(2)]))
        except InvalidOperation:  # pragma: no cover - the pattern only matches digits
            continue
    return frozenset(found)


def strip_decimals(text: str) -> str:
    """`text` with its plain numbers blanked out."""
    return _PLAIN_DECIMAL.sub(" ", text)


def numbers_in(text: str) -> list[Number]:
    """Every number in `text`, left to right."""
    found = []
    for match in NUMBER.finditer(text):
        if match.group("tenths"):
            value = Decimal(_TENTH_VALUES[match.group("tenths")] * 10)
            found.append(Number(match.start(), match.end(), match.group(), value, tenths=True))
            continue
        if match.group("hundredths"):
            hundredths = chinese_number(match.group("hundredths").replace("點", "点").replace("兩", "两"))
            if hundredths is not None:
                value = Decimal(format(hundredths, "g"))
                found.append(Number(match.start(), match.end(), match.group(), value, tenths=True))
            continue
        if match.group("wan") or match.group("yi"):  # the unit counts 10,000 of what follows it, in both
            head, rest = match.group("wan") or match.group("yi"), match.group("rest") or match.group("yirest")
            value = Decimal(head) * 10000 + Decimal(rest.replace(",", ""))
            found.append(Number(match.start(), match.end(), match.group(), value))
            continue
        digits = unicodedata.normalize("NFKC", match.group("digits")).replace(",", "")
        try:
            value = Decimal(digits)
        except InvalidOperation:  # pragma: no cover - the pattern only matches digits
            continue
        if match.group("sign"):
            value = -value
        found.append(Number(match.start(), match.end(), match.group(), value))
    return found
