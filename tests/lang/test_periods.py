"""The period grammar: every form a reader writes, the impossible ones, comparison bases, and fitting."""

from __future__ import annotations

import pytest
import yaml

from assistant.lang.normalize import fold
from assistant.lang.periods import Period, PeriodGrammar, fits
from assistant.pack.paths import bundled_root


@pytest.fixture(scope="module")
def grammar() -> PeriodGrammar:
    words = yaml.safe_load((bundled_root() / "intents" / "language.yaml").read_text(encoding="utf-8"))["periods"]
    return PeriodGrammar(words, current_year=2025)


def _read(grammar: PeriodGrammar, question: str) -> list[tuple[str | None, str, str | None]]:
    return [(m.period.canonical() if m.period else None, m.role, m.problem) for m in grammar.scan(fold(question))]


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("联影2024年营收", "2024"),
        ("聯影醫療二〇二三年營收多少?", "2023"),
        ("二零二三营收", "2023"),
        ("联影医疗23年营收", "2023"),
        ("FY23 revenue", "2023"),
        ("FY2023 revenue", "2023"),
        ("revenue in '23", "2023"),
        ("2024财年营收", "2024"),
        ("2024年度营收", "2024"),
        ("2024全年营收", "2024"),
        ("H1 2024 revenue", "2024H1"),
        ("1H24 revenue", "2024H1"),
        ("24H1 revenue", "2024H1"),
        ("2024年上半年营收", "2024H1"),
        ("revenue in the first half of 2024", "2024H1"),
        ("2024年下半年", "2024H2"),
        ("Q1 2025 cash flow", "2025Q1"),
        ("1Q25 cash flow", "2025Q1"),
        ("25Q1 cash flow", "2025Q1"),
        ("2025Q1 cash flow", "2025Q1"),
        ("2025年一季度经营现金流", "2025Q1"),
        ("2025年第一季度", "2025Q1"),
        ("截至2025年一季度末总负债", "2025Q1"),
        ("first quarter of 2025", "2025Q1"),
        ("2025年前三季度营收", "20259M"),
        ("截至2024年12月31日止年度的收益", "2024"),
        ("截至2025年6月30日止六個月的收益", "2025H1"),
        ("截至2024年12月31日止六個月", "2024H2"),
        ("截至2025年3月31日止三個月", "2025Q1"),
        ("截至2024年9月30日止九個月", "20249M"),
        ("revenue for the six months ended June 30, 2025", "2025H1"),
        ("profit for the six months to June 2025", "2025H1"),
        ("revenue in the nine months through September 2025", "20259M"),
        ("Yang Ming's nine-month 2025 EPS", "20259M"),
        ("the year ended December 31, 2024", "2024"),
        ("three months ended March 31, 2025", "2025Q1"),
        ("nine months ended September 30, 2024", "20249M"),
        ("first nine months of 2024", "20249M"),
        ("2024年12月的估值", "2024-12"),
        ("2024-12 valuation", "2024-12"),
        ("December 2024 valuation", "2024-12"),
        ("2025年5月30日", "2025-05-30"),
        ("May 30, 2025", "2025-05-30"),
        ("2024年底应收账款", "2024"),
        ("end of 2024 receivables", "2024"),
        ("今年一季度经营现金流", "2025Q1"),
        ("去年营收", "2024"),
        ("去年底", "2024"),
        ("前年", "2023"),
        ("revenue last year", "2024"),
        ("一季度经营现金流", "????Q1"),
        ("上半年营收", "????H1"),
        ("12月的估值", "????-12"),
        ("October revenue", "????-10"),
        ("may I ask the 2024 revenue", "2024"),  # "may" is a month only with its year
        ("累计今年1至10月营收", "202510M"),
        ("2025年1-10月营收", "202510M"),
        ("前10个月营收", "????10M"),
        ("前十個月營收", "????10M"),
        ("1月至10月累计营收", "????10M"),
        ("1至9月营收", "????9M"),
        ("2025年1-6月营收", "2025H1"),
        ("前三个月营收", "????Q1"),
        ("revenue January through October 2025", "202510M"),
        ("Jan-Oct revenue", "????10M"),
    ],
)
def test_every_written_form_reads_as_its_period(grammar: PeriodGrammar, question: str, period: str) -> None:
    assert _read(grammar, question) == [(period, "asked", None)]


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ("2024年第五季度营收", "impossible_quarter"),
        ("fifth quarter of 2024", "impossible_quarter"),
        ("Q5 2024", "impossible_quarter"),
        ("2024年13月营收", "impossible_month"),
        ("13月营收", "impossible_month"),
        ("2024年2月30日", "impossible_day"),
        ("9999年营收", "impossible_year"),
    ],
)
def test_impossible_periods_carry_a_problem_not_a_period(grammar: PeriodGrammar, question: str, problem: str) -> None:
    assert _read(grammar, question) == [(None, "asked", problem)]


@pytest.mark.parametrize(
    "question",
    [
        "增长了35%",
        "营收103亿元",
        "2000万元自有资金",
        "成立10年",
        "过去10年",
        "23年来",
        "公司成立已有10年",
        "期限为10年",
        "3个月",
        "到底多少",
        "研发人员3271人",
        "1500亿元",
    ],
)
def test_numbers_that_only_look_like_years_are_not_periods(grammar: PeriodGrammar, question: str) -> None:
    assert _read(grammar, question) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("海外收入比2023年增长了多少", [("2023", "base", None)]),
        ("海外收入占比2023年是多少", [("2023", "asked", None)]),
        ("revenue in 2024 compared with 2023", [("2024", "asked", None), ("2023", "base", None)]),
        ("从2023年到2024年增长了多少", [("2023", "base", None), ("2024", "asked", None)]),
        ("去年同期呢", [(None, "same_prior", None)]),
        ("较去年同期收窄", [(None, "same_prior_base", None)]),
        ("前一年呢?", [(None, "prior", None)]),
        ("and a year earlier?", [(None, "prior", None)]),
    ],
)
def test_bases_and_relative_periods_keep_their_role(
    grammar: PeriodGrammar, question: str, expected: list[tuple[str | None, str, str | None]]
) -> None:
    assert _read(grammar, question) == expected


def test_relative_years_need_the_year_the_article_was_written() -> None:
    words = yaml.safe_load((bundled_root() / "intents" / "language.yaml").read_text(encoding="utf-8"))["periods"]
    undated = PeriodGrammar(words, current_year=None)
    assert [(m.period, m.problem) for m in undated.scan(fold("去年营收"))] == [(None, "relative_unknown")]


def test_relative_years_in_a_fact_sentence_become_years(grammar: PeriodGrammar) -> None:
    assert "2024年底" in grammar.with_years(fold("在去年底,聯影醫療就開始"))


def test_spans_point_into_the_folded_question(grammar: PeriodGrammar) -> None:
    folded = fold("联影医疗FY23营收")
    (mention,) = grammar.scan(folded)
    assert folded[mention.start : mention.end] == mention.text == "fy23"


def test_year_mismatch_never_fits() -> None:
    assert not fits(Period(2021), "2024", "")


def test_quarter_question_rejects_full_year_fact() -> None:
    assert not fits(Period(2024, quarter=1), "2024", "")
    assert fits(Period(2024, quarter=1), "2024Q1", "")


def test_a_year_question_does_not_take_a_quarter_or_half_figure() -> None:
    """ "2025年全年净利润" with only Q1 in the base: the quarter is no answer for the year."""
    assert not fits(Period(2025), "2025Q1", "")
    assert not fits(Period(2024), "2024H1", "")
    assert fits(Period(2025), "2025-05-30", "")  # a figure on a day of the year (a market value) still fits


def test_an_unnamed_year_fits_any_year_of_the_same_part() -> None:
    assert fits(Period(None, quarter=1), "2025Q1", "")
    assert fits(Period(None, quarter=1), "2024Q1", "")
    assert not fits(Period(None, quarter=1), "2024", "")


def test_a_month_question_takes_only_that_months_figure() -> None:
    """9月營收 is neither the year's nor the third quarter's revenue."""
    assert not fits(Period(2024, month=12), "2024", "")
    assert fits(Period(2024, month=12), "2024-12", "")
    assert not fits(Period(2024, month=2), "2024Q1", "")
    assert not fits(Period(2025, month=9), "2025Q3", "")
    assert not fits(Period(2025, month=9), "2025Q3", "第三季营收120亿元")


def test_a_balance_at_a_quarters_end_answers_for_the_end_of_its_last_month() -> None:
    """3月底總負債 is 一季度末總負債 (folded: q1末); no other month of the quarter, and no flow of it."""
    assert fits(Period(2025, month=3), "2025Q1", "截至2025年q1末,总负债约85.6亿元")
    assert not fits(Period(2025, month=2), "2025Q1", "截至2025年q1末,总负债约85.6亿元")


def test_a_part_of_an_unnamed_year_never_takes_a_figure_without_period() -> None:
    """ "二季度呢?" must not be answered with a plan that has no period."""
    assert not fits(Period(None, quarter=2), None, "公司計劃用三年時間將奶酪業務收入占比提升至兩成")
    assert fits(Period(None), None, "公司計劃用三年時間將奶酪業務收入占比提升至兩成")


def test_fact_without_period_fits_when_its_sentence_names_the_year() -> None:
    assert fits(Period(2011), None, "自2011年成立以来")
    assert not fits(Period(2012), None, "自2011年成立以来")


def test_half_year_question_does_not_take_the_full_year_figure() -> None:
    assert not fits(Period(2024, part="H1"), "2024", "")


def test_canonical_forms_round_trip() -> None:
    for text in ("2024", "2025Q1", "2024H1", "20249M", "2024-12", "2025-05-30"):
        period = Period.parse(text)
        assert period is not None and period.canonical() == text


def test_an_undated_sentence_fits_a_part_of_a_year_only_when_it_names_that_part() -> None:
    """预计2025年全年营收55亿元 answers nothing about 2025H1; 预计2025年上半年… does."""
    half = Period(2025, part="H1")
    assert fits(Period(2025), None, "预计2025年全年营收55亿元")
    assert not fits(half, None, "预计2025年全年营收55亿元")
    assert fits(half, None, "预计2025年上半年营收26亿元", parts=(Period(None, part="H1"),))
    assert not fits(half, None, "预计2025年一季度营收12亿元", parts=(Period(None, quarter=1),))


def test_the_first_months_of_a_year_answer_for_themselves_only() -> None:
    """1至10月 is neither October nor the year, and a cumulative figure answers no month."""
    assert fits(Period(2025, part="10M"), "202510M", "")
    assert not fits(Period(2025, month=10), "202510M", "")
    assert not fits(Period(2025, part="10M"), "2025-10", "")
    assert not fits(Period(2025), "202510M", "")
    assert Period.parse("202510M") == Period(2025, part="10M")
    assert Period(2025, part="10M").closes < Period(2025, month=11).closes


@pytest.mark.parametrize(
    ("question", "periods"),
    [
        ("2024/25财年营收多少?", ["2025"]),  # a year across two is named by the year it ends in
        ("FY2024/25 revenue", ["2025"]),
        ("2023-24学年在校生", ["2024"]),
        ("2024/25年度上半年收入", ["2025H1"]),
        ("2021/22学年末在校生", ["2022"]),
        ("2024/25 revenue", ["2025"]),  # 25 is no month
        ("2011/12", ["2011-12"]),  # December 2011: with no fiscal mark, a month
        ("2024-2025年", ["2024", "2025"]),  # a span of two years, not one across two
        ("2024/26财年", [None]),  # not the year after: no year across two (and no month either)
    ],
)
def test_a_year_across_two(grammar: PeriodGrammar, question: str, periods: list[str | None]) -> None:
    assert [period for period, _, _ in _read(grammar, question)] == periods
