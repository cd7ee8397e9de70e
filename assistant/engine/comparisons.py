"""Comparisons: which of the figures named is larger (or smaller, when the question asks for the lowest or
the worst fall), and which segment's figure is at the extreme ("哪條產品線跌幅最大").
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.engine.arithmetic import Arithmetic, Outcome
from assistant.engine.frame import Frame
from assistant.pack.schema import Fact

_FALLS = re.compile(r"降|跌|下滑|下降|萎缩|缩水|减少|fell|fall|decline|drop|shrank|shrink|worst")
_LOWEST = re.compile(r"最少|最低|最小|最慢|更少|更低|更小|least|lowest|smallest|slowest|lower|fewer|less")


class Comparisons(Arithmetic):
    """Compares the figures of a compare or extreme question."""

    def compare(self, frame: Frame, operands: list[Frame]) -> Outcome | None:
        """The operands' figures (or their changes) and the one the question asks for."""
        facts, stop = self.resolve(operands)
        if stop:
            return stop if stop.kind == "approximate" else None
        of_changes = "change" in frame.cues and all(f.change is not None for f in facts)
        values = self.quantities(facts, changes=of_changes)
        if isinstance(values, Outcome):
            return values
        if len({v.unit for v in values}) != 1:
            return Outcome("missing", facts, frame)
        lowest = (bool(_FALLS.search(frame.folded)) and of_changes) or _asks_lowest(frame.folded)
        pick = min if lowest else max
        winner = pick(range(len(values)), key=lambda i: values[i].value)
        return Outcome("compare", facts, frame, winner=winner)

    def extreme(self, frame: Frame) -> Outcome | None:
        """ "哪條產品線跌幅最大": every segment's figure of the metric, and the one at the extreme."""
        of_changes = "change" in frame.cues
        facts = self._per_segment(frame, of_changes=of_changes)
        if len(facts) < 2 and not of_changes:
            facts = self._per_period(frame)  # 市值最高到过多少: of one measure's dated figures, the highest
        if len(facts) < 2:
            return None
        values = [f.change.value if of_changes and f.change else f.value for f in facts]
        lowest = (of_changes and bool(_FALLS.search(frame.folded))) or _asks_lowest(frame.folded)
        winner = (min if lowest else max)(range(len(values)), key=lambda i: values[i] or Decimal(0))
        return Outcome("compare", facts, frame, winner=winner)

    def _per_period(self, frame: Frame) -> list[Fact]:
        """The figures of the best-ranked company's measure (no line), one per period it is given for."""
        ranked = [s.fact for s in self.matcher.rank(frame) if s.fact.value is not None and not s.fact.segment]
        if not ranked:
            return []
        first = ranked[0]
        by_period: dict[str, Fact] = {}
        for fact in ranked:
            if fact.period and (fact.subject, fact.metric, fact.unit) == (first.subject, first.metric, first.unit):
                by_period.setdefault(fact.period, fact)
        return list(by_period.values())

    def _per_segment(self, frame: Frame, *, of_changes: bool) -> list[Fact]:
        """The best-ranked figure of each segment (with an exact change, when changes are compared)."""
        ranked = [
            s.fact
            for s in self.matcher.rank(frame)
            if s.fact.segment
            and s.fact.value is not None
            and (not of_changes or (s.fact.change is not None and not s.fact.change.approx))
        ]
        by_segment: dict[str, Fact] = {}
        for fact in ranked:
            by_segment.setdefault("+".join(fact.segment), fact)
        return list(by_segment.values())


def _asks_lowest(folded: str) -> bool:
    return bool(_LOWEST.search(folded))
