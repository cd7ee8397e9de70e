"""Derived figures: computed from cited inputs, arithmetic shown, approximate inputs refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.pack.derive import DerivationError, derive
from assistant.pack.schema import Change, DerivedSpec, Fact


def _fact(fid: str, value: str, scale: str | None = "億", unit: str = "元", **extra: object) -> Fact:
    return Fact(
        id=fid,
        subject="x",
        metric="revenue",
        value=Decimal(value),
        unit=unit,
        scale=scale,
        written=f"{value}{scale or ''}{unit}",
        quote="q",
        paragraph=1,
        **extra,
    )  # type: ignore[arg-type]


def test_prior_year_from_change() -> None:
    current = _fact("rev", "103", change=Change(value=Decimal("-9.73"), written="同比下降9.73%"))
    spec = DerivedSpec(
        id="rev-prior",
        subject="x",
        metric="revenue",
        formula="prior_from_change",
        inputs=["rev"],
        unit="元",
        scale="億",
    )
    fact = derive(spec, {"rev": current})
    assert fact.value == Decimal("114.10")
    assert fact.approx == "約"
    assert "103億元 ÷ (1 − 9.73%)" in fact.derivation.expression  # type: ignore[union-attr]


def test_valuation_from_price_and_stake_converts_scales() -> None:
    price = _fact("price", "7000", scale="萬")
    stake = _fact("stake", "0.70", scale=None, unit="%")
    spec = DerivedSpec(
        id="val",
        subject="x",
        metric="valuation",
        formula="divide_by_percent",
        inputs=["price", "stake"],
        unit="元",
        scale="億",
    )
    assert derive(spec, {"price": price, "stake": stake}).value == Decimal("100.00")


def test_exact_difference_is_not_marked_approximate() -> None:
    listing = _fact("listing", "2022", scale=None, unit="年")
    founding = _fact("founding", "2011", scale=None, unit="年")
    spec = DerivedSpec(
        id="years", subject="x", metric="m", formula="difference", inputs=["listing", "founding"], unit="年", decimals=0
    )
    fact = derive(spec, {"listing": listing, "founding": founding})
    assert fact.value == Decimal("11") and fact.approx is None


def test_approximate_inputs_are_refused() -> None:
    rough = _fact("rough", "30.48", change=Change(value=Decimal(-25), approx="超過", written="超過25%"))
    spec = DerivedSpec(id="p", subject="x", metric="revenue", formula="prior_from_change", inputs=["rough"], unit="元")
    with pytest.raises(DerivationError):
        derive(spec, {"rough": rough})
