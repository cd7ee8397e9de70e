"""Arithmetic on demand: ratios and shares, multiples, differences, sums, comparisons and spans of years
over the facts a question names, each result a computed fact with its formula and every input cited.

A computation is only made from exact stated figures; when an operand is missing, ambiguous or
approximate the outcome says which, and the answer names it instead of computing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher
from assistant.engine.operands import Found, Labeller, Resolver, _year_of, operand, split
from assistant.lang.periods import Period
from assistant.pack import figures
from assistant.pack.figures import FigureError, Quantity
from assistant.pack.schema import Fact

_YEARS = re.compile(r"几年|多少年|多久|几个年头|how many years|how long|years (?:apart|between|passed|later)")
_FALLS = re.compile(r"降|跌|下滑|下降|萎缩|缩水|减少|fell|fall|decline|drop|shrank|shrink|worst")


@dataclass(frozen=True)
class Outcome:
    """What a computation came to: the facts to show, or the operand that stopped it."""

    kind: str  # computed | stated | compare | missing | ambiguous | approximate
    facts: list[Fact] = field(default_factory=list)
    frame: Frame | None = None
    options: list[Fact] = field(default_factory=list)
    winner: int = 0  # compare: the index in `facts` of the larger (or the one asked for)


class Calculator:
    """Computes what a compute or compare question asks, from the operands it names."""

    def __init__(self, matcher: Matcher, resolver: Resolver, labeller: Labeller) -> None:
        self.matcher = matcher
        self.resolver = resolver
        self.labeller = labeller

    def outcome(self, frame: Frame, previous: list[str]) -> Outcome | None:
        """The result for `frame`, or None when the question turns out to be a plain look-up."""
        try:
            outcome = self._outcome(frame, previous)
        except FigureError:  # a zero divisor or an out-of-range figure: nothing the article supports
            return Outcome("missing", [], frame)
        return None if outcome is not None and outcome.kind == "single" else outcome

    def _outcome(self, frame: Frame, previous: list[str]) -> Outcome | None:
        kind = frame.detail
        if kind == "sum" and self._share_metric(frame):
            kind = "ratio"  # "CT和MR合計占營收多少": the share of a sum
        operands = split(frame, set(self.resolver.computed), by_metric=kind in ("ratio", "multiple", "difference",
                                                                                "derive"))
        if len(operands) == 1 and frame.segments and frame.totals and kind in ("multiple", "difference", "compare"):
            # "境內收入跌幅比總營收跌幅多幾個百分點": the segment against the whole
            operands = [operands[0], replace(operands[0], segments=[], qualifiers=[])]
        if kind == "ratio":
            return self._ratio(frame, operands, previous)
        if kind == "multiple" and len(operands) >= 2:
            return self._binary(frame, operands[:2], "multiple")
        if kind == "difference":
            return self._difference(frame, operands)
        if kind == "sum" and len(operands) >= 2:
            return self._total(frame, operands)
        if kind in ("compare", "extreme") and len(operands) >= 2:
            return self._compare(frame, operands)
        if kind == "extreme" and frame.metrics and not frame.segments:
            return self._extreme(frame)
        if kind in ("derive", "difference") and _YEARS.search(frame.folded):
            events = self._events(frame)
            if len(events) >= 2:
                return self._years_between(frame, events[:2])
        if kind == "derive" and len(operands) >= 2:
            return self._implied_among(operands)
        return None

    def _implied_among(self, operands: list[Frame]) -> Outcome | None:
        """"Back out 2023 revenue from the 2024 figure": of the periods named, the one the article does
        not state, computed from the one it does."""
        for part in operands:
            found = self.resolver.figure(part)
            if found.fact is not None and found.fact.derivation is not None and not found.problem:
                return Outcome("computed", [found.fact], part)
            if found.problem == "approximate":
                return self._stop(found, part)
        return None

    # -- operands -------------------------------------------------------------------------------

    def _resolve(self, frames: list[Frame]) -> tuple[list[Fact], Outcome | None]:
        """The figure of each operand; when they all turn out to be one and the same fact ("CT/MR集采
        總金額"), the question is about that one figure, not an operation on several."""
        facts: list[Fact] = []
        for part in frames:
            found = self.resolver.figure(part)
            if found.fact is None or found.problem:
                return [], self._stop(found, part)
            facts.append(found.fact)
        if len(frames) > 1 and len({f.id for f in facts}) == 1:
            return [], Outcome("single", facts, frames[0])
        return facts, None

    @staticmethod
    def _stop(found: Found, frame: Frame) -> Outcome:
        kind = found.problem or "missing"
        return Outcome(kind, [found.fact] if found.fact else [], found.frame or frame, found.options)

    def _quantities(self, facts: list[Fact], *, changes: bool = False) -> list[Quantity] | Outcome:
        try:
            return [figures.of_change(f) if changes else figures.of_fact(f) for f in facts]
        except FigureError:
            rough = next((f for f in facts if f.approx or (changes and (f.change is None or f.change.approx))),
                         facts[0])
            return Outcome("approximate", [rough])

    def _computed(self, frame: Frame, quantity: Quantity, facts: list[Fact], formula: str, key: str,
                  **parts: Fact | list[Fact]) -> Outcome:
        label = self.labeller.localized(key, **parts)
        fact = self.labeller.result(quantity, facts[0], formula, label, frame)
        return Outcome("computed", [fact], frame)

    # -- operations -----------------------------------------------------------------------------

    def _ratio(self, frame: Frame, operands: list[Frame], previous: list[str]) -> Outcome | None:
        if frame.numbers and len(frame.quoted) >= 2:
            quoted = self._by_numbers(frame)
            if quoted is not None:
                return quoted
        stated = self._stated_share(frame, operands, previous)
        if stated is not None:
            return stated
        if len(operands) >= 2 and all(o.segments for o in operands) and (frame.totals or self._share_metric(frame)):
            return self._segments_share(frame, operands)
        if len(operands) >= 2:
            return self._binary(frame, operands[:2], "ratio")
        if frame.segments and not any(self.resolver.computed.get(m) and self.resolver.computed[m].operation == "ratio"
                                      for m in frame.metrics):
            return self._share(frame)
        found = self.resolver.implied(frame)
        if found.fact is not None and not found.problem:
            return Outcome("computed", [found.fact], frame)
        return self._stop(found, frame) if found.problem and found.problem != "missing" else None

    def _segments_share(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        """"CT和MR合計占營收多少": the sum of the segments' figures as a share of the whole."""
        if len(operands) < 2:
            return self._share(frame) if frame.segments else None
        base = _base_metric(frame, self.resolver)
        facts, stop = self._resolve(operands)
        if stop or base is None:
            return stop or Outcome("missing", [], frame)
        whole = self.resolver.figure(operand(frame, segments=[], metrics=[base], focus=base, qualifiers=[]))
        if whole.fact is None or whole.problem:
            return self._stop(whole, frame)
        values = self._quantities([*facts, whole.fact])
        if isinstance(values, Outcome):
            return values
        part = figures.total(values[:-1])
        quantity = figures.ratio(part, values[-1], percent=True)
        return self._computed(frame, quantity, facts, "share", "label_share_of", a=_sum_label(facts), b=whole.fact)

    def _share(self, frame: Frame) -> Outcome:
        """A segment's share of the whole: "what share of revenue came from CT" = CT revenue ÷ revenue."""
        base = _base_metric(frame, self.resolver)
        if base is None:
            return Outcome("missing", [], frame)
        part = operand(frame, metrics=[base], focus=base)
        facts, stop = self._resolve([part])
        if stop:
            return stop
        whole = self.resolver.figure(replace(part, segments=[], qualifiers=[]))
        if whole.fact is None or whole.problem:
            return self._stop(whole, frame)
        values = self._quantities([facts[0], whole.fact])
        if isinstance(values, Outcome):
            return values
        quantity = figures.ratio(values[0], values[1], percent=True)
        return self._computed(frame, quantity, [facts[0], whole.fact], "share", "label_share_of", a=facts[0],
                              b=whole.fact)

    def _share_metric(self, frame: Frame) -> bool:
        return any(self.resolver.computed[m].operation == "share" for m in frame.metrics if m in self.resolver.computed)

    def _stated_share(self, frame: Frame, operands: list[Frame], previous: list[str]) -> Outcome | None:
        """The article's own percentage, when it states exactly the share asked for: about the same
        segments and covering every measure the question names (and not an exact computation asked of a
        rounded statement)."""
        measures = {m for o in operands for m in o.metrics}
        ranked = [s.fact for s in self.matcher.rank(frame, previous=previous)
                  if s.fact.unit == "%" and s.fact.derivation is None
                  and set(s.fact.segment) <= set(frame.segments)
                  and all(self.matcher.covers(s.fact, m) for m in measures)]
        if not ranked or (frame.exact and ranked[0].approx):
            return None
        if ranked[0].approx and len(frame.segments) >= 1:
            exact = self._segments_share(frame, operands)
            if exact is not None and exact.kind == "computed":
                return Outcome("computed", [ranked[0], *exact.facts], frame)
        return Outcome("stated", [ranked[0]], frame)

    def _by_numbers(self, frame: Frame) -> Outcome | None:
        """"用43.59亿除以103亿": the facts that state the numbers the question quotes."""
        facts: list[Fact] = []
        for number in frame.quoted[:2]:
            stating = [k.fact for k in self.matcher.keys.values()
                       if k.fact.value == number.value and k.fact.derivation is None]
            if len(stating) != 1:
                return None
            facts.append(stating[0])
        values = self._quantities(facts)
        if isinstance(values, Outcome):
            return values
        quantity = figures.ratio(values[0], values[1], percent=True)
        return self._computed(frame, quantity, facts, "ratio", "label_ratio", a=facts[0], b=facts[1])

    def _binary(self, frame: Frame, operands: list[Frame], formula: str) -> Outcome:
        facts, stop = self._resolve(operands)
        if stop:
            return stop
        values = self._quantities(facts)
        if isinstance(values, Outcome):
            return values
        per_unit = values[0].unit != values[1].unit and "%" not in (values[0].unit, values[1].unit)
        try:
            quantity = figures.ratio(values[0], values[1], percent=formula == "ratio" and not per_unit)
        except FigureError:
            return Outcome("missing", facts, frame)
        key = "label_per_unit" if per_unit else "label_ratio" if formula == "ratio" else "label_multiple"
        return self._computed(frame, quantity, facts, formula, key, a=facts[0], b=facts[1])

    def change_between(self, frame: Frame, fact: Fact) -> Outcome | None:
        """A change the article does not state but gives both ends of: the figure and the same figure a
        year earlier ("經營性現金流凈額為-3.53億元…較去年同期的-6.57億元": narrowed by 3.04億元)."""
        period = Period.parse(fact.period)
        if period is None or period.year is None or fact.value is None or fact.derivation is not None:
            return None
        pair: list[Fact] = []
        for shift in (-1, 1):  # the year before this one, else the year after (when this is the earlier end)
            other = operand(frame, entities=[fact.subject], metrics=[fact.metric], focus=fact.metric,
                            segments=list(fact.segment), periods=[replace(period, year=period.year + shift)], bases=[])
            found = self.resolver.figure(other)
            if found.fact is not None and not found.problem and found.fact.derivation is None:
                pair = [fact, found.fact] if shift < 0 else [found.fact, fact]
                break
        if not pair:
            return None
        fact = pair[0]
        values = self._quantities(pair)
        if isinstance(values, Outcome):
            return values
        if frame.unit == "%":
            try:
                quantity = figures.ratio(figures.difference(*values), Quantity(abs(values[1].value), values[1].unit,
                                         values[1].expression, values[1].inputs), percent=True)
            except FigureError:
                return None
            return self._computed(frame, quantity, pair, "rate_of_change", "label_change_rate", a=fact)
        quantity = figures.difference(values[0], values[1])
        return self._computed(frame, quantity, pair, "difference", "label_change_amount", a=fact)

    def _difference(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        if len(operands) < 2:
            found = self.resolver.figure(operands[0]) if operands else Found()
            if found.fact is not None and not found.problem and found.fact.derivation is None:
                return self.change_between(frame, found.fact)
            return None
        facts, stop = self._resolve(operands[:2])
        if stop:
            return stop
        of_changes = "change" in frame.cues and all(f.change is not None and f.change.unit == "%" for f in facts)
        values = self._quantities(facts, changes=of_changes)
        if isinstance(values, Outcome):
            return values
        try:
            quantity = figures.difference(values[0], values[1])
        except FigureError:
            return Outcome("missing", facts, frame)
        key = "label_change_gap" if of_changes else "label_difference"
        return self._computed(frame, quantity, facts, "difference", key, a=facts[0], b=facts[1])

    def _total(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        facts, stop = self._resolve(operands)
        if stop:
            return stop if stop.kind == "approximate" else None  # not several figures to add: a look-up
        values = self._quantities(facts)
        if isinstance(values, Outcome):
            return values
        try:
            quantity = figures.total(values)
        except FigureError:
            return Outcome("missing", facts, frame)
        return self._computed(frame, quantity, facts, "sum", "label_sum", a=_sum_label(facts))

    def _compare(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        facts, stop = self._resolve(operands)
        if stop:
            return stop if stop.kind == "approximate" else None
        of_changes = "change" in frame.cues and all(f.change is not None for f in facts)
        values = self._quantities(facts, changes=of_changes)
        if isinstance(values, Outcome):
            return values
        if len({v.unit for v in values}) != 1:
            return Outcome("missing", facts, frame)
        lowest = (bool(_FALLS.search(frame.folded)) and of_changes) or _asks_lowest(frame.folded)
        pick = min if lowest else max
        winner = pick(range(len(values)), key=lambda i: values[i].value)
        return Outcome("compare", facts, frame, winner=winner)

    def _extreme(self, frame: Frame) -> Outcome | None:
        """"哪條產品線跌幅最大": every segment's figure of the metric, and the one at the extreme."""
        of_changes = "change" in frame.cues
        ranked = [s.fact for s in self.matcher.rank(frame) if s.fact.segment and s.fact.value is not None
                  and (not of_changes or (s.fact.change is not None and not s.fact.change.approx))]
        by_segment: dict[str, Fact] = {}
        for fact in ranked:
            by_segment.setdefault("+".join(fact.segment), fact)
        facts = list(by_segment.values())
        if len(facts) < 2:
            return None
        values = [f.change.value if of_changes and f.change else f.value for f in facts]
        lowest = (of_changes and bool(_FALLS.search(frame.folded))) or _asks_lowest(frame.folded)
        winner = (min if lowest else max)(range(len(values)), key=lambda i: values[i] or Decimal(0))
        return Outcome("compare", facts, frame, winner=winner)

    @staticmethod
    def _events(frame: Frame) -> list[Frame]:
        """The dated things a "how many years from X to Y" names: its measures (成立, 上市) and its
        qualifiers that mark an event (A輪)."""
        named = [operand(frame, metrics=[m], focus=m, qualifiers=[]) for m in frame.metrics]
        named += [operand(frame, metrics=[], qualifiers=[q]) for q in frame.qualifiers
                  if q not in frame.operation_words]
        return named

    def _years_between(self, frame: Frame, operands: list[Frame]) -> Outcome:
        facts: list[Fact] = []
        for part in operands:
            found = self.resolver.figure(replace(part, operation="when"))
            if found.fact is None:
                return self._stop(found, part)
            facts.append(found.fact)
        years = [_year_of(f) for f in facts]
        if any(y is None for y in years):
            return Outcome("missing", facts, frame)
        first, second = sorted(zip(years, facts, strict=True), key=lambda p: p[0] or 0)
        quantity = Quantity(Decimal((second[0] or 0) - (first[0] or 0)), "年",
                            f"{second[0]}年 − {first[0]}年", tuple(dict.fromkeys([second[1].id, first[1].id])), True)
        return self._computed(frame, quantity, [second[1], first[1]], "years_between", "label_years",
                              a=first[1], b=second[1])


def _asks_lowest(folded: str) -> bool:
    return bool(re.search(r"最少|最低|最小|最慢|更少|更低|更小|least|lowest|smallest|slowest|lower|fewer|less", folded))


def _sum_label(facts: list[Fact]) -> Fact | list[Fact]:
    return facts[0] if len(facts) == 1 else facts


def _base_metric(frame: Frame, resolver: Resolver) -> str | None:
    """The metric a share is a share of: the plain metric named, else the share concept's own base."""
    plain = [m for m in frame.metrics if m not in resolver.computed]
    if plain:
        return plain[0]
    return next((rule.over for m in frame.metrics if (rule := resolver.computed.get(m)) and rule.over), None)
