"""Arithmetic on demand: ratios and shares, multiples, differences, sums, comparisons and spans of years
over the facts a question names, each result a computed fact with its formula and every input cited.

The operands come from the question's slots (one per segment, metric, company or period named), from the
segment and the whole, or from the conversation's last answers. Ratios and shares are computed in
`ratios`, comparisons in `comparisons`; the steps they share are in `arithmetic`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assistant.engine.arithmetic import Arithmetic, Outcome, sum_label
from assistant.engine.comparisons import Comparisons
from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher
from assistant.engine.operands import Found, Labeller, Resolver, operand, split, year_of
from assistant.engine.ratios import Ratios
from assistant.lang.normalize import fold
from assistant.lang.periods import Period
from assistant.pack import figures
from assistant.pack.figures import FigureError, Quantity
from assistant.pack.schema import Fact

_YEARS = re.compile(r"几年|多少年|多久|几个年头|how many years|how long|years (?:apart|between|passed|later)")
_ON_OPERANDS = ("ratio", "multiple", "difference", "derive")  # kinds whose operands vary by metric too
_AGAINST_WHOLE = ("multiple", "difference", "compare")  # kinds that set one segment against the whole
_OF_CONVERSATION = ("sum", "difference", "multiple", "ratio", "compare")  # kinds that take recent figures


class Calculator(Arithmetic):
    """Computes what a compute or compare question asks, from the operands it names."""

    def __init__(self, matcher: Matcher, resolver: Resolver, labeller: Labeller, both_words: list[str]) -> None:
        super().__init__(matcher, resolver, labeller)
        self.both_words = both_words
        self.ratios = Ratios(matcher, resolver, labeller)
        self.comparisons = Comparisons(matcher, resolver, labeller)

    def outcome(self, frame: Frame, previous: list[str], recent: tuple[tuple[Fact, ...], ...] = ()) -> Outcome | None:
        """The result for `frame`, or None when the question turns out to be a plain look-up. `recent` are
        the figures of the conversation's last answers: "the two" adds them up; "比RT少多少" after one
        figure compares it with RT."""
        try:
            outcome = self._outcome(frame, previous, recent)
        except FigureError:  # a zero divisor or an out-of-range figure: nothing the article supports
            return Outcome("missing", [], frame)
        return None if outcome is not None and outcome.kind == "single" else outcome

    def _outcome(self, frame: Frame, previous: list[str], recent: tuple[tuple[Fact, ...], ...]) -> Outcome | None:
        frame = self._defined_by_inputs(frame)
        kind = frame.detail
        if kind == "sum" and (self.ratios.share_metric(frame) or frame.unit == "%"):
            kind = "ratio"  # "CT和MR合計占營收多少", "合計貢獻了營收的幾成": the share of a sum
        operands = self._operands(frame, kind, recent)
        if kind == "ratio":
            return self.ratios.ratio(frame, operands, previous)
        if kind == "multiple" and len(operands) >= 2:
            return self.ratios.binary(frame, operands[:2], "multiple")
        if kind == "difference":
            return self._difference(frame, operands)
        if kind == "sum" and len(operands) >= 2:
            return self._total(frame, operands)
        if kind in ("compare", "extreme") and len(operands) >= 2:
            return self.comparisons.compare(frame, operands)
        if kind == "extreme" and frame.metrics and not frame.segments:
            return self.comparisons.extreme(frame)
        return self._derived(frame, kind, operands)

    def _defined_by_inputs(self, frame: Frame) -> Frame:
        """ "Gross profit from revenue and gross margin": a question naming a measure and its inputs asks
        for the measure."""
        for metric in frame.metrics:
            rule = self.resolver.computed.get(metric)
            if rule is not None and rule.of in frame.metrics and rule.over in frame.metrics:
                frame = replace(frame, metrics=[metric], focus=metric)
        return frame

    def _operands(self, frame: Frame, kind: str, recent: tuple[tuple[Fact, ...], ...]) -> list[Frame]:
        """The frames of the figures to compute with: one per value the question names, a segment and
        the whole, or the conversation's figures."""
        operands = split(frame, set(self.resolver.computed), by_metric=kind in _ON_OPERANDS)
        if len(operands) == 1 and frame.segments and frame.totals and kind in _AGAINST_WHOLE:
            # "境內收入跌幅比總營收跌幅多幾個百分點": the segment against the whole
            operands = [operands[0], replace(operands[0], segments=[], qualifiers=[])]
        if len(operands) == 1 and recent and kind in _OF_CONVERSATION:
            given = self._from_conversation(frame, operands[0], recent)
            if len(given) == 2:
                operands = [replace(operands[0], given=given[0]), replace(operands[0], given=given[1])]
        return operands

    def _derived(self, frame: Frame, kind: str, operands: list[Frame]) -> Outcome | None:
        """The years between two events, or a figure of one period backed out from another's."""
        if kind in ("derive", "difference") and _YEARS.search(frame.folded):
            events = self._events(frame)
            if len(events) >= 2:
                return self._years_between(frame, events[:2])
        if kind == "derive" and len(operands) >= 2:
            return self._implied_among(operands)
        return None

    def _implied_among(self, operands: list[Frame]) -> Outcome | None:
        """ "Back out 2023 revenue from the 2024 figure": of the periods named, the one the article does
        not state, computed from the one it does."""
        for part in operands:
            found = self.resolver.figure(part)
            if found.fact is not None and found.fact.derivation is not None and not found.problem:
                return Outcome("computed", [found.fact], part)
            if found.problem == "approximate":
                return self.stop(found, part)
        return None

    # -- operands from the conversation -----------------------------------------------------------

    def _measure_of(self, turn: tuple[Fact, ...], part: Frame) -> Fact:
        """The figure of an earlier answer in the measure a question asks for: "how much did it pay in
        total across both deals" after a stake, the amount paid stated in that stake's sentence."""
        wanted = [m for m in part.metrics if m not in self.resolver.computed]
        if not wanted or any(f.metric in wanted for f in turn):
            return turn[0]
        beside = [
            k.fact
            for k in self.matcher.keys.values()
            if k.fact.quote == turn[0].quote
            and k.fact.value is not None
            and k.fact.derivation is None
            and any(self.matcher.covers(k.fact, m) for m in wanted)
        ]
        return beside[0] if len(beside) == 1 else turn[0]

    def _from_conversation(self, frame: Frame, part: Frame, recent: tuple[tuple[Fact, ...], ...]) -> list[Fact]:
        """The two figures a follow-up works on: the last two answers' ("What do the two add up to?"),
        or the last answer's and the one it names ("比RT業務收入少多少?")."""
        if any(word in frame.folded for word in self.both_words) and len(recent) >= 2:
            return [self._measure_of(turn, part) for turn in recent[-2:]]
        if not (part.metrics or part.segments or part.entities):
            return []
        found = self.resolver.figure(part)
        last = recent[-1][0]
        if found.fact is None or found.problem or found.fact.id == last.id:
            return []
        return [last, found.fact]

    # -- differences and sums -------------------------------------------------------------------

    def change_between(self, frame: Frame, fact: Fact) -> Outcome | None:
        """A change the article does not state but gives both ends of: the figure and the same figure a
        year earlier ("經營性現金流凈額為-3.53億元…較去年同期的-6.57億元": narrowed by 3.04億元)."""
        pair = self._other_end(frame, fact)
        if not pair:
            return None
        fact = pair[0]
        values = self.quantities(pair)
        if isinstance(values, Outcome):
            return values
        try:
            difference = figures.difference(values[0], values[1])
        except FigureError:  # the same measure in other units (存貨 in 元 beside 存貨周轉 in 天): no change
            return None
        amount = self.computed(frame, difference, pair, "difference", "label_change_amount", a=fact)
        if frame.unit not in (None, "%") or values[0].unit == "%":
            return amount  # 多少錢: the amount; a change of a percentage is in points, never a rate of a rate
        try:
            quantity = figures.ratio(
                figures.difference(*values),
                Quantity(abs(values[1].value), values[1].unit, values[1].expression, values[1].inputs),
                percent=True,
            )
        except FigureError:
            return amount if frame.unit is None else None
        rate = self.computed(frame, quantity, pair, "rate_of_change", "label_change_rate", a=fact)
        if frame.unit == "%":
            return rate
        return Outcome("computed", [*amount.facts, *rate.facts], frame)  # 增長了多少: by how much, and by what rate

    def _other_end(self, frame: Frame, fact: Fact) -> list[Fact]:
        """The figure and the same figure a year before it (or after it, when it is the earlier end), in
        time order; empty when the article states no such pair."""
        period = Period.parse(fact.period)
        if period is None or period.year is None or fact.value is None or fact.derivation is not None:
            return []
        for shift in (-1, 1):  # the year before this one, else the year after (when this is the earlier end)
            other = operand(
                frame,
                entities=[fact.subject],
                metrics=[fact.metric],
                focus=fact.metric,
                segments=list(fact.segment),
                periods=[replace(period, year=period.year + shift)],
                bases=[],
            )
            found = self.resolver.figure(other)
            if (
                found.fact is not None
                and not found.problem
                and found.fact.derivation is None
                and set(found.fact.segment) == set(fact.segment)
            ):  # the same line, not overseas for the whole
                return [fact, found.fact] if shift < 0 else [found.fact, fact]
        return []

    def _difference(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        if len(operands) < 2:
            found = self.resolver.figure(operands[0]) if operands else Found()
            if found.fact is not None and not found.problem and found.fact.derivation is None:
                if _states_own_change(found.fact):
                    return Outcome("stated", [found.fact], frame)  # 毛利率較上年下降了幾個百分點
                return self.change_between(frame, found.fact)
            return None
        stated = self._stated_change(frame, operands[0], operands[1])
        if stated is not None:
            return stated
        facts, stop = self.resolve(operands[:2])
        if stop:
            return stop
        of_changes = "change" in frame.cues and all(f.change is not None and f.change.unit == "%" for f in facts)
        values = self.quantities(facts, changes=of_changes)
        if isinstance(values, Outcome):
            return values
        try:
            quantity = figures.difference(values[0], values[1])
        except FigureError:
            return Outcome("missing", facts, frame)
        key = "label_change_gap" if of_changes else "label_difference"
        return self.computed(frame, quantity, facts, "difference", key, a=facts[0], b=facts[1])

    def _stated_change(self, frame: Frame, first: Frame, second: Frame) -> Outcome | None:
        """ "毛利率較上年下降了幾個百分點": one measure in a year and the year before, and the later figure
        states its change in the measure's own unit (points for a rate). That stated change is the answer,
        not a difference computed with whatever figure the earlier year's operand finds."""
        same = all(
            getattr(first, slot) == getattr(second, slot) for slot in ("entities", "metrics", "segments", "qualifiers")
        )
        years = [op.periods[0].year if len(op.periods) == 1 else None for op in (first, second)]
        if not same or years[0] is None or years[1] is None or abs(years[0] - years[1]) != 1:
            return None
        later = first if years[0] > years[1] else second
        found = self.resolver.figure(later)
        if found.fact is None or found.problem or not _states_own_change(found.fact):
            return None
        return Outcome("stated", [found.fact], frame)

    def _total(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        facts, stop = self.resolve(operands)
        if stop:
            return stop if stop.kind == "approximate" else None  # not several figures to add: a look-up
        values = self.quantities(facts)
        if isinstance(values, Outcome):
            return values
        try:
            quantity = figures.total(values)
        except FigureError:
            return None  # figures in different units are no sum: a look-up may still find a stated total
        return self.computed(frame, quantity, facts, "sum", "label_sum", a=sum_label(facts))

    # -- years between events -------------------------------------------------------------------

    @staticmethod
    def _events(frame: Frame) -> list[Frame]:
        """The dated things a "how many years from X to Y" names: its measures (成立, 上市) and its
        qualifiers that mark an event (A輪)."""
        if len(frame.entities) >= 2 and len(frame.metrics) == 1:  # 聯影智能成立時,距聯影醫療成立過了幾年
            return [operand(frame, entities=[e], qualifiers=[]) for e in frame.entities]
        named = [operand(frame, metrics=[m], focus=m, qualifiers=[]) for m in frame.metrics]
        named += [
            operand(frame, metrics=[], qualifiers=[q]) for q in frame.qualifiers if q not in frame.operation_words
        ]
        return named

    def _years_between(self, frame: Frame, operands: list[Frame]) -> Outcome:
        facts: list[Fact] = []
        for part in operands:
            found = self.resolver.figure(replace(part, operation="when"))
            if found.fact is None:
                return self.stop(found, part)
            facts.append(found.fact)
        years = [year_of(f) for f in facts]
        if any(y is None for y in years):
            return Outcome("missing", facts, frame)
        first, second = sorted(zip(years, facts, strict=True), key=lambda p: p[0] or 0)
        quantity = Quantity(
            Decimal((second[0] or 0) - (first[0] or 0)),
            "年",
            f"{second[0]}年 − {first[0]}年",
            tuple(dict.fromkeys([second[1].id, first[1].id])),
            True,
        )
        return self.computed(
            frame, quantity, [second[1], first[1]], "years_between", "label_years", a=first[1], b=second[1]
        )


def _states_own_change(fact: Fact) -> bool:
    """Whether the fact states its change in its own unit, exactly (points for a rate, 億元 for an amount):
    then "how much did it change" is answered by the article, not by arithmetic."""
    if fact.change is None or fact.change.approx:
        return False
    own_unit = figures.POINTS if fact.unit == "%" else fact.unit
    return fold(fact.change.unit) == fold(own_unit or "")
