"""Variants of a measure: "门店总数为12386家,…其中直营门店168家" gives the store count and its
company-owned part. The figure named with a word before its measure (直营) is a variant of the bare one
beside it, or of a bare one of the same company, measure and period anywhere in the article (末端派送的毛利率
只有9.2% beside the company's 毛利率为17.8% paragraphs earlier), tagged with a restrictive qualifier of that
word: a question that names no variant gets the bare figure, one that names 末端派送 gets its own. A modifier
with no bare figure anywhere is left alone, and so is a word for the whole (综合毛利率 is the gross margin).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from assistant.lang.normalize import to_traditional
from assistant.pack.figures import SCALES
from assistant.tools.draft.dated import period_of
from assistant.tools.draft.english import English
from assistant.tools.draft.entity import slug
from assistant.tools.draft.entries import DraftFact
from assistant.tools.draft.measures import Drafted
from assistant.tools.draft.reader import plain_form


class Variants:
    """Tags the variants of a sentence's figures, adding a qualifier concept for each modifier word."""

    def __init__(
        self, concepts: dict[str, Any], english: English, whole: frozenset[str], reserved: frozenset[str] = frozenset()
    ) -> None:
        self.concepts = concepts
        self.reserved = reserved  # the vocabulary's ids: a qualifier named like one would replace it
        self.whole = whole  # words for the whole (综合, 整体): no variant
        self.english = english
        self.by_word: dict[str, str] = {}
        self.pending: list[tuple[Drafted, str]] = []  # modified figures with no bare one beside them yet

    def tagged(self, drafted: list[Drafted], main: str = "") -> list[Drafted]:
        """A figure named with a modifier is a variant when a bare figure of its measure stands beside it, or
        when it is another company's (启衡医药,其同类产品2024年销售额约12.6亿元: not 启衡医药's revenue)."""
        out = list(drafted)
        for index, one in enumerate(drafted):
            word = one.figure.modifier
            another = bool(main) and one.subject != main
            if not word or one.segment or one.figure.event:
                continue
            if not (another or one.figure.a_part or any(_bare_beside(one, d) for d in drafted)):
                self.pending.append((one, word))
                continue
            one.figure.hints.append(f"{word}: a variant of the measure beside it, asked for by name")
            out[index] = replace(one, qualifier=self.qualifier(word))
        return out

    def across(self, drafted: list[Drafted], written: list[DraftFact]) -> None:
        """Tags each pending modified figure that a bare figure elsewhere in the article shares a company,
        measure and period with; `written` holds the facts drafted, in the order of `drafted`."""
        pending = {id(one): word for one, word in self.pending}
        for one, fact in zip(drafted, written, strict=True):
            word = pending.get(id(one))
            if word is None or not self._describes(word, fact.data["quote"]):
                continue
            if not any(_bare_beside(one, d) for d in drafted):
                continue
            fact.hints.append(f"{word}: a variant of the measure given bare elsewhere, asked for by name")
            fact.data["tags"] = [*fact.data.get("tags", []), self.qualifier(word)]

    def _describes(self, word: str, quote: str) -> bool:
        """末端派送的毛利率: a word of three or more characters written with 的 before the measure describes
        what part it is of; shorter ones and words for the whole are too often a phrase's end (股东的净利润)."""
        return len(word) >= 3 and word not in self.whole and f"{word}的" in plain_form(quote)

    def qualifier(self, word: str) -> str:
        if word not in self.by_word:
            english = self.english.phrase(word)[0]
            ident = slug(english) if english.isascii() and english else f"qualifier_{len(self.by_word) + 1}"
            while ident in self.concepts or ident in self.reserved:
                ident += "_2"
            zh = to_traditional(word)  # the word is read in simplified script, whatever the article's
            self.concepts[ident] = {
                "kind": "qualifier",
                "restrictive": True,
                "part": True,
                "names": {"zh-Hant": zh, "zh-Hans": word, "en": english},
                "aliases": list(dict.fromkeys([word, zh, english])),
            }
            self.by_word[word] = ident
        return self.by_word[word]


def _bare_beside(one: Drafted, other: Drafted) -> bool:
    """A figure of the same company, measure and period with no modifier or line of its own."""
    return (
        other is not one
        and not other.figure.modifier
        and not other.segment
        and other.metric == one.metric
        and other.subject == one.subject
        and period_of(other.date) == period_of(one.date)
    )


NEAR = Decimal("0.15")  # how far round words may be from the exact figure they say again


def without_restatements(drafted: list[Drafted]) -> list[Drafted]:
    """营收86.73亿元…营收规模首次突破80亿元: an approximate figure of the same company, measure, period, line
    and variant as an exact one in its sentence says the exact one again in round words; it is left out, so
    a question about the measure gets the figure, not a choice between the two."""
    return [one for one in drafted if not any(_restates(one, other) for other in drafted)]


def _restates(one: Drafted, other: Drafted) -> bool:
    """Round words for the same figure: the same key, and within NEAR of it (突破80亿元 of 86.73亿元;
    not 超过24亿元 of 38.05亿元, which is a part)."""
    exact = other.figure.value * SCALES[other.figure.scale]
    near = bool(exact) and abs(one.figure.value * SCALES[one.figure.scale] - exact) <= abs(exact) * NEAR
    return (
        near
        and bool(one.figure.approx)
        and not other.figure.approx
        and one.figure.change is None
        and one.figure.upto is None
        and (one.subject, one.metric, period_of(one.date), one.segment, one.qualifier, one.figure.unit)
        == (other.subject, other.metric, period_of(other.date), other.segment, other.qualifier, other.figure.unit)
    )
