"""Parts of the whole on a raw draft, in every script: a line a sentence names as 'X等業務' is that line;
a measure written 'X的毛利率' is a part of the company's bare figure given elsewhere; a 其中 part with a long
name is a part; words before 是…業務 that point back at a line, give a reason or open with a measure are no
line; a revenue said to come from a group of customers (來自連鎖餐飲客戶的收入) is that group's. The question
about the whole gets the whole's figure, not a choice. Written for these tests."""

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
        "潮汐財訊",
        "滄嶼冷鏈:冷庫越蓋越多",
        "滄嶼冷鏈股份有限公司(以下簡稱滄嶼冷鏈)總部位於寧波。2024年滄嶼冷鏈營收為86.15億元,年增18.2%。",
        "2024年公司整體毛利率為21.7%,比上年提高1.3個百分點。毛利率上升主要是因為冷庫租賃業務的規模效應開始顯現。",
        "拆開營收結構,冷庫租賃仍是滄嶼冷鏈最大的業務。2024年該業務營收為41.02億元。電費是這項業務最大的成本項目。",
        "不過,城市冷鏈配送的毛利率只有6.4%,仍明顯低於公司平均水準。",
        "其餘的進口清關與代採購等業務,2024年營收為9.33億元,年減4.1%。",
        "截至2024年底,滄嶼冷鏈員工總數約1.2萬人,其中冷庫一線操作員工超過7,600人。",
        "從下游看,2024年公司來自連鎖餐飲客戶的收入約為23.5億元,來自生鮮電商的營收為12.8億元,年增31.6%。",
    ]
)


def _drafter(convert: Any) -> tuple[Drafter, dict[str, dict[str, Any]]]:
    return drafted_figures(convert(ARTICLE), "parts")


def _line_names(drafter: Drafter) -> set[str]:
    return {to_simplified(c["names"]["zh-Hant"]) for c in drafter.concepts.values() if c.get("kind") == "segment"}


def _tag_names(drafter: Drafter, fact: dict[str, Any]) -> list[str]:
    return [to_simplified(drafter.concepts[t]["names"]["zh-Hant"]) for t in fact.get("tags", [])]


@ALL_SCRIPTS
def test_a_line_named_as_a_list_is_that_line(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    line = facts["9.33"].get("segment")
    assert line, facts["9.33"]
    assert to_simplified(drafter.concepts[line[0]]["names"]["zh-Hant"]) == "代采购"


@ALL_SCRIPTS
def test_words_that_point_back_give_a_reason_or_open_with_a_measure_are_no_line(convert: Any) -> None:
    drafter, _ = _drafter(convert)
    names = _line_names(drafter)
    assert "冷库租赁" in names
    assert not {n for n in names if n.startswith(("电费", "毛利率", "拆开"))}, names


@ALL_SCRIPTS
def test_a_measure_written_with_a_part_before_it_is_a_part_of_the_bare_figure_elsewhere(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert _tag_names(drafter, facts["6.4"]) == ["城市冷链配送"]
    assert "tags" not in facts["21.7"]


@ALL_SCRIPTS
def test_a_part_after_qizhong_with_a_long_name_is_a_part(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert _tag_names(drafter, facts["7600"]) == ["冷库一线操作"]
    assert "tags" not in facts["1.2"]


@ALL_SCRIPTS
def test_a_revenue_said_to_come_from_a_group_of_customers_is_that_groups(convert: Any) -> None:
    drafter, facts = _drafter(convert)
    assert [simplified_name(drafter, s) for s in facts["23.5"].get("segment", [])] == ["连锁餐饮客户"]
    assert [simplified_name(drafter, s) for s in facts["12.8"].get("segment", [])] == ["生鲜电商"]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("滄嶼冷鏈2024年營收多少?", "86.15"),
        ("What was Cangyu's gross margin in 2024?", "21.7%"),
        ("沧屿冷链一共有多少员工?", "1.2"),
        ("How much revenue did Cangyu make from chain restaurant customers in 2024?", "23.5"),
        ("滄嶼2024年來自生鮮電商的收入多少?", "12.8"),
        ("2024年连锁餐饮贡献了多少营收?", "23.5"),
    ],
)
def test_the_whole_is_answered_with_the_wholes_figure(drafted: Assistant, question: str, figure: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.text.split("\n")[0] + answer.text.split("\n")[1]


STAFF = "\n".join(
    [
        "潮汐財訊",
        "青嶼茶飲:門市越開越多",
        "青嶼茶飲集團股份有限公司(以下簡稱青嶼)總部位於廈門。2024年青嶼營收為68.42億元。",
        "截至2024年底,青嶼員工總數6842人,其中直營門市員工約3900人,研發及品管人員286人。",
    ]
)


@ALL_SCRIPTS
def test_a_part_named_with_another_measures_word_is_a_part(convert: Any) -> None:
    """其中直營門市員工: 門市 is a word of the store count, but after 其中 it names which staff, not a measure."""
    drafter, figures = drafted_figures(convert(STAFF), "staff")
    tags = figures["3900"].get("tags", [])
    assert [simplified_name(drafter, t) for t in tags if drafter.concepts[t]["kind"] == "qualifier"] == ["直营门市"]
    assert figures["3900"]["metric"] == figures["6842"]["metric"] == "employees"


ROUND_WORDS = "\n".join(
    [
        "潮汐財訊",
        "雪途物流:營收首破80億",
        "雪途物流股份有限公司(以下簡稱雪途物流)總部位於上海。",
        "2024年雪途物流實現營業收入86.73億元,同比增長14.03%,營收規模首次突破80億元。",
        "2024年冷鏈業務收入為38.05億元,其中僅冷凍肉品一類就貢獻了超過24億元收入。",
    ]
)


@ALL_SCRIPTS
def test_round_words_for_the_same_figure_are_no_second_figure(convert: Any) -> None:
    """突破80億元 beside 86.73億元 says the revenue again; 超過24億元 beside 38.05億元 is far from it: a part."""
    _, figures = drafted_figures(convert(ROUND_WORDS), "round")
    assert "80" not in figures and figures["86.73"]["metric"] == "revenue"
    assert "24" in figures


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
@pytest.mark.parametrize(
    ("article", "question", "figure", "other"),
    [("STAFF", "青嶼一共有多少員工?", "6842", "3900"), ("ROUND_WORDS", "雪途物流2024年營收多少?", "86.73", "80")],
)
def test_the_whole_is_answered_not_a_choice_with_its_part_or_round_words(
    draft_bot: Any, script: str, article: str, question: str, figure: str, other: str
) -> None:
    answer = draft_bot(globals()[article], script).ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.headline and other not in answer.headline.replace(figure, ""), answer.headline


SHOPS = "\n".join(
    [
        "潮汐財訊",
        "泓昇珠寶:金價高企下的門店調整",
        "泓昇珠寶集團控股有限公司(以下簡稱泓昇)總部位於香港。2024年泓昇收入為127.08億港元。",
        "截至2024年底,集團共有1,086間店舖,其中香港58間。",
        "集團僱用員工約4,900人,會員人數超過520萬。",
    ]
)


@pytest.mark.parametrize(
    ("script", "question"), [("zh-Hant", "泓昇在香港有多少名員工?"), ("zh-Hans", "泓昇2024年香港的收入是多少?")]
)
def test_a_part_asked_of_a_measure_given_only_for_the_whole_is_not_given(
    draft_bot: Any, script: str, question: str
) -> None:
    """香港 is a part of the shop count; the staff and the revenue are given only for the whole group."""
    answer = draft_bot(SHOPS, script).ask(to_simplified(question) if script == "zh-Hans" else question)
    assert answer.status == "no_answer", answer.text
    assert "香港" in answer.headline  # what is not given is named; the group's figure is only the closest


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_the_part_is_answered_where_it_is_given(draft_bot: Any, script: str) -> None:
    answer = draft_bot(SHOPS, script).ask("泓昇香港有多少間店?")
    assert answer.status == "answered", answer.text
    assert "58" in answer.headline
