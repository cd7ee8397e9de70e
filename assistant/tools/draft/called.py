"""Where an article gives a company's full name and the short name it then uses (芯衡软件科技股份有限公司
(下称“芯衡科技”), 四川錦窖包裝科技有限公司(「錦窖包裝」)), with the English name or other short names the
brackets may add. Only the reading of the text; which entity each name is stays with `names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.tools.draft.name_finder import after_kind
from assistant.tools.draft.reader import rules, simplified

_ENGLISH = re.compile(r"(?:英文名称?|英文简称|English name)[::为]?\s*([A-Za-z][A-Za-z0-9&.\- ]{1,40}[A-Za-z0-9])")
# (DawnLeap Fitness Ltd,下稱…): an English name opening the brackets; …或「晨躍」: a shorter name too
_BARE_ENGLISH = re.compile(r"^\s*([A-Z][A-Za-z0-9&.'\- ]{1,60}[A-Za-z0-9.])\s*[,;]?\s*$")
_OTHERS = re.compile(r"(?:或|或者|及|和)[“\"「『]([^”\"」』),]{2,10})[”\"」』]")
_LEGAL = r"(?:[^\s,,。;;:“”\"(]|\([^()]{1,6}\))"  # 禾晖锂能(宜春)有限公司: a place in brackets is part of it


@dataclass(frozen=True)
class Called:
    """One full name and the short name the article calls the company by."""

    full: str  # the full name, without the words before it (国产EDA企业, 控股子公司)
    short: str
    english: str  # the English name the brackets give, or ""
    others: list[str]  # more short names (…或「晨躍」)
    start: int  # where the full name, words before it included, starts in the body
    lead: str  # the twelve characters before the full name (控股子公司…), simplified


def called_names(body: str) -> list[Called]:
    """Every full name given with the short name the article uses for it, in the order written."""
    words = "|".join(re.escape(w) for w in rules()["called_words"])
    pattern = (
        rf"({_LEGAL}{{4,30}}?)[((]([^()]{{0,60}}?)(?:{words})[“\"「『]?([^”\"」』)),]{{2,10}})"
        r"[”\"」』]?([^()]{0,40})[)]"
    )
    quoted = rf"({_LEGAL}{{4,30}}?)[((]()[“\"「『]([\u4e00-\u9fffA-Za-z0-9]{{2,10}})[”\"」』]()[)]"
    bare = rf"({_LEGAL}{{4,30}}?)[((]()([\u4e00-\u9fff]{{2,8}})()[)]"  # 瀚嶸鋼鐵工業股份有限公司(瀚嶸鋼)
    suffixes = tuple(simplified(w) for w in rules()["entity_suffixes"])
    bare_quoted = [m for m in re.finditer(quoted, body) if simplified(m.group(1)).endswith(suffixes)]
    bare_quoted += [
        m
        for m in re.finditer(bare, body)
        if simplified(m.group(1)).endswith(suffixes) and _abbreviates(m.group(3), m.group(1))
    ]
    cuts = sorted([*rules()["name_intro_words"], *rules()["name_cut_words"], "的"], key=len, reverse=True)
    found = []
    for match in [*re.finditer(pattern, body), *bare_quoted]:
        full, short = match.group(1), match.group(3)
        # (以下简称“澄岳机器人”,英文名Chengyue Robotics) or (英文名Huancheng Interactive…,下稱「幻澄互娛」)
        named = (
            _ENGLISH.search(match.group(4)) or _ENGLISH.search(match.group(2)) or _BARE_ENGLISH.search(match.group(2))
        )
        for word in cuts:  # 国产EDA企业芯衡…, 总部位于厦门的…品牌云屿…
            if (len(word) > 1 or word == "的") and word in full[:-4]:
                full = full[full.rindex(word, 0, len(full) - 4) + len(word) :]
        full = after_kind(full)  # 半導體封裝測試廠瀚岳封測(英文名…,簡稱Hanyue): 瀚岳封測
        if match.re.pattern == bare:  # 民營一貫作業鋼廠瀚嶸鋼鐵…(瀚嶸鋼): the name begins where its short name does
            full = full[_abbreviates(short, full) - 1 :]
        lead = simplified(body[max(0, match.start(1) - 12) : match.end(1) - len(full)])
        english = named.group(1).strip() if named else ""
        found.append(Called(full, short, english, _OTHERS.findall(match.group(4)), match.start(), lead))
    return found


def _abbreviates(short: str, full: str) -> int:
    """Where in `full` the short name begins, plus one, when its characters are there in order from its
    first one (瀚嶸鋼 in 民營一貫作業鋼廠瀚嶸鋼鐵工業股份有限公司) and leave a name of four characters at
    least; else 0 (no abbreviation: 公司(上市) is no short name)."""
    at = full.find(short[0])
    while 0 <= at <= len(full) - 4:
        rest = iter(full[at:])
        if all(c in rest for c in short):
            return at + 1
        at = full.find(short[0], at + 1)
    return 0
