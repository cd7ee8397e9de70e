"""The operands of a question and the figure each one selects: a stated fact, a figure the article
implies (a prior-year value from a stated change, a ratio a concept defines), or a named gap.

A question naming two segments, metrics, companies or periods has one operand per value ("CT收入比MR
少多少": CT and MR); a share has the part and the whole ("CT占總營收": CT revenue and all revenue).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import msgspec

from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher, Scored
from assistant.engine.weights import WEIGHTS
from assistant.lang.period import fits
from assistant.lang.periods import Period
from assistant.pack import figures
from assistant.pack.bases import answers_basis, compared
from assistant.pack.figures import FigureError
from assistant.pack.model import Pack
from assistant.pack.schema import Fact, Localized


@dataclass(frozen=True)
class Found:
    """What one operand resolved to: a fact (stated or computed), or why not."""

    fact: Fact | None = None
    frame: Frame | None = None
    problem: str = ""  # "missing", "ambiguous", "approximate"
    options: list[Fact] = field(default_factory=list)


def operand(frame: Frame, **changes: Any) -> Frame:
    """A frame that selects one input figure: the question's slots, without what it asks of the result
    (its unit, its operation, its cue words) and without its wording, which describes the result."""
    qualifiers = [q for q in frame.qualifiers if q not in frame.operation_words]
    changes.setdefault("qualifiers", qualifiers)
    return replace(frame, operation="lookup", detail="lookup", cues={}, unit=None, units=set(), **changes)


def split(frame: Frame, computed: set[str], *, by_metric: bool = True) -> list[Frame]:
    """One frame per value of the slot the question varies, in the order it names them. The operands
    select plain figures: a share or ratio the question asks for is what is computed from them, not
    one of them. Sums and comparisons are of one measure, so they vary segments, companies or periods."""
    plain = [m for m in frame.metrics if m not in computed]
    if not plain and frame.metrics:
        return [operand(frame)]  # only computed measures named (a loss ratio): one figure to compute
    for slot in ("segments", "metrics", "entities"):
        if slot == "metrics" and not by_metric:
            continue
        values = plain if slot == "metrics" else getattr(frame, slot)
        if len(values) >= 2:
            if slot == "metrics":
                return [operand(frame, metrics=[v], focus=v) for v in values]
            return [operand(frame, metrics=plain, **{slot: [v]}) for v in values]
    if frame.periods and frame.bases:
        return [
            operand(frame, metrics=plain, periods=[frame.periods[0]], bases=[]),
            operand(frame, metrics=plain, periods=[frame.bases[0]], bases=[]),
        ]
    if len(frame.periods) >= 2:
        return [operand(frame, metrics=plain, periods=[p]) for p in frame.periods]
    return [operand(frame, metrics=plain)]


class Resolver:
    """Finds the figure of one operand among the pack's facts, or the figure they imply."""

    def __init__(self, pack: Pack, matcher: Matcher, labeller: Labeller) -> None:
        self.pack = pack
        self.matcher = matcher
        self.labeller = labeller
        self.computed = {cid: c.computed for cid, c in pack.concepts.items() if c.computed is not None}
        self.period_flows = frozenset(pack.words.get("period_flows", []))  # measures the parts of a year add up to

    def figure(self, frame: Frame, *, previous: list[str] | None = None, stated: bool = False) -> Found:
        """The one figure the frame selects (a fact with a value), or a reason; with `stated`, only a figure
        the article states, none it implies. A frame that names no company selects the article's main
        company's figure when there is one."""
        if not frame.entities and self.pack.default_subject:
            found = self.figure(replace(frame, entities=[self.pack.default_subject]), previous=previous, stated=stated)
            if found.fact is not None or found.problem != "missing":
                return found
        ranked = [  # a range (26%至27%) is no operand: no one number stands for it
            s
            for s in self.matcher.rank(frame, previous=previous)
            if s.fact.value is not None and s.fact.derivation is None and s.fact.upto is None
        ]
        if ranked:
            return self._single(frame, ranked)
        quoted = self._quoted(frame)
        if quoted is not None:
            return Found(quoted, frame)
        if stated:
            return Found(frame=frame, problem="missing")
        implied = self.implied(frame)
        return implied if implied.fact is not None or implied.problem else Found(frame=frame, problem="missing")

    def _quoted(self, frame: Frame) -> Fact | None:
        """ "按100億估值和2023年營收算": the figure the question quotes, whatever the period it names."""
        if not frame.numbers or not frame.periods:
            return None
        keys = self.matcher.keys
        stating = [
            s.fact
            for s in self.matcher.rank(frame.dropping("periods"))
            if s.fact.value is not None and s.fact.derivation is None and frame.numbers & keys[s.fact.id].own_numbers
        ]
        return stating[0] if stating and len({f.value for f in stating}) == 1 else None

    def _single(self, frame: Frame, ranked: list[Scored]) -> Found:
        top = ranked[0]
        tied = [
            s for s in ranked if top.score - s.score < WEIGHTS.clarify_margin and s.fact.written != top.fact.written
        ]
        if tied and len({s.fact.id for s in [top, *tied]}) > 1:
            return Found(frame=frame, problem="ambiguous", options=[top.fact, *[s.fact for s in tied]][:4])
        return Found(top.fact, frame)

    def implied(self, frame: Frame) -> Found:
        """A figure the article implies: the value of a year before a stated change, or a metric a
        concept defines as a ratio or share of others. A difference of two stated figures (Q2 = H1 − Q1)
        comes before a value backed out of a rounded rate of change (Q3 ÷ (1 − 季減9.6%))."""
        rest = self._rest_of_period(frame)
        if rest.fact is not None:
            return rest
        prior = self._prior_value(frame)
        if prior.fact is not None or prior.problem:
            return prior
        if rest.problem:
            return rest
        for metric in frame.metrics:
            rule = self.computed.get(metric)
            if rule is not None and rule.operation == "years_between":
                return self._years(frame, metric, rule.of, rule.over)
            if rule is not None:
                return self._defined(frame, metric, rule.operation, rule.of, rule.over)
        return Found(frame=frame, problem="missing")

    def _years(self, frame: Frame, metric: str, first: str | None, second: str | None) -> Found:
        """The years between two events a concept names (founding and listing): 2022年 − 2011年."""
        events = []
        for event in (first, second):
            if event is None:
                return Found(frame=frame, problem="missing")
            found = self.figure(replace(operand(frame, metrics=[event], focus=event, periods=[]), operation="when"))
            year = year_of(found.fact) if found.fact is not None else None
            if year is None:
                return Found(frame=frame, problem="missing")
            events.append((year, found.fact))
        (start, start_fact), (end, end_fact) = events
        assert start_fact is not None and end_fact is not None
        quantity = figures.Quantity(
            Decimal(end - start), "年", f"{end}年 − {start}年", tuple(dict.fromkeys([end_fact.id, start_fact.id])), True
        )
        label = self.labeller.concept_label(start_fact, metric)
        return Found(self.labeller.result(quantity, start_fact, "years_between", label, frame, metric=metric), frame)

    def _prior_value(self, frame: Frame) -> Found:
        """A figure from a later one and its stated change, over the period the change compares with:
        2023 revenue from 2024's and its 同比 (103億元 ÷ (1 − 9.73%)), Q2 revenue from Q3's and its 季增."""
        asked = frame.periods[0] if len(frame.periods) == 1 else None
        if asked is None or not frame.metrics:
            return Found()
        ranked = [
            s
            for s in self.matcher.rank(operand(frame, periods=[]))
            if s.fact.value is not None
            and s.fact.change is not None
            and frame.unit in (None, "%", s.fact.unit)  # 多少人 is never answered from a sum of money
            and _compares_with(s.fact, asked)
            and answers_basis(frame.basis, s.fact)  # 依年增率回推 takes a 年增; 2024年第三季季增多少 no 年增
        ]
        if not ranked:
            return Found()
        fact = ranked[0].fact
        try:
            current, change = figures.of_fact(fact), figures.of_change(fact)
            if change.unit == "%":
                quantity = figures.prior_from_rate(current, change)
            elif change.unit == figures.POINTS:
                quantity = figures.prior_from_points(current, change)
            elif change.unit == fact.unit:
                quantity = figures.prior_from_amount(current, change)
            else:
                return Found()
        except FigureError:
            return Found(fact, frame, problem="approximate")
        period = (compared(fact) or asked).canonical()
        label = self.labeller.same(fact, period)
        return Found(self.labeller.result(quantity, fact, "prior_from_change", label, frame, period=period), frame)

    def _rest_of_period(self, frame: Frame) -> Found:
        """A part of a year from the whole and the rest of it, for a measure the parts of a year add up to
        (`period_flows`): 下半年 is the year less 上半年 (62.48億元 − 29.85億元), Q2 is H1 less Q1, Q4 the year
        less 前三季度, and Q1 is H1 less Q2."""
        asked = frame.periods[0] if len(frame.periods) == 1 else None
        if asked is not None and asked.year is None and self.pack.current_year:  # Q3单季: the article's own year
            asked = asked.with_year(self.pack.current_year)
        options = _rests_and_wholes(asked) if asked is not None and asked.year is not None else []
        if asked is None or not options or not set(frame.metrics) & self.period_flows:
            return Found()
        for parts in options:  # H1 is FY − H2, else the first nine months less Q3
            found = [self.figure(operand(frame, periods=[part]), stated=True) for part in parts]
            facts = [f.fact for f in found if f.fact is not None]
            if len(facts) == 2 and [f.period for f in facts] == [part.canonical() for part in parts]:
                break
        else:
            return Found()
        try:
            quantity = figures.difference(figures.of_fact(facts[1]), figures.of_fact(facts[0]))
        except FigureError:
            return Found(facts[1], frame, problem="approximate")
        label = self.labeller.same(facts[1], asked.canonical())
        return Found(
            self.labeller.result(quantity, facts[1], "difference", label, frame, period=asked.canonical()), frame
        )

    def _defined(self, frame: Frame, metric: str, operation: str, of: str | None, over: str | None) -> Found:
        """A metric defined by its concept: net margin = net profit ÷ revenue; a share = the part ÷ all;
        pre-money valuation = valuation − the round; gross profit = revenue × gross margin."""
        inputs = self._defined_inputs(frame, metric, operation, of, over)
        if isinstance(inputs, Found):
            return inputs
        numerator, denominator = inputs
        if numerator.period != denominator.period and None not in (numerator.period, denominator.period):
            return Found(frame=frame, problem="missing")  # figures of two dates describe no one measure
        try:
            quantity = _combine(operation, figures.of_fact(numerator), figures.of_fact(denominator))
        except FigureError:
            return Found(numerator, frame, problem="approximate")
        label = self.labeller.concept_label(numerator, metric)
        return Found(self.labeller.result(quantity, numerator, operation, label, frame, metric=metric), frame)

    def _defined_inputs(
        self, frame: Frame, metric: str, operation: str, of: str | None, over: str | None
    ) -> tuple[Fact, Fact] | Found:
        """The two figures a defined metric is computed from, or the operand that is missing."""
        others = [m for m in frame.metrics if m != metric and m not in self.computed]
        numerator_metric = of or (others[0] if others else over)
        if numerator_metric is None:
            return Found(frame=frame, problem="missing")
        whole_metric = over or numerator_metric
        numerator = self.figure(operand(frame, metrics=[numerator_metric], focus=numerator_metric))
        whole = operand(
            frame,
            metrics=[whole_metric],
            focus=whole_metric,
            segments=[] if operation == "share" else frame.segments,
            qualifiers=[],
        )
        if operation == "share" and not frame.segments and numerator_metric == whole_metric:
            return Found(frame=frame, problem="missing")  # a share of what? nothing to divide
        denominator = self.figure(whole)
        for part in (numerator, denominator):
            if part.fact is None:
                return part
        assert numerator.fact is not None and denominator.fact is not None
        for used, wanted in ((numerator.fact, numerator_metric), (denominator.fact, whole_metric)):
            concept = self.pack.concepts.get(wanted)
            if used.metric != wanted and concept is not None and used.metric in concept.implies:
                return Found(frame=frame, problem="missing")  # a net loss is no net profit to divide: its sign
        return numerator.fact, denominator.fact


class Labeller:
    """Names of computed figures in the three scripts, from templates and concept names."""

    def __init__(self, pack: Pack, template: object, what: object, concept_name: object) -> None:
        self.pack = pack
        self.template = template
        self.what = what
        self.concept_name = concept_name

    def localized(self, key: str, **facts: Fact | list[Fact] | str) -> Localized:
        """A label from a template whose fields are facts (named by `what`), lists of facts or concept ids."""

        def name(value: Fact | list[Fact] | str, lang: str) -> str:
            if isinstance(value, str):
                return str(self.concept_name(value, lang))  # type: ignore[operator]
            if isinstance(value, list):
                joiner = " and " if lang == "en" else "與"
                return joiner.join(str(self.what(f, lang)) for f in value)  # type: ignore[operator]
            return str(self.what(value, lang))  # type: ignore[operator]

        def fill(lang: str) -> str:
            return str(self.template(key, lang, **{k: name(v, lang) for k, v in facts.items()}))  # type: ignore[operator]

        return Localized(zh_Hant=fill("zh-Hant"), zh_Hans=fill("zh-Hans"), en=fill("en"))

    def same(self, fact: Fact, period: str) -> Localized:
        """The label of a fact moved to another period (a prior-year value)."""
        moved = replace_fact(fact, period=period, when=None, label=None)
        return self.localized("label_same", a=moved)

    def concept_label(self, fact: Fact, metric: str) -> Localized:
        """ "聯影醫療2024年淨利率": the subject, period and segments of an input, with the computed metric."""
        return self.localized("label_same", a=replace_fact(fact, metric=metric, label=None, when=None))

    def result(
        self,
        quantity: figures.Quantity,
        anchor: Fact,
        formula: str,
        label: Localized,
        frame: Frame,
        *,
        period: str | None = None,
        metric: str | None = None,
    ) -> Fact:
        """A computed figure as a fact: cited through its inputs, rounded as the question asks."""
        fid = f"computed:{formula}:" + "+".join(quantity.inputs)
        return figures.result_fact(
            quantity,
            fid=fid,
            subject=anchor.subject,
            metric=metric or anchor.metric,
            formula=formula,
            quote=anchor.quote,
            paragraph=anchor.paragraph,
            source=anchor.source,
            period=period or anchor.period,
            segment=list(anchor.segment),
            decimals=frame.decimals,
            label=label,
        )


def _combine(operation: str, a: figures.Quantity, b: figures.Quantity) -> figures.Quantity:
    """The arithmetic a defined metric names: a difference, a part of a whole, else a ratio in percent."""
    if operation == "difference":
        return figures.difference(a, b)
    if operation == "part":
        return figures.part_of(a, b)
    return figures.ratio(a, b, percent=True)


def _rests_and_wholes(period: Period) -> list[tuple[Period, Period]]:
    """The rest of the period a part lies in, and that period, in the order to try: H1 and the year for H2, Q1
    and H1 for Q2, H1 and the first nine months for Q3; for H1, H2 and the year, else Q3 and the first nine
    months; Q2 and H1 for Q1; none for no such part."""
    year = period.year
    if period.part == "H2":
        return [(Period(year, part="H1"), Period(year))]
    if period.part == "H1":
        return [(Period(year, part="H2"), Period(year)), (Period(year, quarter=3), Period.first_months(year, 9))]
    if period.quarter == 1 and period.month is None:
        return [(Period(year, quarter=2), Period(year, part="H1"))]
    if period.quarter and period.quarter > 1 and period.month is None:
        return [(Period.first_months(year, 3 * (period.quarter - 1)), Period.first_months(year, 3 * period.quarter))]
    return []


def _compares_with(fact: Fact, asked: Period) -> bool:
    """Whether the fact's change compares it with the period asked (2024's 同比 with 2023, not Q3's 季增)."""
    before = compared(fact)
    return before is not None and fits(asked, before.canonical(), "")


def year_of(fact: Fact) -> int | None:
    """The year of an event: its figure when it is a year (成立於2011年), else the year of its period."""
    if fact.unit == "年" and fact.value is not None:
        return int(fact.value)
    period = Period.parse(fact.period)
    return period.year if period else None


def replace_fact(fact: Fact, **changes: Any) -> Fact:
    return msgspec.structs.replace(fact, **changes)
