"""What a raw draft must never answer wrongly, in both scripts: a share of revenue stated for another
measure is not "the share of revenue", a figure of the measure asked is not tied with one that only
relates to it, and a reader's hyphenated English names the same line as the spaced one."""

from __future__ import annotations

import pytest

from assistant import Assistant

ARTICLE = "\n".join(
    [
        "晨光財訊",
        "青禾物流2024年營收增長",
        "青禾物流是一家冷鏈物流企業,2024年實現營業收入48.62億元,同比增長16.35%。",
        "分業務看,供應鏈科技服務業務收入6.04億元,占比12.4%。",
        "截至2024年末,公司應收賬款餘額為9.46億元,較年初增長逾兩成,規模已接近全年營收的兩成。",
        "2024年,公司折舊及攤銷費用同比增加約1.4億元,研發費用為2.13億元。",
    ]
)


@pytest.mark.parametrize(
    "question", ["青禾物流2024年營收多少?", "青禾物流2024年营收多少", "Qinghe Logistics FY24 revenue?"]
)
def test_revenue_is_answered_not_tied_with_a_share_of_revenue(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "48.62" in answer.text


@pytest.mark.parametrize("question", ["應收賬款佔營收的比例是多少?", "What were receivables as a share of revenue?"])
def test_a_share_stated_for_a_measure_answers_a_question_naming_it(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    assert "兩成" in answer.text or "两成" in answer.text


@pytest.mark.parametrize("question", ["青禾物流營收占比多少?", "What share of revenue came from cold storage?"])
def test_a_share_stated_for_another_measure_is_not_the_share_asked(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert "兩成" not in answer.text and "两成" not in answer.text, answer.text


@pytest.mark.parametrize("question", ["青禾物流研發費用是多少?", "How much did Qinghe Logistics spend on R&D?"])
def test_an_expense_of_another_kind_is_not_the_rd_expense(drafted: Assistant, question: str) -> None:
    answer = drafted.ask(question)
    assert answer.status == "answered", answer.text
    stated = answer.text.split("來源")[0].split("Source")[0]  # the figure given, before the cited sentence
    assert "2.13" in stated and "1.4" not in stated


@pytest.mark.parametrize("spelling", ["supply-chain technology services", "supply chain technology services"])
def test_a_hyphenated_english_name_is_the_spaced_one(drafted: Assistant, spelling: str) -> None:
    answer = drafted.ask(f"How much revenue did the {spelling} segment book in FY24?")
    assert answer.status == "answered", answer.text
    assert "6.04" in answer.text
