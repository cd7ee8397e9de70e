"""What a pack holds, for people: its facts as a table (`assistant facts`) and its sources' paragraphs
(`assistant source`)."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import Any

import msgspec

from assistant.errors import AssistantError
from assistant.lang.normalize import fold
from assistant.pack.model import Pack
from assistant.pack.schema import Concept, Fact

COLUMNS = ("id", "subject", "metric", "period", "segment", "tags", "label", "value", "para")
OPTIONAL = ("segment", "tags", "label")  # left out when no fact listed has one
TABLE_WIDTH = 100
GAP = "  "
# How narrow each column may get when the table is wider than the terminal (others keep their width).
MIN_WIDTH = {"id": 12, "subject": 6, "metric": 8, "period": 7, "segment": 7, "tags": 6, "label": 8, "value": 11}
NEVER_CUT = ("id",)
FIRST_TO_DROP = ("label", "tags", "segment")  # when even the narrowest columns do not fit (--csv has all)


@dataclass(frozen=True)
class FactFilter:
    """What `assistant facts` narrows the list to: words to search, a subject, a metric, a period."""

    search: str | None = None
    subject: str | None = None
    metric: str | None = None
    period: str | None = None


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


def find_facts(pack: Pack, where: FactFilter | None = None) -> list[Fact]:
    """The pack's facts in file order, narrowed by `where`: every folded word of its search in the fact's
    text, its subject and metric (by id, name or alias) and its period (2024 takes 2024Q1 and 2024-12)."""
    where = where or FactFilter()
    words = fold(where.search or "").split()
    subjects = concepts_named(pack, where.subject, "--subject", ("entity",))
    metrics = concepts_named(pack, where.metric, "--metric", ("metric",))
    period = _period_asked(where.period)
    found = []
    for fact in pack.facts.values():
        if subjects is not None and fact.subject not in subjects:
            continue
        if metrics is not None and fact.metric not in metrics:
            continue
        if period is not None and not _in_period(fact, period):
            continue
        if words and not all(w in search_text(pack, fact) for w in words):
            continue
        found.append(fact)
    return found


def concepts_named(pack: Pack, term: str | None, option: str, kinds: tuple[str, ...]) -> set[str] | None:
    """The concepts a filter names: by id, by a name or by an alias, in any script (None: no filter).

    A word that names nothing is a usage error that lists the closest concepts, so a typo is not
    mistaken for "no facts"."""
    if term is None:
        return None
    wanted = fold(term)
    found = {
        cid
        for cid, concept in pack.concepts.items()
        if wanted in {fold(n) for n in _names(cid, concept)} and concept.kind in kinds
    }
    if found:
        return found
    known = sorted(cid for cid, c in pack.concepts.items() if c.kind in kinds and _used(pack, cid))
    close = difflib.get_close_matches(term, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f" (used by facts: {', '.join(known[:12])})"
    raise AssistantError(f"{option} {term!r}: no {' or '.join(kinds)} of this pack is called that{hint}")


def _names(concept_id: str, concept: Concept) -> list[str]:
    names = concept.names
    return [concept_id, names.zh_Hant, names.zh_Hans or "", names.en, *concept.aliases]


def _used(pack: Pack, concept_id: str) -> bool:
    return any(concept_id in (f.subject, f.metric) for f in pack.facts.values())


def _period_asked(term: str | None) -> str | None:
    """`--period 2024`, `2024年`, `2025q1`: the canonical prefix to match."""
    if term is None:
        return None
    return term.strip().upper().removesuffix("年")


def _in_period(fact: Fact, period: str) -> bool:
    """A fact is in 2024 when its period is 2024 or lies inside it (2024Q1, 2024H2, 2024-12, 2024-12-31)."""
    own = (fact.period or "").upper()
    return own == period or (own.startswith(period) and not own[len(period)].isdigit())


def fact_row(pack: Pack, fact: Fact) -> tuple[str, ...]:
    """One table row: id, subject, metric, period, segments, qualifiers (tags), label, value as written,
    paragraph."""
    if fact.value is None:
        value = "(statement)"
    elif fact.derivation is not None:
        value = f"(derived) {fact.written}"  # the mark first, so that a narrow column keeps it
    else:
        value = fact.written or str(fact.value)
    label = fact.label.zh_Hant if fact.label is not None else ""
    return (
        fact.id,
        fact.subject,
        fact.metric,
        fact.period or fact.when or "",
        ",".join(fact.segment),
        ",".join(fact.tags),
        label,
        value,
        str(fact.paragraph),
    )


def width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, columns: int) -> str:
    """`text` cut to `columns` terminal columns, with an ellipsis where it was cut."""
    if width(text) <= columns:
        return text
    while text and width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def column_widths(
    rows: list[tuple[str, ...]], header: tuple[str, ...], limit: int, *, keep_ids: bool = True
) -> list[int]:
    """Natural widths; while the line is wider than `limit`, the widest column that may still give way
    loses one column (never below MIN_WIDTH), so long cells are cut and short ones stay whole. The id,
    the handle to find a fact in its file (and to paste into `assistant source`), is cut only when
    `keep_ids` is off."""
    widths = [max(width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    floors = [
        widths[i] if keep_ids and name in NEVER_CUT else max(MIN_WIDTH.get(name, width(name)), width(name))
        for i, name in enumerate(header)
    ]
    excess = sum(widths) + len(GAP) * (len(header) - 1) - limit
    while excess > 0:
        room = [(widths[i], -i) for i in range(len(header)) if widths[i] > floors[i]]
        if not room:
            break
        widest = -max(room)[1]
        widths[widest] -= 1
        excess -= 1
    return widths


def fits(widths: list[int], limit: int) -> bool:
    return sum(widths) + len(GAP) * (len(widths) - 1) <= limit


def table(rows: list[tuple[str, ...]], header: tuple[str, ...] = COLUMNS, limit: int = TABLE_WIDTH) -> str:
    """A plain-text table aligned for terminals, CJK included, no wider than `limit` columns; the
    optional columns (segment, tags, label) only when some row has one and there is room for them
    beside whole ids."""
    kept = [i for i, name in enumerate(header) if name not in OPTIONAL or any(row[i] for row in rows)]
    header = tuple(header[i] for i in kept)
    rows = [tuple(row[i] for i in kept) for row in rows]
    widths = column_widths(rows, header, limit)
    for name in FIRST_TO_DROP:
        if fits(widths, limit) or name not in header:
            continue
        gone = header.index(name)
        header = header[:gone] + header[gone + 1 :]
        rows = [row[:gone] + row[gone + 1 :] for row in rows]
        widths = column_widths(rows, header, limit)
    if not fits(widths, limit):  # ids longer than a terminal line: cut them too, rather than wrap every row
        widths = column_widths(rows, header, limit, keep_ids=False)
    lines = []
    for row in [header, *rows]:
        cells = [clip(cell, widths[i]) for i, cell in enumerate(row)]
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(cells)]
        lines.append(GAP.join(cells).rstrip())
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
