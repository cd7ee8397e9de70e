"""The decision of one turn: what to answer, as a typed value that `compose` writes out.

Its own module because every stage that decides (the early checks, look-ups, statements, computations)
returns one, and `compose` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        return self.kind in ("figures", "computed", "compare", "meta")
