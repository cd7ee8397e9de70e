"""Lines and names, sentence in and draft fields out, in every script: a line written with its Latin name in
brackets (設計類軟件（CAD）) is one line known by both; a kind of thing (…類軟件) is no company; a product named
in quotes before what it sells is a line; a month on which a one-off act happened dates only its own clause;
a headline opening with a price is no company's name; Hong Kong titles (創辦人, 行政總裁) name people; the
words of a list of parts (其他服務, 兩塊業務) are cut where they name nothing. Written for these tests."""

from __future__ import annotations

from typing import Any

from drafting import drafted_figures, simplified_name
from scripts import ALL_SCRIPTS

from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter

ARTICLE = "\n".join(
    [
        "金價狂飆下的泓澄珠寶:加盟急擴",
        "維港財訊 撰文:麥曉嵐",
        "泓澄珠寶集團控股有限公司(下稱「泓澄珠寶」)總部位於觀塘。2024年泓澄珠寶收入為127.08億港元。金價上升推高了存貨價值,金價回落則令存貨減值。",
        "創辦人區兆澄於1987年在旺角開設首間金行。行政總裁區敏澄表示,集團會繼續擴張。",
        "分產品線看,設計類軟件(CAD)仍是泓澄珠寶的基本盤。2024年,該業務實現收入4.86億港元。設計類軟件的客戶多為設計院。",
        "其中,培育鑽石首飾「晶澄」於2023年5月取得檢測認證,上市後首個完整年度即貢獻收入約3.05億港元。",
        "增長幾乎全部來自加盟和電商兩塊業務。其他服務收入為1.2億港元,其他服務主要是維修和回收。",
    ]
)


def _drafter(convert: Any) -> tuple[Drafter, dict[str, dict[str, Any]]]:
    return drafted_figures(convert(ARTICLE), "glossed")


def _lines(drafter: Drafter) -> dict[str, dict[str, Any]]:
    return {to_simplified(c["names"]["zh-Hant"]): c for c in drafter.concepts.values() if c.get("kind") == "segment"}


def _kinds(drafter: Drafter) -> dict[str, str]:
    return {to_simplified(c["names"]["zh-Hant"]): str(c.get("kind")) for c in drafter.concepts.values()}


@ALL_SCRIPTS
def test_a_line_with_its_latin_name_in_brackets_is_one_line_known_by_both(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    line = _lines(drafter)["设计类软件"]
    assert "CAD" in line["aliases"]
    assert "CAD" not in _lines(drafter)
    assert [simplified_name(drafter, s) for s in facts["4.86"].get("segment", [])] == ["设计类软件"]
    assert _kinds(drafter)["设计类软件"] == "segment"  # a kind of software, not a company


@ALL_SCRIPTS
def test_a_product_named_in_quotes_before_its_sales_is_a_line_and_its_launch_month_no_period(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert [simplified_name(drafter, s) for s in facts["3.05"].get("segment", [])] == ["晶澄"]
    assert facts["3.05"].get("period") != "2023-05"


@ALL_SCRIPTS
def test_a_headline_opening_with_a_price_names_no_company(convert: Any) -> None:
    drafter, _ = _drafter(convert)
    assert "金价" not in _kinds(drafter)
    assert drafter.main and simplified_name(drafter, drafter.main) == "泓澄珠宝"


@ALL_SCRIPTS
def test_hong_kong_titles_name_people(convert: Any) -> None:
    drafter, _ = _drafter(convert)
    assert _kinds(drafter).get("区兆澄") == "entity"
    metrics = {f.data["metric"] for f in drafter.facts if "statement" in f.data}
    assert {"founder", "ceo"} <= metrics


@ALL_SCRIPTS
def test_the_words_of_a_list_of_parts_are_cut_where_they_name_nothing(convert: Any) -> None:
    drafter, _ = _drafter(convert)
    lines = _lines(drafter)
    assert "其他服务" in lines
    assert not [n for n in lines if n.endswith("两块") or n == "他服务"], lines
