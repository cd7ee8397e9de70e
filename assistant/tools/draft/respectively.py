"""Figures given respectively (营收和净利润分别为48.62亿元和3.1亿元): the n-th measure listed before 分别
is the n-th figure's after it, and the n-th year of a range or list of years before it (2022年至2024年,
营收分别为…) the n-th figure's year. Changes given so (分别同比增长15.8%和11.2%) have no level a fact could
hold: they are dropped rather than filed as one figure's change and another's value.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from assistant.lang.period import Period
from assistant.tools.draft.dated import Dated
from assistant.tools.draft.figure import Figure
from assistant.tools.draft.reader import moved_to, rules, scan_words


def respectively(plain: str, figures: list[Figure], words: dict[str, Any], dates: list[Dated]) -> list[Figure]:
    """The figures of a sentence (`plain`: its plain form), those given respectively named by their
    measure (`Figure.named_metric`) and dated by their year (`Figure.listed_date`), respective changes
    left out."""
    years_respectively(plain, figures, dates)
    parts_respectively(plain, figures, dates)
    years_from_to(plain, figures, dates)
    r = rules()
    for word in r["respectively_words"]:
        at = plain.find(word)
        if at < 0:
            continue
        measures = _listed_before(plain, at, words, r)
        after = [f for f in figures if f.begins >= at + len(word)][: len(measures)]
        if len(measures) < 2 or len(after) < len(measures) or not _listed_figures(plain, after, r):
            return figures
        if after[0].change_sign:  # 分别同比增长15.8%和11.2%: rates of change without their levels
            return [f for f in figures if f not in after]
        for figure, metric in zip(after, measures, strict=True):
            figure.named_metric = metric
            figure.hints.append("given respectively (分别): the measure listed in its place")
        share_approximation(after)
        return figures
    return figures


def _listed_before(plain: str, at: int, words: dict[str, Any], r: dict[str, Any]) -> list[str]:
    """The measures listed right before `at` (营收和归母净利润), joined by 和, 与, 、 …; none if a gap of more
    than a few characters stands between the list and `at`."""
    hits = [h for h in scan_words(plain, words) if h[1] <= at]
    if not hits or at - hits[-1][1] > r["respectively_gap"] or _stop_in(plain[hits[-1][1] : at]):
        return []
    listed = [hits[-1]]
    for hit in reversed(hits[:-1]):
        if plain[hit[1] : listed[0][0]] not in r["list_joiners"]:
            break
        listed.insert(0, hit)
    return [str(h[2]) for h in listed]


def _listed_figures(plain: str, figures: list[Figure], r: dict[str, Any]) -> bool:
    """Whether the figures follow each other joined by 和, 、 … and nothing else."""
    return all(plain[a.end : b.begins].strip() in r["list_joiners"] for a, b in itertools.pairwise(figures))


def _stop_in(text: str) -> bool:
    return any(c in text for c in "。;；,，")


def years_respectively(plain: str, figures: list[Figure], dates: list[Dated]) -> None:
    """2022年至2024年,营收分别为98.6亿元、112.4亿元和121.73亿元;同期归母净利润分别为…: each figure of a list
    after 分别 takes the year of its place in the last range or list of as many years before it."""
    r = rules()
    for word in r["respectively_words"]:
        at = plain.find(word)
        while at >= 0:
            listed = _figures_listed(plain, [f for f in figures if f.begins >= at + len(word)], at + len(word), r)
            years = _years_before(plain, at, dates, len(listed), r) if len(listed) >= 2 else []
            for figure, year in zip(listed, years, strict=False):
                figure.listed_date = year
                figure.hints.append("given respectively (分别): the year of its place in the list of years")
            share_approximation(listed)
            at = plain.find(word, at + len(word))


def parts_respectively(plain: str, figures: list[Figure], dates: list[Dated]) -> None:
    """2024年各季毛利率分别为7.8%、8.1%、8.6%及9.2%;EPS则依序为…: four figures given respectively after a
    word for each quarter (`quarter_list_words`) are a year's four quarters, two after a word for each half its
    halves; the year is the last whole year named before them in the sentence."""
    r = rules()
    parts = {4: tuple(r["quarter_list_words"]), 2: tuple(r["half_list_words"])}
    for word in r["respectively_words"]:
        at = plain.find(word)
        while at >= 0:
            listed = _figures_listed(plain, [f for f in figures if f.begins >= at + len(word)], at + len(word), r)
            years = [d for d in dates if d.end <= at and d.period and d.period.year and not d.period.sub_year]
            named = parts.get(len(listed), ())
            if years and named and any(w in plain[years[-1].end : at] for w in named) and years[-1].period:
                year = years[-1].period.year
                for place, figure in enumerate(listed, start=1):
                    period = Period(year, quarter=place) if len(listed) == 4 else Period(year, part=f"H{place}")
                    name = f"第{'一二三四'[place - 1]}季度" if len(listed) == 4 else ("上半年", "下半年")[place - 1]
                    figure.listed_date = replace(years[-1], period=period, text=years[-1].text + name)
                    figure.hints.append("given respectively for each part of the year: the part of its place")
            at = plain.find(word, at + len(word))


def share_approximation(listed: list[Figure]) -> None:
    """分别不低于6000万元、6800万元及7500万元: the approximation word before the first item of a list given
    respectively is every item's."""
    if len(listed) < 2 or not listed[0].approx or any(f.approx for f in listed[1:]):
        return
    for figure in listed[1:]:
        figure.approx = listed[0].approx
        figure.hints.append(f"an item of a list given respectively: {listed[0].approx} as the first item")


def years_from_to(plain: str, figures: list[Figure], dates: list[Dated]) -> None:
    """2021年至2024年,营收从24.9亿元一路增长至48.62亿元: after a range of years, the figure a measure moved
    from is the first year's and the one it moved to the last year's."""
    r = rules()
    years = [d for d in dates if d.period and d.period.year and not d.period.sub_year]
    for first, last in itertools.pairwise(years):
        if plain[first.end : last.start].strip() not in r["year_range_marks"]:
            continue
        after = [f for f in figures if f.begins >= last.end and not f.change_sign and f.listed_date is None]
        if len(after) < 2:
            continue
        start, end = after[0], after[1]
        lead, between = plain[last.end : start.begins], plain[start.end : end.begins]
        ends = [d.period.year for d in (first, last) if d.period is not None and d.period.year]
        if (
            len(ends) == 2
            and re.search(r["moved_from_before"], lead)
            and not any(c in lead + between for c in "。;；")
            and moved_to(between)
        ):
            start.listed_date = replace(first, period=Period(ends[0]), text=f"{ends[0]}年")
            end.listed_date = replace(last, period=Period(ends[1]), text=f"{ends[1]}年")
            for figure in (start, end):
                figure.hints.append("from one level to another over a range of years: the range's first or last year")


def _figures_listed(plain: str, after: list[Figure], at: int, r: dict[str, Any]) -> list[Figure]:
    """The figures listed right after `at` (为a、b和c), joined by list words only."""
    if not after or after[0].begins - at > r["respectively_gap"]:
        return []
    listed = after[:1]
    for figure in after[1:]:
        if not _listed_figures(plain, [listed[-1], figure], r):
            break
        listed.append(figure)
    return listed


def _years_before(plain: str, at: int, dates: list[Dated], count: int, r: dict[str, Any]) -> list[Dated]:
    """The last range (2022年至2024年) or list (2023年和2024年; 今年首季及次季, the second in the first's year)
    of `count` periods before `at`; a range of whole years only."""
    named = [d for d in dates if d.end <= at and d.period and (d.period.year or d.period.sub_year)]
    years = [(d, d.period.year) for d in named if d.period and d.period.year and not d.period.sub_year]
    found: list[Dated] = []
    for i in range(len(years) - 1):
        (first, one), (last, other) = years[i], years[i + 1]
        if plain[first.end : last.start].strip() in r["year_range_marks"] and other - one + 1 == count:
            found = [replace(first, period=Period(year), text=f"{year}年") for year in range(one, other + 1)]
    for i in range(len(named) - 1):
        run = named[i : i + count]
        joined = all(plain[a.end : b.start].strip() in r["list_joiners"] for a, b in itertools.pairwise(run))
        if len(run) == count and joined and run[0].period and (year := run[0].period.year):
            found = [
                d if not d.period or d.period.year else replace(d, period=replace(d.period, year=year)) for d in run
            ]
    return found
