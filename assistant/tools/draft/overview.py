"""What a drafted pack says about its article as a whole: its title, a summary and example questions in
three scripts, the year it was written and the period its figures are mostly about, all made from the
draft facts so that meta questions ("which company is this about?") are answered from the pack itself.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from assistant.lang.normalize import to_simplified
from assistant.tools.draft.reader import rules, sentences, simplified

if TYPE_CHECKING:
    from assistant.tools.draft.analysis import Drafter

KEY_METRICS = ("revenue", "net_profit", "net_loss", "operating_cash_flow", "rd_expense")


def default_period(drafter: Drafter) -> str | None:
    """The full year most of the article's own company's figures are about."""
    years = Counter(
        str(f.data["period"])
        for f in drafter.facts
        if f.data.get("period") and str(f.data["period"]).isdigit() and f.data["subject"] == drafter.main
    )
    return years.most_common(1)[0][0] if years else (str(drafter.current_year) if drafter.current_year else None)


def _key_facts(drafter: Drafter, period: str | None) -> list[dict[str, Any]]:
    chosen = []
    for metric in KEY_METRICS:
        found = next(
            (
                f.data
                for f in drafter.facts
                if f.data["metric"] == metric
                and f.data["subject"] == drafter.main
                and f.data.get("period") == period
                and not f.data.get("segment")
                and "value" in f.data
            ),
            None,
        )
        if found:
            chosen.append(found)
    return chosen


def _name(drafter: Drafter, concept: str, lang: str) -> str:
    spec = drafter.concepts.get(concept) or drafter.vocabulary.get(concept) or {}
    names = spec.get("names") or {}
    if lang == "zh-Hans":
        return str(names.get("zh-Hans") or to_simplified(str(names.get("zh-Hant", concept))))
    return str(names.get(lang) or names.get("zh-Hant") or concept)


def title(drafter: Drafter) -> dict[str, str]:
    """The headline, else the company and the opening words of the article."""
    main_zh = _name(drafter, drafter.main, "zh-Hant") if drafter.main else ""
    text = drafter.title
    if not text:
        opening = sentences(drafter.paragraphs[0])[0][1] if drafter.paragraphs else drafter.slug
        text = opening if len(opening) <= 40 else opening[:38] + "…"
    zh = drafter.traditional(text)
    main_en = _name(drafter, drafter.main, "en") if drafter.main else ""
    english = f"{main_en}: {text}" if main_en and main_zh not in text else (f"{main_en} ({text})" if main_en else text)
    return {"zh-Hant": zh, "zh-Hans": to_simplified(zh), "en": english}


def summary(drafter: Drafter) -> dict[str, str]:
    """The article's own company and its key figures, in three scripts."""
    period = default_period(drafter)
    facts = _key_facts(drafter, period)
    opening = sentences(drafter.paragraphs[0])[0][1] if drafter.paragraphs else ""
    zh_parts = [f"{_name(drafter, f['metric'], 'zh-Hant')}{drafter.traditional(f['written'])}" for f in facts]
    en_parts = [f"{_name(drafter, f['metric'], 'en')} {f['written']}" for f in facts]
    main_zh = _name(drafter, drafter.main, "zh-Hant") if drafter.main else ""
    main_en = _name(drafter, drafter.main, "en") if drafter.main else "the company"
    zh = f"文章關於{main_zh}。{drafter.traditional(opening)}"
    if zh_parts and period:
        zh += f"{period}年," + ",".join(zh_parts) + "。"
    en = f"The article is about {main_en} ({main_zh})."
    if en_parts and period:
        en += f" In {period}: " + "; ".join(en_parts) + "."
    return {"zh-Hant": zh, "zh-Hans": to_simplified(zh), "en": en}


def examples(drafter: Drafter) -> list[str]:
    """Questions the draft can answer, in three scripts, from its key figures."""
    period = default_period(drafter)
    out: list[str] = []
    for fact in _key_facts(drafter, period)[:3]:
        subject_zh = _name(drafter, fact["subject"], "zh-Hant")
        metric_zh = _name(drafter, fact["metric"], "zh-Hant")
        question = f"{subject_zh}{period}年{metric_zh}是多少?"
        out += [
            question,
            to_simplified(question),
            f"What was {_name(drafter, fact['subject'], 'en')}'s {_name(drafter, fact['metric'], 'en')} in {period}?",
        ]
    return out


def yuan_en(drafter: Drafter) -> str | None:
    """How 元 reads in English: the currency the article names most (not in a conversion: 人民幣223億元(約
    新臺幣1000億元) names no NT$ of the company's), when that is not the renminbi (rules.yaml: yuan_currencies)."""
    text = simplified(drafter.text)
    counts: dict[str, int] = {}
    for code, words in rules()["yuan_currencies"].items():
        named = "|".join(re.escape(simplified(w)) for w in sorted(words, key=len, reverse=True))
        counts[code] = sum(
            1 for m in re.finditer(named, text) if not re.search(r"[(（约合]", text[max(0, m.start() - 3) : m.start()])
        )
    code = max(counts, key=lambda c: counts[c]) if any(counts.values()) else None
    return code if code and code != "RMB" else None
