"""Names of companies in an article's text: a name before a company word (聯影醫療, 有限公司), one a word
introduces (竞争对手北辰能源), other names of a brand already found (澜拓智充 beside 澜拓电气) and capitalised
Latin names, kept when the article says them often enough. The words are data (rules.yaml).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection
from typing import Any

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.compared import compared_at, compared_names
from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.name_ends import (
    brand_names,
    cuts_a_period,
    made_of_words,
    reads_as_words,
    starts_inside_a_word,
    word_kept_whole,
)
from assistant.tools.draft.reader import rule_pattern, rules, simplified

# not a unit written after a number or a slash (314Ah, 1.3元/Wh)
_LATIN_NAME = re.compile(r"(?<![A-Za-z\d/.])[A-Z][a-z]+(?:[A-Z][a-z]*)*(?:\s+[A-Z][A-Za-z]+)*(?![A-Za-z])")
_FIGURE_NEXT = re.compile(r"[^\d。;,，；]{0,6}\d")  # a figure follows within a few characters
_LATIN_TAIL = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*$")


def find_names(body: str, known: Collection[str], metric_words: Collection[str] = ()) -> Counter[str]:
    """Names of companies and the like: 2-4 characters (or a Latin word) before a suffix such as 醫療 or
    公司, or a capitalised Latin name; kept when seen twice, or once with a legal suffix (有限公司), right
    after a word that introduces a name (竞争对手北辰能源) or followed by a measure of its own
    (`metric_words`, simplified: 翼禾科技2024年销量约7.4万架)."""
    r = rules()
    counts: Counter[str] = Counter()
    reports = _reports_pattern(r, metric_words)
    for suffix in sorted(r["entity_suffixes"], key=len, reverse=True):
        for match in re.finditer(re.escape(suffix), body):
            _suffixed_name(body, match.start(), suffix, counts, r, reports)
    brand_names(body, counts, r)
    _introduced_names(body, counts, r)
    shorts = _called_shorts(body, r)  # 下称「禾岸宠物」: named before any name is known to be a company
    described = described_names(body)  # 以华东为主场的锦川酒店: a rival the sentence names, beside the one reporting
    _reporting_names(body, counts, r, metric_words, shorts | described)
    _listed_names(body, counts, r)
    _parallel_names(body, counts, r, shorts)
    _glossed_names(body, counts, r)
    compared_names(body, counts, r)
    for name in described:
        counts[name] = max(1, body.count(name))
    terms = set(r["latin_terms"])
    for match in _LATIN_NAME.finditer(body):  # a Latin word named once (SaaS) is a term, not a company
        if body.count(match.group()) >= 2 and match.group() not in terms and match.group().lower() not in metric_words:
            counts[match.group()] = body.count(match.group())
    category = set(r["category_chars"])  # 设计类软件: a kind of software, not a company
    for name in list(counts):
        if simplified(name).lower() in known or not _stands_alone(body, name, counts) or category & set(name):
            del counts[name]
    return counts


# 露玛酒店(Lumastay Hotels): a Chinese name and its Latin one, a word of letters (not GaN, FBA: terms)
_LATIN_GLOSS = r"[（(]([A-Z][a-z]{2,}(?:[A-Za-z0-9&.'’\- ]{0,40}[A-Za-z0-9.])?)[）)]"
GLOSSED = re.compile(r"([\u4e00-\u9fff]{2,})" + _LATIN_GLOSS)
# 「瀾星海運(新加坡)私人有限公司」(LanStar Singapore): a quoted name, brackets and all, and its Latin name
QUOTED_GLOSSED = re.compile(r"[「“\"]([^「」“”\"]{2,30})[」”\"]" + _LATIN_GLOSS)
# PinDa Global Pte. Ltd.(聘達國際): a Latin name, and in brackets the Chinese name the article uses
LATIN_GLOSSED = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z0-9&'’.\- ]{2,60}?)\s*[（(]([\u4e00-\u9fff]{2,8})[）)]")


def glossed_name(run: str, r: dict[str, Any]) -> str:
    """The name a Latin gloss follows (品牌露玛酒店(Lumastay Hotels): 露玛酒店): the characters after the last
    word that leads a name, at most six, no word of the language and no person (林振豪(Daniel Lim))."""
    leads = [*r["name_intro_words"], *r["name_gloss_leads"], *r["person_titles"]]  # 首席执行官林振豪: a person
    head = run[:-2]  # 公司 ending 某某公司 leads nothing: a name keeps two characters at least
    cut = max((head.rfind(w) + len(w) for w in leads if w in head), default=0)
    name = after_kind(run[cut:])[-6:]
    stops = set(r["name_stops"])
    name = name[max(name.rfind(c) for c in stops) + 1 :]  # 熱潮的晟輪車業(Shenglun Cycles): 晟輪車業
    person = len(name) <= 3 and name[:1] in r["surnames"]
    if len(name) < 2 or person or simplified(name) in senses():
        return ""
    return name


def after_kind(run: str) -> str:
    """The name after the kind of business written before it (载板厂腾基载板: 腾基载板; 货柜航运股澜星海运:
    澜星海运), keeping two characters at least; a run with no such kind as it is."""
    kinds = [m.end() for m in re.finditer(rules()["gloss_kind_end"], run[:-2])]
    return run[kinds[-1] :] if kinds else run


def _glossed_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """A name with its Latin name in brackets (露玛酒店(Lumastay Hotels)) is a company's or a brand's."""
    for match in GLOSSED.finditer(body):
        name = glossed_name(match.group(1), r)
        if any(w in simplified(name) for w in r["name_report_words"]):
            continue  # 每间可售房收入(RevPAR): a measure and its Latin name, no company
        inside = any(name in known for known in counts) and not _stands_alone(body, name, counts)
        if name and not inside and not any(known in name for known in counts):  # 瀾星海運 beside its 瀾星海運(新加坡)…
            counts[name] = max(1, body.count(name))


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


def _reports_pattern(r: dict[str, Any], metric_words: Collection[str]) -> re.Pattern[str]:
    """What follows a name that reports a figure of its own: a year or the like, then a measure word."""
    words = sorted({*r["name_report_words"], *metric_words}, key=len, reverse=True)
    return re.compile(rule_pattern("name_report_lead") + "(?:" + "|".join(re.escape(w) for w in words) + ")")


def _suffixed_name(
    body: str, at: int, suffix: str, counts: Counter[str], r: dict[str, Any], reports: re.Pattern[str]
) -> None:
    """The name ending with the suffix found at `at` (聯影醫療), counted when seen twice, or once with a
    legal suffix or right after a word that introduces a name."""
    if body[at + len(suffix) : at + len(suffix) + 1] in r["suffix_word_ends"]:
        return  # 基石投資者: an investor, not a company called 基石投資
    not_names = list(r["not_names"])
    found = _name_options(body, at, suffix, set(r["name_stops"]), r["strong_suffixes"])
    intro = r["name_intro_words"]
    options = [
        o
        for o in found
        if o != suffix
        and not any(n in o[: -len(suffix)] for n in not_names)
        and not any(o.endswith(n) for n in not_names if len(n) >= 3)  # 冷链子公司: a subsidiary
        and not any(w in o[: -len(suffix)] for w in intro if len(w) >= 2)
        and not any(
            o.startswith(w) and o[len(w) :] in found for w in intro if len(w) == 1
        )  # 如华为科技; 如意半导体 stays
        and not any(w in o[: -len(suffix)] for w in r["name_cut_words"] if len(w) >= 2)  # 管理层预计公司毛利率
        and not reads_as_words(body, at + len(suffix) - len(o), o, suffix in r["strong_suffixes"])
        and not starts_inside_a_word(body, at + len(suffix) - len(o), r["name_stops"])
    ]
    if not options:
        return
    end = at + len(suffix)
    stops = re.escape("".join(r["name_stops"]))
    kinds = tuple(r["kind_of_group_words"])
    after = body[end : end + 20]
    grouped = suffix in kinds or after.startswith(kinds)
    after = after[len(next((k for k in kinds if after.startswith(k)), "")) :]
    legal = re.match(rf"[^\s{stops}]{{2,12}}?(?:{'|'.join(r['strong_suffixes'])})", after)
    if grouped and legal and not legal.group().startswith(tuple(r["entity_suffixes"])):
        return  # 牙科醫療(集團)澄明醫療集團有限公司: the kind of group the legal name after it is

    def introduced_at(option: str) -> bool:
        compared = compared_at(simplified(body), end - len(option), end)  # 与…的鸿鹄教育相比: a peer
        return compared or any(body[: end - len(option)].endswith(w) for w in r["name_intro_words"])

    uses = {
        o: sum(body[m.end() : m.end() + 1] not in r["suffix_word_ends"] for m in re.finditer(re.escape(o), body))
        for o in options
    }
    best = max(options, key=lambda o: (introduced_at(o), uses[o], len(o)))
    if simplified(best[: -len(suffix)]) in senses():
        best = max(options, key=len)  # 酒店集团 is no name: 恒舍酒店集团 is
    after = simplified(body[end : end + 24])
    reported = reports.match(after)  # 恒晟微电子2024年营收56亿元: a measure, then its figure
    reported = reported if reported and _FIGURE_NEXT.match(after, reported.end()) else None
    dated = re.match(rule_pattern("name_dated_figure"), after)  # 恒舍酒店集团2024年在营酒店约1.12万家: its own figure
    if (
        uses[best] >= 2  # 貨櫃航運廠瀚興海運 is no use of 貨櫃航運 as a name
        or introduced_at(best)
        or reported
        or (dated and any(best.endswith(s) for s in r["group_suffixes"]))
        or any(best.endswith(s) for s in r["strong_suffixes"])
    ):
        counts[best] = uses[best]


def _introduced_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """竞争对手东海航联: four characters right after a word that introduces a rival, named again later; or,
    named once, the whole run of characters up to the next stop or number (行业龙头蜜雪冰城2024年, 另一对手古茗的),
    when it is no word of the language (竞争对手增多 names no one)."""
    stops = set(r["name_stops"])
    for word in r["rival_words"]:
        for match in re.finditer(re.escape(word), body):
            name = body[match.end() : word_kept_whole(body, match.end() + 4)]
            if (
                len(name) >= 4
                and not set(name) & stops
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and not cuts_a_period(body, match.end(), match.end() + len(name))
                # named again, or by its first two characters when no word (對手智聯招聘…, later 智聯近年)
                and (body.count(name) >= 2 or (body.count(name[:2]) >= 2 and simplified(name[:2]) not in senses()))
                and not any(name in known or known in name for known in counts)
                and not any(w in simplified(name) for w in r["name_report_words"])  # 子公司稅後淨利: a measure
            ):
                counts[name] = body.count(name)
                continue
            run = CJK_RUN.match(body, match.end())
            text = run.group() if run else ""
            plain = simplified(text)
            ends = (*r["measure_leaders"], *r["name_report_words"])
            cuts = [plain.index(w) for w in ends if len(w) >= 2 and w in plain]
            period = re.compile(r["period_after_name"]).search(plain, 2)  # 嶸通前三季稅後淨利: 嶸通
            cuts += [period.start()] if period else []
            text = text[: min(cuts)] if cuts else text  # 龙头飞羚电动全年销量: the name ends where a period begins
            name = "".join(itertools.takewhile(lambda c: c not in stops, text))
            weak = word in r["weak_rival_words"] and not _FIGURE_NEXT.match(body, match.end() + len(name))
            if (
                not weak
                and 2 <= len(name) <= r["rival_name_max"]
                and not set(name) & stops
                and simplified(name) not in senses()
                and not any(n in name for n in r["not_names"])
                and not any(name in known or known in name for known in counts)
            ):
                counts[name] = max(1, body.count(name))


def _reporting_names(
    body: str, counts: Counter[str], r: dict[str, Any], metric_words: Collection[str], shorts: set[str]
) -> None:
    """A bare name reporting a measure only a company has, in a sentence naming another company or after one
    speaking of peers (放到同行里比: 万国数据2024年营收…, though made of words): a rival compared (…檸町的門店數
    已超過4.1萬家;主打中高端路線的茶舍鹿門店約6800家). It starts after a stop,
    never after another name's 的 (檸町的直營門店), is no word of the language nor made of words, and
    the measure has a figure right after it; nor the first part of a measure word (归母 of 归母净利润) or a
    word that only leads a measure (录得, 彼时)."""
    stops, peers = set(r["name_stops"]), [simplified(w) for w in r["peer_words"]]
    loose = [n for n in r["not_names"] if n not in r["peer_name_words"]]  # 世纪互联 after 同行
    words = sorted(r["rival_report_words"], key=len, reverse=True)
    sentences = re.split(r"[。!?!?\n]", body)
    for sentence, before_it in zip(sentences, ["", *sentences], strict=False):
        plain = simplified(sentence)
        others = [n for n in {*counts, *shorts} if n in sentence]

        joined = simplified(before_it) + plain  # 放到同行里比…。万国数据2024年营收…: where peers are spoken of
        peer = min((joined.find(w) - len(before_it) for w in peers if w in joined), default=len(plain))
        if not (others or peer < len(plain)) or len(plain) != len(sentence):
            continue
        found = [(m, w) for w in words for m in re.finditer(rule_pattern("report_period") + re.escape(w), plain)]
        found += [  # 申港精密2024年清洗设备收入: a period, a line, then the measure
            (m, w)
            for w in r["rival_line_report_words"]
            for m in re.finditer(rule_pattern("report_period_line") + re.escape(w), plain)
        ]
        for match, word in found:
            at = start = match.start()  # the name ends where the period before the measure begins
            while start > 0 and at - start < 5 and plain[start - 1] not in stops:
                start -= 1
            name, before = sentence[start:at], plain[:start]
            if (
                2 <= len(name) <= 4
                and (start == 0 or plain[start - 1] in stops)
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and _FIGURE_NEXT.match(plain, match.end())
                and not (before.endswith("的") and any(before[:-1].endswith(simplified(o)) for o in others))
                and (others or peer < start)  # after the words speaking of peers, not before them
                and ((peer < start and len(name) == 4) or not made_of_words(simplified(name)))  # 万国数据
                and not any(plain.startswith(m, start) for m in metric_words if len(m) > len(word))
                and not any(w in plain[max(0, start - 2) : at] for w in r["report_leads"])  # 其中悦肤汇
                and not any(n in simplified(name) for n in (loose if peer < start else r["not_names"]))
                and not simplified(name).startswith(tuple(r["own_company_words"]))  # 集團內勤員工: the group's
                and not any(name in o or o in name for o in others)
            ):
                counts[name] = max(1, body.count(name))


def _listed_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """Names listed before a word that says they are companies (沛能等專業品牌, 甲、乙等厂商): each item
    after a stop, no word of the language nor made of words."""
    stops = set(r["name_stops"]) - {"、"}
    plain = simplified(body)
    if len(plain) != len(body):
        return  # positions in the simplified text must be those of the article's own
    for match in re.finditer(r["listed_as_companies"], plain):
        start = match.start()
        while start > 0 and match.start() - start < 16 and body[start - 1] not in stops:
            start -= 1
        for name in body[start : match.start()].split("、"):
            if (
                2 <= len(name) <= r["rival_name_max"]
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and not made_of_words(simplified(name))
                and not any(n in simplified(name) for n in r["not_names"])
                and not any(name in known or known in name for known in counts)
            ):
                counts[name] = max(1, body.count(name))


def _called_shorts(body: str, r: dict[str, Any]) -> set[str]:
    """The short names an article gives companies (下称「禾岸宠物」), before any is known to be one."""
    called = "|".join(re.escape(w) for w in r["called_words"])
    called_shorts = re.findall(rf"(?:{called})[“\"「『]?([\u4e00-\u9fff]{{3,8}})[”\"」』]", body)
    # 有限公司(「錦窖包裝」): a short name quoted right after a legal name
    quoted = re.findall(r"(?:公司|集团|集團)[((][“\"「『]([\u4e00-\u9fff]{3,8})[”\"」』][)]", body)
    terms = r["name_report_words"]  # 归属于…的净利润(下称“归母净利润”): a term the article defines, no company
    return {name for name in (*called_shorts, *quoted) if not any(w in simplified(name) for w in terms)}


def _parallel_names(body: str, counts: Counter[str], r: dict[str, Any], shorts: set[str]) -> None:
    """A name written once in parallel with a company found or given a short name (下称「禾岸宠物」): after
    a stop, ending in the same company or industry word and followed by the same character (铠诺智能以约
    14.5%的份额位居第一,筑岚智能以约11.8%…): a company of that kind too, when its head is no word."""
    stops = set(r["name_stops"])
    anchors = {*counts, *shorts}
    for sentence in re.split(r"[。!?！？\n]", body):
        for found in [n for n in anchors if n in sentence and CJK_RUN.fullmatch(n[-2:])]:
            after = sentence.index(found) + len(found)
            follower, suffix = sentence[after : after + 1], found[-2:]
            for match in re.finditer(re.escape(suffix + follower), sentence):
                start = match.start() - 2
                head = sentence[max(0, start) : match.start()]
                name = head + suffix
                if (
                    follower
                    and len(head) == 2
                    and (start == 0 or sentence[start - 1] in stops)
                    and all("\u4e00" <= c <= "\u9fff" for c in head)
                    and not set(head) & stops
                    and not made_of_words(simplified(head))
                    and not any(name in n or n in name for n in anchors | set(counts))
                    and not any(n in head for n in r["not_names"])
                ):
                    counts[name] = max(1, body.count(name))


def described_names(body: str, found: Collection[str] = ()) -> set[str]:
    """Rivals the article describes before naming (主打高端会所的锐途健身(约3.8%), 以自助健身房为主的力图健身
    门店超过1,050家, 同样主打团课的锋芒运动去年…): a name of 2-4 characters after a describing word and 的,
    followed by what a company does or reports; and names `found` right after a rival word (对手澄碧电机):
    names although their words are the language's."""
    r = rules()
    plain = simplified(body)
    rivals = [simplified(w) for w in r["rival_words"]]
    named = {n for n in found if any(w + simplified(n) in plain for w in rivals)}
    for name in found:  # 与在西南布局多年的鸿鹄教育相比: a peer compared with, although its words are the language's
        spots = re.finditer(re.escape(simplified(name)), plain)
        named |= {name} if any(compared_at(plain, m.start(), m.end()) for m in spots) else set()
    if len(plain) != len(body):
        return named
    describing = "|".join(re.escape(w) for w in r["rival_describing"])
    follows = "|".join(re.escape(w) for w in sorted(r["rival_follows"], key=len, reverse=True))
    name = r"的([\u4e00-\u9fff]{2,4}?)"  # 同样以经济型为主的云栈酒店,2024年收入…: a comma may come first
    comma = "|".join(re.escape(w) for w in r["rival_follows_comma"])  # 启衡医药,其同类产品…
    period = rule_pattern("period_after_name")  # 同样以远洋航线为主的金帆航运第三季营收…
    pattern = rf"(?:{describing})[^,，。;；:：!?！？]{{0,16}}{name}(?=[,，]?(?:{period}|{comma})|{follows})"
    stops = set(r["name_stops"])
    for match in re.finditer(pattern, plain):
        name = body[match.start(1) : match.end(1)]
        measures = [*r["rival_report_words"], *r["name_report_words"]]
        if (
            not set(simplified(name)) & stops
            and simplified(name) not in senses()
            and not any(m in simplified(name) for m in measures)
        ):
            named.add(name)
    return named


def _name_options(body: str, at: int, suffix: str, stops: set[str], strong: list[str]) -> list[str]:
    latin = _LATIN_TAIL.search(body[:at])
    if latin:
        return [latin.group() + suffix]
    if suffix in strong:
        start, inside = at, False  # inside a bracket (澜序(日本)研究所株式会社): a place, any character
        while (
            start > 0
            and at - start < 16
            and not body[start - 1].isspace()  # a paragraph's first name starts after its line break
            and (inside or body[start - 1] not in stops or body[start - 1] in "()()")
        ):
            inside = body[start - 1] in ")）" or (inside and body[start - 1] not in "(（")
            start -= 1
        lead = max(0, start - 4)  # 對手朗峰…: also a cut word the stop before the name splits (對 stops, 手 not)
        window = body[lead:at]
        cuts = [lead + window.rindex(w) + len(w) for w in rules()["name_cut_words"] if w in window]
        prefix = body[max([start, *cuts]) : at]
        prefix = _after_kind(prefix, tuple(rules()["kind_of_group_words"]), tuple(rules()["entity_suffixes"]))
        return [prefix + suffix] if len(prefix) >= 2 else []
    cut = [w for w in rules()["name_cut_words"] if len(w) >= 2]  # 同业泰胜航空: no name starts inside 同业
    starts = [at - n for n in (2, 3, 4) if at >= n]
    prefixes = [body[b:at] for b in starts if not any(w in body[max(0, b - len(w) + 1) : b + len(w) - 1] for w in cut)]
    return [p + suffix for p in prefixes if not set(p) & stops and not any(c.isdigit() or c.isascii() for c in p)]


def _after_kind(prefix: str, groups: tuple[str, ...], suffixes: tuple[str, ...]) -> str:
    """牙科醫療集團澄明醫療集團(有限公司): a kind of group written before the name is no part of it; the name
    starts after the last group word that leaves a name of its own (澄明醫療集團), not inside it (上海醫藥集團)."""
    cuts = [p for p in range(4, len(prefix) - 3) if prefix[:p].endswith(groups) and not prefix[p:].startswith(suffixes)]
    return prefix[cuts[-1] :] if cuts else prefix
