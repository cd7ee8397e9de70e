"""What a stated change compares with (its basis: 同比, 季增, 月增, 較年初) decides three answers: its
English wording, the prior figure computed from it, and whether it answers a change asked on a basis."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant import Assistant

ARTICLE = """瀚海航運第三季營收季增5%
晨星財經

貨櫃航運公司瀚海航運（Hanhai Shipping）公布財報，2025年第三季營收為120億元，季增5%；稅後純益為18億元，年增12%。

2024年全年，瀚海航運營收為400億元，年增20%。

截至2025年9月底，瀚海航運存貨為30億元，較年初增加10%。

2025年10月營收為42億元，月增3%。

2025年11月營收為40億元，月減4.8%、年減18.5%。
"""

SCRIPTS = ["zh-Hant", "zh-Hans", "full-width"]


@pytest.fixture(scope="module", params=SCRIPTS)
def shipping(request: pytest.FixtureRequest, draft_bot: Callable[[str, str], Assistant]) -> Assistant:
    return draft_bot(ARTICLE, request.param)


@pytest.mark.parametrize(
    ("question", "basis"),
    [
        ("What was Hanhai's revenue in Q3 2025?", "quarter on quarter"),
        ("What was Hanhai's net profit in Q3 2025?", "year on year"),
        ("What was Hanhai's revenue in 2024?", "year on year"),
        ("What was Hanhai's revenue in October 2025?", "month on month"),
        ("What was Hanhai's inventory at the end of September 2025?", "since the start of the year"),
    ],
)
def test_an_english_answer_names_the_basis_the_article_wrote(shipping: Assistant, question: str, basis: str) -> None:
    answer = shipping.ask(question, language="en")
    assert answer.status == "answered", answer.text
    assert basis in answer.headline, answer.headline
    others = {"year on year", "quarter on quarter", "month on month", "since the start of the year"} - {basis}
    assert not any(o in answer.headline for o in others), answer.headline


@pytest.mark.parametrize(
    ("question", "figure", "formula"),
    [
        ("2025年第二季營收是多少?", "114.29", "120億元 ÷ (1 + 5%)"),  # the quarter before Q3: its 季增
        ("2023年營收是多少?", "333.33", "400億元 ÷ (1 + 20%)"),  # the year before 2024: its 年增
        ("2025年9月營收是多少?", "40.78", "42億元 ÷ (1 + 3%)"),  # the month before October: its 月增
        ("2024年底存貨是多少?", "27.27", "30億元 ÷ (1 + 10%)"),  # the end of last year: 較年初
    ],
)
def test_a_prior_figure_is_computed_over_the_period_its_change_compares_with(
    shipping: Assistant, question: str, figure: str, formula: str
) -> None:
    answer = shipping.ask(question, language="zh-Hant")
    assert answer.status == "answered", answer.text
    assert figure in answer.headline, answer.text
    assert answer.derivation is not None and formula in answer.derivation.expression.replace("亿", "億")


@pytest.mark.parametrize(
    "question",
    [
        "2024年第三季營收是多少?",  # Q3 2025's change is on Q2, not on the Q3 before
        "2024年第三季稅後純益季增多少?",  # no quarter's figure of 2024 at all
        "2024年9月底存貨是多少?",  # 較年初 compares with the end of 2024, not September
    ],
)
def test_no_prior_figure_from_a_change_on_another_basis(shipping: Assistant, question: str) -> None:
    answer = shipping.ask(question, language="zh-Hant")
    assert answer.status == "no_answer", answer.text
    assert not any(n in answer.headline for n in ("114.29", "107.14", "16.07", "27.27")), answer.text


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("第三季營收年增多少?", "季增5%"),  # asked year on year; the article gives the quarter's change only
        ("Q3 2025 net profit q/q growth?", "年增12%"),  # asked quarter on quarter; the article gives y/y
    ],
)
def test_a_change_asked_on_one_basis_is_not_answered_with_another(
    shipping: Assistant, question: str, stated: str
) -> None:
    answer = shipping.ask(question)
    assert answer.status == "no_answer", answer.text
    assert stated in answer.text, answer.text


def test_a_change_asked_on_its_own_basis_is_answered(shipping: Assistant) -> None:
    assert shipping.ask("第三季營收季增多少?").status == "answered"
    assert shipping.ask("Q3 2025 net profit growth y/y?").status == "answered"


def test_a_quarters_figure_answers_no_month(shipping: Assistant) -> None:
    """9月營收 is not the third quarter's revenue; it is October's less its 月增."""
    answer = shipping.ask("2025年9月營收是多少?", language="zh-Hant")
    assert "120" not in answer.headline, answer.text


def test_a_figure_with_two_changes_answers_each_basis(shipping: Assistant) -> None:
    """月減4.8%、年減18.5%: a change asked year on year or month on month gets its own."""
    assert "年減18.5%" in shipping.ask("2025年11月營收年減多少?").headline.replace("减", "減")
    assert "月減4.8%" in shipping.ask("2025年11月營收月減多少?").headline.replace("减", "減")
    chat = shipping.chat()
    assert "4.8" in chat.ask("11月營收 MoM 掉多少?").headline
    follow_up = chat.ask("YoY 呢?")
    assert follow_up.status == "answered" and "18.5" in follow_up.headline, follow_up.text
