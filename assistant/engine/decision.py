"""The decision of one turn: what to answer, as a typed value that `compose` writes out.

Its own module because every stage that decides (the early checks, look-ups, statements, computations)
returns one, and `compose` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.engine.arithmetic import Outcome
from assistant.engine.frame import Frame
from assistant.pack.schema import Fact


@dataclass
class Decision:
    """What the engine decided to answer, before any text is written."""

    kind: str
    frame: Frame
    intent: str = "lookup"
    facts: list[Fact] = field(default_factory=list)
    confidence: float = 0.7
    fields: dict[str, str] = field(default_factory=dict)
    concepts: list[str] = field(default_factory=list)
    asked: Frame | None = None
    notes: list[list[str]] = field(default_factory=list)
    winner: int = 0

    @property
    def answered(self) -> bool:
        return self.kind in ("figures", "computed", "compare", "meta", "passage")


def from_outcome(outcome: Outcome, frame: Frame) -> Decision:
    """What a computation came to, as a decision: its figures, a comparison, the options of an ambiguous
    operand, the approximate figure that stopped it, or the gap it names."""
    if outcome.kind in ("computed", "stated"):
        return Decision("figures", outcome.frame or frame, frame.detail, outcome.facts, 0.8)
    if outcome.kind == "compare":
        return Decision("compare", outcome.frame or frame, frame.detail, outcome.facts, 0.8, winner=outcome.winner)
    if outcome.kind == "ambiguous":
        return Decision("clarify", outcome.frame or frame, "clarify", outcome.options, 0.4)
    if outcome.kind == "approximate" and outcome.facts:
        return Decision("approximate", frame, "approximate", outcome.facts, 0.7)
    missing = outcome.frame or frame
    return Decision("gap", frame, "no_fact", asked=missing)
