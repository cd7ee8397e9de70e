"""Arithmetic over cited figures: values, rounding, units and scales, the inputs kept, refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.pack import figures
from assistant.pack.figures import FigureError
from assistant.pack.schema import Change, Fact


def fact(
    fid: str,
    value: str,
    *,
    scale: str | None = "億",
    unit: str = "元",
    approx: str | None = None,
    change: Change | None = None,
) -> Fact:
    written = f"{approx or ''}{value}{scale or ''}{unit}"
    return Fact(
        id=fid,
        subject="x",
        metric="m",
        value=Decimal(value),
        unit=unit,
        scale=scale,
        approx=approx,
        written=written,
        change=change,
        quote=written,
        paragraph=1,
    )


def rate(value: str) -> Change:
    return Change(value=Decimal(value), written=f"同比{value}%")


def test_prior_value_from_a_rate_keeps_its_expression_and_input() -> None:
    revenue = fact("rev", "103", change=rate("-9.73"))
    prior = figures.prior_from_rate(figures.of_fact(revenue), figures.of_change(revenue))
    result = figures.result_fact(
        prior, fid="r", subject="x", metric="m", formula="f", quote="q", paragraph=1, source=None
    )
    assert result.written == "約114.10億元" and result.approx == "約"
    assert result.derivation is not None and result.derivation.inputs == ["rev"]
    assert "103億元 ÷ (1 − 9.73%)" in result.derivation.expression


def test_amount_and_rate_of_a_change() -> None:
    added = Change(value=Decimal(315), unit="人", written="增加315人")
    staff = fact("staff", "3271", scale=None, unit="人", change=added)
    rate_of = figures.rate_of_change(figures.of_fact(staff), figures.of_change(staff))
    assert figures.rounded(rate_of.value, 2) == Decimal("10.66") and rate_of.unit == "%"
    overseas = fact("os", "22.66", change=rate("35"))
    amount = figures.amount_of_change(figures.of_fact(overseas), figures.of_change(overseas))
    assert figures.rounded(amount.value / Decimal(10) ** 8, 2) == Decimal("5.87")


def test_ratio_across_scales_and_units() -> None:
    software = fact("sw", "8319", scale="萬")
    revenue = fact("rev", "103")
    share = figures.ratio(figures.of_fact(software), figures.of_fact(revenue), percent=True)
    assert figures.rounded(share.value, 2) == Decimal("0.81") and share.unit == "%"
    staff = fact("staff", "3271", scale=None, unit="人")
    per_person = figures.ratio(figures.of_fact(fact("rd", "22.6")), figures.of_fact(staff), percent=False)
    assert per_person.unit == "元/人"
    shown = figures.result_fact(
        per_person, fid="p", subject="x", metric="m", formula="f", quote="q", paragraph=1, source=None
    )
    assert shown.written == "約69.09萬元/人"


def test_a_part_of_an_amount_and_no_percentage_of_unlike_figures() -> None:
    """Gross profit from revenue and gross margin; revenue 'as a share of' a margin is no figure."""
    revenue = figures.of_fact(fact("rev", "186.42"))
    margin = figures.of_fact(fact("gm", "31.6", scale=None, unit="%"))
    gross = figures.part_of(revenue, margin)
    assert figures.rounded(gross.value / Decimal(10) ** 8, 2) == Decimal("58.91") and gross.unit == "元"
    assert gross.expression == "186.42億元 × 31.6%" and gross.inputs == ("rev", "gm")
    with pytest.raises(FigureError):
        figures.part_of(margin, revenue)
    with pytest.raises(FigureError):
        figures.ratio(revenue, margin, percent=True)
    for a, b in ((margin, revenue), (revenue, margin)):  # 31.6% ÷ 186.42億元 is no multiple either
        with pytest.raises(FigureError):
            figures.ratio(a, b, percent=False)
    assert figures.ratio(margin, margin, percent=False).unit == figures.TIMES


def test_multiple_and_difference() -> None:
    multiple = figures.ratio(figures.of_fact(fact("a", "22.6")), figures.of_fact(fact("b", "12.62")), percent=False)
    assert multiple.unit == figures.TIMES and figures.rounded(multiple.value, 2) == Decimal("1.79")
    gap = figures.difference(figures.of_fact(fact("ct", "30.48")), figures.of_fact(fact("mr", "31.92")))
    assert gap.value == Decimal("-1.44") * Decimal(10) ** 8 and gap.inputs == ("ct", "mr")


def test_two_percentages_differ_by_points() -> None:
    first = figures.of_fact(fact("a", "36.08", scale=None, unit="%"))
    second = figures.of_fact(fact("b", "9.73", scale=None, unit="%"))
    assert figures.difference(first, second).unit == figures.POINTS


def test_a_sum_in_one_unit_and_not_across_units() -> None:
    total = figures.total([figures.of_fact(fact("a", "30.48")), figures.of_fact(fact("b", "31.92"))])
    assert total.value == Decimal("62.40") * Decimal(10) ** 8
    with pytest.raises(FigureError):
        figures.total([figures.of_fact(fact("a", "1")), figures.of_fact(fact("p", "3", scale=None, unit="人"))])


def test_rounding_as_asked() -> None:
    margin = figures.ratio(figures.of_fact(fact("np", "12.62")), figures.of_fact(fact("rev", "103")), percent=True)
    one = figures.result_fact(
        margin, fid="m", subject="x", metric="m", formula="f", quote="q", paragraph=1, source=None, decimals=1
    )
    assert one.written == "約12.3%"


@pytest.mark.parametrize("approx", ["超過", "約", "接近"])
def test_approximate_figures_are_never_computed_from(approx: str) -> None:
    with pytest.raises(FigureError):
        figures.of_fact(fact("a", "25", scale=None, unit="%", approx=approx))


def test_zero_denominator_and_a_fall_of_all_are_refusals_not_crashes() -> None:
    with pytest.raises(FigureError):
        figures.ratio(figures.of_fact(fact("a", "1")), figures.of_fact(fact("z", "0")), percent=True)
    gone = fact("g", "0", change=rate("-100"))
    with pytest.raises(FigureError):
        figures.prior_from_rate(figures.of_fact(gone), figures.of_change(gone))
