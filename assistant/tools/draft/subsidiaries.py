"""Subsidiaries by their place, as readers name them (德国子公司, the Singapore subsidiary): the article
introduces one as 德国子公司岚拓欧洲, or names one with its place (瀚岳马来西亚, 澜星海运(新加坡)私人有限公司)
right after 子公司. The places are the vocabulary's regions; the words are data (rules.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assistant.tools.draft.reader import rules, simplified


def place_names(
    body: str, names: Mapping[str, str], places: Mapping[str, list[str]], main: str
) -> list[tuple[str, str]]:
    """(entity id, alias) pairs: 德国子公司 and German subsidiary for the subsidiary the article so calls.
    `names`: an entity's simplified name -> its id; `places`: a region's simplified names -> its English
    words (Germany, German); `main`: the article's own company, which is no one's subsidiary."""
    plain = simplified(body)
    words = "|".join(re.escape(simplified(w)) for w in rules()["subsidiary_words"])
    found: dict[tuple[str, str], None] = {}
    for name, ident in sorted(names.items(), key=lambda item: -len(item[0])):
        if ident == main or len(name) < 2:
            continue
        for match in re.finditer(rf"([\u4e00-\u9fff]{{2,5}}?)?(?:{words})[「“\"]?{re.escape(name)}", plain):
            before = match.group(1) or ""
            place = next((p for p in places if before.endswith(p)), "") or next((p for p in places if p in name), "")
            if not place:
                continue
            found[(ident, f"{place}子公司")] = None
            for english in places[place]:
                found[(ident, f"{english} subsidiary")] = None
            for kind in (k for k in rules()["site_kinds"] if simplified(k) in name):  # 日本研究所, the Japan lab
                found[(ident, f"{place}{simplified(kind)}")] = None
    return list(found)


def regions(vocabulary: Mapping[str, Mapping[str, Any]]) -> dict[str, list[str]]:
    """The vocabulary's regions by their simplified Chinese names, each with its English words (德国: Germany,
    German): the lines named after a country or a continent, not 国内 or 海外."""
    places: dict[str, list[str]] = {}
    for concept in vocabulary.values():
        english = str(concept.get("names", {}).get("en", "")).removeprefix("the ")
        if concept.get("kind") != "segment" or not english[:1].isupper():
            continue
        words = [english, *(a for a in concept.get("aliases", []) if a.isascii() and " " not in a)]
        for name in [*concept.get("names", {}).values(), *concept.get("aliases", [])]:
            if not str(name).isascii() and not str(name).endswith(("市场", "市場")):
                places.setdefault(simplified(str(name)), list(dict.fromkeys(words)))
    return places
