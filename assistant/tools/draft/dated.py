"""A period named in a sentence (Dated), and the periods read around others: a span in brackets after a
period (上半财年(2024年9月至2025年2月)), the same part of another year (2024年同期), and a year ending on
another day than 31 December (截至2025年8月31日止的2024/25财年)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from assistant.lang.periods import Period
from assistant.tools.draft.reader import rules, simplified


@dataclass(frozen=True)
class Dated:
    """A period named in a sentence, with its span."""

    start: int
    end: int
    period: Period | None
    text: str
    prior: bool = False  # 去年同期: a year before the period in question
    same_part: bool = False  # 去年同期 is the same half or quarter a year before; 上年 is the whole year before
    since: bool = False  # 自2018年…以来: where a stretch of time begins, the period of no figure
    event: bool = False  # 2013年在杭州创立: the year of an event, the period only of figures in its own clause
    base: bool = False  # 较2023年的: a comparison base, the period only of the value written right after it
    compared: bool = False  # the period of a value another is compared with: never the running period

    @property
    def dated(self) -> bool:
        """A period with its year, not a year earlier than another, a comparison base nor where a stretch
        of time begins."""
        return (
            self.period is not None
            and self.period.year is not None
            and not self.prior
            and not self.since
            and not self.base
        )


def spans_glossed(plain: str, found: list[Dated]) -> list[Dated]:
    """上半财年(2024年9月至2025年2月): dates in brackets right after a period say what it spans; they are no
    period of a figure (kept as the bounds of a stretch), and the last one's year is the period's when it
    names none."""
    kept: list[Dated] = []
    owner, unyeared = -1, False
    for date in found:
        between = plain[kept[owner].end : date.start] if owner >= 0 else ""
        if between[:1] in ("(", "（") and not set(between) & {")", "）"}:
            period = kept[owner].period
            if unyeared and period is not None and date.period is not None and date.period.year is not None:
                kept[owner] = replace(kept[owner], period=period.with_year(date.period.year))
            kept.append(replace(date, since=True))
            continue
        owner, unyeared = len(kept), date.period is not None and date.period.year is None
        kept.append(date)
    return kept


def period_of(date: Dated | None) -> str | None:
    """The canonical period of a figure's date (2024, 2024Q4), if it has one."""
    return date.period.canonical() if date is not None and date.period is not None else None


def fiscal_year_end(paragraphs: Iterable[str]) -> tuple[int, int] | None:
    """The month and day a company's year ends on when it is not December's end (截至2025年8月31日止的
    2024/25财年): a date that day is the year's end, as 31 December is a calendar year's."""
    pattern = re.compile(rules()["fiscal_year_end"])
    for paragraph in paragraphs:
        found = pattern.search(simplified(paragraph))
        if found and int(found.group(1)) != 12:
            return int(found.group(1)), int(found.group(2))
    return None


def same_part_of(chosen: Dated, before: list[Dated], state: dict[str, Any]) -> Dated:
    """2024年同期 after a half or quarter: that part of 2024, a period another is compared with."""
    parts = [d for d in before if d is not chosen and d.period is not None and d.period.sub_year]
    running = parts[-1] if parts else state["date"]
    if running is None or running.period is None or not running.period.sub_year or chosen.period is None:
        return chosen
    year = chosen.period.year
    return replace(chosen, period=running.period.with_year(year), compared=True) if year else chosen
