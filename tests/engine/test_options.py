"""Clarify options a reader can pick by number: each stands for one fact, even when two facts would be
asked the same way (a drafted pack, two figures read as the same measure in different paragraphs)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from assistant import Assistant

SAME_KEY = """
  - id: starlake-revenue-2024-again
    subject: starlake
    metric: revenue
    period: "2024"
    value: 48.6
    unit: 元
    scale: 億
    written: 48.6億元
    quote: 年報更正後,星湖儲能2024年營業收入為48.6億元。
    paragraph: 6
"""


def _pack_with_twin_facts(mini_pack: Path, tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(mini_pack, pack)
    facts = pack / "facts" / "facts.yaml"
    text = facts.read_text(encoding="utf-8").replace("    label: {zh-Hant: 2024年營業收入, en: revenue in 2024}\n", "")
    facts.write_text(text, encoding="utf-8")
    article = pack / "facts" / "sources" / "starlake-2024.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "本文僅供參考", "年報更正後,星湖儲能2024年營業收入為48.6億元。\n本文僅供參考"
        ),
        encoding="utf-8",
    )
    (pack / "facts" / "twin.yaml").write_text("facts:" + SAME_KEY, encoding="utf-8")
    return pack


def test_options_asked_the_same_way_name_their_paragraph_and_a_pick_answers_that_fact(
    mini_pack: Path, tmp_path: Path
) -> None:
    chat = Assistant.load(_pack_with_twin_facts(mini_pack, tmp_path), use_cache=False).chat()
    first = chat.ask("星湖儲能2024年營業收入是多少?")
    assert first.status == "clarify"
    assert len(set(first.options)) == len(first.options) == 2
    for number, option in enumerate(first.options, 1):
        paragraph = int(re.findall(r"第(\d+)段", option)[-1])
        again = Assistant.load(_pack_with_twin_facts(mini_pack, tmp_path / str(number)), use_cache=False).chat()
        again.ask("星湖儲能2024年營業收入是多少?")
        picked = again.ask(str(number))
        assert picked.status == "answered"
        assert [c.paragraph for c in picked.citations] == [paragraph]
        assert ("48.5" if paragraph == 1 else "48.6") in picked.text


def test_options_are_a_field_of_their_own_and_numbered_only_in_the_text(bot: Assistant) -> None:
    """A front end lays out `options` itself (buttons, a list); the headline says only what to choose."""
    answer = bot.ask("聯影醫療")
    assert answer.status == "clarify" and len(answer.options) >= 2
    assert not any(option in answer.headline for option in answer.options)
    for number, option in enumerate(answer.options, 1):
        assert f"{number}. {option}" in answer.text
