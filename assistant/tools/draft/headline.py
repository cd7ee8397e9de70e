"""The company a headline names: the article's own company, although its body may name it in full only
once (去庫存一年見底 晟輪車業押注電輔車…)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.reader import rules, simplified


def title_name(title: str, body: str, known: Mapping[str, str]) -> str:
    """The name a part of the headline opens with (青禾電機營收增長…): its longest opening the body repeats
    (once less often when the first paragraph names it too). Of a headline in parts (去庫存一年見底 晟輪車業
    押注…), the part whose name's first two characters the body says most often."""
    parts = [p for p in re.split(rules()["title_parts"], title) if p]
    names = [n for n in (_opening_name(p, body, known) for p in parts) if n]
    return max(names, key=lambda n: body.count(n[:2]), default="")


def _opening_name(part: str, body: str, known: Mapping[str, str]) -> str:
    r = rules()
    stops = set(r["name_stops"])
    for length in range(6, 1, -1):
        name = part[:length]
        if (
            len(name) == length
            and not set(name) & stops
            and all("\u4e00" <= c <= "\u9fff" for c in name)
            and body.count(name) >= r["title_name_mentions"] - 2 * (name in body.split("\n", 1)[0])
            and name not in r["not_names"]
            and simplified(name).lower() not in known
            and simplified(name) not in senses()  # 补贴调整叠加价格战…: 补贴 is a word, no company
            and not simplified(name).endswith(tuple(r["measure_ends"]))  # 金价狂飙下的…: a price, no company
        ):
            return name
    return ""
