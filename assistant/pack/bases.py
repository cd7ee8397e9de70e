"""What a stated change is measured against, its basis: the same period a year before (同比), the period
just before (环比), the quarter or the month before (季增, 月增), or the end of the last year (较年初).

A change's words tell it, and so may a question's. The words are language data (`change_basis_*` in
intents/language.yaml). The basis matters to the truth of three answers: the English wording of a change
("up 5% quarter on quarter", never "year on year" for 季增), the prior figure computed from a change (Q2's
revenue from Q3's 季增, 2023's from 2024's 同比: never a year before from a quarter-on-quarter change), and a
change asked on one basis (年增多少) never answered with a change on another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import get_args

import msgspec

from assistant.lang.normalize import fold
from assistant.lang.period import Period
from assistant.pack.schema import Basis, Fact

BASES: tuple[Basis, ...] = get_args(Basis)
_WORDS = "change_basis_"
_DATED = re.compile(r"(\d{4})年(同期|底|末|年底|年末)?")


@dataclass(frozen=True)
class Bases:
    """The basis words of a pack's language data, as one pattern (the longest word first)."""

    pattern: re.Pattern[str] | None
    basis_of_word: Mapping[str, Basis]

    @classmethod
    def of(cls, words: Mapping[str, Sequence[str]]) -> Bases:
        table = {fold(w): basis for basis in BASES for w in words.get(_WORDS + basis, ())}
        if not table:
            return cls(None, {})
        alternatives = [
            rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])" if w.isascii() else re.escape(w)
            for w in sorted(table, key=len, reverse=True)
        ]
        return cls(re.compile("|".join(alternatives)), table)

    def found(self, text: str) -> list[Basis]:
        """Every basis the text names, in order."""
        if self.pattern is None:
            return []
        return [self.basis_of_word[m.group()] for m in self.pattern.finditer(fold(text))]

    def asked(self, question: str) -> Basis | None:
        """The one basis a question names (同比增长多少, q/q growth), None when it names none or several."""
        named = set(self.found(question))
        return named.pop() if len(named) == 1 else None

    def of_fact(self, fact: Fact) -> Basis | None:
        """The basis of a fact's change: the change's own words (同比下降9.73%), else the words between its
        figure and it (27.45亿元，较年初增长18%), else a dated base (较2023年的18.9%), else year on year for a
        whole year's figure (营收103亿元，增长5%: a year can only be compared with the year before)."""
        change = fact.change
        if change is None:
            return None
        if change.basis is not None:
            return change.basis
        own = self.found(change.written)
        if own:
            return own[0]
        gap = _gap(fact.quote, fact.written, change.written)
        between = self.found(gap)
        if between:
            return between[-1]  # the word nearest the change
        period = Period.parse(fact.period)
        year = period.year if period is not None else None
        for match in _DATED.finditer(gap):
            if year is None or int(match.group(1)) != year - 1:
                return None  # compared with another year: no basis these words can name
            return "year_start" if match.group(2) in ("底", "末", "年底", "年末") else "year"
        if period is not None and not period.sub_year and period.day is None:
            return "year"
        return None

    def with_basis(self, fact: Fact) -> Fact:
        """The fact with its change's basis filled in from its words (unchanged when given or unknown)."""
        change = fact.change
        if change is None or change.basis is not None:
            return fact
        basis = self.of_fact(fact)
        if basis is None:
            return fact
        return msgspec.structs.replace(fact, change=msgspec.structs.replace(change, basis=basis))


def _gap(quote: str, figure: str | None, change: str) -> str:
    """The words between a figure and its change in the quote, whichever comes first."""
    at = quote.find(change)
    if at < 0:
        return ""
    start = quote.find(figure) if figure else -1
    if start < 0:
        return quote[max(0, at - 12) : at]
    if start + len(figure or "") <= at:
        return quote[start + len(figure or "") : at]
    return quote[at + len(change) : start] if at + len(change) <= start else ""


def compared(fact: Fact) -> Period | None:
    """The period a fact's change compares it with: 2023 for 2024's 同比, 2025Q2 for 2025Q3's 季增, 2024 (its
    end) for 2025-06-30's 较年初; None when the basis is unknown or does not fit the period."""
    period = Period.parse(fact.period)
    basis = fact.change.basis if fact.change is not None else None
    if period is None or period.year is None or basis is None:
        return None
    year = period.year
    if basis == "year":
        return replace(period, year=year - 1)
    if basis == "year_start":
        return Period(year - 1)
    if basis == "previous" and not period.sub_year and period.day is None:
        return Period(year - 1)
    if basis == "previous" and period.part in ("H1", "H2"):
        return Period(year, part="H1") if period.part == "H2" else Period(year - 1, part="H2")
    if basis in ("quarter", "previous") and period.quarter is not None:
        return Period(year, quarter=period.quarter - 1) if period.quarter > 1 else Period(year - 1, quarter=4)
    if basis in ("month", "previous") and period.month is not None and period.day is None:
        return Period(year, month=period.month - 1) if period.month > 1 else Period(year - 1, month=12)
    return None


def shown(fact: Fact) -> Basis | None:
    """The basis an answer names: 环比 on a quarter is quarter on quarter, on a month month on month, on a
    year year on year; None when unknown."""
    change = fact.change
    basis = change.basis if change is not None else None
    period = Period.parse(fact.period)
    if basis != "previous" or period is None:
        return basis
    if period.quarter:
        return "quarter"
    if period.month and not period.day:
        return "month"
    return "year" if not period.sub_year and period.day is None else basis


def answers_basis(asked: str | None, fact: Fact) -> bool:
    """Whether a fact's change answers a change asked on `asked` (None: any): a 季增 never answers 年增多少,
    a year's 同比 answers 环比 (the period before a year is the year before)."""
    basis = shown(fact)
    if asked is None or basis is None or fact.change is None:
        return True
    probe = msgspec.structs.replace(fact, change=msgspec.structs.replace(fact.change, basis=asked))
    return shown(probe) == basis
