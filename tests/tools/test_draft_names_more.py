"""The companies a draft finds, article in and concepts out, in both scripts (and full-width punctuation):
a legal name that is a short name with a place before it, the short name a traditional article writes,
fields of business that end with a company word, and the opening of a headline that names a company
further on."""

from __future__ import annotations

from typing import Any

from scripts import ALL_SCRIPTS

from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter

ARTICLE = [
    "晨光財訊",
    "玻尿酸放緩、診所拖累利潤,霽帆科技的擴張還能走多遠?",
    "深圳霽帆科技股份有限公司是一家跨境電商品牌,霽帆科技2024年營收68.42億元,同比增長31.2%。",
    "霽帆的戶外儲能產品增長最快,戶外儲能領域競爭激烈;霽帆表示將繼續投入研發。",
    "2024年,霽帆戶外儲能業務收入為12.6億元。霽帆的員工超過2600人,其中悅膚匯員工約280人。",
    "業界龍頭拓極2024年營收約210億元。",
]


def _orgs(convert: Any) -> dict[str, list[str]]:
    drafter = Drafter(convert("\n".join(ARTICLE)), slug="names")
    drafter.run()
    return {
        to_simplified(c["names"]["zh-Hant"]): [to_simplified(a) for a in c["aliases"]]
        for c in drafter.concepts.values()
        if c["kind"] == "entity"
    }


@ALL_SCRIPTS
def test_a_legal_name_with_a_place_before_a_short_name_is_that_company(convert: Any) -> None:
    orgs = _orgs(convert)
    assert "深圳霁帆科技股份有限公司" not in orgs  # one company, not two
    assert "深圳霁帆科技股份有限公司" in orgs["霁帆科技"]
    assert "霁帆" in orgs["霁帆科技"]  # the short name the article writes thirty times


@ALL_SCRIPTS
def test_a_field_of_business_and_words_opening_a_headline_are_no_companies(convert: Any) -> None:
    orgs = _orgs(convert)
    assert "户外储能" not in orgs  # 户外储能领域: a field, not a company called 户外储能
    assert not [name for name in orgs if "玻尿" in name]  # the headline names 霁帆科技 further on
    assert not [name for name in orgs if name.startswith("中")]  # 其中悦肤汇: 其中 is no part of a name
    assert "拓极" in orgs


@ALL_SCRIPTS
def test_a_name_whose_characters_read_two_ways_is_known_by_both(convert: Any) -> None:
    """晟 reads cheng or sheng: readers write Shenghan as often as Chenghan."""
    lines = ["晨光財訊", "晟瀚股份營收增長", "2024年,晟瀚股份實現營業收入46.82億元,晟瀚股份表示將擴產。"]
    drafter = Drafter(convert("\n".join(lines)), slug="readings")
    drafter.run()
    aliases = next(c["aliases"] for c in drafter.concepts.values() if c["names"]["zh-Hans"] == "晟瀚股份")
    assert "Chenghan" in aliases and "Shenghan" in aliases, aliases


SUBSIDIARY = [
    "晨光財訊",
    "錦窖酒業:包裝廠也能賺錢",
    "錦窖酒業股份有限公司是一家白酒企業,2024年錦窖酒業營業收入為86.42億元,淨利潤為29.18億元。",
    "錦窖酒業旗下全資子公司四川錦窖包裝科技有限公司(「錦窖包裝」)成立於2011年,主要生產玻璃酒瓶。",
    "2024年錦窖包裝營業收入9.62億元,淨利潤5830萬元。",
    "同為川酒的酒企峨嶺酒業2024年營收為41.2億元。",
]


@ALL_SCRIPTS
def test_a_short_name_quoted_after_a_legal_name_is_that_companys(convert: Any) -> None:
    """四川錦窖包裝科技有限公司(「錦窖包裝」): the quoted short name is the subsidiary's, so its figures are
    its own, not those of the parent whose name it begins with."""
    drafter = Drafter(convert("\n".join(SUBSIDIARY)), slug="quoted")
    drafter.run()
    subjects = {str(f.data["value"]): f.data["subject"] for f in drafter.facts if "value" in f.data}
    package = drafter.concepts[subjects["9.62"]]
    assert to_simplified(package["names"]["zh-Hant"]) == "锦窖包装"
    assert subjects["5830"] == subjects["9.62"] != subjects["86.42"]


@ALL_SCRIPTS
def test_an_industrys_word_for_its_companies_is_no_part_of_a_name(convert: Any) -> None:
    orgs = _orgs_of(convert, SUBSIDIARY)
    assert "峨岭酒业" in orgs and "酒企峨岭酒业" not in orgs and "企峨岭酒业" not in orgs


def _orgs_of(convert: Any, lines: list[str]) -> dict[str, list[str]]:
    drafter = Drafter(convert("\n".join(lines)), slug="names")
    drafter.run()
    return {
        to_simplified(c["names"]["zh-Hant"]): c["aliases"] for c in drafter.concepts.values() if c["kind"] == "entity"
    }
