"""How the figures of one sentence relate as parts: a share right after a figure is that measure's share; a
list item a figure ends names its own part; the rest (其余2.23亿元收入来自团餐配送和出口等业务) is a part, never
the whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from assistant.tools.draft.measures import Drafted, Measures, Mention
from assistant.tools.draft.reader import clause_bounds, moved_to, plain_form, rules, scan_words, simplified

_PART = re.compile(r"[\u4e00-\u9fff]+")  # 原材料及易耗品成本: a name of Chinese words only


def company_wide(plain: str, position: int, metric: str) -> bool:
    """Whether a figure is of the whole company, out of reach of a line named before it: a company measure
    (经营现金流), or a measure its clause names as the shareholders' (而上半年股东应占溢利为6.45亿元)."""
    start, _ = clause_bounds(plain, position)
    return metric in rules()["company_measures"] or any(w in plain[start:position] for w in rules()["owners_words"])


def revenue_ratios(vocabulary: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Measure -> the measure that is its share of revenue: the vocabulary's ratios over revenue (人工成本率 of
    staff costs, 净利率 of net profit) and the draft rules' `share_named_by`."""
    computed = {cid: c.get("computed") or {} for cid, c in vocabulary.items()}
    found = {
        str(c["of"]): cid for cid, c in computed.items() if (c.get("operation"), c.get("over")) == ("ratio", "revenue")
    }
    return found | dict(rules()["share_named_by"])


def shares_named(drafted: list[Drafted], ratios: Mapping[str, str]) -> list[Drafted]:
    """A share right after a figure of another measure is that measure's share, unless its own clause names
    what it is a share of (燃料成本占营业成本比重, `shares_of_parts`): one with a ratio of its own
    becomes that measure (研发费用为1.8亿元,占营收比例约2.1%: rd_intensity); any other is tagged with it
    (研发人员为1138人,占员工总数的比例约为72%: a staff share of rd_staff)."""
    r = rules()
    out = list(drafted)
    for i in range(1, len(out)):
        before, one = out[i - 1], out[i]
        if one.metric not in r["share_of"].values() or one.segment or _has_part(one) or before.figure.unit == "%":
            continue
        if before.metric in ratios and one.metric == r["share_of"]["revenue"]:
            out[i] = replace(one, metric=ratios[before.metric])
        elif before.metric not in r["share_of"] and before.metric != one.metric:
            out[i] = replace(one, of=before.metric)
    return out


def shares_of_parts(
    plain: str, drafted: list[Drafted], measures: Measures, ratios: Mapping[str, str], orgs: list[Mention]
) -> list[Drafted]:
    """原材料及易耗品成本佔收益比重由39.1%降至37.8%: a share of revenue whose clause names what it is a share of
    before 占 is that measure's ratio (`ratios`), else the share tagged with it, the measure new when the
    vocabulary lacks it; a figure of the same measure right after it (2024年則為8.3%) is the same share."""
    share, shares = rules()["share_of"]["revenue"], set(rules()["share_of"].values())  # 燃料成本占营业成本比重: any
    out = list(drafted)
    for i, one in enumerate(out):
        if one.metric not in shares or _has_part(one) or one.segment:
            continue
        start, _ = clause_bounds(plain, one.figure.begins)
        at = max(plain.rfind(w, start, one.figure.begins) for w in rules()["share_base_words"])
        words = _share_words(plain[start:at]) if at > start else ""
        if words and not any(start <= s < at for s, _, _ in orgs):
            part = _part_measure(words, measures)
            if part:
                ratio = one.metric == share and part in ratios
                out[i] = replace(one, metric=ratios[part]) if ratio else replace(one, of=part)
        elif (
            i
            and out[i - 1].figure.unit == "%"
            and (out[i - 1].of or out[i - 1].metric in ratios.values())
            and _follows(one)
        ):
            out[i] = replace(one, metric=out[i - 1].metric, of=out[i - 1].of)
    return out


def _has_part(one: Drafted) -> bool:
    """Whether a share already says what it is a share of, besides the whole it is taken of (its base)."""
    return bool(one.of) and one.of != one.figure.share_base


def _share_words(head: str) -> str:
    """The words a clause opens with before 占, its opening fillers and links cut (而员工成本: 员工成本)."""
    words = head.strip(" ,;，；")
    for word in sorted(map(simplified, [*rules()["part_words"], *rules()["contrast_words"]]), key=len, reverse=True):
        words = words.removeprefix(word)
    return words if 2 <= len(words) <= 12 and _PART.fullmatch(words) else ""


def _part_measure(words: str, measures: Measures) -> str | None:
    """The measure words name: the vocabulary's or the draft's when they end with one, else a new one."""
    hits = scan_words(plain_form(words), measures.words)
    tails = tuple(rules()["share_part_tails"])  # 物业租金及相关开支: rent
    if hits and (hits[-1][1] == len(words) or words[hits[-1][1] :] in tails):
        ident = str(hits[-1][2])
        return None if ident in rules()["share_of"].values() or ident == "revenue" else ident  # 前五大客户销售额
    heads = tuple(rules()["measure_heads"])  # 原材料及易耗品成本 is a measure; 第三方项目 (占在管面积) is no measure
    return None if hits or not simplified(words).endswith(heads) else measures.new_metric(words)


def _follows(one: Drafted) -> bool:
    """Whether a figure was read as the same measure as the figure before it (2024年則為8.3%)."""
    return "the same measure as the figure before it" in one.figure.hints  # the hint analysis gives it


def list_item_named(plain: str, position: int) -> bool:
    """Whether the list item a figure ends (、及其他市场131家) names something of its own before it."""
    start = clause_bounds(plain, position)[0]
    items = re.split(f"[{rules()['list_separators']}]", plain[start:position])
    item = items[-1]
    if len(items) < 2 or re.search(rules()["prior_value_words"], item) or moved_to(item):
        return False  # 较上年的6.08亿元, 降至: the measure and line of the figure before it
    for word in sorted(rules()["filler"], key=len, reverse=True):
        item = item.replace(simplified(word), "")
    return len(re.sub(r"[^\u4e00-\u9fff]", "", item)) >= 2


def remainder_word(plain: str, position: int) -> str:
    """The word for the rest that opens a figure's clause (其余2.23亿元收入…), '' if none: such a figure is a
    part of the whole, never the whole."""
    head = plain[clause_bounds(plain, position)[0] : position].lstrip(",;，；")
    return next((w for w in map(simplified, rules()["remainder_words"]) if head.startswith(w)), "")


def part_of_the_last(plain: str, metric: str, value: str | None, measures_before: list[str]) -> str:
    """其中,煤电1038.7亿千瓦时 right after 公司完成上网电量1286.4亿千瓦时。: a figure no measure word names (only a
    `value`) in a sentence opening with 其中 is a part of the measure the sentence before ended on."""
    opens = plain.lstrip(",;:， ").startswith(tuple(rules()["part_words"]))
    return measures_before[-1] if metric == value and opens and measures_before else metric
