"""Follow-up context as plain data: what the previous turn asked about and answered."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.engine.understand import Frame

SLOTS = ("metrics", "segments", "entities", "periods")


@dataclass
class Context:
    """The last resolved frame and facts of a conversation."""

    frame: Frame | None = None
    fact_ids: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    language: str | None = None


def inherit(frame: Frame, previous: Frame, *, keep: tuple[str, ...]) -> Frame:
    """A copy of `frame` with the slots named in `keep` taken from `previous` where the question is silent.

    Qualifiers travel with an inherited metric unless the question names a new segment ("國內呢?" after
    foreign competitors asks for the domestic ones).
    """
    merged = replace(frame, inherited=set(frame.inherited))
    for slot in keep:
        if not getattr(frame, slot) and getattr(previous, slot):
            setattr(merged, slot, list(getattr(previous, slot)))
            merged.inherited.add(slot)
    if "metrics" in merged.inherited and not frame.qualifiers and not frame.segments:
        merged.qualifiers = list(previous.qualifiers)
    return merged


def attempts(frame: Frame) -> list[tuple[str, ...]]:
    """Which slots to inherit, most context first. A question naming both subject and metric stands
    on its own; the subject is only let go when the question names a new metric ("what about 2024?"
    must stay with the company asked about)."""
    if frame.entities and frame.metrics:
        return [("periods",), ()]
    tries: list[tuple[str, ...]] = [SLOTS, ("metrics", "entities", "periods"), ("metrics", "entities")]
    if frame.metrics:
        tries += [("periods",), ()]
    return tries
