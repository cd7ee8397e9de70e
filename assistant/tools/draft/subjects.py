"""The company a drafted figure is about, from the companies its sentence names."""

from __future__ import annotations

import re
from typing import Any

from assistant.tools.draft.compared import compared_at
from assistant.tools.draft.measures import Mention
from assistant.tools.draft.reader import clause_bounds, rule_pattern, rules, simplified


def subject_of(
    plain: str, position: int, orgs: list[Mention], state: dict[str, Any], main: str, known: frozenset[str]
) -> str:
    """The company a figure is about: named before it in its clause; 公司 is the article's own company;
    else the company its part of the sentence (between semicolons) opens with, else the sentence's; else
    one named after the figure in its clause; 其 (not 其中), 該公司, 它 and an unnamed subject are the company
    in question. A company of the vocabulary (`known`) counts only when it opens the figure's clause, or
    follows a rival word there (行业龙头宁德时代2024年营收…), or reports a dated figure of its own
    (以低成本見稱的春秋航空2024年營收…); elsewhere it is a platform, a client or a
    supplier (在亚马逊上的评分); one opening an earlier clause of the sentence is its subject there too
    (長榮海運第三季合併營收912.6億元,EPS 2.86元)."""
    start, end = clause_bounds(plain, position)
    if re.fullmatch(r"[\d.年月日号]+", plain[start:end].strip(" ,，")) and end < len(plain):
        end = clause_bounds(plain, end + 1)[1]  # 2020年,公司成立子公司…: a date alone opens the clause after it
    rivals = tuple(simplified(w) for w in rules()["rival_words"])
    dated = re.compile(rule_pattern("name_dated_figure"))  # 以低成本見稱的春秋航空2024年營收…: its own figure
    orgs = [m for m in orgs if m[2] not in known or _opens(plain[start : m[0]], rivals) or _reports(plain, m, dated)]
    own = [ident for s, e, ident in orgs if start <= s and e <= position]
    if own:
        return own[-1]
    orgs = [
        m
        for m in orgs
        if m[2] not in known or _opens(plain[clause_bounds(plain, m[0])[0] : m[0]], rivals) or _reports(plain, m, dated)
    ]
    for word in rules()["not_pointing"]:  # 其中, 其他: no 其 that points at a company
        plain = plain.replace(simplified(word), "\0" * len(simplified(word)))
    head = plain[start:position]
    if any(word in head for word in rules()["own_company_words"]) and not any(
        word in head for word in rules()["pointing_words"]
    ):
        return main
    before = [(s, e, ident) for s, e, ident in orgs if e <= position]
    before = [m for m in before if not compared_at(plain, m[0], m[1])] or before  # 与华新水泥相比,华岳建材的…
    part = max(plain.rfind(";", 0, position), plain.rfind("；", 0, position))  # 锐沃全年营收41.6亿元,毛利率36.2%
    in_part = [m for m in before if m[0] > part]
    if before and state["org"] and _holds_the_pointed(plain, before[-1], position):
        return str(state["org"])  # 衡江银行持有其51%的股份,该公司…净利润: the company 其 and 该公司 point at
    if before:
        return through_subsidiaries(plain, in_part or before)
    if any(simplified(word) in plain[:position] for word in rules()["naming_pointers"]):
        return str(state.get("named") or state["org"] or main)  # 该研究所, a paragraph after it is named
    if any(word in plain[:position] for word in rules()["pointing_words"]):
        return str(state["org"] or main)
    if any(word in plain[:position] for word in rules()["own_company_words"]):
        return main  # 2021年7月,公司登陆科创板,上市后市值…: the clause before names the company
    after = [ident for s, e, ident in orgs if position <= s < end]  # its own clause: 其余由嘉融保险认购 is another's
    return after[0] if after else str(state["org"] or main)


def through_subsidiaries(plain: str, named: list[Mention]) -> str:
    """The company a sentence is about: the first it names, or the subsidiary that one leads to
    (芯衡科技旗下AI子公司芯衡智算完成B轮融资: 芯衡智算; 瀚洋持股70%的瀚港碼頭: 瀚港碼頭)."""
    links = [simplified(w) for w in rules()["subsidiary_links"]]
    held = re.compile(rules()["held_link"])  # 瀚洋持股70%的瀚港碼頭: the company held
    chosen = named[0]
    for mention in named[1:]:
        gap = plain[chosen[1] : mention[0]]
        if any(link in gap for link in links) or held.search(gap):
            chosen = mention
    return chosen[2]


def _reports(plain: str, mention: Mention, dated: re.Pattern[str]) -> bool:
    """Whether a name is followed by a period and a figure of its own (春秋航空2024年營業收入約200億元)."""
    return dated.match(plain[mention[1] : mention[1] + 40]) is not None


def _opens(before: str, rivals: tuple[str, ...]) -> bool:
    """Whether a name stands at the start of its clause, or right after a word that introduces a rival."""
    before = before.strip(" ,，;；:：")
    return not before or before.endswith(rivals)


def glosses_as_named(plain: str, orgs: list[Mention]) -> list[Mention]:
    """衡江金融租赁(Hengjiang Financial Leasing): a name in brackets right after a company's name (its kind
    word too) glosses that company; read alone it may be another's (Hengjiang is also the bank's name)."""
    kept: list[Mention] = []
    for start, end, ident in orgs:
        if kept and re.fullmatch(r"[\u4e00-\u9fff]{0,4}\s*[(（][^()（）]*", plain[kept[-1][1] : start]):
            ident = kept[-1][2]  # where it is written still counts (瀚岳持有騰基載板(Tengji Substrate)28.6%股權)
        kept.append((start, end, ident))
    return kept


def _holds_the_pointed(plain: str, holder: Mention, position: int) -> bool:
    """X持有其51%的股份,该公司…: X holds the company in question, which a pointer after it names again."""
    verbs = tuple(simplified(v) + "其" for v in rules()["holdings"]["holder_verbs"])
    pointers = [w for w in rules()["pointing_words"] if w != "其"]
    return plain.startswith(verbs, holder[1]) and any(w in plain[holder[1] : position] for w in pointers)


def no_subject(plain: str, start: int, end: int) -> bool:
    """A name that is no subject of its sentence's figures: one that only tells where something comes from
    (据智研研究院统计, 企查查显示), or the company's former self (集团前身为1982年创立的晟丰人寿,1999年…挂牌:
    the group listed, under that name)."""
    r = rules()
    clause = plain[clause_bounds(plain, start)[0] : start]
    return (
        any(plain[:start].endswith(w) for w in r["source_before"])
        or any(plain.startswith(w, end) for w in r["source_after"])
        or any(w in clause for w in r["former_self_before"])
    )
