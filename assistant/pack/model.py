"""The loaded, validated fact pack: plain data shared by the matcher and the renderer.

A msgspec Struct of schema records, so that the compiled-pack cache stores it as data (msgpack) and reads
it back into the same typed records, never as code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from assistant.pack.schema import Concept, Fact, Intent, Localized, NotAFact, Source


class Pack(msgspec.Struct, frozen=True, kw_only=True):
    """Everything one fact pack holds, after validation and derivation."""

    root: Path
    sources: dict[str, Source]
    paragraphs: dict[str, list[str]]
    facts: dict[str, Fact]
    concepts: dict[str, Concept]
    intents: dict[str, Intent]
    templates: dict[str, Localized]
    units: dict[str, Localized]
    approximations: dict[str, Localized]
    stopwords: list[str]
    periods: dict[str, Any] = msgspec.field(default_factory=dict)
    words: dict[str, list[str]] = msgspec.field(default_factory=dict)
    precision: dict[str, Any] = msgspec.field(default_factory=dict)
    not_facts: list[NotAFact] = msgspec.field(default_factory=list)
    default_subject: str | None = None
    default_period: str | None = None
    examples: list[str] = msgspec.field(default_factory=list)
    current_year: int | None = None
    yuan_en: str | None = None  # 元 in English when the article's 元 is no renminbi (NT$)
    fingerprint: str = ""

    def paragraph(self, source: str, number: int) -> str:
        """Text of a paragraph (1-based); paragraph 0 is the source's metadata line, its outlet;
        '' when out of range."""
        if number == 0 and source in self.sources:
            return self.sources[source].outlet
        paragraphs = self.paragraphs.get(source, [])
        return paragraphs[number - 1] if 0 < number <= len(paragraphs) else ""

    def source_of(self, fact: Fact) -> Source:
        """The source a fact cites (the loader fills in the id for single-source packs)."""
        return self.sources[fact.source or next(iter(self.sources))]

    def unit_words(self) -> dict[str, str]:
        """Each unit concept and the unit as the figures write it (hkd: 港元): a unit a question names is
        read as that word, and a unit no figure is written in is refused by the concept's names."""
        return {cid: c.names.zh_Hant for cid, c in self.concepts.items() if c.kind == "unit"}

    def ratios_over(self, whole: str) -> dict[str, str]:
        """Each measure and the concept that is its ratio over `whole` (staff_costs: staff_cost_ratio, over revenue)."""
        return {
            c.computed.of: cid
            for cid, c in self.concepts.items()
            if c.computed and c.computed.of and (c.computed.operation, c.computed.over) == ("ratio", whole)
        }
