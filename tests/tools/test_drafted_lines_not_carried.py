"""Which line a drafted figure is about, sentence in and fields out, in both scripts: a company's own measure
takes no line from an earlier clause, a region named with its share names the figure after it, and a trend
in quotes or a period word is no line. The articles are written for these tests."""

from __future__ import annotations

from typing import Any

from scripts import ALL_SCRIPTS

from assistant.tools.draft.analysis import Drafter

HEADLINE = "青禾電機營收增長,海外工廠拖累利潤"


def _draft(convert: Any, *lines: str) -> Drafter:
    drafter = Drafter(convert("\n".join([HEADLINE, "", *lines])), slug="short")
    drafter.run()
    return drafter


def _by_value(drafter: Drafter) -> dict[str, dict[str, Any]]:
    return {str(f.data["value"]): f.data for f in drafter.facts if "value" in f.data}


def _line_names(drafter: Drafter) -> set[str]:
    return {str(c["names"]["zh-Hans"]) for c in drafter.concepts.values() if c.get("kind") == "segment"}


@ALL_SCRIPTS
def test_a_company_measure_after_a_lines_clause_is_the_companys(convert: Any) -> None:
    drafter = _draft(
        convert,
        "青禾電機是一家電機製造商,2024年實現營業收入42.6億元。",
        "2024年,伺服電機業務收入為8.6億元,同比增長21.5%;經營活動現金流量淨額為-2.94億元,總資產為96.3億元。",
        "伺服電機業務的客戶主要是機器人廠商,伺服電機業務毛利率為31.2%。",
    )
    facts = _by_value(drafter)
    assert facts["8.6"].get("segment"), facts["8.6"]  # the line's own revenue keeps its line
    for value in ("-2.94", "96.3"):
        assert not facts[value].get("segment"), facts[value]  # the company's cash flow and assets


@ALL_SCRIPTS
def test_a_region_named_with_its_share_names_the_figure_in_the_next_clause(convert: Any) -> None:
    drafter = _draft(
        convert,
        "青禾電機2024年實現營業收入218.6億元。",
        "市場結構上,歐洲仍是最重要的市場,占營收比重為57.6%;北美占18.9%,營收不足42億元,同比下降約31%。",
    )
    facts = _by_value(drafter)
    assert facts["42"].get("segment") == ["north_america"], facts["42"]


@ALL_SCRIPTS
def test_a_trend_in_quotes_and_a_period_word_are_no_lines(convert: Any) -> None:
    drafter = _draft(
        convert,
        "青禾電機2024年實現營業收入42.6億元。",
        "分階段看,公司業績呈現“前低後高”的走勢:2024年上半年營收為14.63億元,下半年營收為27.97億元。",
        "單季度來看,青禾電機第三季度單季實現營業收入11.64億元,出現“增收不增利”的局面。",
    )
    names = _line_names(drafter)
    assert not {n for n in names if "前低" in n or "季" in n or "增收" in n}, names
    facts = _by_value(drafter)
    assert not facts["14.63"].get("segment"), facts["14.63"]
