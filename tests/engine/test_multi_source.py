"""A pack may hold several articles; each answer cites the article its fact comes from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant, PackError

SECOND_ARTICLE = "晨光財訊\n星湖儲能2025年一季度營業收入為12.4億元,同比增長8.1%。\n"
SECOND_SOURCE = """
  - id: starlake-2025q1
    file: sources/starlake-2025q1.txt
    outlet: 晨光財訊
    skip: ["^晨光財訊$"]
    title: {zh-Hant: 星湖儲能2025年一季度業績, en: Starlake Storage's first quarter of 2025}
"""
SECOND_FACT = """
  - id: starlake-revenue-2025q1
    subject: starlake
    metric: revenue
    period: "2025Q1"
    value: 12.4
    unit: 元
    scale: 億
    written: 12.4億元
    change: {value: 8.1, unit: "%", written: 同比增長8.1%}
    quote: 星湖儲能2025年一季度營業收入為12.4億元,同比增長8.1%。
    paragraph: 1
    source: starlake-2025q1
"""


def _two_source_pack(mini_pack: Path, tmp_path: Path, *, cite_source: bool = True) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(mini_pack, pack)
    facts = pack / "facts"
    (facts / "sources" / "starlake-2025q1.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    original = facts / "facts.yaml"  # with two sources, every fact names its own
    original.write_text(
        original.read_text(encoding="utf-8").replace("    paragraph:", "    source: starlake-2024\n    paragraph:"),
        encoding="utf-8",
    )
    sources = facts / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + SECOND_SOURCE, encoding="utf-8")
    fact = SECOND_FACT if cite_source else SECOND_FACT.replace("    source: starlake-2025q1\n", "")
    (facts / "quarter.yaml").write_text("facts:" + fact, encoding="utf-8")
    return pack


def test_answers_cite_the_right_source(mini_pack: Path, tmp_path: Path) -> None:
    bot = Assistant.load(_two_source_pack(mini_pack, tmp_path), use_cache=False)
    quarter = bot.ask("星湖儲能2025年一季度營收多少?")
    assert quarter.status == "answered" and "12.4" in quarter.text
    assert [c.source for c in quarter.citations] == ["starlake-2025q1"]
    assert quarter.citations[0].title == "星湖儲能2025年一季度業績"
    year = bot.ask("星湖儲能2024年營收多少?")
    assert [c.source for c in year.citations] == ["starlake-2024"]


def test_a_fact_must_name_its_source_when_there_are_several(mini_pack: Path, tmp_path: Path) -> None:
    pack = _two_source_pack(mini_pack, tmp_path, cite_source=False)
    with pytest.raises(PackError) as error:
        Assistant.load(pack, use_cache=False)
    assert "quarter.yaml" in str(error.value) and "starlake-revenue-2025q1" in str(error.value)
