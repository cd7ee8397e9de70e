"""A reason someone gives right after a figure (公司解釋,這是由於…) names nothing of its own: it answers why
that figure moved, though the statement is filed with no measure; a reason for another year's figure does
not answer for the year asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant

PARAGRAPHS = [
    "截至2024年底,公司應收賬款增至9.6億元,增幅約46%。公司解釋,這是由於對海外經銷商放寬了信用期。",
    "2025年第一季度,公司營收為10.2億元,環比減少18.5%。公司說明,季減主因是春節假期導致交付延後。",
    "受原材料漲價影響,母公司星湖集團2023年營收為80億元。",
]
CONCEPTS = """concepts:
  reasons:
    kind: metric
    names: {zh-Hant: 原因, en: reasons}
    aliases: [原因, 為什麼, 为什么, reason, reasons, why]
  article_point:
    kind: metric
    names: {zh-Hant: 其他陳述, en: other statements}
    aliases: []
"""
FACTS = """facts:
  - id: starlake-receivables-2024
    subject: starlake
    metric: accounts_receivable
    period: "2024"
    value: 9.6
    unit: 元
    scale: 億
    written: 9.6億元
    quote: 截至2024年底,公司應收賬款增至9.6億元,增幅約46%。
    paragraph: 6
  - id: starlake-receivables-reason
    subject: starlake
    metric: reasons
    statement: {zh-Hant: "公司解釋,這是由於對海外經銷商放寬了信用期。", en: Longer credit terms.}
    quote: 公司解釋,這是由於對海外經銷商放寬了信用期。
    paragraph: 6
  - id: starlake-revenue-2025q1
    subject: starlake
    metric: revenue
    period: "2025Q1"
    value: 10.2
    unit: 元
    scale: 億
    written: 10.2億元
    quote: 2025年第一季度,公司營收為10.2億元,環比減少18.5%。
    paragraph: 7
  - id: starlake-q1-remark
    subject: starlake
    metric: article_point
    statement: {zh-Hant: "公司說明,季減主因是春節假期導致交付延後。", en: The company put the drop down to the holiday.}
    quote: 公司說明,季減主因是春節假期導致交付延後。
    paragraph: 7
  - id: starlake-group-revenue-reason
    subject: starlake
    metric: reasons
    period: "2023"
    statement: {zh-Hant: "受原材料漲價影響,母公司星湖集團2023年營收為80億元。", en: Raw materials.}
    quote: 受原材料漲價影響,母公司星湖集團2023年營收為80億元。
    paragraph: 8
"""


@pytest.fixture(scope="module")
def bot(mini_pack: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    pack = tmp_path_factory.mktemp("reasons") / "pack"
    shutil.copytree(mini_pack, pack)
    article = pack / "facts" / "sources" / "starlake-2024.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    (pack / "facts" / "reasons.yaml").write_text(FACTS, encoding="utf-8")
    (pack / "facts" / "reason_topics.yaml").write_text(CONCEPTS, encoding="utf-8")
    return Assistant.load(pack, use_cache=False)


def test_a_reason_said_after_a_figure_answers_why_it_moved(bot: Assistant) -> None:
    for question in ("應收賬款為什麼增加這麼多?", "应收账款为啥涨这么多", "Why did receivables jump?"):
        answer = bot.ask(question)
        assert answer.status == "answered", answer.text
        assert "信用期" in answer.text


def test_a_reason_for_another_year_does_not_answer_for_the_year_asked(bot: Assistant) -> None:
    answer = bot.ask("2025年第一季營收為什麼比上一季少?")
    assert answer.status == "answered", answer.text
    assert "春節" in answer.text and "原材料" not in answer.text
