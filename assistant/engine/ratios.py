"""Ratios, shares and multiples: one figure over another, a segment's share of the whole (or the
article's own percentage when it states exactly that share), and money per person.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.engine.arithmetic import Arithmetic, Outcome, sum_label
from assistant.engine.frame import Frame
from assistant.engine.operands import Resolver, operand
from assistant.pack import figures
from assistant.pack.figures import FigureError
from assistant.pack.schema import Fact

COUNTS = ("人", "個", "家", "款", "張", "台", "套", "名", "位")


class Ratios(Arithmetic):
    """Computes what a ratio, share or multiple question asks."""

    def ratio(self, frame: Frame, operands: list[Frame], previous: list[str]) -> Outcome | None:
        """The figures the question quotes divided, else the share the article states, else a share or
        ratio computed from the operands, else the ratio a concept defines."""
        if frame.numbers and len(frame.quoted) >= 2:
            quoted = self._by_numbers(frame)
            if quoted is not None:
                return quoted
        stated = self._stated_share(frame, operands, previous)
        if stated is not None:
            return stated
        if len(operands) >= 2:
            if all(o.segments for o in operands) and (frame.totals or self.share_metric(frame)):
                return self._segments_share(frame, operands)
            return self.binary(frame, operands[:2], "ratio")
        if frame.segments and not self._defined_ratio(frame):
            return self._share(frame)
        found = self.resolver.implied(frame)
        if found.fact is not None and not found.problem:
            return Outcome("computed", [found.fact], frame)
        return self.stop(found, frame) if found.problem and found.problem != "missing" else None

    def share_metric(self, frame: Frame) -> bool:
        """Whether the question names a measure that is a share (占比)."""
        return any(self.resolver.computed[m].operation == "share" for m in frame.metrics if m in self.resolver.computed)

    def _defined_ratio(self, frame: Frame) -> bool:
        """Whether the question names a measure its concept defines as a ratio (a net margin)."""
        computed = self.resolver.computed
        return any(computed.get(m) and computed[m].operation == "ratio" for m in frame.metrics)

    def binary(self, frame: Frame, operands: list[Frame], formula: str) -> Outcome:
        """The first figure over the second: a ratio in percent, a multiple, or an amount per unit."""
        facts, stop = self.resolve(operands)
        if stop:
            return stop
        values = self.quantities(facts)
        if isinstance(values, Outcome):
            return values
        per_unit = values[0].unit != values[1].unit and "%" not in (values[0].unit, values[1].unit)
        if per_unit and values[0].unit in COUNTS and values[1].unit not in COUNTS:
            values, facts = values[::-1], facts[::-1]  # "每位研發人員對應多少研發費用": money per person
        try:
            quantity = figures.ratio(values[0], values[1], percent=formula == "ratio" and not per_unit)
        except FigureError:
            return Outcome("missing", facts, frame)
        key = "label_per_unit" if per_unit else "label_ratio" if formula == "ratio" else "label_multiple"
        return self.computed(frame, quantity, facts, formula, key, a=facts[0], b=facts[1])

    def _segments_share(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        """ "CT和MR合計占營收多少": the sum of the segments' figures as a share of the whole."""
        if len(operands) < 2:
            return self._share(frame) if frame.segments else None
        base = _base_metric(frame, self.resolver)
        facts, stop = self.resolve(operands)
        if stop or base is None:
            return stop or Outcome("missing", [], frame)
        whole = self.resolver.figure(operand(frame, segments=[], metrics=[base], focus=base, qualifiers=[]))
        if whole.fact is None or whole.problem:
            return self.stop(whole, frame)
        values = self.quantities([*facts, whole.fact])
        if isinstance(values, Outcome):
            return values
        part = figures.total(values[:-1])
        quantity = figures.ratio(part, values[-1], percent=True)
        return self.computed(frame, quantity, facts, "share", "label_share_of", a=sum_label(facts), b=whole.fact)

    def _share(self, frame: Frame) -> Outcome:
        """A segment's share of the whole: "what share of revenue came from CT" = CT revenue ÷ revenue."""
        base = _base_metric(frame, self.resolver)
        if base is None:
            return Outcome("missing", [], frame)
        part = operand(frame, metrics=[base], focus=base)
        facts, stop = self.resolve([part])
        if stop:
            return stop
        whole = self.resolver.figure(replace(part, segments=[], qualifiers=[]))
        if whole.fact is None or whole.problem:
            return self.stop(whole, frame)
        values = self.quantities([facts[0], whole.fact])
        if isinstance(values, Outcome):
            return values
        quantity = figures.ratio(values[0], values[1], percent=True)
        return self.computed(
            frame, quantity, [facts[0], whole.fact], "share", "label_share_of", a=facts[0], b=whole.fact
        )

    def _stated_share(self, frame: Frame, operands: list[Frame], previous: list[str]) -> Outcome | None:
        """The article's own percentage, when it states exactly the share asked for: about the same
        segments and covering every measure the question names (and not an exact computation asked of a
        rounded statement)."""
        ranked = self._stated_percentages(frame, operands, previous)
        if not ranked or (frame.exact and ranked[0].approx):
            return None
        if ranked[0].approx and len(frame.segments) >= 1:
            exact = self._segments_share(frame, operands)
            if exact is not None and exact.kind == "computed":
                return Outcome("computed", [ranked[0], *exact.facts], frame)
        return Outcome("stated", [ranked[0]], frame)

    def _stated_percentages(self, frame: Frame, operands: list[Frame], previous: list[str]) -> list[Fact]:
        """Stated percentages about no other segments than the question's, covering every measure named."""
        computed = self.resolver.computed
        measures = {m for o in operands for m in o.metrics} | {
            m for m in frame.metrics if m in computed and computed[m].operation == "ratio"
        }
        return [
            s.fact
            for s in self.matcher.rank(frame, previous=previous)
            if s.fact.unit == "%"
            and s.fact.derivation is None
            and set(s.fact.segment) <= set(frame.segments)
            and all(self.matcher.covers(s.fact, m) for m in measures)
        ]

    def _by_numbers(self, frame: Frame) -> Outcome | None:
        """ "用43.59亿除以103亿": the facts that state the numbers the question quotes."""
        facts: list[Fact] = []
        for number in frame.quoted[:2]:
            stating = [
                k.fact for k in self.matcher.keys.values() if k.fact.value == number.value and k.fact.derivation is None
            ]
            if len(stating) != 1:
                return None
            facts.append(stating[0])
        values = self.quantities(facts)
        if isinstance(values, Outcome):
            return values
        quantity = figures.ratio(values[0], values[1], percent=True)
        return self.computed(frame, quantity, facts, "ratio", "label_ratio", a=facts[0], b=facts[1])


def _base_metric(frame: Frame, resolver: Resolver) -> str | None:
    """The metric a share is a share of: the plain metric named, else the share concept's own base."""
    plain = [m for m in frame.metrics if m not in resolver.computed]
    if plain:
        return plain[0]
    return next((rule.over for m in frame.metrics if (rule := resolver.computed.get(m)) and rule.over), None)
