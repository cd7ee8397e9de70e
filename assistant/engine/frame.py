"""The frame of a question: its operation and the slots that select facts, as the matcher needs them.

A frame is the working form of an Interpretation: plain data built by `interpret`, edited by the
conversation (`session`), and read by the matcher and the decision. `selector()` gives its public view.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from assistant.engine.answer import Selector
from assistant.engine.lexicon import Hit
from assistant.engine.reading import QuotedNumber
from assistant.lang.periods import Period
from assistant.pack.schema import Fact

SLOTS = ("entities", "metrics", "segments", "qualifiers", "periods")


@dataclass
class Frame:
    """What a question names and asks, in order of appearance."""

    folded: str
    operation: str = "lookup"
    detail: str = "lookup"
    fallback: tuple[str, str] = ("lookup", "lookup")  # the operation to answer when no computation applies
    unrefused: tuple[str, str] = ("lookup", "lookup")  # what a forecast question asks besides (预计何时投产: when)
    entities: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    bases: list[Period] = field(default_factory=list)
    relative: str | None = None
    numbers: set[Decimal] = field(default_factory=set)
    quoted: list[QuotedNumber] = field(default_factory=list)
    cues: dict[str, int] = field(default_factory=dict)
    unknown_names: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    inherited: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    focus: str | None = None
    unit: str | None = None
    counter: str | None = None  # 幾多間, 多少架: the counter the words ask a count in, of the pack's figures' units
    per: str | None = None  # 多少錢一頭, per kg: the thing an amount asked is per
    decimals: int | None = None
    pronoun: bool = False
    points_at_part: bool = False  # 這塊業務, this segment: the line of the last question, firmly
    follow_up: bool = False
    exact: bool = False
    now: bool = False  # 现在, currently: of dated figures of one measure, the latest
    target: bool = False  # 目标, target: only a stated plan answers
    planning: bool = False  # 打算, plan (or a target): a planned figure is likelier than the one reported
    totals: bool = False
    amount: bool = False  # asks for an amount in the figure's own unit ("in absolute terms")
    basis: str | None = None  # 同比, q/q: what a change asked is measured against (pack.bases)
    operation_words: set[str] = field(default_factory=set)  # qualifiers read as the operation ("combined")
    given: Fact | None = None  # an operand already known: a figure of the conversation ("the two")

    @property
    def has_topic(self) -> bool:
        """Whether the question names something to look up beyond an entity or a period."""
        return bool(self.metrics or self.segments or self.qualifiers)

    def dropping(self, *slots: str) -> Frame:
        """A copy with the named slots emptied (and no longer counted as inherited)."""
        copy = replace(self, inherited=self.inherited - set(slots))
        for slot in slots:
            setattr(copy, slot, [])
        return copy

    def concepts(self) -> list[str]:
        return self.entities + self.metrics + self.segments + self.qualifiers

    def selector(self) -> Selector:
        """The public view of what this frame selects."""
        return Selector(
            entity=self.entities[0] if self.entities else None,
            metric=self.focus or (self.metrics[0] if self.metrics else None),
            period=self.periods[0].canonical() if self.periods else None,
            segments=list(self.segments),
            qualifiers=list(self.qualifiers),
            numbers=[f"{n:f}" for n in sorted(self.numbers)],
        )
