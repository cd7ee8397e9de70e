"""Names of companies in an article's text: a name before a company word (聯影醫療, 有限公司), one a word
introduces (竞争对手北辰能源), other names of a brand already found (澜拓智充 beside 澜拓电气) and capitalised
Latin names, kept when the article says them often enough. The words are data (rules.yaml).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.reader import rules, simplified

_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[A-Z][a-z]*)*(?:\s+[A-Z][A-Za-z]+)*(?![A-Za-z])")
_LATIN_TAIL = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*$")


def find_names(body: str, known: set[str]) -> Counter[str]:
    """Names of companies and the like: 2-4 characters (or a Latin word) before a suffix such as 醫療 or
    公司, or a capitalised Latin name; kept when seen twice, or once with a legal suffix (有限公司) or right
    after a word that introduces a name (竞争对手北辰能源)."""
    r = rules()
    counts: Counter[str] = Counter()
    for suffix in sorted(r["entity_suffixes"], key=len, reverse=True):
        for match in re.finditer(re.escape(suffix), body):
            _suffixed_name(body, match.start(), suffix, counts, r)
    brand_names(body, counts, r)
    _introduced_names(body, counts, r)
    for match in _LATIN_NAME.finditer(body):  # a Latin word named once (SaaS) is a term, not a company
        if body.count(match.group()) >= 2:
            counts[match.group()] = body.count(match.group())
    for name in list(counts):
        if simplified(name).lower() in known or not _stands_alone(body, name, counts):
            del counts[name]
    return counts


def _stands_alone(body: str, name: str, names: Counter[str]) -> bool:
    """Whether the name is written somewhere other than inside a longer name found (澄芯半导体 only inside
    无锡澄芯半导体装备股份有限公司 and 上海澄芯半导体 is part of those names, no company of its own)."""
    covered: set[int] = set()
    for longer in (n for n in names if name in n and n != name):
        for match in re.finditer(re.escape(longer), body):
            at = body.find(name, match.start(), match.end())
            while at >= 0:
                covered.add(at)
                at = body.find(name, at + 1, match.end())
    return any(m.start() not in covered for m in re.finditer(re.escape(name), body))


def _suffixed_name(body: str, at: int, suffix: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """The name ending with the suffix found at `at` (聯影醫療), counted when seen twice, or once with a
    legal suffix or right after a word that introduces a name."""
    if body[at + len(suffix) : at + len(suffix) + 1] in r["suffix_word_ends"]:
        return  # 基石投資者: an investor, not a company called 基石投資
    not_names = list(r["not_names"])
    options = [
        o
        for o in _name_options(body, at, suffix, set(r["name_stops"]), r["strong_suffixes"])
        if o != suffix
        and not any(n in o[: -len(suffix)] for n in not_names)
        and not any(o.endswith(n) for n in not_names if len(n) >= 3)  # 冷链子公司: a subsidiary
        and not any(w in o[: -len(suffix)] for w in r["name_intro_words"])
    ]
    if not options:
        return
    end = at + len(suffix)

    def introduced_at(option: str) -> bool:
        return any(body[: end - len(option)].endswith(w) for w in r["name_intro_words"])

    best = max(options, key=lambda o: (introduced_at(o), body.count(o), len(o)))
    reports = re.match(r["name_reports"], simplified(body[end : end + 8]))  # 恒晟微电子2024年营收56亿元
    if body.count(best) >= 2 or introduced_at(best) or reports or any(best.endswith(s) for s in r["strong_suffixes"]):
        counts[best] = body.count(best)


def _introduced_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """竞争对手东海航联: four characters right after a word that introduces a rival, named again later; or,
    named once, the whole run of characters up to the next stop or number (行业龙头蜜雪冰城2024年, 另一对手古茗的),
    when it is no word of the language (竞争对手增多 names no one)."""
    stops = set(r["name_stops"])
    for word in r["rival_words"]:
        for match in re.finditer(re.escape(word), body):
            name = body[match.end() : match.end() + 4]
            if (
                len(name) == 4
                and not set(name) & stops
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and body.count(name) >= 2
                and not any(name in known or known in name for known in counts)
            ):
                counts[name] = body.count(name)
                continue
            run = CJK_RUN.match(body, match.end())
            name = "".join(itertools.takewhile(lambda c: c not in stops, run.group())) if run else ""
            if (
                2 <= len(name) <= r["rival_name_max"]
                and not set(name) & stops
                and simplified(name) not in senses()
                and not any(n in name for n in r["not_names"])
                and not any(name in known or known in name for known in counts)
            ):
                counts[name] = max(1, body.count(name))


def brand_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """Other names of a brand already found (澜拓电气 -> 澜拓智充, 澜拓欧洲): the brand's first two characters
    and two more, seen twice or right after a word that introduces a name (子公司澜拓欧洲); never when the
    brand is a word of the language (加盟), and only after 子公司 or the like when the two more are one
    (门店, 海外)."""
    stops = set(r["name_stops"])
    brands = {name[:2] for name in counts if len(name) >= 4 and all("\u4e00" <= c <= "\u9fff" for c in name[:2])}
    for brand in brands:
        for match in re.finditer(re.escape(brand), body):
            name = body[match.start() : match.start() + 4]
            if (
                len(name) < 4
                or set(name) & stops
                or any(name in known for known in counts)
                or any(c.isdigit() or c.isascii() for c in name)
            ):
                continue
            introduced = any(body[: match.start()].endswith(w) for w in r["name_intro_words"])
            strongly = any(body[: match.start()].endswith(w) for w in r["rival_words"])  # 子公司澜拓欧洲
            if simplified(brand) in senses() or (simplified(name[2:]) in senses() and not strongly):
                continue  # 加盟商销 (加盟 is a word, no brand); 云屿门店 (门店 is a word, and nothing introduces it)
            if body.count(name) >= 2 or introduced:
                counts[name] = body.count(name)


def _name_options(body: str, at: int, suffix: str, stops: set[str], strong: list[str]) -> list[str]:
    latin = _LATIN_TAIL.search(body[:at])
    if latin:
        return [latin.group() + suffix]
    if suffix in strong:
        start = at
        while start > 0 and at - start < 16 and (body[start - 1] not in stops or body[start - 1] in "()()"):
            start -= 1
        prefix = body[start:at]
        for word in rules()["name_cut_words"]:
            if word in prefix:
                prefix = prefix[prefix.rindex(word) + len(word) :]
        return [prefix + suffix] if len(prefix) >= 2 else []
    options = []
    for length in (2, 3, 4):
        prefix = body[max(0, at - length) : at]
        if len(prefix) == length and not set(prefix) & stops and not any(c.isdigit() or c.isascii() for c in prefix):
            options.append(prefix + suffix)
    return options
