"""Follow-up context as plain data: what the previous turn asked about and answered."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.understand import Frame


@dataclass
class Context:
    """The last resolved frame and facts of a conversation."""

    frame: Frame | None = None
    fact_ids: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)


def inherit(frame: Frame, previous: Frame, *, keep: tuple[str, ...]) -> Frame:
    """A copy of `frame` with the slots named in `keep` taken from `previous` where the question is silent.

    Segments travel with the metric: a new metric drops the old segments ("CT revenue" then
    "net profit?" asks for the company's net profit), a new segment keeps the old metric ("MR?").
    """
    merged = replace(frame, inherited=set(frame.inherited))
    if "metrics" in keep and not frame.metrics and previous.metrics:
        merged.metrics = list(previous.metrics)
        merged.inherited.add("metrics")
        if not frame.segments and "segments" in keep:
            merged.segments = list(previous.segments)
            merged.inherited.add("segments")
        if not frame.qualifiers:
            merged.qualifiers = [q for q in previous.qualifiers if q not in frame.qualifiers]
    if "entities" in keep and not frame.entities and previous.entities:
        merged.entities = list(previous.entities)
        merged.inherited.add("entities")
    if "periods" in keep and not frame.periods and previous.periods:
        merged.periods = list(previous.periods)
        merged.inherited.add("periods")
    return merged
