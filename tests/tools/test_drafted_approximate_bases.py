"""A year opening an earlier value written with an approximation word (由2023年的不足12%躍升至24.2%) dates
that value only: the figures after it, in that sentence and the next paragraph, keep the year the
article is speaking of."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines

ARTICLE = "\n".join(
    [
        "萌象文創全年收入大增",
        "港財日報 記者 梁穎琛",
        "萌象文創集團控股有限公司(萌象文創)2024年收入58.6億元,按年增長62.1%。",
        "毛利率由2023年的不足50%升至55.2%;經營利潤12.3億元。",
        "年內,集團淨利潤為9.86億元。",
    ]
)


@pytest.mark.parametrize(("question", "figure"), [("2024年經營利潤多少?", "12.3"), ("2024年淨利潤多少?", "9.86")])
def test_figures_after_an_approximate_earlier_value_keep_the_running_year(
    drafted: Assistant, question: str, figure: str
) -> None:
    assert figure in figure_lines(answered(drafted, question))


@pytest.mark.parametrize("question", ["2023年經營利潤多少?", "2023年淨利潤多少?"])
def test_they_are_never_the_earlier_years(drafted: Assistant, question: str) -> None:
    declined(drafted, question)
