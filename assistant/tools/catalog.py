"""What a pack holds, for people: its facts as a table (`assistant facts`) and its sources' paragraphs
(`assistant source`)."""

from __future__ import annotations

import unicodedata
from typing import Any

import msgspec

from assistant.errors import AssistantError
from assistant.lang.normalize import fold
from assistant.pack.model import Pack
from assistant.pack.schema import Fact

COLUMNS = ("id", "subject", "metric", "period", "value", "para")


def search_text(pack: Pack, fact: Fact) -> str:
    """The folded text a search matches: id, labels, statement, quote and the names of its concepts."""
    parts = [fact.id, fact.quote, fact.written or "", fact.when or "", fact.period or ""]
    for localized in (fact.label, fact.statement):
        if localized is not None:
            parts += [localized.zh_Hant, localized.zh_Hans or "", localized.en]
    for concept_id in [fact.subject, fact.metric, *fact.segment, *fact.tags, fact.object]:
        concept = pack.concepts.get(concept_id or "")
        parts.append(concept_id or "")
        if concept is not None:
            parts += [concept.names.zh_Hant, concept.names.zh_Hans or "", concept.names.en]
    return fold(" ".join(parts))


def find_facts(pack: Pack, search: str | None = None) -> list[Fact]:
    """The pack's facts in file order; with `search`, those whose folded text holds every folded word of it."""
    facts = list(pack.facts.values())
    words = fold(search or "").split()
    if not words:
        return facts
    return [f for f in facts if all(w in search_text(pack, f) for w in words)]


def fact_row(fact: Fact) -> tuple[str, ...]:
    """One table row: id, subject, metric, period, the value as written, paragraph."""
    if fact.value is None:
        value = "(statement)"
    elif fact.derivation is not None:
        value = f"{fact.written} (derived)"
    else:
        value = fact.written or str(fact.value)
    return fact.id, fact.subject, fact.metric, fact.period or fact.when or "", value, str(fact.paragraph)


def width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(rows: list[tuple[str, ...]], header: tuple[str, ...] = COLUMNS) -> str:
    """A plain-text table aligned for terminals, CJK included."""
    everything = [header, *rows]
    widths = [max(width(row[i]) for row in everything) for i in range(len(header))]
    lines = []
    for row in everything:
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def facts_json(facts: list[Fact]) -> list[dict[str, Any]]:
    return [{k: v for k, v in msgspec.to_builtins(f).items() if v is not None} for f in facts]


def pick_source(pack: Pack, source_id: str | None) -> str:
    """The id of the source to show: the one asked for, else the pack's first."""
    if source_id is None:
        return next(iter(pack.sources))
    if source_id not in pack.sources:
        known = ", ".join(pack.sources)
        raise AssistantError(f"no source {source_id!r} in this pack (it has: {known})")
    return source_id


def paragraphs(pack: Pack, source_id: str, number: int | None = None) -> list[tuple[int, str]]:
    """(number, text) of every paragraph of a source, or of paragraph `number` only."""
    numbered = list(enumerate(pack.paragraphs[source_id], 1))
    if number is None:
        return numbered
    if not 0 < number <= len(numbered):
        raise AssistantError(f"paragraph {number} is out of range: {source_id} has paragraphs 1-{len(numbered)}")
    return [numbered[number - 1]]
