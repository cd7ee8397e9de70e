"""A period as a value (a year with an optional quarter, half, month or day) and whether a fact's period
can answer a question about another: the types the grammar in periods.py produces and the matcher uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_FACT_PERIOD = re.compile(r"^(\d{4})(?:Q([1-4])|(H[12]|(?:[2-9]|1[01])M)|-(\d{2})(?:-(\d{2}))?)?$")
_QUARTER_END = re.compile("(?:季度?|q[1-4])[末底]")  # 一季度末 (folded: q1末): a point at a quarter's end
DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


@dataclass(frozen=True)
class Period:
    """A year (None: not said, take it from the conversation) with an optional part of it."""

    year: int | None
    quarter: int | None = None
    month: int | None = None
    part: str | None = None  # H1, H2, or the first months: 9M (前三季度), 10M (1至10月)
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> Period | None:
        """Read a canonical fact period: 2024, 2025Q1, 2024H1, 2024-12, 2025-05-30."""
        match = _FACT_PERIOD.match(text or "")
        if not match:
            return None
        year, quarter, part, month, day = match.groups()
        return cls(
            int(year), int(quarter) if quarter else None, int(month) if month else None, part, int(day) if day else None
        )

    @classmethod
    def first_months(cls, year: int | None, months: int) -> Period:
        """The first `months` months of a year (1至10月, January through October): a quarter, a half, the
        year or its first n months."""
        named = {1: cls(year, month=1), 3: cls(year, quarter=1), 6: cls(year, part="H1"), 12: cls(year)}
        return named.get(months) or cls(year, part=f"{months}M")

    @property
    def possible(self) -> bool:
        """A month of 1 to 12 and a day that month has (2025-13 and 2025-02-30 are no periods)."""
        if self.month is None:
            return self.day is None
        return 1 <= self.month <= 12 and (self.day is None or 1 <= self.day <= DAYS[self.month])

    @property
    def sub_year(self) -> bool:
        return self.quarter is not None or self.month is not None or self.part is not None

    def canonical(self) -> str:
        """The fact-file form: 2024, 2025Q1, 2024H1, 2024-12, 2025-05-30 (a missing year as ????)."""
        text = str(self.year) if self.year is not None else "????"
        if self.quarter:
            return f"{text}Q{self.quarter}"
        if self.part:
            return text + self.part
        if self.month:
            text += f"-{self.month:02d}"
            return text + (f"-{self.day:02d}" if self.day else "")
        return text

    @property
    def closes(self) -> tuple[int, int, int]:
        """When the period ends, for putting periods in order: 2024 (its December) after 2024H1, a date by its
        month and day; a missing year first."""
        months = {"H1": 6, "H2": 12}.get(self.part or "") or (int(self.part[:-1]) if self.part else 12)
        month = self.month or (self.quarter * 3 if self.quarter else months)
        return (self.year or 0, month, self.day or 31)

    def with_year(self, year: int | None) -> Period:
        return replace(self, year=year)

    def ending(self, months: int) -> Period:
        """The period of `months` that ends in this date's month: 12 months ended 31 December 2024 is 2024,
        6 months ended 30 June 2025 is 2025H1, 3 months ended 31 March is Q1. A span that is no year,
        half, quarter or first nine months keeps the date it ends on."""
        month = self.month
        if month is None:
            return self
        if months == 12:
            return Period(self.year)
        if months == 6 and month in (6, 12):
            return Period(self.year, part="H1" if month == 6 else "H2")
        if months == 3 and month % 3 == 0:
            return Period(self.year, quarter=month // 3)
        if months == month and 1 < months < 12:  # 截至10月31日止十個月: 1至10月
            return Period(self.year, part=f"{months}M")
        return self


def fits(asked: Period, fact_period: str | None, fact_text: str, parts: tuple[Period, ...] = ()) -> bool:
    """Whether a fact can answer a question about `asked` (a year of None fits any year).

    A fact without a period fits when the asked year appears in its sentence, and a part of a year asked
    (H1 2025) only when the sentence also names that part (`parts`): 2025年…预计全年新签订单 is no half's.
    """
    stated = Period.parse(fact_period)
    if stated is None:  # a part of an unnamed year is no figure without a period (a plan, a founding year)
        if asked.year is not None and str(asked.year) not in fact_text:
            return False
        return not asked.sub_year or any(_same_part(asked, part) for part in parts)  # 4月18日…工商变更
    if asked.year is not None and stated.year != asked.year:
        return False
    if not asked.sub_year and (stated.quarter is not None or stated.part is not None):
        return False  # a quarter's or a half's figure does not answer for the whole year
    if asked.part is not None or stated.part is not None:
        return asked.part == stated.part and asked.quarter is None
    if asked.quarter is not None:
        return stated.quarter == asked.quarter
    if asked.month is not None:
        if stated.month is not None:
            return stated.month == asked.month and (asked.day is None or stated.day in (None, asked.day))
        # a quarter's figure is no month's (9月營收 is not the third quarter's), but a balance at the quarter's
        # end is one at the end of its last month (3月底總負債 is 一季度末總負債)
        return stated.quarter is not None and asked.month == stated.quarter * 3 and bool(_QUARTER_END.search(fact_text))
    return True


def _same_part(asked: Period, named: Period) -> bool:
    """Whether a part of a year named in a sentence (上半年, 2025年一季度) is the part asked."""
    same_year = asked.year is None or named.year in (None, asked.year)  # 4月18日 asked: any year's
    return same_year and (named.quarter, named.month, named.part) == (asked.quarter, asked.month, asked.part)


def plan_fits(asked: Period, fact_text: str, reported: int | None) -> bool:
    """Whether an undated plan (全年资本开支指引为…) is the plan of a year asked: not of a year before the one
    reported, nor of a part of a year, nor of another year its sentence names (2026年 asked, 2025年…计划)."""
    named = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", fact_text)}
    year = asked.year
    return year is not None and not asked.sub_year and year >= (reported or 0) and named <= {year}
