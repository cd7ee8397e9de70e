"""Companies an article compares its own with (与在西南布局多年的鸿鹄教育相比,蔚川教育的…): the peer is a
company although its words are the language's, and the figures after the comparison are the other's."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from assistant.tools.draft.reader import rules, simplified


def compared_at(plain: str, start: int, end: int) -> bool:
    """Whether the name at start:end of the simplified text is what a company is compared with (与在西南布局
    多年的鸿鹄教育相比,…)."""
    frame = rules()["compared_frame"]
    opens = re.search(frame["opens"], plain[max(0, start - 40) : start])
    return bool(opens and re.match(frame["closes"], plain[end : end + 12]))


def compared_names(body: str, counts: Counter[str], r: dict[str, Any]) -> None:
    """与在西南布局多年的鸿鹄教育相比: a company's name ending in a peer word, right before 相比."""
    ends = "|".join(re.escape(simplified(w)) for w in sorted({*r["peer_suffixes"], *r["entity_suffixes"]}, key=len))
    plain = simplified(body)
    if len(plain) != len(body):
        return
    for match in re.finditer(rf"([\u4e00-\u9fff]{{2,4}}?(?:{ends}))(?=相比|相较|比较)", plain):
        start = max(match.start(1), plain.rfind("的", 0, match.end(1)) + 1)
        name = body[start : match.end(1)]
        if 3 <= len(name) <= 8 and compared_at(plain, start, match.end(1)) and not any(name in n for n in counts):
            counts[name] = max(1, body.count(name))
