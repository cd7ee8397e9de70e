"""The truth invariant, over generated questions: an answer either gives figures that all stand in its
cited quotes or in its shown arithmetic, or it is not an answer."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Answer, Assistant

_NUMBER = re.compile(r"(?<![\d.A-Za-z])\d+(?:\.\d+)?")  # Q1, FY24: period notation
PIECES = [
    "聯影醫療",
    "联影医疗",
    "UIH",
    "聯影智能",
    "UII",
    "GE醫療",
    "2024年",
    "2023年",
    "二〇二三年",
    "FY23",
    "24年",
    "去年",
    "一季度",
    "上半年",
    "2025年一季度末",
    "第五季度",
    "營收",
    "营收",
    "revenue",
    "凈利潤",
    "net profit",
    "淨利率",
    "net margin",
    "研發費用",
    "研發人員",
    "應收賬款",
    "估值",
    "經營性現金流",
    "CT",
    "MR",
    "RT",
    "海外",
    "境內",
    "軟件",
    "多少",
    "是多少?",
    "how much",
    "同比",
    "增長了多少億元",
    "佔總營收的比例",
    "是淨利潤的幾倍",
    "比MR少多少",
    "合計",
    "哪個更高",
    "為什麼",
    "誰領投",
    "前一年呢",
    "那2024年呢?",
    "保留一位小數",
    "in US dollars",
    "?",
    "和",
    "and",
    " ",
]


def _arabic_years(text: str) -> str:
    """二〇二三年 as 2023年, FY23 as 2023, CT2023年 as CT 2023年: a year the asker wrote short, in Chinese
    numerals or glued to a word is still the asker's number."""
    digits = str.maketrans("〇零一二三四五六七八九", "00123456789")
    text = re.sub(r"(?i)\bFY(\d{2})(?!\d)", lambda m: f" 20{m.group(1)} ", text)
    text = re.sub(r"[〇零一二三四五六七八九]{4}", lambda m: m.group().translate(digits), text)
    return re.sub(r"(?<=[A-Za-z])((?:19|20)\d\d)(?=年)", r" \1", text)


def figures_of(text: str) -> set[str]:
    return {n.rstrip("0").rstrip(".") if "." in n else n for n in _NUMBER.findall(text)}


def sources_of(bot: Assistant, answer: Answer) -> set[str]:
    """Where an answer's figures may come from: its cited quotes, its arithmetic, and the facts' own
    labels and dates (a label names what a figure is, 2024年營業收入)."""
    allowed = set()
    texts = [c.quote for c in answer.citations]
    quoted = set(texts)  # a cited sentence's facts are dated as the pack dates them (the nearest fact offered)
    texts += [f.period or "" for f in bot.pack.facts.values() if f.quote in quoted]
    if answer.derivation is not None:
        texts.append(answer.derivation.expression)
    for fact in answer.facts:
        texts += [fact.written or "", fact.when or "", fact.period or "", fact.quote]
        for localized in (fact.label, fact.statement):
            if localized is not None:
                texts += [localized.zh_Hant, localized.en, localized.zh_Hans or ""]
        if fact.derivation is not None:
            texts += [bot.pack.facts[i].quote for i in fact.derivation.inputs if i in bot.pack.facts]
    for text in texts:
        allowed |= figures_of(text)
    return allowed


def english_scale(text: str) -> str:
    """The English renderings of a figure ("RMB 10.3 billion") are its scale, and the numbers of a list of
    options their order: neither is a new figure."""
    text = re.sub(r"^\d+\. ", "", text, flags=re.MULTILINE)
    return re.sub(r"\((?:about |more than |nearly |less than )?RMB [\d.,]+ (?:billion|million)\)|\([^()]*%\)", "", text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=7))
def test_every_answered_figure_is_cited_or_computed(robot: Assistant, parts: list[str]) -> None:
    question = "".join(parts)
    answer = robot.ask(question)
    if answer.status != "answered":
        return
    stated = figures_of(english_scale(answer.headline))
    asked = figures_of(question) | figures_of(_arabic_years(question))  # the asker's own numbers echoed
    read = " ".join(line for line in answer.text.splitlines() if line.startswith(("理解為", "理解为", "Understood as")))
    asked |= {y for y in figures_of(read) if re.fullmatch(r"(?:19|20)\d\d", y)}  # 前一年 read as 2023: a period asked
    unsourced = stated - sources_of(robot, answer) - asked
    assert not unsourced, f"{''.join(parts)!r}: {unsourced} in {answer.headline!r}"
    assert answer.citations, "an answer always cites"
