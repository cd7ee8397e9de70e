"""English names for drafted concepts: glossary words where the glossary knows them, pinyin for the rest.

A reader asking in English names an invented company the way its romanised name reads (澜拓电气 ->
"Lantuo Electric", or just "Lantuo") and a product line by its English words (直流桩业务 -> "DC charger
business"). Names that had to be romanised throughout are flagged for review.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from assistant.lang.scripts import CJK_RUN
from assistant.tools.draft.dictionary import senses
from assistant.tools.draft.reader import shipped, simplified

_SPACES = re.compile(r"\s+")
DICTIONARY_LONGEST = 6  # characters of the longest dictionary word tried


def glossary() -> dict[str, Any]:
    """The English words of drafting (assistant/tools/draft/glossary.yaml)."""
    return shipped("glossary.yaml")


def head_words(names: dict[str, str], allowed: Callable[[str], bool]) -> dict[str, str]:
    """Concept id -> the glossary word its name ends with, shorter than the name (整体平均利用率: 利用率;
    精密减速器: 减速器), what readers call a measure or a line for short; only heads `allowed` and ending
    exactly one of the names (总容积 and 新增冷库容积: 容积 names neither)."""
    owners = head_owners(names, allowed)
    return {found[0]: head for head, found in owners.items() if len(found) == 1}


def head_owners(names: dict[str, str], allowed: Callable[[str], bool]) -> dict[str, list[str]]:
    """Each glossary word some names end with (锂盐产量, 锂盐总产量: 产量), with the ids of those names."""
    words = glossary()["words"]
    owners: dict[str, list[str]] = {}
    for ident, name in names.items():
        plain = simplified(name)
        head = next((plain[i:] for i in range(1, len(plain) - 1) if plain[i:] in words), None)
        if head is not None and allowed(head):
            owners.setdefault(head, []).append(ident)
    return owners


def romanised(text: str) -> str:
    """Pinyin of the Chinese in `text`, one capitalised word per run: 澜拓 -> Lantuo."""
    from pypinyin import lazy_pinyin  # only when drafting: answering never needs it

    def run(match: re.Match[str]) -> str:
        return " " + "".join(lazy_pinyin(match.group())).capitalize() + " "

    return _SPACES.sub(" ", CJK_RUN.sub(run, text)).strip()


def readings(head: str, form: str) -> list[str]:
    """`form` with the other readings of a name's two-character head (晟瀚: Chenghan, also Shenghan), the
    first two of each character's: readers write whichever they know."""
    from pypinyin import Style, lazy_pinyin, pinyin

    usual = "".join(lazy_pinyin(head)).capitalize()
    if len(head) != 2 or not CJK_RUN.fullmatch(head) or usual not in form:
        return []
    options = [list(dict.fromkeys(p))[:2] for p in pinyin(head, heteronym=True, style=Style.NORMAL)]
    others = {"".join(c).capitalize() for c in itertools.product(*options)} - {usual}
    return [form.replace(usual, other) for other in sorted(others)]


def person(name: str) -> str:
    """A Chinese personal name in pinyin, surname first: 陆承泽 -> Lu Chengze."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    if len(syllables) < 2:
        return romanised(name)
    return f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}"


class English:
    """Translates names with the glossary."""

    def __init__(self) -> None:
        data = glossary()
        self.suffixes = {simplified(k): str(v or "") for k, v in data["company_suffixes"].items()}
        self.words = {simplified(k): str(v) for k, v in data["words"].items()}
        self.variants = {str(k): [str(v) for v in vs] for k, vs in (data.get("variants") or {}).items()}
        self.longest = max((len(k) for k in [*self.suffixes, *self.words]), default=1)

    def phrase(self, text: str, *, dictionary: bool = True) -> tuple[str, bool]:
        """(English, whether every part was in the glossary): longest glossary words first, then (unless
        the text is a brand, which is romanised) the dictionary's words of two characters or more, then
        pinyin: one character's first sense is seldom what it means in a name (泰 "safe", 主 "owner")."""
        plain = simplified(text)
        out: list[str] = []
        complete = True
        i, pending = 0, ""
        known = senses() if dictionary else {}
        while i < len(plain):
            for size in range(min(max(self.longest, DICTIONARY_LONGEST), len(plain) - i), 0, -1):
                piece = plain[i : i + size]
                found = self.words.get(piece) or (self.suffixes.get(piece) if size > 1 else None)
                if found is None and size > 1 and piece in known and CJK_RUN.fullmatch(piece):
                    found, complete = known[piece][0], False
                if found is not None:
                    if pending:
                        out.append(romanised(pending))
                        complete, pending = False, ""
                    out.append(found)
                    i += size
                    break
            else:
                pending += plain[i]
                i += 1
        if pending:
            out.append(romanised(pending))
            complete = False
        return _SPACES.sub(" ", " ".join(w for w in out if w)).strip(), complete

    def variants_of(self, english: str) -> list[str]:
        """Other ways readers write an English name (power management chips: … ICs, … IC, … chip)."""
        words = english.split()
        found: list[str] = []
        for index, word in enumerate(words):
            for other in self.variants.get(word, []):
                found.append(" ".join([*words[:index], other, *words[index + 1 :]]))
        for phrase, others in self.variants.items():  # collaborative robots: cobots
            if " " in phrase and f" {phrase} " in f" {english} ":
                found += [f" {english} ".replace(f" {phrase} ", f" {other} ").strip() for other in others]
        return list(dict.fromkeys(found))

    def synonyms(self, name: str) -> list[str]:
        """The other words the glossary gives the same English (路费 and 通行费: toll): names of one line."""
        words, plain = glossary()["words"], simplified(name)
        english = words.get(plain)
        return [str(w) for w, e in words.items() if english and e == english and w != plain and not str(w).isascii()]

    def generic(self, name: str) -> bool:
        """汽车电子, 消费电子: a name made only of the glossary's common words is an industry, not a company."""
        plain = simplified(name)
        if not CJK_RUN.fullmatch(plain):
            return False
        rest = self._without_suffixes(plain)
        return not rest or self.phrase(rest)[1] or self.phrase(plain)[1]

    def without_suffixes(self, name: str, keep: int) -> list[str]:
        """The name without its company words, one at a time from the end, while at least `keep`
        characters are left: 云屿茶饮控股有限公司 -> 云屿茶饮控股, 云屿茶饮 (written as the name is)."""
        forms: list[str] = []
        plain = simplified(name)
        while True:
            suffix = next(
                (s for s in sorted(self.suffixes, key=len, reverse=True) if plain.endswith(s) and len(plain) > len(s)),
                None,
            )
            if suffix is None or len(plain) - len(suffix) < keep:
                return forms
            plain = plain[: -len(suffix)]
            forms.append(name[: len(plain)])

    def _without_suffixes(self, plain: str) -> str:
        while True:
            suffix = next(
                (s for s in sorted(self.suffixes, key=len, reverse=True) if plain.endswith(s) and len(plain) > len(s)),
                None,
            )
            if suffix is None:
                return plain
            plain = plain[: -len(suffix)]

    def company(self, name: str) -> tuple[str, list[str], str]:
        """(English name, other English names, short name) of an organisation:
        澜拓智充 -> ("Lantuo Smart Charging", ["Lantuo Zhichong"], "Lantuo"); a Latin name stays."""
        plain = simplified(name)
        if not CJK_RUN.search(plain):
            return name, [], name
        industry, industry_zh = "", ""
        while True:
            suffix = next(
                (s for s in sorted(self.suffixes, key=len, reverse=True) if plain.endswith(s) and len(plain) > len(s)),
                None,
            )
            if suffix is None:
                break
            plain = plain[: -len(suffix)]
            if self.suffixes[suffix]:
                industry, industry_zh = self.suffixes[suffix], suffix
                break
        plain = re.sub(r"[((][^))]*[))]", "", plain)  # 联影科技创新(北京): the place is not the name
        short = romanised(plain)
        english = f"{self.phrase(plain, dictionary=False)[0]} {industry}".strip()
        others = [f"{short} {romanised(industry_zh)}".strip()] if industry_zh else []
        whole = simplified(name)
        if len(whole) >= 4 and CJK_RUN.fullmatch(whole):  # 千帆智芯 -> Qianfan Zhixin: the brand, then the rest
            others.append(f"{romanised(whole[:2])} {romanised(whole[2:])}")
            if whole[:2] not in senses():  # … and Qianfan alone, as a reader writes the brand (not Zhongguo)
                others.append(romanised(whole[:2]))
        return english, list(dict.fromkeys(o for o in others if o != english)), short


def shorter_forms(english: str) -> list[str]:
    """The shorter English forms readers write of a company's name (Hengshe Hotels Group: Hengshe Hotels,
    Hengshe; the first word alone when it is long enough to be a name)."""
    words = english.split()
    forms = [" ".join(words[:n]) for n in range(len(words) - 1, 1, -1)]
    return forms + ([words[0]] if len(words) > 1 and len(words[0]) >= 5 else [])
