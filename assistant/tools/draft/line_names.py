"""The names of product lines: the short forms a line is also asked by (天工 of 天工系列, 交流桩 of 交流充电桩),
and the sentence's adverbs cut from a name (门锁依然 -> 门锁).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.reader import rules


def line_stems(name: str, traditional: Callable[[str], str]) -> list[str]:
    """天工 of 天工系列: a line named with a series word is also asked for without it; 汽车 and 汽车行业 of
    汽车行业客户: a group of customers, without the words for customers; 汽车客户 of it, without the middle
    word of a tail that ends with a shorter tail; 刻蚀机 of 刻蚀设备, its head said another way."""
    tails = [t for t in rules()["line_name_tails"] if name.endswith(t)]
    stems = [name[: len(name) - len(t)] for t in tails]
    stems += [name[: len(name) - len(t)] + short for t in tails for short in tails if len(short) < len(t)]
    heads = rules()["line_head_variants"].items()  # 刻蚀机 of 刻蚀设备
    stems += [name[: len(name) - len(h)] + other for h, others in heads if name.endswith(h) for other in others]
    return [form for stem in dict.fromkeys(stems) if len(stem) >= 2 for form in (stem, traditional(stem))]


def abbreviates(short: str, long: str, entity_forms: Collection[str] = ()) -> bool:
    """交流桩 for 交流充电桩, 储能 for 储能系统: the same first two characters, the rest in order; 海运货代 for
    国际海运货代: the longer name with a word before it; 门锁 for 智能门锁: with a plain modifier before it
    (`line_modifiers`; 视觉 is no short 机器视觉), or with the industry word of a company's name before it
    (主粮 for 宠物主粮 in an article on 芮贝宠物)."""
    if len(short) >= len(long):
        return False
    modifier = long[: -len(short)]
    industry = len(modifier) >= 2 and any(form.endswith(modifier) for form in entity_forms)
    if long.endswith(short) and (len(short) >= 3 or modifier in rules()["line_modifiers"] or industry):
        return True
    if short[:2] != long[:2]:
        return False
    rest = iter(long[2:])
    return all(c in rest for c in short[2:])


def without_function_tail(name: str) -> str:
    """门锁依然 -> 门锁, 扫地机器人虽然 -> 扫地机器人: an adverb or a conjunction the name ends with, told by
    its first English sense (`function_senses`), is the sentence's, not the name's."""
    function = set(rules()["function_senses"])
    cut = True
    while cut:
        cut = False
        for size in (3, 2, 1):
            tail = name[-size:]
            if len(name) > size + 1 and (senses().get(tail) or [""])[0] in function:
                name, cut = name[:-size], True
                break
    return name


def right_before(plain: str, hit: tuple[int, int, Any], position: int) -> bool:
    """A line or region written right before a figure names it, in a list too (包括印尼212家、马来西亚143家)."""
    between = plain[hit[1] : position]
    return not between or between in rules()["figure_links"]
