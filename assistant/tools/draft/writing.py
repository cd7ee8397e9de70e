"""When an article was written: the year of its date line, else the latest year it reports, and the year after
that when that year is reported whole (a year's results are published once it is over). Words are data
(rules.yaml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.lang.periods import Period, PeriodGrammar
from assistant.tools.draft.reader import clause_bounds, plain_form, rules, sentences, simplified

PROBE = 9000  # 今年 read as a year no article names, to tell relative years from written ones


@dataclass(frozen=True)
class Writing:
    """When the article was written: its year; whether that is the year after the one it reports
    whole (`after`), and the latest part of its own year it reports (今年首两个月: `reached`)."""

    year: int | None
    after: bool = False
    reached: Period | None = None


def writing_time(paragraphs: list[str], words: Mapping[str, Any], metadata: list[str]) -> Writing:
    """The year the article was written: the year of its date or copyright line, else the latest year it
    reports a figure of (a year's results, a part of the year or a date with a figure: not a rule's 2030年再
    提高至5% nor a year only named), else the latest year it names (not one it forecasts, nor a date to
    come: 自2026年7月1日起); the year after it when that year is reported whole, for a year's results are
    published once it is over (披露2024年年度报告: written in 2025, so a reader's 去年 is 2024)."""
    stated = [int(y) for line in metadata for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", line)]
    if stated:
        return Writing(max(stated))
    later = tuple(rules()["not_reported_after"])
    targets = re.compile(rules()["target_before"])
    years: list[int] = []
    reached: list[int] = []  # reached: years only ever written as a point to reach (提出到2027年…达到40%)
    whole: set[int] = set()
    reported: set[int] = set()
    parts: list[Period] = []  # the parts of 今年 reported with a figure
    grammars = (PeriodGrammar(words, None), PeriodGrammar(words, PROBE))
    for paragraph in paragraphs:
        for _, sentence in sentences(paragraph):
            plain = plain_form(sentence)
            if first_future(plain) < len(plain):
                continue  # a plan's year is no year reported (略胜市场预期 is none)
            for grammar in grammars:
                for m in grammar.scan(plain):
                    period = m.period
                    if period is None or period.year is None or m.role != "asked" or plain[m.end :].startswith(later):
                        continue
                    if period.year == PROBE:
                        parts += [period] if period.sub_year and _reported(plain, m.start, m.end, whole=False) else []
                    elif period.year < PROBE - 1 and grammar.current_year is None:
                        (reached if targets.search(plain[: m.start]) else years).append(period.year)
                        entire = (not period.sub_year and period.day is None) or year_to(plain, period, m.end)
                        if _reported(plain, m.start, m.end, whole=entire):
                            reported.add(period.year)
                            whole.update([period.year] if entire else [])
    latest = max(reported) if reported else max(years) if years else None
    if latest is not None and latest in whole:  # a year reported whole is over: the article is of a later one
        last = max(parts, key=lambda p: p.closes).with_year(latest + 1) if parts else None
        return Writing(latest + 1, after=True, reached=last)
    return Writing(latest if latest is not None else max(reached) if reached else None)


def year_to(plain: str, period: Period, end: int) -> bool:
    """截至2024年12月底止的全年业绩: a year's last month or day, and the whole year up to it."""
    return period.month == 12 and plain[end:].startswith(tuple(rules()["year_end_after"]))


def _reported(plain: str, start: int, end: int, *, whole: bool) -> bool:
    """2024年合并营收为286.4亿元: a whole year's results (a result word and a figure in its clause, and no
    part of the year after it: 2025年则派发…中期股息), so the year is over; a part of a year or a date
    with a figure after it in its sentence (截至2025年9月底,员工6,850人). Not 进入2025年,… (a year entered) nor
    2025年发布总金额近…的招标 (an event of the year)."""
    _, clause_end = clause_bounds(plain, start)
    if whole and not plain[end:clause_end].strip(" 全年度"):  # 2024年全年,公司营收为…: the clause after it
        _, clause_end = clause_bounds(plain, clause_end + 1)
    rest = plain[end:clause_end] if whole else plain[end:]  # 截至2025年6月末,公司货币资金…61.3亿元
    if plain[:start].endswith(tuple(rules()["year_entered_words"])):
        return False
    parts = any(w in rest for w in rules()["year_part_words"])
    if whole and not parts and any(w in rest for w in rules()["year_report_words"]):
        return True  # 公布截至2024年12月31日止年度业绩: a whole year's results are out, figures or not
    if not any(c.isdigit() for c in rest):
        return False
    if not whole:
        return True
    return not parts and any(w in rest for w in rules()["year_result_words"])


@functools.cache
def future_words() -> tuple[str, ...]:
    """The words of a plan or a forecast (预计, 计划…), simplified."""
    return tuple(simplified(w) for w in rules()["future_words"])


def first_future(plain: str) -> int:
    """Where the sentence's first future word is; its length when it has none. Words that only hold one
    (增速最快的品牌: the fastest, not the soonest) are passed over."""
    for phrase in rules()["future_word_not"]:
        plain = plain.replace(simplified(phrase), "\0" * len(simplified(phrase)))
    return min([plain.find(w) for w in future_words() if w in plain] or [len(plain)])
