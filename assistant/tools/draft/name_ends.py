"""Where a name found in running text starts and ends: never inside a word (瀚岳马来|西亚, 新增|新能源) or a
period (瀚嶸鋼第|三季, 前三季度公司); and other names of a brand already found (澜拓智充 beside 澜拓电气)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.reader import rule_pattern, rules, simplified


def cuts_a_period(body: str, start: int, end: int) -> bool:
    """Whether the name body[start:end] ends inside a period written after it (瀚嶸鋼第 of 瀚嶸鋼第三季, 嶸通前三
    of 嶸通前三季): its last one or two characters begin a period that goes on past it."""
    period = re.compile(rules()["period_after_name"])
    for tail in (1, 2):
        found = period.match(simplified(body[end - tail : end + 6])) if end - tail > start + 1 else None
        if found and found.end() > tail:
            return True
    return False


def word_kept_whole(body: str, end: int) -> int:
    """The end of a four-character name moved past the word its last two characters begin (瀚岳马来|西亚:
    瀚岳马来西亚), so a name never cuts a word in two."""
    rest = simplified(body[end - 2 : end + 2])
    return end - 2 + max((k for k in range(3, len(rest) + 1) if rest[:k] in senses()), default=2)


def brand_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """Other names of a brand already found (澜拓电气 -> 澜拓智充, 澜拓欧洲): the brand's first two characters
    and two more, seen twice or right after a word that introduces a name (子公司澜拓欧洲); never when the
    brand is a word of the language (加盟), and only after 子公司 or the like when the two more are one
    (门店, 海外)."""
    stops = set(r["name_stops"])
    brands = {name[:2] for name in counts if len(name) >= 4 and all("\u4e00" <= c <= "\u9fff" for c in name[:2])}
    for brand in brands:
        for match in re.finditer(re.escape(brand), body):
            name = body[match.start() : word_kept_whole(body, match.start() + 4)]
            if (
                len(name) < 4
                or set(name) & stops
                or cuts_a_period(body, match.start(), match.start() + len(name))  # 瀚嶸鋼第|三季: no brand
                or any(name in known for known in counts)
                or any(c.isdigit() or c.isascii() for c in name)
            ):
                continue
            introduced = any(body[: match.start()].endswith(w) for w in r["name_intro_words"])
            strongly = any(body[: match.start()].endswith(w) for w in r["rival_words"])  # 子公司澜拓欧洲
            if simplified(brand) in r["provinces"]:
                continue  # 江苏海晟投资… opens with a province, no brand: 江苏两省 is no company
            if simplified(brand) in senses() or (simplified(name[2:]) in senses() and not strongly):
                continue  # 加盟商销 (加盟 is a word, no brand); 云屿门店 (门店 is a word, and nothing introduces it)
            if body.count(name) >= 2 or introduced:
                counts[name] = body.count(name)


@cache
def _period_after_name() -> re.Pattern[str]:
    return re.compile(rule_pattern("period_after_name"))


_COUNT_OPENING = re.compile(r"[一二两三四五六七八九十几数多]+[条个家座项只间所]")


def reads_as_words(body: str, start: int, name: str, legal: bool) -> bool:
    """A count (三条控股), a period before a company word (前三季度公司, 季度公司 of 前三季度公司), or one character
    before words of the language (末清洁能源 of 年末清洁能源): a sentence read as a name, not a company's name."""
    plain, period = simplified(name), _period_after_name()
    if _COUNT_OPENING.match(plain):
        return True  # 三条控股路段: a count of things, not a company 三条控股
    for back in range(min(start, 3) + 1):  # a period begun before the name may run into it
        found = period.match(simplified(body[start - back : start + len(name)]))
        if found and found.end() - back >= 2:
            return True
    return not legal and len(plain) >= 4 and made_of_words(plain[1:]) and not made_of_words(plain)  # 西门子医疗 stays


def starts_inside_a_word(body: str, start: int, stops: str) -> bool:
    """Whether a name's first character ends a word begun before it (新增|新能源: 增新能源 is no name)."""
    before = body[start - 1 : start] if start > 0 else ""
    if not before or before in stops or before.isspace():
        return False
    return simplified(body[start - 1 : start + 1]) in senses()


def made_of_words(text: str) -> bool:
    """Whether the text is a word of the language or splits into words of two characters or more."""
    if text in senses():
        return True
    return any(text[:cut] in senses() and made_of_words(text[cut:]) for cut in range(2, len(text) - 1))


def brand_of(name: str) -> str:
    """The first two characters of a company's name when they are a brand a reader may write alone (千帆 of
    千帆微电子), not a word of the language; "" otherwise."""
    brand = simplified(name)[:2]
    return brand if CJK_RUN.fullmatch(brand) and brand not in senses() else ""
