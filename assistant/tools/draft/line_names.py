"""The names of product lines: the short forms a line is also asked by (天工 of 天工系列, 交流桩 of 交流充电桩),
and the sentence's adverbs cut from a name (门锁依然 -> 门锁).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

import regex

from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.reader import rules, simplified


def line_stems(name: str, traditional: Callable[[str], str]) -> list[str]:
    """天工 of 天工系列: a line named with a series word is also asked for without it; 汽车 and 汽车行业 of
    汽车行业客户: a group of customers, without the words for customers; 汽车客户 of it, without the middle
    word of a tail that ends with a shorter tail; 刻蚀机 of 刻蚀设备, its head said another way; 卖风机 of 风机销售,
    the line said with its verb (`line_verb_forms`)."""
    tails = [t for t in rules()["line_name_tails"] if name.endswith(t)]
    stems = [name[: len(name) - len(t)] for t in tails]
    stems += [name[: len(name) - len(t)] + short for t in tails for short in tails if len(short) < len(t)]
    stems += [verb + name[: -len(t)] for t, verb in rules()["line_verb_forms"].items() if name.endswith(t)]  # 卖风机
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


def right_before(plain: str, hit: tuple[int, int, Any], position: int, measure: re.Pattern[str] | None = None) -> bool:
    """A line or region written right before a figure names it, in a list too (包括印尼212家、马来西亚143家),
    also with the words of a `measure` between (电池、配件及智能硬件收入21.51亿元)."""
    between = plain[hit[1] : position]
    links = ("", *rules()["figure_links"])
    named = measure.match(between) if measure is not None and between else None
    return between in links or (named is not None and between[named.end() :] in links)


def inside_a_name(plain: str, at: int, end: int, forms: Iterable[str]) -> bool:
    """产险 of 晟丰产险税后净利: whether the words at:end stand inside one of the company names `forms`."""
    for form in (f for f in forms if len(f) > end - at):
        found = plain.find(form, max(0, end - len(form)), at + len(form))
        if 0 <= found <= at and end <= found + len(form):
            return True
    return False


def line_glosses(body: str, names: list[str], clean: Callable[[str], str]) -> dict[str, str]:
    """设计类软件（CAD）: the other name of a line written in brackets after it, whichever of the two the
    article also calls a line -> the line's name it is kept under (the Chinese one when both are)."""
    glosses: dict[str, str] = {}
    for match in re.finditer(r"([\u4e00-\u9fff]{2,8})[（(]([A-Za-z][A-Za-z0-9 -]{0,15})[）)]", body):
        chinese, latin = clean(match.group(1)), match.group(2).strip()
        if chinese in names and chinese not in glosses:
            glosses[latin] = chinese
        elif latin in names and chinese and latin not in glosses:
            glosses[chinese] = latin
    return glosses


def listed_with_lines(
    paragraph: str, match: regex.Match[str], found: list[tuple[regex.Match[str], str]], is_metric: Callable[[str], bool]
) -> bool:
    """直营门店收入12.83亿元;加盟渠道收入27.41亿元;电商渠道收入…: a name holding a measure's word (门店) is a line
    when its sentence lists it so beside names that are lines by the same words."""
    ends = rules()["sentence_ends"]
    start = max(paragraph.rfind(e, 0, match.start()) for e in ends) + 1
    stops = [i for i in (paragraph.find(e, match.end()) for e in ends) if i >= 0]
    end = min(stops, default=len(paragraph))
    return any(
        other is not match and start <= other.start() < end and name and not is_metric(name) for other, name in found
    )


def list_item(plain: str, start: int, position: int, metric_words: Collection[str]) -> int:
    """Where the list item a figure ends starts in its clause (其中直营门店612家、加盟门店4606家: at 加盟门店), when
    the items are figures and it names a thing of its own besides its measure's words; else `start` (、毛利率
    18.3% names none; 醫療器材、電商服務…收入合計18.0億元 and 摄像头(含门铃、猫眼)收入 list no figures)."""
    seps = list(re.finditer(f"[{rules()['list_separators']}]", plain[start:position]))
    item = start + seps[-1].end() if seps else 0
    if not item or not re.search(r"\d+(?![\d.]*\s*年)", plain[start:item]):  # a figure, not a year (2024年…及)
        return start
    text = re.sub(r"[^\u4e00-\u9fff]", "", plain[item:position])
    for word in sorted((*metric_words, *(simplified(w) for w in rules()["filler"])), key=len, reverse=True):
        text = text.replace(word, "")
    return item if len(text) >= 2 else start


def bare_stem(name: str, body: str, lines: Collection[str], taken: Callable[[str], bool]) -> tuple[str, str] | None:
    """刻蚀 of 刻蚀设备: a line named by a general head (`generic_heads`: 设备, 系统, 服务) is also asked for by
    the words before it, with that head's English word (equipment) for its English name, when the article
    writes them alone (布局刻蚀与薄膜沉积两条产品线) and they are no word of the language, or are written
    alone beside another line's words (刻蚀与薄膜沉积). `taken`: words that name something else (a measure, a
    region, a company, another line). Returns the stem and the head."""
    head = next((h for h in rules()["generic_heads"] if name.endswith(h) and len(name) - len(h) >= 2), None)
    if head is None:
        return None
    stem = name[: -len(head)]
    if taken(stem):
        return None
    alone = [m for m in re.finditer(re.escape(stem), body) if not body.startswith(head, m.end())]
    if not alone:
        return None
    others = [n[:2] for n in lines if n != name and len(n) >= 2]
    joins = rules()["list_separators"]
    beside = any(
        (body[m.end() : m.end() + 1] in joins and body[m.end() + 1 : m.end() + 3] in others)
        or (body[m.start() - 1 : m.start()] in joins and body[m.start() - 3 : m.start() - 1] in others)
        for m in alone
    )
    return (stem, head) if beside or stem not in senses() else None


def phrase_once(name: str, names: list[str]) -> bool:
    """A name said once is a line unless it reads as a phrase (导致疫苗 beside 疫苗; 确认, 也, 二季度)."""
    modifiers = rules()["line_modifiers"]
    if any(name.endswith(other) and name[: -len(other)] not in modifiers for other in names if other != name):
        return False  # 跨境空运 beside 空运 is the line and its short name
    return not any(simplified(w) in name for w in rules()["segment_stop_words"])


def called_a_line(matched: str, name: str, metric_words: Collection[str]) -> bool:
    """门店销售业务: a name the article itself calls a line (业务, 板块) is one although it holds a metric
    word, unless it is one or ends or begins with a long one (净利润业务, 毛利率上升主要 are no lines)."""
    line_words = [simplified(w) for w in rules()["line_words"]]
    ends = (*line_words, *rules()["line_call_ends"])  # 风机销售仍是…的绝对主力
    called = matched.endswith(ends) and not any(w in name for w in line_words)
    long_words = tuple(w for w in metric_words if len(w) >= 3)
    return called and name not in metric_words and not (name.endswith(long_words) or name.startswith(long_words))
