"""The handlers of the English period forms (Q1 2025, the first half of 2024, December 2024, end of 2024,
January through October): each turns a match of the grammar's patterns (periods.py) into a Period or the
problem that keeps it from being one."""

from __future__ import annotations

import re

from assistant.lang.period import Period


class EnglishHandlers:
    """Mixed into the grammar, whose words and year reading they use."""

    ordinals: dict[str, int]
    halves: dict[str, str]
    months_en: dict[str, int]
    ended_en: dict[str, int]
    earliest: int
    latest: int

    def _two_digit(self, text: str) -> int:
        raise NotImplementedError

    @staticmethod
    def _date(year: int | None, month: int | None, day: int | None) -> tuple[Period | None, str | None]:
        raise NotImplementedError

    def _tail_year(self, g: dict[str, str | None]) -> tuple[int | None, str | None]:
        text = (g.get("ty") or "").lstrip("'")
        if not text:
            return None, None
        year = int(text) if len(text) == 4 else self._two_digit(text)
        return (year, None) if self.earliest <= year <= self.latest else (None, "impossible_year")

    def _english_quarter(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        g = match.groupdict()
        year, problem = self._tail_year(g)
        quarter = self.ordinals.get(str(g["eo"]))
        if problem:
            return None, problem
        if quarter is None or not 1 <= quarter <= 4:
            return None, "impossible_quarter"
        return Period(year, quarter=quarter), None

    def _english_half(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        g = match.groupdict()
        year, problem = self._tail_year(g)
        return (None, problem) if problem else (Period(year, part=self.halves[str(g["eh"])]), None)

    def _english_nine(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        year, problem = self._tail_year(match.groupdict())
        return (None, problem) if problem else (Period(year, part="9M"), None)

    def _english_month(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        g = match.groupdict()
        year = int(g["my"]) if g.get("my") else None  # October: of a year not named
        if year is not None and not self.earliest <= year <= self.latest:
            return None, "impossible_year"
        day = g.get("md") or g.get("dd")
        period, problem = self._date(year, self.months_en[str(g["me"])], int(day) if day else None)
        if g.get("eended") and period is not None:
            return period.ending(self.ended_en[str(g["eended"])]), None
        return period, problem

    def _english_first_months(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        year, problem = self._tail_year(match.groupdict())
        return (None, problem) if problem else (Period.first_months(year, self.months_en[str(match["fme"])]), None)

    def _english_year_end(self, match: re.Match[str]) -> tuple[Period | None, str | None]:
        year = int(str(match.group("ey")))
        return (Period(year), None) if self.earliest <= year <= self.latest else (None, "impossible_year")
