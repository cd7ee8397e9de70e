"""A month's figure and the year's figure so far (10月營收 beside 1至10月累計營收) are two periods: each
question gets its own, and neither answers for the other."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant import Assistant

ARTICLE = """瀾星海運公布10月營收
晨星財經

貨櫃航運公司瀾星海運（LanStar Marine）公布，10月合併營收96.2億元，月減3.1%；累計今年1至10月營收1,030.7億元，年減5.3%。

2024年全年，瀾星海運營收為1,280億元。
"""


@pytest.fixture(scope="module", params=["zh-Hant", "zh-Hans", "full-width"])
def shipping(request: pytest.FixtureRequest, draft_bot: Callable[[str, str], Assistant]) -> Assistant:
    return draft_bot(ARTICLE, request.param)


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("瀾星10月營收多少?", "96.2", "1,030.7"),
        ("瀾星今年1至10月累計營收多少?", "1,030.7", "96.2"),
        ("瀾星前十個月營收是多少?", "1,030.7", "96.2"),
        ("What was LanStar's revenue in October 2025?", "96.2", "1,030.7"),
        ("LanStar's cumulative revenue January through October 2025?", "1,030.7", "96.2"),
    ],
)
def test_a_month_and_the_months_so_far_are_two_periods(
    shipping: Assistant, question: str, figure: str, not_figure: str
) -> None:
    answer = shipping.ask(question)
    assert answer.status == "answered", answer.text
    assert figure in answer.headline and not_figure not in answer.headline, answer.text


def test_the_months_so_far_answer_no_whole_year(shipping: Assistant) -> None:
    answer = shipping.ask("瀾星2025年全年營收多少?")
    assert "1,030.7" not in answer.headline, answer.text
