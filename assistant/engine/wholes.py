"""Whether a part's figure may stand for a whole company's: the pack's whole-company figures, looked up once
per company and measure."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.engine.factkeys import FactKeys
from assistant.engine.frame import Frame


class Wholes:
    """The measures the pack gives for a whole company, and the words that ask for the whole (總營收)."""

    def __init__(self, keys: Mapping[str, FactKeys], whole_words: tuple[str, ...]) -> None:
        self.keys = keys
        self.whole_words = whole_words
        self._known: dict[tuple[str, str], bool] = {}

    def part_for_whole(self, frame: Frame, keys: FactKeys) -> bool:
        """Whether a part's figure (a line's, a region's) would answer a question about a whole company
        that has none of its own: refused when the pack gives the company's whole amount in another period
        (2022年營收 is no line's 2022 revenue, though 客運方面…載客率 may be the company's), or the measure
        for another whole company (net profit, revenue), or when the question says it wants the whole
        (總營收); a measure given only by parts (market share by product) is still offered part by part."""
        fact = keys.fact
        if self.given(fact.subject, fact.metric):  # a line's amount of a period is a part of the company's; its
            amount = fact.unit != "%" and fact.period is not None  # rate may be its own; a plan has no period
            return amount and frame.operation != "compare"  # 哪條業務線收入最高 ranks the parts
        asks_whole = any(w in frame.folded for w in self.whole_words)
        return asks_whole or any(self.given(None, m) for m in (fact.metric, *frame.metrics))

    def given(self, subject: str | None, metric: str) -> bool:
        """Whether the pack gives the measure for a whole company (this one, or any when subject is None)."""
        key = (subject or "", metric)
        if key not in self._known:
            self._known[key] = any(
                (subject is None or k.fact.subject == subject)
                and k.fact.metric == metric
                and not k.segments
                and k.fact.value is not None
                for k in self.keys.values()
            )
        return self._known[key]
