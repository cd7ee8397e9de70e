"""Periods named in questions (2024, 2025年一季度, Q1 2024, 2024年12月) and whether a fact's period fits."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.%])")
_AFTER = re.compile(r"^\s*(?:年|年度)?\s*(?:(q[1-4]|h[12]|9m)|(\d{1,2})\s*月|(底|末|年底|年末|年终))?")
_BEFORE = re.compile(r"(q[1-4]|h[12]|9m)\s*(?:of\s*)?$")
_BASE = re.compile(r"(?:(?<![占佔])比|较|較|than|compared (?:to|with)|versus|vs\.?|from)\s*(?:the\s*)?$")
_FACT_PERIOD = re.compile(r"^(\d{4})(?:Q([1-4])|(H[12]|9M)|-(\d{2})(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Period:
    """A year with an optional quarter or month."""

    year: int
    quarter: int | None = None
    month: int | None = None
    part: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> Period | None:
        """Read a canonical fact period: 2024, 2025Q1, 2024H1, 2024-12, 2025-05-30."""
        match = _FACT_PERIOD.match(text or "")
        if not match:
            return None
        year, quarter, part, month = match.groups()
        return cls(int(year), int(quarter) if quarter else None, int(month) if month else None, part)

    @property
    def sub_year(self) -> bool:
        return self.quarter is not None or self.month is not None or self.part is not None


_RELATIVE = [
    (re.compile(r"今年|本年|(?<![a-z])this year(?![a-z])"), 0),
    (re.compile(r"去年(?!同期)|上一财年|(?<![a-z])(?<!quarter )(?<!period )last year(?![a-z])"), -1),
    (re.compile(r"前年|(?<![a-z])the year before last(?![a-z])"), -2),
]


def absolute_years(folded: str, current_year: int | None) -> str:
    """今年 / this year, 去年 / last year, 前年 as years, for an article written in `current_year`."""
    if current_year is None:
        return folded
    for pattern, offset in _RELATIVE:
        folded = pattern.sub(f"{current_year + offset}年", folded)
    return folded


def find_periods(folded: str) -> list[tuple[Period, int, int]]:
    """Periods in a folded question with their spans; a comparison base ("比2023年", "than 2023") is
    not the period asked about, since a stated change already compares with it."""
    found = []
    for match in _YEAR.finditer(folded):
        if _BASE.search(folded[: match.start()]):
            continue
        year = int(match.group(1))
        quarter = month = None
        end = match.end()
        part = None
        after = _AFTER.match(folded[end:])
        if after and after.group(1):
            marker = after.group(1)
            quarter, part = (int(marker[1]), None) if marker.startswith("q") else (None, marker.upper())
            end += after.end()
        elif after and after.group(2) and 1 <= int(after.group(2)) <= 12:
            month = int(after.group(2))
            end += after.end()
        before = _BEFORE.search(folded[: match.start()])
        start = match.start()
        if quarter is None and part is None and before:
            marker = before.group(1)
            quarter, part = (int(marker[1]), None) if marker.startswith("q") else (None, marker.upper())
            start = before.start()
        found.append((Period(year, quarter, month, part), start, end))
    return found


def fits(asked: Period, fact_period: str | None, fact_text: str) -> bool:
    """Whether a fact can answer a question about `asked`.

    A fact without a period fits when the asked year appears in its sentence.
    """
    stated = Period.parse(fact_period)
    if stated is None:
        return str(asked.year) in fact_text
    if stated.year != asked.year:
        return False
    if asked.part is not None or stated.part is not None:
        return asked.part == stated.part and asked.quarter is None
    if asked.quarter is not None:
        return stated.quarter == asked.quarter
    if asked.month is not None and stated.month is not None:
        return stated.month == asked.month
    if asked.month is not None and stated.quarter is not None:
        return (asked.month - 1) // 3 + 1 == stated.quarter
    return True
