"""How the figures of one sentence relate as parts: a share right after a figure is that measure's share; a
list item a figure ends names its own part; the rest (其余2.23亿元收入来自团餐配送和出口等业务) is a part, never
the whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.tools.draft.measures import Drafted
from assistant.tools.draft.reader import clause_bounds, moved_to, rules, simplified


def shares_named(drafted: list[Drafted]) -> list[Drafted]:
    """A share right after a figure of another measure is that measure's share: one the rules name becomes
    its own measure (研发费用为1.8亿元,占营收比例约2.1%: rd_intensity); any other is tagged with it
    (研发人员为1138人,占员工总数的比例约为72%: a staff share of rd_staff)."""
    r = rules()
    out = list(drafted)
    for i in range(1, len(out)):
        before, one = out[i - 1], out[i]
        if one.metric not in r["share_of"].values() or one.segment or before.figure.unit == "%":
            continue
        if before.metric in r["share_named_by"] and one.metric == r["share_of"]["revenue"]:
            out[i] = replace(one, metric=r["share_named_by"][before.metric])
        elif before.metric not in r["share_of"] and before.metric != one.metric:
            out[i] = replace(one, of=before.metric)
    return out


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
