"""The steps every computation shares: the figure of each operand, their quantities, and the result as a
computed fact with its formula and every input cited.

A computation is only made from exact stated figures; when an operand is missing, ambiguous or approximate
the outcome says which, and the answer names it instead of computing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.engine.frame import Frame
from assistant.engine.matcher import Matcher
from assistant.engine.operands import Found, Labeller, Resolver
from assistant.pack import figures
from assistant.pack.figures import FigureError, Quantity
from assistant.pack.schema import Fact


@dataclass(frozen=True)
class Outcome:
    """What a computation came to: the facts to show, or the operand that stopped it."""

    kind: str  # computed | stated | compare | missing | ambiguous | approximate | single
    facts: list[Fact] = field(default_factory=list)
    frame: Frame | None = None
    options: list[Fact] = field(default_factory=list)
    winner: int = 0  # compare: the index in `facts` of the larger (or the one asked for)


class Arithmetic:
    """Resolves operands to figures and turns quantities into cited results; the operations build on it."""

    def __init__(self, matcher: Matcher, resolver: Resolver, labeller: Labeller) -> None:
        self.matcher = matcher
        self.resolver = resolver
        self.labeller = labeller

    def resolve(self, frames: list[Frame]) -> tuple[list[Fact], Outcome | None]:
        """The figure of each operand; when they all turn out to be one and the same fact ("CT/MR集采
        總金額"), the question is about that one figure, not an operation on several."""
        facts: list[Fact] = []
        for part in frames:
            found = Found(part.given, part) if part.given is not None else self.resolver.figure(part)
            if found.fact is None or found.problem:
                return [], self.stop(found, part)
            facts.append(found.fact)
        if len(frames) > 1 and len({f.id for f in facts}) == 1:
            return [], Outcome("single", facts, frames[0])
        return facts, None

    @staticmethod
    def stop(found: Found, frame: Frame) -> Outcome:
        """The outcome of an operand that has no exact figure: missing, ambiguous or approximate."""
        kind = found.problem or "missing"
        return Outcome(kind, [found.fact] if found.fact else [], found.frame or frame, found.options)

    @staticmethod
    def quantities(facts: list[Fact], *, changes: bool = False) -> list[Quantity] | Outcome:
        """The exact quantities of the facts (or of their changes), else the approximate one that stops."""
        try:
            return [figures.of_change(f) if changes else figures.of_fact(f) for f in facts]
        except FigureError:
            rough = next(
                (f for f in facts if f.approx or (changes and (f.change is None or f.change.approx))), facts[0]
            )
            return Outcome("approximate", [rough])

    def computed(
        self, frame: Frame, quantity: Quantity, facts: list[Fact], formula: str, key: str, **parts: Fact | list[Fact]
    ) -> Outcome:
        """The result as a computed fact, labelled from the template `key` with its inputs."""
        label = self.labeller.localized(key, **parts)
        fact = self.labeller.result(quantity, facts[0], formula, label, frame)
        return Outcome("computed", [fact], frame)


def sum_label(facts: list[Fact]) -> Fact | list[Fact]:
    """What a label names for a sum: the one fact, or all of them."""
    return facts[0] if len(facts) == 1 else facts
