"""Companies a draft finds from how the article writes them, in both scripts (and full-width punctuation):
a name with its Latin name in brackets, a group named once with a dated figure of its own, a rival described
before its name with a comma after it, and the shorter English forms readers write of a name made from its
reading. People glossed the same way stay people."""

from __future__ import annotations

from typing import Any

from scripts import ALL_SCRIPTS

from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter

ARTICLE = [
    "晨光財訊",
    "棲鷺酒店:加盟狂奔之後",
    "棲鷺酒店集團有限公司(下稱「棲鷺」)總部位於南京。",
    "2023年3月,棲鷺完成對馬來西亞連鎖酒店品牌露瑪酒店(Lumastay Hotels)的收購。",
    "露瑪首席執行官林振豪(Daniel Lim)表示,計劃到2027年把在營酒店數量增至200家以上。",
    "規模更大的恆舍酒店集團2024年在營酒店約1.12萬家,RevPAR為202元;同樣以經濟型為主的雲棧酒店,2024年收入為47.8億元。",
    "棲鷺採用氮化鎵(GaN)節能設備。棲鷺2024年RevPAR為186元。",
    "龍頭飛羚電動全年銷量約1310萬輛,營收約305億元。論規模,棲鷺不到飛羚的四成。",
    "同樣布局中端酒店的啟衡酒店,其同類門店2024年收入約12.6億元。",
]


def _concepts(convert: Any, kind: str) -> dict[str, dict[str, Any]]:
    drafter = Drafter(convert("\n".join(ARTICLE)), slug="glossed")
    drafter.run()
    return {to_simplified(c["names"]["zh-Hant"]): c for c in drafter.concepts.values() if c["kind"] == kind}


def _entities(convert: Any) -> dict[str, dict[str, Any]]:
    return _concepts(convert, "entity")


@ALL_SCRIPTS
def test_a_name_glossed_in_latin_is_a_company_with_that_english_name(convert: Any) -> None:
    found = _entities(convert)
    assert found["露玛酒店"]["names"]["en"] == "Lumastay Hotels"
    assert "Lumastay" in found["露玛酒店"]["aliases"]


@ALL_SCRIPTS
def test_a_person_glossed_in_latin_stays_a_person(convert: Any) -> None:
    found = _entities(convert)
    assert not any("林振豪" in name and name != "林振豪" for name in found)
    assert "Daniel Lim" not in {c["names"]["en"] for c in found.values()}
    assert not any("氮化镓" in name for name in found)  # (GaN) glosses a term, not a name


@ALL_SCRIPTS
def test_a_group_named_once_with_a_dated_figure_is_a_company(convert: Any) -> None:
    found = _entities(convert)
    assert "恒舍酒店集团" in found
    assert "Hengshe Hotels" in found["恒舍酒店集团"]["aliases"]  # the shorter English form readers write


@ALL_SCRIPTS
def test_a_rival_described_before_its_name_and_a_comma_is_a_company(convert: Any) -> None:
    assert "云栈酒店" in _entities(convert)


@ALL_SCRIPTS
def test_a_measure_written_in_latin_is_no_company(convert: Any) -> None:
    assert "RevPAR" not in _entities(convert)


@ALL_SCRIPTS
def test_a_rival_named_once_after_the_leader_word_ends_where_its_period_begins(convert: Any) -> None:
    found = _entities(convert)
    assert "飞羚电动" in found  # not 飞羚电动全 (of 全年)
    assert "Feiling Electric" in found["飞羚电动"]["aliases"]
    assert not any("飞羚" in name for name in _concepts(convert, "metric"))  # 不到飞羚的四成 measures nothing


@ALL_SCRIPTS
def test_a_rival_described_before_its_name_and_pointed_at_by_其_is_a_company(convert: Any) -> None:
    """同样布局中端酒店的启衡酒店,其同类门店…收入约12.6亿元: a rival, and the figure is the rival's."""
    drafter = Drafter(convert("\n".join(ARTICLE)), slug="glossed")
    drafter.run()
    found = {to_simplified(c["names"]["zh-Hant"]): i for i, c in drafter.concepts.items() if c["kind"] == "entity"}
    assert "启衡酒店" in found
    figure = next(f.data for f in drafter.facts if str(f.data.get("value")) == "12.6")
    assert figure["subject"] == found["启衡酒店"]
