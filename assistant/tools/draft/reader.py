"""Reading an article for `assistant draft`: metadata lines, sentences, dates, figures and names.

Everything here is a guess for a person to review; the keyword tables are data (rules.yaml).
Matching runs on a simplified-script copy of each sentence of the same length, so every span found
there slices the original text verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from assistant.lang.normalize import to_simplified
from assistant.lang.numbers import Number
from assistant.pack.figures import base_unit, range_upper
from assistant.pack.paths import bundled_root
from assistant.tools.draft.figure import Figure

_DATE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?"
    r"(?:\s*(?P<month>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*[日号])?"
    r"|\s*第?(?P<quarter>[一二三四1-4])\s*季度|\s*(?P<half>[上下])半年)?(?P<edge>底|末|初|中)?"
    r"|(?<![\d.])(?P<month2>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day2>3[01]|[12]\d|0?[1-9])\s*[日号])?(?P<edge2>底|末|初)?"
    r"|(?<![\d.])(?P<day3>3[01]|[12]\d|0?[1-9])\s*[日号]"
)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


@lru_cache(maxsize=4)
def shipped(name: str) -> dict[str, Any]:
    """A YAML file shipped with the drafting tool (rules.yaml, glossary.yaml), read once."""
    text = resources.files("assistant.tools.draft").joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def rules() -> dict[str, Any]:
    """The keyword tables of drafting (assistant/tools/draft/rules.yaml)."""
    return shipped("rules.yaml")


@lru_cache(maxsize=1)
def language() -> dict[str, Any]:
    """The engine's language knowledge (intents/language.yaml), read once: the period words the draft dates
    figures with and the word lists it shares with the engine (the words that open a clause of cause)."""
    loaded: dict[str, Any] = yaml.safe_load((bundled_root() / "intents" / "language.yaml").read_text(encoding="utf-8"))
    return loaded


def rule_pattern(key: str) -> str:
    """A pattern of rules.yaml with `(?&period)` written out: one period grammar for the patterns that let a
    period stand after a name (启洁科技今年前三季度营业收入…)."""
    r = rules()
    return str(r[key]).replace("(?&period)", r["period_after_name"])


# Full-width punctuation, digits and letters (，；：（）％１) as their ASCII forms, one character for one: most
# Chinese articles write them so, and the rules are written with the ASCII forms.
_HALF_WIDTH = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
)


def half_width(text: str) -> str:
    """`text` with its full-width punctuation, digits and letters in ASCII, same length."""
    return text.translate(_HALF_WIDTH)


def simplified(text: str) -> str:
    """A simplified-script copy of `text` with the same length (character by character if need be), its
    full-width punctuation in ASCII."""
    converted = to_simplified(text)
    if len(converted) != len(text):
        converted = "".join(to_simplified(c)[:1] or c for c in text)
    return half_width(converted)


def plain_form(text: str) -> str:
    """Simplified script and lower case, same length as `text`."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in simplified(text))


def word_table(words: dict[str, Any]) -> dict[str, Any]:
    """Keys in the plain form (simplified script, lower case), longest first, for matching against a
    sentence's plain form: MCU收入 is found in 2024年,mcu收入…"""
    table = {plain_form(k): v for k, v in words.items()}
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@dataclass(frozen=True)
class Date:
    """A date in a sentence: its span, canonical period (2024, 2025Q1, 2024-12) and its text."""

    start: int
    end: int
    period: str | None
    text: str
    year_only: bool


def dates_in(sentence: str) -> list[Date]:
    found = []
    for m in _DATE.finditer(simplified(sentence)):
        text = sentence[m.start() : m.end()]
        if m.group("year"):
            year = m.group("year")
            if m.group("month"):
                period = f"{year}-{int(m.group('month')):02d}"
                if m.group("day"):
                    period += f"-{int(m.group('day')):02d}"
            elif m.group("quarter"):
                quarter = m.group("quarter")
                period = f"{year}Q{_QUARTERS.get(quarter, quarter)}"
            else:
                period = year
            plain = not (m.group("month") or m.group("quarter") or m.group("half") or m.group("edge"))
            found.append(Date(m.start(), m.end(), period, text, plain))
        else:
            found.append(Date(m.start(), m.end(), None, text, False))
    return found


def sentences(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a sentence ends after 。!? and keeps its characters exactly."""
    ends = re.escape(rules()["sentence_ends"])
    pattern = re.compile(f"[^{ends}]+(?:[{ends}]+[」』”’)]*)?|[{ends}]+")
    return [
        (m.start(), paragraph[m.start() : m.end()])
        for m in pattern.finditer(half_width(paragraph))
        if m.group().strip()
    ]


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """The clause (between , ; : and sentence ends) around `position`; a comma between digits (1,086家) is
    part of a number, not the end of a clause."""
    ends = set(rules()["clause_ends"])
    sentence = half_width(sentence)
    position = max(0, min(position, len(sentence)))

    def ends_at(i: int) -> bool:
        digits = sentence[i] == "," and 0 < i < len(sentence) - 1
        return sentence[i] in ends and not (digits and sentence[i - 1].isdigit() and sentence[i + 1].isdigit())

    start = position
    while start > 0 and not ends_at(start - 1):
        start -= 1
    end = position
    while end < len(sentence) and not ends_at(end):
        end += 1
    return start, end


def scan_words(text: str, table: dict[str, Any]) -> list[tuple[int, int, Any]]:
    """Leftmost-longest occurrences of the table's words in simplified `text`: (start, end, value)."""
    found, i = [], 0
    lengths = sorted({len(w) for w in table}, reverse=True)
    while i < len(text):
        for length in lengths:
            piece = text[i : i + length]
            if len(piece) == length and piece in table and _latin_bounded(text, i, i + length):
                found.append((i, i + length, table[piece]))
                i += length
                break
        else:
            i += 1
    return found


def _latin_bounded(text: str, start: int, end: int) -> bool:
    """A word beginning or ending with a Latin letter is no part of a longer Latin word (gmv not in gmvx)."""
    latin = "abcdefghijklmnopqrstuvwxyz"
    return not (
        (text[start] in latin and start > 0 and text[start - 1] in latin)
        or (text[end - 1] in latin and end < len(text) and text[end] in latin)
    )


def _word_after(table: str, plain: str, end: int) -> tuple[int, str | None]:
    """Where the text goes on after the first word of rules' `table` at `end`, and its canonical form."""
    for word, canonical in word_table(rules()[table]).items():
        if plain.startswith(word, end):
            return end + len(word), canonical
    return end, None


def _per_unit(plain: str, end: int, unit: str) -> tuple[int, str]:
    """16.32元/公斤, 0.9元/Wh: a unit per another is one unit of its own (a price per kilogram is no price)."""
    for mark in rules()["per_unit_marks"]:
        if plain.startswith(mark, end):
            after, per = _word_after("per_units", plain, end + len(mark))
            if per:
                return after, f"{unit}/{per}"
    return end, unit


def read_figure(sentence: str, plain: str, number: Number) -> Figure:
    """Approximation words, scale, unit and a change word around one number."""
    start, end, value = number.start, number.end, number.value
    unit = scale = approx = None
    if number.tenths:
        unit = "%"
    links = ["", *rules()["approx_links"]]
    for word, canonical in word_table(rules()["approx_before"]).items():
        link = next((link for link in links if plain[:start].endswith(word + link)), None)
        if link is not None:  # 约4.2%, and 约为4.2% with its link
            start, approx = start - len(word + link), canonical
            break
    if not number.tenths:
        end, after = _word_after("approx_after", plain, end)
        approx = approx or after
        end, scale = _word_after("scales", plain, end)
        if scale and not approx:  # 28万多台: the word after the scale
            end, approx = _word_after("approx_after", plain, end)
        end, unit = _word_after("units", plain, end)
        if unit:
            end, unit = _per_unit(plain, end, unit)
    if not approx:  # 300家以上, 四成以上, 9900家左右
        end, approx = _word_after("approx_trailing", plain, end)
    figure = Figure(number, start, end, value, unit, scale, approx)
    before = plain[:start]
    if before.endswith("了"):
        before = before[:-1]
    change = change_ending(before)
    if change is not None:
        figure.change_sign, figure.change_start = change
    return figure


def change_ending(before: str) -> tuple[int, int] | None:
    """(sign, start) of the change word that ends `before` (plain form), if any: a word of change_words
    (同比下降), or a one-character verb after a change adverb (同比大增, 骤降), a comparison (同比增3.3%, 按年跌)
    or a clause break (52,380车次,增4.6%); either with change adverbs before it (净减少386人, 大幅下降)."""
    r = rules()
    adverbs = tuple(plain_form(a) for a in r["change_adverbs"])
    leading = (*adverbs, *(plain_form(a) for a in r["net_change_words"]))
    words, verbs = word_table(r["change_words"]), word_table(r["change_short_verbs"])
    found = next(((len(before) - len(w), int(sign)) for w, sign in words.items() if before.endswith(w)), None)
    bases = (*adverbs, *(plain_form(w) for w in r["change_bases"]), ",", "，", ";", "；")
    verb = next((v for v in verbs if before.endswith(v) and before[: -len(v)].endswith(bases)), None)
    if found is None and verb is None:
        return None
    start, sign = found or (len(before) - len(str(verb)), int(verbs[str(verb)]))
    if before[start : start + 1] in "年季月" and before[start - 1 : start].isdigit():
        start += 1  # 较2023年增长: 年 ends the year, 增长 is the change (not 年增长, a Taiwan word of change)
    while before[:start].endswith(leading):
        start -= len(next(a for a in leading if before[:start].endswith(a)))
    return sign, start


def join_ranges(plain: str, figures: list[Figure], words: Collection[str]) -> list[Figure]:
    """26%至27%, 8000至1万台, 3至6亿元: two figures a range word joins are one, from the first to the second.
    The second's unit is the first's too, and so is its scale when the first is the smaller number (3至6亿元:
    3亿; 8000至1万台: 8000 units); neither is a change (增长46%至2.38亿元 is a change, then a level), and a range of
    rates of change (增长约6.3%至10.9%) is one change (调涨300元至1万9,200元 is a change, then a level)."""
    joined: list[Figure] = []
    for figure in figures:
        last = joined[-1] if joined else None
        joins = last is not None and half_width(plain[last.end : figure.start]) in words and not figure.change_sign
        if joins and last and last.change_sign and last.unit == figure.unit and last.unit in ("%", "個百分點"):
            last.upto, last.end = figure.value, figure.end
            continue
        if joins and last and last.upto is None and not last.change_sign and last.unit in (None, figure.unit):
            last.scale, last.upto = range_upper(last.value, last.scale, figure.value, figure.scale)
            last.unit, last.end = figure.unit, figure.end
            last.hints.append("a range: one figure from its lower end to its upper end")
            continue
        joined.append(figure)
    return joined


@lru_cache(maxsize=1)
def _per_unit_end() -> re.Pattern[str]:
    prefixes = "|".join(re.escape(p) for p in sorted(rules()["per_unit_prefixes"], key=len, reverse=True))
    return re.compile(f"(?:{prefixes})[\u4e00-\u9fff]{{0,4}}$")


def per_unit_before(before: str) -> bool:
    """Whether the words before a measure's name make it a measure per unit: a per_unit_prefixes word right
    before it, or before a line's name that is (每公里路费收入: toll revenue per kilometre). Compiled once: it is
    asked for every measure word of every figure."""
    return bool(_per_unit_end().search(before))


def moved_to(before: str) -> bool:
    """Whether the words before a figure say it is the level a measure moved to (进一步降至, 由上年的24.5%
    升至): the measure of the figure before it, dated with the running period."""
    return bool(re.search(rules()["level_to"], simplified(half_width(before))))


def unit_kind(unit: str | None) -> str | None:
    """Money in any currency is one kind (元, 美元, and 元/公斤: money per kilogram), and so are the units of
    power, energy and weight (`unit_kinds`); other units are their own kind."""
    base = base_unit(unit)
    kinds = rules()["unit_kinds"]  # 1.1GW and 620MW are one kind: the items of one list of capacities
    return "money" if base in rules()["money_units"] else next((k for k, units in kinds.items() if base in units), unit)


def attach_changes(sentence: str, figures: list[Figure], is_metric_word: Callable[[str], bool]) -> list[Figure]:
    """Fold each change (同比下降9.73%) into the figure it qualifies; the figures left are the candidates."""
    kept = [f for f in figures if not f.change_sign]
    levels = [f for f in kept if f.event is None]
    last: tuple[Figure, int] | None = None  # the figure the change before qualified, and where it ended
    for change in (f for f in figures if f.change_sign and f.upto is None):  # a range of change: no one figure's
        target = _qualified(sentence, change, levels, is_metric_word)
        if last is not None and _next_change(sentence[last[1] : change.change_start]):
            target = last[0]  # 月减3.1%、年减18.5%: two changes of one figure, on two bases
        compatible = target is not None and (change.unit in ("%", "個百分點") or change.unit == target.unit)
        if target is not None and compatible:
            stated = {
                "value": change.value * change.change_sign,
                "unit": change.unit or "%",
                **({"approx": change.approx} if change.approx else {}),
                "written": sentence[change.change_start : change.end],
            }
            if target.change is None:
                target.change = stated
            elif last is not None and target is last[0]:
                target.more_changes.append(stated)
            last = (target, change.end)
        # a change with no level to qualify (合计营收年增超过80%, 较上年底增加250人) is no level of its own:
        # never filed as one (it would answer "revenue share" with 80%, or the year before with 250)
    return sorted(kept, key=lambda f: f.start)


def _next_change(gap: str) -> bool:
    """Whether only a separator (and comparison words such as 较上季) stand between two changes."""
    gap = re.sub(r"[\s,,，、;；和及与與]|但|仍|也", "", simplified(half_width(gap)))
    for word in sorted(rules()["change_gap_words"], key=len, reverse=True):
        gap = gap.replace(simplified(word), "")
    return not gap


def _past_prior_value(sentence: str, before: list[Figure]) -> Figure:
    """The figure a change right after a prior value belongs to: 净额为3.05亿元,上年为7.41亿元,同比减少近六成
    is 3.05's change (7.41 is the year before it, said in passing), not 7.41's; so is 58.6%,较2023年的64.2%
    减少5.6个百分点 (64.2 is the base it is compared with)."""
    if len(before) < 2:
        return before[-1]
    between = simplified(half_width(sentence[before[-2].end : before[-1].start]))
    between = re.sub(r"[\s,,，、]|\([^()]{0,12}\)", "", between)  # 38.62億元(下同),較2023年的33.47億元
    r = rules()
    base = f"(?:{r['change_gap_dated']})(?:的|时的|末的)?"
    return before[-2] if re.fullmatch(f"{r['prior_value_words']}|{base}", between) else before[-1]


def _names_again(sentence: str, figure: Figure, words: str) -> bool:
    """Whether `words` (亏损额) name again the measure written right before a figure in its clause (净亏损),
    leaving out the amount word a measure's name may end with."""
    core = words[:-1] if words.endswith(tuple(rules()["amount_ends"])) else words
    clause = re.split(r"[,,，;;。]", simplified(half_width(sentence[: figure.start])))[-1]
    return len(core) >= 2 and core in clause


def _qualified(
    sentence: str, change: Figure, levels: list[Figure], is_metric_word: Callable[[str], bool]
) -> Figure | None:
    """The figure a change belongs to: the one right before it (only comparison words such as 较上年 in
    between), else the one shortly after it in the same clause (同比增长31.6%,达到27.45亿元)."""
    before = [f for f in levels if f.end <= change.change_start]
    if before:
        gap = re.sub(r"[\s,,、]", "", simplified(sentence[before[-1].end : change.change_start]))
        gap = re.sub(r"[(（][^()（）]{0,24}[)）]", "", gap)  # 223.04亿元(约新台币1004亿元),年增27.6%
        gap = re.sub(rules()["change_gap_dated"], "", gap)  # 较2024年底: a dated comparison base
        for word in sorted(rules()["change_gap_words"], key=len, reverse=True):
            gap = gap.replace(simplified(word), "")
        if not gap:
            return _past_prior_value(sentence, before)
        if is_metric_word(gap):  # 净亏损12.16亿元,上年为亏损19.58亿元,亏损额同比收窄37.9%: the loss named again
            target = _past_prior_value(sentence, [f for f in before if _names_again(sentence, f, gap)] or before[-1:])
            return target if _names_again(sentence, target, gap) else None
    after = [f for f in levels if f.start >= change.end]
    if after:
        gap = half_width(sentence[change.end : after[0].begins])
        if re.search(rules()["prior_value_words"], simplified(gap)):
            return None  # 年增27.6%,前一年则为174.8亿元: the year before is no level this change reached
        if len(gap) <= 6 and not is_metric_word(gap) and not set(gap) & set(";;。!?!?"):
            return after[0]
    return None


def fits(metric: str, figure: Figure) -> bool:
    """A metric word names a figure of its kind: 股权 a percentage, 营收 an amount (or its share), 每股收益
    an amount per share, never one in 萬 or 億 (稅後純益14.85億元、EPS 0.98元); a multiple (净负债/EBITDA约7.3倍)
    only a multiple's; a role (總經理的考核指標,權重由15%提高至25%) no figure."""
    r, kind = rules(), unit_kind(figure.unit)
    if metric in r["who_measures"] or (kind == "倍" and metric not in r["multiple_metrics"]):
        return False
    wanted = r["metric_units"].get(metric)
    if metric in r["per_share_metrics"]:
        return (kind == "money" and not figure.scale) or figure.unit in r["per_share_units"]  # 0.98元, 53.2港仙
    allowed = wanted if isinstance(wanted, list) else [wanted]  # 家 or 間 (a Hong Kong shop count)
    return wanted is None or kind in allowed or (kind == "%" and metric in r["share_of"])
