"""Lines and names, sentence in and draft fields out, in every script: a line written with its Latin name in
brackets (設計類軟件（CAD）) is one line known by both; a kind of thing (…類軟件) is no company; a product named
in quotes before what it sells is a line; a month on which a one-off act happened dates only its own clause;
a headline opening with a price is no company's name; Hong Kong titles (創辦人, 行政總裁) name people; the
words of a list of parts (其他服務, 兩塊業務) are cut where they name nothing. A figure in Hong Kong dollars is
given when asked for in them, and one asked for in another currency is not converted; shops counted in 間 are
given when asked for in 家. Written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from drafting import drafted_figures, simplified_name
from scripts import ALL_SCRIPTS

from assistant import Assistant
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
        "截至2024年底,泓澄珠寶共有1,086間店舖。",
        "泓澄珠寶於2011年在港交所上市,募集資金主要用於開設新店。上市首日收市價為3.2港元,較招股價高18%。",
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


@pytest.mark.parametrize(
    "question",
    ["泓澄珠寶2024年收入多少港元?", "泓澄珠宝2024年收入有几多亿港币?", "What was Hongcheng's 2024 revenue in HKD?"],
)
def test_a_figure_in_hong_kong_dollars_is_given_when_asked_for_in_them(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "127.08" in answer.text


@pytest.mark.parametrize(
    ("question", "currency"),
    [("泓澄珠寶2024年收入多少美元?", "美元"), ("What was Hongcheng's 2024 revenue in euros?", "euros")],
)
def test_a_figure_asked_for_in_another_currency_is_not_converted(
    drafted: Assistant, question: str, currency: str
) -> None:
    answer = drafted.ask(question)
    assert answer.status == "no_answer", answer.text
    assert currency in answer.text.split("\n")[1]


@pytest.mark.parametrize("question", ["泓澄 IPO 的 net proceeds 有多少港元?", "泓澄珠寶上市募集資金淨額是多少港元?"])
def test_a_figure_of_another_measure_is_no_answer_for_the_one_the_words_point_at(
    drafted: Assistant, question: str
) -> None:
    answer = drafted.ask(question)
    assert answer.status == "no_answer", answer.text
    assert "3.2" not in answer.text.split("\n")[1]


@pytest.mark.parametrize(
    "question", ["泓澄珠寶一共有多少家店?", "泓澄珠宝有几家门店?", "How many shops does Hongcheng run?"]
)
def test_shops_counted_in_jian_are_given_when_asked_for_in_jia(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "1,086" in answer.text or "1086" in answer.text
