"""Figures the article implies (2023 revenue from 2024 revenue and its change, sums, shares),
computed at load time from cited facts so that every derived answer shows its arithmetic and inputs.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from assistant.pack.schema import Derivation, DerivedSpec, Fact

SCALES: dict[str | None, Decimal] = {
    None: Decimal(1),
    "": Decimal(1),
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
    "萬": Decimal(10) ** 4,
    "万": Decimal(10) ** 4,
    "百萬": Decimal(10) ** 6,
    "百万": Decimal(10) ** 6,
    "億": Decimal(10) ** 8,
    "亿": Decimal(10) ** 8,
}


class DerivationError(ValueError):
    """A derivation that cannot be computed from its inputs."""


def base_value(fact: Fact) -> Decimal:
    """The fact's value in plain units (103億 -> 10_300_000_000)."""
    if fact.value is None:
        raise DerivationError(f"input {fact.id} has no value")
    if fact.scale not in SCALES:
        raise DerivationError(f"input {fact.id} has an unknown scale {fact.scale!r}")
    return fact.value * SCALES[fact.scale]


def figure(value: Decimal, decimals: int) -> str:
    """A number with a fixed count of decimals, as people write it."""
    quantum = Decimal(1).scaleb(-decimals)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP):f}"


def _written(fact: Fact) -> str:
    return fact.written or f"{fact.value}{fact.scale or ''}{fact.unit or ''}"


def _check_exact(spec: DerivedSpec, inputs: list[Fact], *, uses_change: bool) -> None:
    for fact in inputs:
        if fact.approx:
            raise DerivationError(f"input {fact.id} is approximate ({fact.approx}); derive from exact figures only")
        if uses_change and (fact.change is None or fact.change.approx):
            raise DerivationError(f"input {fact.id} needs an exact stated change")
    if spec.formula in {"difference", "percent_of", "divide_by_percent"} and len(inputs) != 2:
        raise DerivationError(f"formula {spec.formula} takes exactly two inputs")


def _compute(spec: DerivedSpec, inputs: list[Fact]) -> tuple[Decimal, str]:
    """The result in plain units (or percent) and the arithmetic written with the source's figures."""
    first = inputs[0]
    if spec.formula == "prior_from_change":
        assert first.change is not None
        if first.change.unit != "%":
            raise DerivationError(f"input {first.id}: prior_from_change needs a change in %")
        result = base_value(first) / (1 + first.change.value / 100)
        sign = "+" if first.change.value >= 0 else "−"
        return result, f"{_written(first)} ÷ (1 {sign} {abs(first.change.value)}%)"
    if spec.formula == "prior_from_absolute_change":
        assert first.change is not None
        result = base_value(first) - first.change.value * SCALES[first.scale]
        return result, f"{_written(first)} − {first.change.written}"
    if spec.formula == "sum":
        return sum((base_value(f) for f in inputs), Decimal(0)), " + ".join(_written(f) for f in inputs)
    second = inputs[1]
    if spec.formula == "difference":
        return base_value(first) - base_value(second), f"{_written(first)} − {_written(second)}"
    if spec.formula == "percent_of":
        return base_value(first) / base_value(second) * 100, f"{_written(first)} ÷ {_written(second)} × 100%"
    if spec.formula == "divide_by_percent":
        return base_value(first) / (base_value(second) / 100), f"{_written(first)} ÷ {_written(second)}"
    raise DerivationError(f"unknown formula {spec.formula}")


def derive(spec: DerivedSpec, facts: dict[str, Fact]) -> Fact:
    """Build the derived fact for `spec` from already loaded facts; raises DerivationError."""
    missing = [i for i in spec.inputs if i not in facts]
    if missing:
        raise DerivationError(f"unknown input fact(s): {', '.join(missing)}")
    inputs = [facts[i] for i in spec.inputs]
    _check_exact(spec, inputs, uses_change=spec.formula.startswith("prior_from"))
    result, arithmetic = _compute(spec, inputs)
    if spec.unit != "%":
        if spec.scale not in SCALES:
            raise DerivationError(f"unknown scale {spec.scale!r}")
        result = result / SCALES[spec.scale]
    shown = figure(result, spec.decimals)
    exact = Decimal(shown) == result
    written = f"{shown}{spec.scale or ''}{spec.unit}"
    expression = f"{arithmetic} {'=' if exact else '≈'} {written}"
    written = written if exact else f"約{written}"
    return Fact(
        id=spec.id,
        subject=spec.subject,
        metric=spec.metric,
        period=spec.period,
        when=spec.when,
        segment=spec.segment,
        object=spec.object,
        tags=spec.tags,
        value=Decimal(shown),
        unit=spec.unit,
        scale=spec.scale,
        approx=None if exact else "約",
        written=written,
        label=spec.label,
        quote=first_quote(inputs),
        paragraph=inputs[0].paragraph,
        source=inputs[0].source,
        derivation=Derivation(formula=spec.formula, inputs=spec.inputs, expression=expression),
    )


def first_quote(inputs: list[Fact]) -> str:
    """A derived fact points at its first input's sentence; the answer cites every input."""
    return inputs[0].quote
