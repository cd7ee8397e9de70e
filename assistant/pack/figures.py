"""Arithmetic over cited figures: every result carries the expression written with the source's own
figures and the ids of the facts it used, so an answer can show its formula and cite every input.

Used at load time (figures the article states as derivations) and on demand (a margin, a share, a
difference, a prior-year value the question asks for). Approximate inputs (超過, 約 ...) are refused:
a figure computed from "more than 25%" is not a figure the article supports.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, localcontext

from assistant.pack.schema import Derivation, Fact

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
POINTS = "個百分點"  # the unit of a difference between two percentages
TIMES = "倍"
MAX_MAGNITUDE = Decimal(10) ** 30  # larger values are data errors, not figures of an article


def range_upper(
    low: Decimal, low_scale: str | None, high: Decimal, high_scale: str | None
) -> tuple[str | None, Decimal]:
    """A range's shared scale and its upper end in that scale. The lower end without a scale of its own
    takes the upper end's when it is the smaller number (3至6億元: 3 is 億 too); otherwise it stands as
    written (8000至1萬台: 8000 units, so the upper end is 10000)."""
    shared = high_scale if not low_scale and low < high else low_scale
    return shared, (high * SCALES[high_scale] / SCALES[shared]).normalize()


class FigureError(ValueError):
    """A computation that the inputs do not support (approximate, missing, zero or absurd)."""


@dataclass(frozen=True)
class Quantity:
    """A value in plain units (元, %, 人 ...) with how to write it and the facts it comes from."""

    value: Decimal
    unit: str
    expression: str
    inputs: tuple[str, ...]
    computed: bool = False

    def wrapped(self) -> str:
        """The expression, in brackets when it is itself a computation or a negative figure."""
        return f"({self.expression})" if self.computed or self.expression.startswith(("-", "−")) else self.expression


def written(fact: Fact) -> str:
    return fact.written or f"{fact.value}{fact.scale or ''}{fact.unit or ''}"


def of_fact(fact: Fact) -> Quantity:
    """The fact's figure as a quantity; a computed fact keeps its own inputs and expression."""
    if fact.value is None:
        raise FigureError(f"{fact.id} has no figure")
    if fact.approx:
        raise FigureError(f"{fact.id} is approximate ({fact.approx}{fact.written or ''})")
    if fact.scale not in SCALES:
        raise FigureError(f"{fact.id} has an unknown scale {fact.scale!r}")
    if not fact.value.is_finite():
        raise FigureError(f"{fact.id}: {fact.value} is not a number")
    value = fact.value * SCALES[fact.scale]
    if abs(value) > MAX_MAGNITUDE:
        raise FigureError(f"{fact.id}: {fact.value} is out of range")
    if fact.derivation is not None:
        expression = fact.derivation.expression.split(" = ")[0].split(" ≈ ")[0]
        return Quantity(value, fact.unit or "", expression, tuple(fact.derivation.inputs), computed=True)
    return Quantity(value, fact.unit or "", written(fact), (fact.id,))


def change_scale(fact: Fact) -> str | None:
    """The scale of a fact's change in its own unit: its own when it states one, else the figure's."""
    change = fact.change
    return change.scale if change is not None and change.scale is not None else fact.scale


def of_change(fact: Fact) -> Quantity:
    """The fact's stated change as a quantity (a % rate, points or an amount in the fact's unit)."""
    change = fact.change
    if change is None:
        raise FigureError(f"{fact.id} states no change")
    if change.approx:
        raise FigureError(f"{fact.id}: the change is approximate ({change.written})")
    if not change.value.is_finite() or abs(change.value) > MAX_MAGNITUDE:
        raise FigureError(f"{fact.id}: the change {change.value} is out of range")
    unit = change.unit
    if unit in ("%", POINTS):
        return Quantity(change.value, unit, f"{change.value:f}{unit}", (fact.id,))
    scale = change_scale(fact)
    value = change.value * SCALES.get(scale, Decimal(1))
    return Quantity(value, unit, f"{abs(change.value):f}{scale or ''}{unit}", (fact.id,))


def _divide(a: Decimal, b: Decimal) -> Decimal:
    """a ÷ b; a zero denominator or an overflow is a FigureError (a refusal), never a crash."""
    with localcontext() as context:
        context.prec = 28
        try:
            if b == 0:
                raise FigureError("division by zero")
            return a / b
        except (DivisionByZero, InvalidOperation) as exc:
            raise FigureError(str(exc)) from exc


def _joined(*quantities: Quantity) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for q in quantities for i in q.inputs))


def prior_from_rate(current: Quantity, rate: Quantity) -> Quantity:
    """The prior-period value from a value and its % change: 103 ÷ (1 − 9.73%)."""
    if rate.unit != "%":
        raise FigureError("a prior value from a rate needs a change in %")
    if rate.value <= -100:
        raise FigureError("a fall of 100% or more leaves no prior value to compute")
    sign = "+" if rate.value >= 0 else "−"
    value = _divide(current.value, 1 + rate.value / 100)
    return Quantity(
        value, current.unit, f"{current.wrapped()} ÷ (1 {sign} {abs(rate.value)}%)", _joined(current, rate), True
    )


def prior_from_amount(current: Quantity, change: Quantity) -> Quantity:
    """The prior-period value from a value and its change in the same unit: 3271人 − 315人."""
    sign = "−" if change.value >= 0 else "+"
    return Quantity(
        current.value - change.value,
        current.unit,
        f"{current.wrapped()} {sign} {change.expression}",
        _joined(current, change),
        True,
    )


def prior_from_points(current: Quantity, points: Quantity) -> Quantity:
    """The prior-period percentage from one in % and its change in percentage points: 18.6% + 2.3個百分點."""
    if current.unit != "%" or points.unit != POINTS:
        raise FigureError("a prior percentage needs a figure in % and a change in percentage points")
    sign = "−" if points.value >= 0 else "+"
    return Quantity(
        current.value - points.value,
        "%",
        f"{current.wrapped()} {sign} {abs(points.value):f}{POINTS}",
        _joined(current, points),
        True,
    )


def amount_of_change(current: Quantity, rate: Quantity) -> Quantity:
    """The change in the figure's own unit from its % change: 103 − 103 ÷ (1 − 9.73%)."""
    prior = prior_from_rate(current, rate)
    return Quantity(
        current.value - prior.value,
        current.unit,
        f"{current.wrapped()} − {current.wrapped()} ÷ (1 {'+' if rate.value >= 0 else '−'} {abs(rate.value)}%)",
        _joined(current, rate),
        True,
    )


def rate_of_change(current: Quantity, change: Quantity) -> Quantity:
    """The % change from a value and its change in the same unit: 315 ÷ (3271 − 315) × 100%."""
    prior = current.value - change.value
    value = _divide(change.value, prior) * 100
    sign = "−" if change.value >= 0 else "+"
    signed = change.expression if change.value >= 0 else f"-{change.expression}"
    return Quantity(
        value,
        "%",
        f"{signed} ÷ ({current.wrapped()} {sign} {change.expression}) × 100%",
        _joined(current, change),
        True,
    )


def ratio(a: Quantity, b: Quantity, *, percent: bool) -> Quantity:
    """a ÷ b: as a percentage (a share, a margin), as a multiple (倍), or per unit (元 per 人)."""
    if percent and a.unit != b.unit:
        raise FigureError(f"a percentage of {b.unit or 'a number'} cannot be made of {a.unit or 'a number'}")
    if (a.unit == "%") != (b.unit == "%"):  # 22% ÷ 12.62億元 is no multiple and no amount per unit
        raise FigureError(f"{a.unit or 'a number'} and {b.unit or 'a number'} cannot be divided into a multiple")
    value = _divide(a.value, b.value)
    if percent:
        return Quantity(value * 100, "%", f"{a.wrapped()} ÷ {b.wrapped()} × 100%", _joined(a, b), True)
    if a.unit == b.unit or not b.unit or b.unit == "%":
        return Quantity(value, TIMES, f"{a.wrapped()} ÷ {b.wrapped()}", _joined(a, b), True)
    return Quantity(value, f"{a.unit}/{b.unit}", f"{a.wrapped()} ÷ {b.wrapped()}", _joined(a, b), True)


def part_of(amount: Quantity, rate: Quantity) -> Quantity:
    """An amount times a percentage of it: gross profit from revenue and gross margin, 186.42億元 × 31.6%."""
    if rate.unit != "%" or amount.unit == "%":
        raise FigureError("a part of an amount needs the amount and a percentage")
    return Quantity(
        amount.value * rate.value / 100,
        amount.unit,
        f"{amount.wrapped()} × {rate.wrapped()}",
        _joined(amount, rate),
        True,
    )


def difference(a: Quantity, b: Quantity) -> Quantity:
    """a − b; two percentages differ by percentage points."""
    if a.unit != b.unit:
        raise FigureError(f"cannot subtract {b.unit} from {a.unit}")
    unit = POINTS if a.unit == "%" else a.unit
    return Quantity(a.value - b.value, unit, f"{a.wrapped()} − {b.wrapped()}", _joined(a, b), True)


def total(parts: list[Quantity]) -> Quantity:
    """The sum of figures in one unit."""
    if len({p.unit for p in parts}) != 1:
        raise FigureError("cannot add figures in different units")
    value = sum((p.value for p in parts), Decimal(0))
    return Quantity(value, parts[0].unit, " + ".join(p.wrapped() for p in parts), _joined(*parts), True)


def rounded(value: Decimal, decimals: int) -> Decimal:
    """`value` to `decimals` places; precision enough for any figure under MAX_MAGNITUDE."""
    with localcontext() as context:
        context.prec = 60
        try:
            return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        except ArithmeticError as exc:
            raise FigureError(f"{value} cannot be rounded to {decimals} decimals") from exc


def split_unit(unit: str) -> tuple[str, str | None]:
    """A unit and what it is per: 元/公斤 is (元, 公斤), 元 is (元, None)."""
    base, _, per = unit.partition("/")
    return base, per or None


def base_unit(unit: str | None) -> str | None:
    """The unit a figure is counted in before any 'per' (元 of 16.32元/公斤): what 多少錢 asks for."""
    return split_unit(unit)[0] if unit else unit


def display_scale(quantity: Quantity, preferred: str | None = None) -> tuple[str | None, Decimal]:
    """The scale to write an amount in (億 for hundreds of millions, 萬 for tens of thousands)."""
    unit = quantity.unit.split("/")[0]
    if unit not in ("元", "美元", "港元") and not quantity.unit.startswith("元"):
        return None, Decimal(1)
    if preferred is not None and preferred in SCALES:
        return preferred, SCALES[preferred]
    size = abs(quantity.value)
    if size >= Decimal(10) ** 8:
        return "億", SCALES["億"]
    if size >= Decimal(10) ** 4:
        return "萬", SCALES["萬"]
    return None, Decimal(1)


def default_decimals(unit: str) -> int:
    return 0 if unit in ("人", "年", "個", "家", "款", "張") else 2


def result_fact(
    quantity: Quantity,
    *,
    fid: str,
    subject: str,
    metric: str,
    formula: str,
    quote: str,
    paragraph: int,
    source: str | None,
    period: str | None = None,
    segment: list[str] | None = None,
    decimals: int | None = None,
    scale: str | None = None,
    label: object = None,
) -> Fact:
    """A computed figure as a Fact: rounded as asked, 約 when rounding changed it, the arithmetic kept."""
    if not quantity.value.is_finite() or abs(quantity.value) > MAX_MAGNITUDE:
        raise FigureError("the result is out of range")
    chosen_scale, factor = display_scale(quantity, scale)
    places = default_decimals(quantity.unit) if decimals is None else decimals
    scaled = _divide(quantity.value, factor) if factor != 1 else quantity.value
    shown = rounded(scaled, places)
    exact = shown == scaled
    unit = quantity.unit
    unit_text = unit.split("/")[0] + (f"/{unit.split('/')[1]}" if "/" in unit else "")
    text = f"{shown:f}{chosen_scale or ''}{unit_text}"
    expression = f"{quantity.expression} {'=' if exact else '≈'} {text}"
    return Fact(
        id=fid,
        subject=subject,
        metric=metric,
        period=period,
        segment=segment or [],
        value=shown,
        unit=unit,
        scale=chosen_scale or None,
        approx=None if exact else "約",
        written=text if exact else f"約{text}",
        quote=quote,
        paragraph=paragraph,
        source=source,
        label=label,  # type: ignore[arg-type]
        derivation=Derivation(formula=formula, inputs=list(quantity.inputs), expression=expression),
    )
