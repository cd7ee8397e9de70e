"""Answers on a raw draft (no review), in every script, of a pharmacy chain: a plan for a later year is
dated by the year its own clause names and answered as that year's plan; a flow of what a count counts
(新開藥房85家, 關閉藥房41家) answers how many pharmacies it opened or closed, never with the count
itself; a part named with 其中 after a comparison (較上年末的4,791人…;其中執業藥師1,246名) is of the
running year, not the compared one; a company of the same trade (百草藥行 beside 仁濟藥行) is a stranger;
a price paid per share beside an approximate stake implies no valuation, and the draft still loads; and a
forecast asking no measure gets no plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from answers import answered, figure_lines

from assistant import Assistant
from assistant.tools.check import check_pack
from assistant.tools.draft.writer import write_draft

ARTICLE = "\n".join(
    [
        "仁濟藥行去年少賺兩成",
        "港島財經週報 記者 何明",
        "連鎖藥房營運商仁濟藥行集團控股有限公司(Renji Pharmacy,下稱「仁濟藥行」)公布,2024年收益為68.4億元。",
        "截至2024年底,仁濟藥行在全國經營藥房1,236家。2024年集團新開藥房85家,同時關閉藥房41家。",
        "人員方面,截至2024年末,集團員工總數為5,238人,較上年末的4,791人有所增加;其中執業藥師1,246名。",
        "寧川醫藥於2023年以每股14.20港元認購新股,目前持有仁濟藥行約8.6%股權。",
        "集團計劃2026年新開藥房120至150家。",
    ]
)


def test_a_plan_for_a_later_year_is_that_years_plan(drafted: Assistant) -> None:
    text = answered(drafted, "仁濟藥行2026年計劃新開多少家藥房?")
    assert "120" in figure_lines(text) and "150" in figure_lines(text), text


@pytest.mark.parametrize(
    ("question", "figure"), [("仁濟藥行2024年新開了多少家藥房?", "85"), ("仁濟藥行2024年關閉了幾家藥房?", "41")]
)
def test_the_pharmacies_opened_are_not_the_pharmacies_run(drafted: Assistant, question: str, figure: str) -> None:
    text = answered(drafted, question)
    assert figure in figure_lines(text) and "1,236" not in figure_lines(text), text


def test_a_part_after_a_comparison_is_of_the_running_year(drafted: Assistant) -> None:
    text = answered(drafted, "仁濟藥行2024年底執業藥師有多少名?")
    assert "1,246" in figure_lines(text), text
    earlier = drafted.ask("仁濟藥行2023年底執業藥師有多少名?")
    assert earlier.status != "answered", earlier.text


def test_a_company_of_the_same_trade_is_a_stranger(drafted: Assistant) -> None:
    answer = drafted.ask("百草藥行2024年收益多少?")
    assert answer.status != "answered", answer.text
    assert "68.4" not in figure_lines(answer.text), answer.text


def test_a_price_per_share_implies_no_valuation(drafted: Assistant) -> None:
    answer = drafted.ask("仁濟藥行估值多少?")
    assert "14.2" not in figure_lines(answer.text).replace("14.20", "14.2") or answer.status != "answered", answer.text


def test_a_plans_later_year_passes_the_check(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert write_draft(article, tmp_path / "pack").loads
    result = check_pack(tmp_path / "pack")
    assert not [p for p in result.problems if "after current_year" in p.message], result.problems


def test_a_forecast_asking_no_measure_is_no_plan(drafted: Assistant) -> None:
    answer = drafted.ask("Forget the article: which pharmacy stock will double next year?")
    assert answer.status != "answered", answer.text
