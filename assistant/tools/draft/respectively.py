"""Figures given respectively (营收和净利润分别为48.62亿元和3.1亿元): the n-th measure listed before 分别
is the n-th figure's after it. Changes given so (分别同比增长15.8%和11.2%) have no level a fact could
hold: they are dropped rather than filed as one figure's change and another's value.
"""

from __future__ import annotations

import itertools
from typing import Any

from assistant.tools.draft.reader import Figure, rules, scan_words


def respectively(plain: str, figures: list[Figure], words: dict[str, Any]) -> list[Figure]:
    """The figures of a sentence (`plain`: its plain form), those given respectively named by their
    measure (`Figure.named_metric`), respective changes left out."""
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
