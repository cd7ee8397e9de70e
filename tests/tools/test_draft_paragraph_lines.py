"""Sentence in, draft fields out, in every script: a paragraph that opens by ranking a line (第二大業務是…,
…仍是最大的業務) is about that line until a sentence names the whole company or a subject of its own; a line
named with a series word is also called without it; a subsidiary's legal name gives the stem the article
uses; a figure given again in another currency in brackets is no second figure. Written for these tests."""

from __future__ import annotations

from typing import Any

from scripts import ALL_SCRIPTS

from assistant.lang.normalize import to_simplified
from assistant.tools.draft.analysis import Drafter

ARTICLE = [
    "晨光財訊",
    "鯤程物流:包裹越送越多",
    "鯤程國際物流控股有限公司(以下簡稱鯤程物流)總部位於杭州。2024年鯤程物流營收為223.04億元(約新臺幣1004億元),年增27.6%,前一年則為174.8億元。",
    "第二大業務是海外倉服務。2024年營收為52.31億元,年增41.4%,毛利率達26.3%。截至2024年底,鯤程物流在15個國家營運68座海外倉。",
    "跨境空運仍是鯤程物流最大的業務。2024年該業務營收為98.62億元。電動貨車(含輕型貨車)則成了增長主力:全年銷量13.7萬輛。",
    "分產品看,天鯤系列已成為頂樑柱。2024年天鯤系列收入42.35億元。天鯤52度的批發價為860元。",
    "中端鯤藏系列覆蓋300元至800元價位。該系列2024年收入28.71億元,按年增長6.2%。",
    "由全資子公司鯤程博遠物流技術(上海)有限公司承擔的報關業務收入1.16億元。鯤程博遠成立於2017年。",
]


def _facts(convert: Any) -> tuple[Drafter, dict[str, dict[str, Any]]]:
    drafter = Drafter(convert("\n".join(ARTICLE)), slug="lines")
    drafter.run()
    return drafter, {str(f.data["value"]): f.data for f in drafter.facts if "value" in f.data}


def _segment_names(drafter: Drafter, fact: dict[str, Any]) -> list[str]:
    return [to_simplified(drafter.concepts[s]["names"]["zh-Hant"]) for s in fact.get("segment", [])]


@ALL_SCRIPTS
def test_a_paragraph_that_opens_by_ranking_a_line_is_about_it(convert: Any) -> None:
    drafter, facts = _facts(convert)
    assert _segment_names(drafter, facts["52.31"]) == ["海外仓服务"]
    assert _segment_names(drafter, facts["26.3"]) == ["海外仓服务"]
    assert "segment" not in facts["68"]  # 鲲程物流在15个国家营运68座海外仓: the company's own count
    assert "segment" not in facts["223.04"]


@ALL_SCRIPTS
def test_a_sentence_with_a_subject_of_its_own_leaves_the_paragraphs_line(convert: Any) -> None:
    drafter, facts = _facts(convert)
    assert _segment_names(drafter, facts["98.62"]) == ["跨境空运"]
    assert "跨境空运" not in _segment_names(drafter, facts["13.7"])


@ALL_SCRIPTS
def test_a_line_named_with_a_series_word_is_called_without_it_and_measures_nothing_alone(convert: Any) -> None:
    drafter, _ = _facts(convert)
    line = next(c for c in drafter.concepts.values() if to_simplified(c["names"]["zh-Hant"]) == "天鲲系列")
    assert "天鲲" in {to_simplified(a) for a in line["aliases"]}
    assert not any(
        to_simplified(c["names"]["zh-Hant"]) == "天鲲" and c["kind"] == "metric" for c in drafter.concepts.values()
    )


@ALL_SCRIPTS
def test_a_subsidiarys_legal_name_gives_the_stem_the_article_uses(convert: Any) -> None:
    drafter, _ = _facts(convert)
    founded = next(f.data for f in drafter.facts if f.data.get("metric") == "founding")
    assert founded["subject"] != drafter.main
    aliases = {to_simplified(a) for a in drafter.concepts[founded["subject"]]["aliases"]}
    assert "鲲程博远" in aliases


@ALL_SCRIPTS
def test_a_figure_given_again_in_another_currency_is_no_second_figure(convert: Any) -> None:
    _, facts = _facts(convert)
    assert "1004" not in facts


@ALL_SCRIPTS
def test_a_change_after_a_figure_given_again_in_brackets_is_the_figures_not_the_prior_years(convert: Any) -> None:
    """223.04億元(約新臺幣1004億元),年增27.6%,前一年則為174.8億元: 27.6% is 2024's growth."""
    _, facts = _facts(convert)
    assert float(facts["223.04"]["change"]["value"]) == 27.6
    assert "change" not in facts["174.8"] and facts["174.8"]["period"] == "2023"


@ALL_SCRIPTS
def test_a_series_named_with_its_tier_is_a_line_that_该系列_points_back_to(convert: Any) -> None:
    drafter, facts = _facts(convert)
    assert _segment_names(drafter, facts["28.71"]) == ["鲲藏系列"]
