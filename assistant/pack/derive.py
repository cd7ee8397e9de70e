"""Figures the article itself states as derivations (derived.yaml), computed at load time from cited
facts with the arithmetic of `figures`, so that such an answer shows its formula and cites its inputs.
"""

from __future__ import annotations

import msgspec

from assistant.pack import figures
from assistant.pack.figures import FigureError, Quantity
from assistant.pack.schema import DerivedSpec, Fact

DerivationError = FigureError


def _compute(spec: DerivedSpec, inputs: list[Fact]) -> Quantity:
    first = figures.of_fact(inputs[0])
    if spec.formula == "prior_from_change":
        return figures.prior_from_rate(first, figures.of_change(inputs[0]))
    if spec.formula == "prior_from_absolute_change":
        return figures.prior_from_amount(first, figures.of_change(inputs[0]))
    quantities = [figures.of_fact(f) for f in inputs]
    if spec.formula == "sum":
        return figures.total(quantities)
    if len(quantities) != 2:
        raise DerivationError(f"formula {spec.formula} takes exactly two inputs")
    if spec.formula == "difference":
        return figures.difference(*quantities)
    if spec.formula == "percent_of":
        return figures.ratio(*quantities, percent=True)
    value, share = quantities  # divide_by_percent: a price ÷ the stake it bought
    result = figures.ratio(value, Quantity(share.value / 100, "", share.expression, share.inputs), percent=False)
    return Quantity(result.value, value.unit, f"{value.expression} ÷ {share.expression}", result.inputs, True)


def derive(spec: DerivedSpec, facts: dict[str, Fact]) -> Fact:
    """Build the derived fact for `spec` from already loaded facts; raises DerivationError."""
    missing = [i for i in spec.inputs if i not in facts]
    if missing:
        raise DerivationError(f"unknown input fact(s): {', '.join(missing)}")
    inputs = [facts[i] for i in spec.inputs]
    quantity = _compute(spec, inputs)
    if spec.formula == "difference" and quantity.unit == figures.POINTS and spec.unit != figures.POINTS:
        quantity = Quantity(quantity.value, spec.unit, quantity.expression, quantity.inputs, True)
    if quantity.unit != spec.unit and not (spec.unit == "%" and quantity.unit == "%"):
        quantity = Quantity(quantity.value, spec.unit, quantity.expression, quantity.inputs, True)
    fact = figures.result_fact(
        quantity,
        fid=spec.id,
        subject=spec.subject,
        metric=spec.metric,
        formula=spec.formula,
        quote=inputs[0].quote,
        paragraph=inputs[0].paragraph,
        source=inputs[0].source,
        period=spec.period,
        segment=spec.segment,
        decimals=spec.decimals,
        scale=spec.scale or "",
        label=spec.label,
    )
    # a figure computed from unreviewed (drafted) facts is unreviewed too, and answers say so
    draft = any(f.draft for f in inputs)
    return msgspec.structs.replace(fact, when=spec.when, object=spec.object, tags=spec.tags, draft=draft)
